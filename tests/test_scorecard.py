"""The scorecard and the command line."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import DW

from geoclaims.cli import main
from geoclaims.errors import InputError
from geoclaims.findings import NOT_CHECKED, Finding
from geoclaims.registry import claim_ids
from geoclaims.scorecard import JSON_KEYS, check_claims, format_scorecard, summary


def test_check_json_parses_and_carries_every_key(capsys):
    assert main(["check", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["claim_id"] for r in rows] == claim_ids()
    for row in rows:
        assert set(row) == set(JSON_KEYS)


def test_every_rated_finding_names_its_sources_and_rule():
    for finding in check_claims():
        if finding.checked:
            assert finding.sources and finding.rule, finding.claim_id


def test_not_checked_is_counted_apart_from_ratings():
    findings = [Finding("a", 1, "x", None, None, None, NOT_CHECKED, "not built"),
                Finding("b", 1, "x", 1, 1, 1, "accurate", "equal")]
    assert summary(findings) == "2 claims: 1 accurate; 1 not checked yet"


def test_a_finding_rejects_an_unknown_rating():
    with pytest.raises(InputError, match="rating must be one of"):
        Finding("a", 1, "x", 1, 1, 1, "true-ish", "")


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_every_format_names_every_claim(fmt):
    findings = check_claims()
    text = format_scorecard(findings, fmt)
    for f in findings:
        assert f.claim_id in text


def test_unknown_claim_gives_one_line_and_exit_2(capsys):
    assert main(["check", "--claim", "tunnel-length-miles"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown claim id 'tunnel-length-miles'" in err[0] and "tunnel-length-km" in err[0]


def test_unreadable_data_file_gives_one_line_and_exit_2(data_copy, capsys):
    (data_copy / DW / "claims.csv").write_bytes(b"claim_id\n\xff\xfe not utf-8")
    assert main(["check"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "claims.csv, line 2, column 1: not UTF-8" in err[0]


def test_meetings_window_lists_the_five_the_article_counts(capsys):
    # the meetings between Abe's return (26 Dec 2012) and Sochi (8 Feb 2014)
    assert main(["meetings", "--since", "2012-12-26", "--until", "2014-02-08", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["city"] for r in rows] == ["Moscow", "Lough Erne", "St Petersburg", "Bali", "Sochi"]
    assert [r["ordinal_in_window"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[-1]["ordinal"] == 8
    assert set(rows[0]) == {"date", "city", "country", "occasion", "ordinal", "ordinal_in_window", "sources"}


@pytest.mark.parametrize("argv, bad", [(["--since", "2014-02-30"], "2014-02-30"), (["--until", "Feb 2014"], "Feb 2014")])
def test_malformed_date_is_named_in_one_line(capsys, argv, bad):
    assert main(["meetings", *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and repr(bad) in err[0]


def test_the_terminal_scorecard_fits_80_columns_and_reads_as_sentences():
    text = format_scorecard(check_claims(), "table", width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "5, 5" not in text and "[5, 5]" not in text and "68.4–68.4" not in text
    assert "0 nm in the NSR water area" not in text


def test_one_claim_is_not_claims():
    assert summary([Finding("a", 1, "x", 1, 1, 1, "accurate", "equal")]) == "1 claim: 1 accurate"


@pytest.mark.parametrize("argv", [["check"], ["claims"], ["voyages"], ["meetings"], ["articles"],
                                  ["route", "NLRTM", "JPYOK", "--via", "nsr", "--profile", "slow-steaming"],
                                  ["check", "--article", "maritime-executive-2013-yong-sheng"]])
def test_every_table_fits_an_80_column_terminal(argv, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_every_subcommand_and_option_has_help():
    from geoclaims.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        assert sub.description, name
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, (name, action.dest)


def test_values_readers_see_are_never_in_exponent_form():
    from geoclaims.scorecard import show_value

    # a route length in km printed as "1.364e+04" is unreadable in the report's tables
    assert show_value(13640.4) == "13640" and show_value(-12345.6) == "-12346"
    assert show_value(9999.5) == "10000" and show_value(1.234e-05) == "0.00001234"  # the edges of 4 figures
    assert show_value(np.float32(13640.4)) == "13640" and show_value(np.float64(0.7951)) == "0.7951"
    assert show_value(19.274) == "19.27" and show_value(7931.2) == "7931" and show_value(12.0) == "12"
