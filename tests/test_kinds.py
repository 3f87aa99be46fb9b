"""The kinds real articles in this field need (round four): each asserted on sourced facts or a
geometric truth, and tried on subjects no article of the project has (a temp copy of data/)."""

from __future__ import annotations

import csv
import hashlib
import json

import pytest

from conftest import DW

from geoclaims.cli import main
from geoclaims.rating import as_stated


def test_a_number_is_read_to_its_last_written_digit():
    assert as_stated("6.5") == (6.45, 6.55) and as_stated("45") == (44.5, 45.5) and as_stated("2029") == (2028.5, 2029.5)


def test_the_cape_and_panama_corridors_pass_their_passages():
    from geoclaims.world.routing import sea_route

    suez, cape, panama = (sea_route("NLRTM", "CNSHA", via=v) for v in ("suez", "cape", "panama"))
    assert "south_africa" in cape.passages and min(cape.lats) < -34.0  # round the Cape (Agulhas 34.8°S)
    assert "panama" in panama.passages and "suez" not in cape.passages + panama.passages
    assert suez.length_nm < cape.length_nm and suez.length_nm < panama.length_nm


def _append(path, row):
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(row)


TEXT = ("The Channel Tunnel, second only to Seikan, carries trains under the Strait of Dover in 20 minutes. "
        "Helsingør is 4 km from Helsingborg. Suez Canal transits doubled from 2010 to 2012, and 2012 was its busiest "
        "year; the canal authority plans 100 ships a day by 2023, and the new canal opens in 2016. The ship took about 40 days round the Cape.\n")


def test_the_new_kinds_work_for_subjects_no_article_has(data_copy, capsys):
    """Another tunnel kind, another pair of places, another route's statistics, another forecast and
    the Cape corridor, added as data only."""
    _append(data_copy / "sources.csv", ["syn-src", "test", "a test's own figures", "Test Desk", "Figures",
                                        "https://example.org/figures", "2019-01-01", "2026-12-03", "CC0", "Figures."])
    _append(data_copy / "crossing_times.csv", ["channel-train-syn", "strait-of-dover", "train", "estimate", "", "",
                                               "50.45", "160", "syn-src", "length over a line speed"])
    _append(data_copy / "place_distances.csv", ["oresund-narrows-syn", "DKHLS", "SEHEL", "sea", "4", "km",
                                                "syn-src", ""])
    for year, ships in ((2010, 17993), (2011, 17799), (2012, 17225)):
        _append(data_copy / "traffic.csv", ["suez-canal", year, "transits", ships, "ships", "syn-src", ""])
    _append(data_copy / "forecasts.csv", ["suez-2023-syn", "suez-canal", "ships-per-day", "97", "ships", "2023",
                                          "Suez Canal Authority", "", "", "syn-src", ""])
    _append(data_copy / "forecasts.csv", ["suez-new-canal-syn", "suez-canal", "opening-year", "2015", "year", "",
                                          "Suez Canal Authority", "", "", "syn-src", ""])
    rows = [["rank", "second only to Seikan", "The Hong Kong–Zhuhai–Macau tunnel is the longest immersed tunnel.",
             "narration", "fact", "rank", "1", "rank", "links", "link-rank", "link=hzmb-tunnel; kind=immersed tunnel"],
            ["minutes", "in 20 minutes", "Trains cross in 20 minutes.", "narration", "duration", "minutes", "20",
             "minutes", "links", "crossing-time", "crossing=strait-of-dover; mode=train; unit=minutes"],
            ["km", "4 km from Helsingborg", "Helsingør is 4 km from Helsingborg.", "narration", "fact", "km", "4", "km",
             "route", "place-distance", "origin=Elsinore; destination=Helsingborg; unit=km"],
            ["busiest", "2012 was its busiest year", "2012 was the busiest year.", "narration", "date", "year", "2012",
             "year", "statistics", "busiest-year", "route=suez-canal; measure=transits"],
            ["doubled", "doubled", "Transits doubled from 2010 to 2012.", "narration", "fact", "times", "2", "times",
             "statistics", "growth", "route=suez-canal; measure=transits; from=2010; to=2012"],
            ["plan", "100 ships a day by 2023", "The authority plans 100 ships a day by 2023.", "narration", "forecast",
             "ships a day", "100", "ships", "statistics", "stated-forecast", "subject=suez-canal; measure=ships-per-day"],
            ["opens", "the new canal opens in 2016", "The new canal opens in 2016.", "narration", "forecast", "year",
             "2016", "year", "statistics", "planned-date", "subject=suez-canal; measure=opening-year"],
            ["sea-km", "4 km from Helsingborg", "By sea Helsingør is 4 km from Helsingborg.", "narration", "fact", "km",
             "4", "km", "route", "place-distance", "origin=Elsinore; destination=Helsingborg; unit=km; measure=sea"],
            ["detour", "about 40 days round the Cape", "Round the Cape adds 10 days to Rotterdam–Shanghai.", "narration",
             "duration", "days", "10", "days", "route", "days-saving",
             "origin=NLRTM; destination=CNSHA; via=suez; against=cape"],
            ["detour-nm", "about 40 days round the Cape", "Round the Cape is 3,300 nm longer.", "narration", "fact",
             "nm", "3300", "nm", "route", "distance-saving", "origin=NLRTM; destination=CNSHA; via=suez; against=cape"],
            ["cape", "about 40 days round the Cape", "Rotterdam to Shanghai round the Cape takes about 40 days.",
             "narration", "duration", "days", "40", "days", "route", "transit-days",
             "origin=NLRTM; destination=CNSHA; via=cape"]]
    _write_article(data_copy, "synthetic-tunnels", "2025-01-10", TEXT, rows)
    assert main(["check", "--article", "synthetic-tunnels", "--format", "json"]) == 0
    found = {f["claim_id"]: f for f in json.loads(capsys.readouterr().out)}
    assert found["rank"]["rating"] == "accurate"  # 6.7 km (5.664 immersed) against Shenzhen–Zhongshan 6.7 (5)
    assert found["minutes"]["low"] == pytest.approx(50.45 / 160 * 60, abs=0.01)  # length over speed
    from pyproj import Geod

    from geoclaims.world.routing import find_port

    a, b = find_port("Elsinore"), find_port("Helsingborg")
    _, _, metres = Geod(ellps="WGS84").inv(a.lon, a.lat, b.lon, b.lat)  # the WGS84 geodesic, computed apart
    assert found["km"]["measured"] == pytest.approx(metres / 1000, abs=0.01) and found["km"]["rating"] != "unverifiable"
    assert found["busiest"]["rating"] == "inaccurate"  # 2010 had the most of the three
    assert found["doubled"]["rating"] == "inaccurate" and found["doubled"]["high"] < 1
    assert found["plan"]["rating"] == "mostly-accurate"  # 100 against the 97 stated: within a tenth
    assert found["opens"]["rating"] == "inaccurate"  # 2016 against the 2015 stated: a planned year is exact
    assert found["cape"]["low"] > 13_000 / 25 / 24  # round the Cape is over 13,000 nm, at 25 kn at most
    from geoclaims.world.routing import sea_route

    suez, cape = (sea_route("NLRTM", "CNSHA", via=v) for v in ("suez", "cape"))
    assert found["detour-nm"]["measured"] == round(cape.length_nm - suez.length_nm)  # no table gives the Cape: no spread
    assert found["detour"]["low"] > 0 and found["sea-km"]["measured"] >= found["km"]["measured"]  # sea >= geodesic


