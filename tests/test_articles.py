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


def test_every_article_is_listed_with_its_verdicts(capsys):
    import re

    assert {"dw-2014-russo-japanese-ties", SECOND} <= set(article_slugs())
    assert main(["articles"]) == 0
    out = capsys.readouterr().out
    counts = [int(n) for n in re.findall(r"^  (\d+) claims: ", out, re.M)]
    assert SECOND in out and len(counts) == len(article_slugs()) and "not checked" not in out
    assert min(counts) >= 8  # every article has at least eight checked claims


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
    from geoclaims.world.routing import vessel_profile
    from geoclaims.world.routing import sea_route
    from geoclaims.world.routing import transit_days

    from geoclaims.data import load_source_dates
    from geoclaims.datasets import all_before

    profiles = load_vessel_profiles()
    latest = load_article(SECOND).latest
    usable = np.array([all_before(ids, latest, load_source_dates()) for ids in profiles["source_ids"]])  # the date rule evidence() applies
    tankers = profiles.index[(profiles["ship_type"] == "tanker") & usable]
    containers = profiles.index[profiles["ship_type"] == "container"]
    assert len(tankers) >= 2
    findings = {f.claim_id: f for f in check_claims(article=SECOND)}
    routes = [sea_route("RUULU", "KRKAN", via="nsr", nsr_variant=v) for v in ("coastal", "high-latitude")]
    days = [transit_days(route, vessel_profile(p)) for p in tankers for route in routes]  # both variants of the track
    tanker = findings["tanker-days"]
    assert (tanker.low, tanker.high) == pytest.approx((min(days), max(days)), abs=0.01)
    assert all(p in tanker.rule for p in tankers) and not any(f" {p} " in tanker.rule for p in containers)
    # the Yong Sheng is not a tanker: its days come from container-ship profiles only
    assert not any(p in findings["ys-nsr-days"].rule for p in tankers)


SYNTHETIC_TEXT = """The Strait Bridge

The 19-km bridge across the Kerch Strait opened more than five years ago. A container ship from Rotterdam to \
Busan through the Suez Canal takes about 30 days.
"""


