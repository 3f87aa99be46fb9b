"""Meeting, date and history checks against their sources."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import edit

from geoclaims.errors import DataError
from geoclaims.registry import get_claim
from geoclaims.scorecard import check_claims
from geoclaims.datasets import load_meeting_counts, load_meetings
from geoclaims.scorecard import run_for
from geoclaims.families.timeline_checks import island_area_share_range


def finding(claim_id):
    return check_claims([claim_id])[0]


def test_sochi_2014_is_the_fifth_meeting_since_abe_took_office():
    # Japan Times editorial, 12 Feb 2014: "their fifth in a year"; MOFA numbers Beijing (Nov 2014) the 10th overall.
    f = finding("meetings-since-office")
    assert (f.measured, f.rating) == (5, "accurate")
    assert load_meetings().loc["sochi-2014", "ordinal"] == 8


def test_official_counts_agree_with_the_table_and_media_discrepancies_are_kept():
    counts = load_meeting_counts()
    assert counts[counts["kind"] == "official"]["agrees"].all()
    # AFP called Moscow 2019 the 25th since 2013; it is the 22nd since Abe took office (25th overall, per the LDP)
    afp = counts[counts["source_ids"] == "afp-2019-01-23"].iloc[0]
    assert (afp["stated_ordinal"], afp["table_ordinal"], afp["agrees"]) == (25, 22, False)


def test_a_missing_meeting_breaks_the_official_count(data_copy):
    text = (data_copy / "meetings.csv").read_text(encoding="utf-8")
    (data_copy / "meetings.csv").write_text("\n".join(l for l in text.splitlines() if not l.startswith("milan-2014")) + "\n",
                                            encoding="utf-8")
    with pytest.raises(DataError, match=r"mofa-2014-11-09 calls beijing-2014 meeting 10 \(overall\), but meetings\.csv makes it 9"):
        load_meeting_counts()


def test_a_duplicate_meeting_is_rejected(data_copy):
    edit(data_copy / "meetings.csv", "milan-2014,2014-10-17,yes,Milan", "milan-2014,2013-10-07,yes,Bali")
    with pytest.raises(DataError, match="listed twice"):
        load_meetings()


def test_a_row_citing_an_unknown_source_is_rejected(data_copy):
    edit(data_copy / "reactors.csv", "wnisr-2012-03-27", "wnisr-2012-03-28")
    with pytest.raises(DataError, match=r"reactors\.csv, line \d+, column 'source_ids': unknown source id\(s\) wnisr-2012-03-28"):
        run_for().evidence("history")


def test_a_malformed_date_names_file_line_and_column(data_copy):
    edit(data_copy / "events.csv", "yasukuni-visit,2013-12-26", "yasukuni-visit,2013-12-32")
    with pytest.raises(DataError, match=r"events\.csv, line 4, column 'date': not a date"):
        run_for().evidence("history")


def test_island_areas_must_add_up_to_the_sources_total(data_copy):
    edit(data_copy / "islands.csv", "etorofu,3168", "etorofu,3186")
    with pytest.raises(DataError, match="sum to 5022 km², but its stated total is 5003"):
        run_for().evidence("history")


def test_the_opening_ceremony_was_already_8_february_in_japan():
    # 20:14 Moscow time (UTC+4 in 2014) is 01:14 JST the next day
    f = finding("sochi-opening-date")
    assert (f.measured, f.high, f.rating) == ("2014-02-07", "2014-02-08", "accurate")
    assert "01:14 in Japan" in f.rule


def test_the_two_islands_named_in_1956_are_about_seven_percent_of_the_land():
    # MOFA (GSI 2020): Habomai 95 + Shikotan 251 of 5,004 km² = 6.9 %
    low, high = island_area_share_range(run_for().evidence("history").islands)
    assert low == pytest.approx(346 / (346 + 1490 + 3168), abs=1e-9)
    # the other sources (Hokkaido Government, a Russian-side table) give larger named islands: the
    # share can only rise from MOFA's, and never to a quarter of the land
    assert low < high < 0.25
    f = finding("two-of-four-islands")  # a count is exact: the share is context, not a threshold
    assert (f.measured, f.rating) == (2, "accurate") and "6.9–7.1%" in f.rule


def test_dispute_years_run_from_57_since_1956_to_68_since_the_occupation():
    f = finding("islands-dispute-years")
    # 1956-10-19 to 2014-01-19 is 20,911 days; 1945-08-28 to 2014-02-06 is 24,999 days
    assert f.low == pytest.approx(20911 / 365.2425, abs=0.01)
    assert f.high == pytest.approx(24999 / 365.2425, abs=0.01)
    assert f.rating == "accurate"


def test_reactors_were_offline_only_since_september_2013():
    f = finding("reactors-offline")
    # two reactors ran until September 2013: 919 days of the 1,063 from the disaster to the article
    assert (f.measured, f.rating) == ("2013-09-15", "inaccurate")


def test_the_occupation_ended_after_the_surrender_was_signed():
    f = finding("occupation-final-days")
    assert (f.low, f.high, f.rating) == ("1945-09-04", "1945-09-05", "mostly-accurate")


def test_mori_and_putin_had_known_each_other_almost_14_years():
    # Kremlin: first met in St Petersburg on 29 April 2000; the article appeared 19 Jan – 6 Feb 2014
    f = finding("mori-putin-decade")
    assert f.low == pytest.approx((pd.Timestamp("2014-01-19") - pd.Timestamp("2000-04-29")).days / 365.2425, abs=0.005)
    assert f.high == pytest.approx((pd.Timestamp("2014-02-06") - pd.Timestamp("2000-04-29")).days / 365.2425, abs=0.005)
    assert f.claimed_value == float(get_claim("mori-putin-decade").claimed_value)


def test_a_claim_true_then_but_not_over_the_period_is_half_true_only_if_it_held_for_half(data_copy, capsys):
    # without the Ohi restarts (rows of July 2012 to September 2013), no reactor ran after 5 May 2012:
    # "off-line since the disaster" then held for 20 of 34 months, which is half true (misleading)
    import json

    from geoclaims.cli import main

    path = data_copy / "reactors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [l for l in lines if not l.startswith(("2012-07-01", "2012-07-18", "2013-09-02", "2013-09-15"))]
    path.write_text("".join(kept), encoding="utf-8")
    assert main(["check", "--claim", "reactors-offline", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)[0]
    assert found["rating"] == "misleading" and "half true" in found["rule"]