def _write_article(data_copy, slug: str, day: str, text: str, rows: list[list[str]]) -> None:
    """An article folder in the temp copy of data/: its text, its metadata and its claims (full rows)."""
    _append(data_copy / "sources.csv", [f"{slug}-src", "test", "the article", "Test Desk", slug,
                                        "https://example.org/a", day, "2026-12-03", "CC0", "Text."])
    folder = data_copy / "articles" / slug
    folder.mkdir()
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "article.toml").write_text(
        f'title = "{slug}"\npublisher = "Test Desk"\nsource_id = "{slug}-src"\ntext = "article.txt"\n'
        f'sha256 = "{hashlib.sha256(text.encode()).hexdigest()}"\npublished = "{day}"\n\n[publication_window]\n'
        f'earliest = "{day}"\nlatest = "{day}"\n', encoding="utf-8")
    with open(folder / "claims.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["claim_id", "quote", "statement", "speaker", "kind", "quantity", "claimed_value", "unit",
                         "family", "check", "params"])
        writer.writerows(rows)


def _article(data_copy, slug: str, day: str, rows: list[list[str]]) -> None:
    """A small article whose text is every claim's quote (rows: id, quote, value, unit, family, check, params)."""
    text = " ".join(dict.fromkeys(r[1] for r in rows)) + "\n"
    _write_article(data_copy, slug, day, text, [[r[0], r[1], r[1], "narration", "fact", "q", *r[2:]] for r in rows])