def test_an_article_about_another_strait_ports_and_events_needs_data_files_only(data_copy, tmp_path, capsys):
    """A new article — another strait (Kerch), other ports (Busan, by its English name), another
    event — is added with data files alone (and the generic scorecard notebook): check, figures and
    report run, its figures are named after its subjects, and the DW article's are untouched."""
    import csv
    import hashlib

    from geoclaims.publish.figures import build_figures

    def append(name, row):
        with open(data_copy / name, "a", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerow(row)

    append("sources.csv", ["synthetic-src", "fixed_links.csv; events.csv", "a test's own figures", "Test Desk",
                           "The bridge", "https://example.org/bridge", "2019-01-01", "2026-12-03", "CC0",
                           "The bridge is 19 km long and opened on 15 May 2018."])
    append("sources.csv", ["synthetic-article", "articles/synthetic-kerch/article.txt", "the article", "Test Desk",
                           "The Strait Bridge", "https://example.org/article", "2024-01-10", "2026-12-03", "CC0",
                           "The 19-km bridge across the Kerch Strait opened more than five years ago."])
    append("fixed_links.csv", ["crimean-bridge", "Crimean Bridge", "bridge", "road and rail", "crimea-taman",
                               "in service since 2018", "2018", "19", "", "test", "2018", "synthetic-src"])
    append("events.csv", ["crimean-bridge-opened", "2018-05-15", "", "", "", "The Crimean Bridge opens to road traffic",
                          "synthetic-src"])
    folder = data_copy / "articles" / "synthetic-kerch"
    folder.mkdir()
    (folder / "article.txt").write_text(SYNTHETIC_TEXT, encoding="utf-8")
    digest = hashlib.sha256(SYNTHETIC_TEXT.encode("utf-8")).hexdigest()
    (folder / "article.toml").write_text(
        f'title = "The Strait Bridge"\npublisher = "Test Desk"\nsource_id = "synthetic-article"\ntext = "article.txt"\n'
        f'sha256 = "{digest}"\npublished = "2024-01-10"\n\n[publication_window]\nearliest = "2024-01-10"\n'
        f'latest = "2024-01-10"\n\n[notebooks]\nscorecard = "00-scorecard"\n', encoding="utf-8")
    rows = [
        ["bridge-km", "19-km bridge", "The bridge across the Kerch Strait is 19 km long.", "narration", "fact",
         "bridge length", "19", "km", "tunnel", "link-length", "strait=kerch; crossing=crimea-taman"],
        ["bridge-years", "opened more than five years ago", "The bridge opened more than five years before.",
         "narration", "duration", "years since the bridge opened", "5", "years (at least)", "meetings",
         "years-at-least", "event=crimean-bridge-opened"],
        ["busan-days", "about 30 days", "A container ship takes about 30 days from Rotterdam to Busan via Suez.",
         "narration", "duration", "days Rotterdam-Busan via Suez", "30", "days", "route", "transit-days",
         "origin=Rotterdam; destination=Busan; via=suez"],
    ]
    with open(folder / "claims.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["claim_id", "quote", "statement", "speaker", "kind", "quantity", "claimed_value", "unit",
                         "family", "check", "params"])
        writer.writerows(rows)

    assert main(["check", "--article", "synthetic-kerch", "--format", "json"]) == 0
    found = {f["claim_id"]: f for f in json.loads(capsys.readouterr().out)}
    assert found["bridge-km"]["low"] == pytest.approx(3.9, abs=0.2)  # Kerch's narrowest crossing, not La Pérouse's
    assert found["bridge-km"]["rating"] == "accurate" and found["bridge-years"]["rating"] == "accurate"
    assert found["busan-days"]["rating"] in ("accurate", "mostly-accurate", "inaccurate")
    written = [p.name for p in build_figures(tmp_path / "figs", article="synthetic-kerch")]
    assert "strait-kerch.png" in written and not any("la-perouse" in n or "meetings" in n for n in written)
    index = main(["report", "--article", "synthetic-kerch", "--out", str(tmp_path / "report")])
    assert index == 0 and (tmp_path / "report" / "synthetic-kerch" / "figures" / "strait-kerch.png").is_file()
    page = (tmp_path / "report" / "synthetic-kerch" / "00-scorecard.html").read_text(encoding="utf-8")
    assert "bridge-km" in page and "polar-route-days" not in page  # the generic notebook showed this article
    from geoclaims.publish.figures import default_out

    for after in build_figures(tmp_path / "dw-after"):  # the committed DW figures, byte for byte
        assert (default_out() / after.name).read_bytes() == after.read_bytes(), f"{after.name} changed by new rows"


def test_a_claim_about_one_voyage_is_decided_by_that_voyage():
    # voyages.csv: the Yong Sheng sailed Dalian-Rotterdam in 33 days, 7,800 nm as stated (sources in the row)
    from geoclaims.datasets import load_voyages
    from geoclaims.world.routing import sea_route
    from geoclaims.world.routing import vessel_profile
    from geoclaims.scorecard import check_claims

    voyage = load_voyages().set_index("voyage_id").loc["v2013-yong-sheng"]
    assert (voyage["days"], voyage["distance_nm"]) == (33, 7800)
    found = {f.claim_id: f for f in check_claims(article="maritime-executive-2013-yong-sheng")}
    suez = found["ys-suez-days"]
    canal = vessel_profile("slow-steaming")
    slowest_kn = 7800 / (33 * 24)  # her stated distance over her stated days: the slower of her two speeds
    expected = sea_route("CNDLC", "NLRTM", via="suez").length_nm / slowest_kn / 24 + (canal.suez_transit_h
                                                                                       + canal.suez_wait_h) / 24
    assert suez.high == pytest.approx(expected, abs=0.01) and "33 days" in suez.rule
    saving = found["ys-saving-days"]
    assert saving.high == pytest.approx(suez.high - 33, abs=0.02) and saving.low == pytest.approx(suez.low - 33, abs=0.02)
    assert found["ys-nsr-nm"].low == 7800  # the voyage's stated distance joins the range
    assert "v2013-yong-sheng" in suez.decided_by
