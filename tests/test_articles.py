"""A second article goes through the whole pipeline with data files only."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geoclaims.articles import article_slugs, load_article
from geoclaims.cli import main
from geoclaims.registry import load_claims
from geoclaims.scorecard import Run, check_claims

SECOND = "maritime-executive-2013-yong-sheng"


def test_two_articles_are_listed(capsys):
    assert {"dw-2014-russo-japanese-ties", SECOND} <= set(article_slugs())
    assert main(["articles"]) == 0
    assert SECOND in capsys.readouterr().out


def test_the_second_article_s_claims_are_registered_and_quoted_from_its_stored_text():
    article = load_article(SECOND)
    claims = load_claims(SECOND)
    assert len(claims) >= 6 and article.publisher == "The Maritime Executive"
    assert all(c.quote in article.text and c.article == SECOND for c in claims)


def test_every_claim_of_the_second_article_is_computed(capsys):
    assert main(["check", "--article", SECOND, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 6 and all(r["rating"] != "not-checked" for r in rows)
    assert all(p.startswith(f"figures/{SECOND}/") for r in rows for p in r["figures"])
    # the Yong Sheng's claims show its figures; the tanker's (another pair and ship type) only the
    # reference table, since the map and the speed figure are drawn for the Yong Sheng's pair
    shown = {r["claim_id"]: {p.rsplit("/", 1)[-1] for p in r["figures"]} for r in rows}
    assert "days-vs-speed.png" in shown["ys-nsr-days"] and "polar-routes-map.png" in shown["ys-nsr-days"]
    assert not shown["tanker-days"] & {"days-vs-speed.png", "polar-routes-map.png"}


def test_the_second_article_s_distances_agree_with_what_was_published_for_the_voyage():
    # Arctic Portal (2015) on the Yong Sheng: 7,931 miles Taicang–Rotterdam by the NSR against
    # "the usual 10,711 miles through the Suez Canal", a 2,780-mile saving; published NSR
    # figures for one pair differ by up to 5% either way (reference_distances.csv)
    findings = {f.claim_id: f for f in check_claims(article=SECOND)}
    assert findings["ys-saving-nm"].measured == pytest.approx(10711 - 7931, rel=0.10)
    assert findings["ys-nsr-nm"].measured == pytest.approx(7931, rel=0.05)
    # the saving is the difference of the two routes' lengths
    ev = Run(SECOND).evidence("route")
    nsr, suez = ev.route("nsr", ("CNDLC", "NLRTM")), ev.route("suez", ("CNDLC", "NLRTM"))
    assert findings["ys-saving-nm"].measured == round(suez.length_nm - nsr.length_nm)


def test_adding_the_second_article_leaves_the_dw_scorecard_as_it_was(data_copy):
    # the DW findings with the second article's folder in data/, and without it
    import shutil

    from geoclaims.data import clear_caches

    with_it = [f.as_dict() for f in Run().findings()]
    shutil.rmtree(data_copy / "articles" / SECOND)  # the test's own copy of data/
    clear_caches()
    assert SECOND not in article_slugs()
    without_it = [f.as_dict() for f in Run().findings()]
    assert with_it == without_it and len(with_it) == len(load_claims())


def test_export_and_report_take_the_article(tmp_path, capsys):
    out = tmp_path / "cr.json"
    assert main(["export", "claimreview", "--article", SECOND, "--out", str(out), "--date", "2026-11-28",
                 "--author", "Example Desk", "--author-url", "https://example.org",
                 "--url-base", "https://example.org/r"]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) == len(load_claims(SECOND))
    assert reviews[0]["itemReviewed"]["appearance"]["publisher"]["name"] == "The Maritime Executive"


@pytest.mark.parametrize("slug", ["", "../data", "nope"])
def test_a_bad_article_slug_is_one_line_and_status_2(slug, capsys):
    try:
        status = main(["check", "--article", slug])
    except SystemExit as exc:  # argparse refuses the empty slug
        status = exc.code
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and len(err) == 1 and "article" in err[0]


def test_a_tanker_claim_is_rated_with_tanker_speeds_and_a_container_claim_without_them():
    from geoclaims.datasets import load_vessel_profiles
    from geoclaims.geo.transit import vessel_profile
    from geoclaims.geo.routes import sea_route
    from geoclaims.geo.transit import transit_days

    from geoclaims.datasets import all_before

    profiles = load_vessel_profiles()
    latest = load_article(SECOND).latest
    usable = np.array([all_before(ids, latest) for ids in profiles["source_ids"]])  # the date rule evidence() applies
    tankers = profiles.index[(profiles["ship_type"] == "tanker") & usable]
    containers = profiles.index[profiles["ship_type"] == "container"]
    assert len(tankers) >= 2
    findings = {f.claim_id: f for f in check_claims(article=SECOND)}
    route = sea_route("RUULU", "KRKAN", via="nsr")
    days = [transit_days(route, vessel_profile(p)) for p in tankers]
    tanker = findings["tanker-days"]
    assert (tanker.low, tanker.high) == pytest.approx((min(days), max(days)), abs=0.01)
    assert all(p in tanker.rule for p in tankers) and not any(f" {p} " in tanker.rule for p in containers)
    # the Yong Sheng is not a tanker: its days come from container-ship profiles only
    assert not any(p in findings["ys-nsr-days"].rule for p in tankers)