def test_the_new_kinds_date_what_they_compare_and_read_what_the_claim_names(data_copy, capsys):
    """The review's cases: a link known only later, a peer left out by its date, a year between two
    candidate busiest years, a forecast's horizon, units compared, another measure not compared."""
    _append(data_copy / "sources.csv", ["late-src", "test", "figures", "Test Desk", "Late", "https://example.org/l",
                                        "2030-01-01", "2026-12-03", "CC0", "Late."])
    _append(data_copy / "fixed_links.csv", ["late-tunnel", "Late tunnel", "immersed tunnel", "road", "nowhere",
                                            "planned", "", "30", "", "test", "2035", "late-src"])
    _append(data_copy / "fixed_links.csv", ["old-tunnel", "Old tunnel", "immersed tunnel", "road", "elsewhere",
                                            "open", "1990", "9", "", "test", "1990", "late-src"])
    for year, n in ((2010, 80), (2011, 10), (2012, 75)):
        _append(data_copy / "traffic.csv", ["test-route", year, "transits", n, "ships", "fleetmon-2020-09-16-10-jahre-fehmarnbelt", ""])
    _append(data_copy / "forecasts.csv", ["test-2030", "nsr", "cargo-growth-factor", "3", "times", "2030",
                                          "Russian Ministry of Transport", "", "", "tass-2017-08-22-nsr-65-million-tons-2020", ""])
    _append(data_copy / "place_distances.csv", ["detour", "DKROD", "DEPUT", "road", "160", "km",
                                                "fleetmon-2020-09-16-10-jahre-fehmarnbelt", ""])
    _article(data_copy, "review-cases", "2024-08-23", [
        ["late", "longer than the late tunnel", "1", "times", "links", "link-ratio", "link=fehmarnbelt-tunnel; other=late-tunnel; sense=at-least"],
        ["seikan", "the longest of its kind", "1", "rank", "links", "link-rank", "link=hzmb-tunnel; kind=immersed tunnel"],
        ["middle", "2011 was the busiest", "2011", "year", "statistics", "busiest-year", "route=test-route; measure=transits"],
        ["horizon", "tenfold by 2020", "10", "times", "statistics", "stated-forecast", "subject=nsr; measure=cargo-growth-factor; by_year=2020"],
        ["minutes", "270 minutes by train", "270", "minutes", "consistency", "same-as", "other=hours"],
        ["hours", "4.5 hours by train", "4.5", "hours", "links", "crossing-time", "crossing=copenhagen-hamburg; mode=train; unit=hours; basis=timetable"],
        ["road", "80 miles away", "80", "miles", "route", "place-distance", "origin=DKROD; destination=DEPUT; unit=mi"],
    ])
    assert main(["check", "--article", "review-cases", "--format", "json"]) == 0
    found = {f["claim_id"]: f for f in json.loads(capsys.readouterr().out)}
    assert found["late"]["rating"] == "unverifiable"  # its only source is from 2030
    assert "left out, no source published by the article: Old tunnel" in found["seikan"]["rule"]
    assert found["middle"]["rating"] == "inaccurate"  # 2010 or 2012, never 2011
    assert found["horizon"]["rating"] == "accurate"  # the 2030 forecast does not supersede the 2020 one
    assert found["minutes"]["rating"] == "accurate"  # 270 minutes is 4.5 hours
    assert found["road"]["rating"] == "inaccurate" and "road 160 km" in found["road"]["rule"].split("not compared:")[1]


@pytest.mark.parametrize("params, says", [
    ("route=nrs; measure=full-transits; year=2013", "no route 'nrs'"),
    ("route=nsr; measure=full-transits; year=twenty", "year must be a year"),
])
def test_a_bad_statistics_parameter_is_one_line_naming_it(data_copy, capsys, params, says):
    _article(data_copy, "bad-params", "2017-08-24", [["bad", "only 15 crossings", "15", "crossings", "statistics",
                                                      "year-value", params]])
    assert main(["check", "--article", "bad-params"]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and "claims.csv, line 2" in err and "\n" not in err


def test_a_distance_between_places_in_an_article_whose_routes_sail_the_high_latitude_track(data_copy, capsys):
    # a place-distance claim names no NSR variant: it must not clash with the article's high-latitude routes
    folder = data_copy / "articles" / "guardian-2017-christophe-de-margerie"
    with open(folder / "claims.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([
            ["hf-bo-km", "from Hammerfest in Norway to Boryeong", "Hammerfest to Boryeong", "narration", "fact", "km",
             "7000", "km", "route", "place-distance", "origin=NOHFT; destination=KRBOR; unit=km"],
            ["at-most", "about 30% quicker", "at most 60% quicker", "narration", "fact", "per cent", "60", "per cent",
             "route", "percent-saving", "origin=NOHFT; destination=KRBOR; measure=distance; nsr_variant=high-latitude; "
             "sense=at-most"]])
    assert main(["check", "--article", "guardian-2017-christophe-de-margerie", "--format", "json"]) == 0
    found = {f["claim_id"]: f for f in json.loads(capsys.readouterr().out)}
    assert found["hf-bo-km"]["rating"] != "unverifiable" and found["at-most"]["rating"] == "accurate"


