"""The README stays true: its scorecard block is current and its script example runs."""

from __future__ import annotations

import re

from geoclaims.paths import REPO_ROOT
from geoclaims.publish.readme import render
from geoclaims.scorecard import check_claims

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_scorecard_block_is_current():
    assert render(README, check_claims()) == README, "run `make readme`"


def test_readme_script_example_runs(capsys):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, "README example", "exec"), {})
    out = capsys.readouterr().out
    assert "Sochi" in out and "accurate 5" in out and "42.6 km" in out and "nm in the NSR water area" in out


def test_readme_names_the_two_commands_and_embeds_every_figure():
    from geoclaims.publish.figures import figure_names

    assert "make run" in README and "make test" in README
    for name in figure_names():
        assert f"(figures/{name}.png)" in README


def test_contributing_lists_every_kind_as_the_code_declares_it():
    from geoclaims.publish.readme import render_kinds

    text = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert render_kinds(text) == text, "run `make readme`"


def test_method_s_tolerances_are_the_ones_the_checks_rate_with():
    from geoclaims.publish.readme import render_tolerances
    from geoclaims.scorecard import check_claims
    from geoclaims.articles import article_slugs
    from geoclaims.families import FAMILIES

    text = (REPO_ROOT / "docs" / "METHOD.md").read_text(encoding="utf-8")
    assert render_tolerances(text) == text, "run `make readme`"
    for slug in article_slugs():  # every rule states the tolerance its kind declares
        for f in check_claims(article=slug):
            check = FAMILIES[f.claim.family].checks[f.claim.check]
            if check.near and check.near_in == "share" and f.rating != "unverifiable":
                assert f"{check.near:.0%}" in f.rule, (slug, f.claim_id)


def test_kinds_json_lists_every_kind_with_its_declared_parameters(capsys):
    import json

    from geoclaims.cli import main
    from geoclaims.families import FAMILIES

    assert main(["kinds", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["family"], r["kind"]) for r in rows} == {(f, k) for f, fam in FAMILIES.items() for k in fam.checks}
    for r in rows:
        check = FAMILIES[r["family"]].checks[r["kind"]]
        assert [p["name"] for p in r["params"]] == list(check.params) and r["doc"].endswith(".")
        assert {p["name"] for p in r["params"] if p["required"]} == set(check.required)
        assert all(p["default"] is None or not p["required"] for p in r["params"])


def test_each_kind_rates_with_the_tolerance_it_declares():
    # behaviour, not words: a claim half a tolerance outside a finding's range is mostly-accurate, and one
    # and a half tolerances outside is not, for every kind that declares a tolerance of the nearer end
    from dataclasses import replace

    from geoclaims.articles import article_slugs
    from geoclaims.families import FAMILIES
    from geoclaims.scorecard import run_for

    tried = set()
    for slug in article_slugs():
        run = run_for(slug)
        for f in run.findings():
            claim = f.claim
            check = FAMILIES[claim.family].checks[claim.check]
            if (not check.near or check.near_in != "share" or check.value != "number" or f.low is None
                    or claim.param("sense", "point") != "point" or f.rating == "misleading" or f.high == 0
                    or claim.param("unit", "") in ("mi?", "mi", "km", "nm", "m")):  # a claim read in another unit
                continue
            evidence = run.evidence(claim.family)
            for factor, allowed in ((0.5, {"mostly-accurate"}), (1.5, {"inaccurate", "misleading"})):
                value = f.high * (1 + factor * check.near)
                moved = replace(claim, claimed_value=f"{value:.9f}")
                got = check.function(moved, evidence)
                if (got.low, got.high) == (f.low, f.high):  # the range does not hang on the claimed value
                    assert got.rating in allowed, (slug, claim.claim_id, factor, got.rating)
                    tried.add(claim.check)
    assert len(tried) >= 8, tried