def test_a_ship_type_the_code_has_never_seen_is_data_only(data_copy, capsys):
    # two LNG-carrier profiles, one marked reference: a claim about an LNG carrier is rated on them alone
    for name, kn, ref in (("lng-service", "19.5", "yes"), ("lng-slow", "16", "no")):
        _append(data_copy / "vessel_profiles.csv", [name, "lng-carrier", kn, "13.23", "16", "0", "0", ref,
                                                    "nyt-2010-02-17; immining-2010-11-22-nsr-leg", "test"])
    _article(data_copy, "lng-days", "2017-08-24", [["days", "in 19 days", "19", "days", "route", "transit-days",
                                                    "origin=NOHFT; destination=KRBOR; via=nsr; ship_type=lng-carrier"]])
    assert main(["check", "--article", "lng-days", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)[0]
    assert "lng-service" in found["rule"] and "slow-steaming" not in found["rule"]
    from geoclaims.world.routing import sea_route

    route = sea_route("NOHFT", "KRBOR", via="nsr")  # measured: the reference profile on geoclaims' route
    assert found["measured"] == pytest.approx(((route.length_nm - route.nsr_nm) / 19.5 + route.nsr_nm / 13.23) / 24,
                                              abs=0.01)


def test_a_cape_claim_for_a_pair_the_nsr_cannot_reach_draws_its_figures(data_copy, tmp_path, capsys):
    # the route maps draw the NSR against Suez: a claim round the Cape to Durban must not ask for them
    from geoclaims.publish.figures import build_figures

    _article(data_copy, "durban", "2024-03-01", [["durban", "about 25 days round the Cape", "25", "days", "route",
                                                  "transit-days", "origin=NLRTM; destination=ZADUR; via=cape"]])
    assert main(["check", "--article", "durban"]) == 0
    written = [p.name for p in build_figures(tmp_path / "figs", article="durban")]
    assert not any("map" in n for n in written)


def test_a_ship_type_known_only_from_later_sources_makes_its_claim_unverifiable_not_an_error(data_copy, capsys):
    # a ro-ro profile sourced only in 2020: a 2014 claim about a ro-ro ship cannot be decided then;
    # the article's other findings are what they were
    import json

    from geoclaims.cli import main
    from geoclaims.data import clear_caches

    assert main(["check", "--format", "json"]) == 0
    before = {r["claim_id"]: r["rating"] for r in json.loads(capsys.readouterr().out)}
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as fh:
        fh.write('roro-2020,vessel_profiles.csv,a ro-ro speed,Example Line,Ro-ro fleet,https://example.com/roro,'
                 '2020-05-01,2026-12-03,quoted for verification (fair use),"our ro-ro ships sail at 18 knots"\n')
    with (data_copy / "vessel_profiles.csv").open("a", encoding="utf-8") as fh:
        fh.write("roro-service,ro-ro,18,12,16,0,0,yes,roro-2020,a ship type whose only source is later\n")
    claims = data_copy / DW / "claims.csv"
    row = next(l for l in claims.read_text(encoding="utf-8").splitlines() if l.startswith("polar-route-days,"))
    with claims.open("a", encoding="utf-8") as fh:
        fh.write(row.replace("polar-route-days,", "roro-days,", 1).rstrip() + "; ship_type=ro-ro\n")
    clear_caches()
    assert main(["check", "--format", "json"]) == 0
    after = {r["claim_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert after["roro-days"]["rating"] == "unverifiable" and after["roro-days"]["figures"] == []
    assert "no ro-ro profile" in after["roro-days"]["rule"]
    assert any("roro-2020" in line for line in after["roro-days"]["later_evidence"])  # what came later, shown apart
    assert {k: v["rating"] for k, v in after.items() if k != "roro-days"} == before
    # an earlier ro-ro profile that is not the reference: "measured" is the reference's, so still unverifiable
    with (data_copy / "vessel_profiles.csv").open("a", encoding="utf-8") as fh:
        fh.write("roro-old,ro-ro,16,11,16,0,0,no,nyt-2010-02-17,an earlier profile of the type\n")
    clear_caches()
    assert main(["check", "--format", "json"]) == 0
    after = {r["claim_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert after["roro-days"]["rating"] == "unverifiable" and "reference profile 'roro-service'" in after["roro-days"]["rule"]
