"""Ports, corridor routes, transit days and the polar-route claims."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geoclaims.cli import main
from geoclaims.errors import InputError, RouteError, UnknownPortError
from geoclaims.world.routing import load_network
from geoclaims.data import load_table
from geoclaims.datasets import load_matrix_ports, load_vessel_profiles
from geoclaims.world.routing import port_matrix
from geoclaims.geo.routes import nsr_length_km
from geoclaims.world.routing import find_port, load_nsr_area, sea_route
from geoclaims.geo.transit import VesselProfile, implied_speed_kn
from geoclaims.world.routing import transit_days
from geoclaims.scorecard import check_claims


@pytest.fixture(scope="module")
def rtm_yok():
    return {via: sea_route("NLRTM", "JPYOK", via=via) for via in ("nsr", "suez")}


def test_ports_by_code_or_name():
    assert find_port("NLRTM") == find_port("rotterdam")
    assert find_port("jpyok").name == "Yokohama"


def test_unknown_port_names_it_and_suggests_matches():
    with pytest.raises(UnknownPortError, match=r"unknown port 'Rotterdm'; close matches: NLRTM \(Rotterdam\)"):
        find_port("Rotterdm")


def test_suez_route_is_longer_than_nsr_for_rotterdam_yokohama(rtm_yok):
    nsr, suez = rtm_yok["nsr"], rtm_yok["suez"]
    assert "bering" in nsr.passages and "suez" in suez.passages and "suez" not in nsr.passages
    assert 7_000 < nsr.length_nm < 8_000 and 11_000 < suez.length_nm < 11_700
    # Liu & Kronbak (2010): the NSR saves "about 40%" of the Yokohama–Rotterdam distance
    assert 0.30 < 1 - nsr.length_nm / suez.length_nm < 0.40


def test_length_is_the_wgs84_length_of_the_geometry(rtm_yok):
    from pyproj import Geod

    route = rtm_yok["suez"]
    metres = Geod(ellps="WGS84").line_length(route.lons, route.lats)
    assert route.length_km == pytest.approx(metres / 1000, rel=1e-9)
    assert route.length_nm == pytest.approx(route.length_km / 1.852)


def test_nsr_part_lies_between_kara_strait_and_bering(rtm_yok):
    # the NSR runs about 5,600 km (3,000 nm) from the Kara Strait to Provideniya (Valdai Club);
    # a transit along it therefore has roughly 2,500–3,300 nm inside the water area
    assert 2_500 < rtm_yok["nsr"].nsr_nm < 3_300
    assert rtm_yok["suez"].nsr_nm == 0


def test_nsr_length_of_a_path_crossing_the_antimeridian():
    # along 75°N from 150°E to 170°W: all inside the area (its eastern edge is at 169.65°W)
    lons = np.array([150.0, 170.0, 179.9, -179.9, -171.0])
    lats = np.full_like(lons, 75.0)
    from geoclaims.geo.geodesy import path_length_km

    assert nsr_length_km(lats, lons, load_nsr_area()) == pytest.approx(path_length_km(lats, lons), rel=1e-6)


def test_a_route_that_misses_its_corridor_is_an_error(monkeypatch):
    import geoclaims.geo.routes as routes

    monkeypatch.setitem(routes.CORRIDOR_REQUIRED, "nsr", "panama")
    with pytest.raises(RouteError, match="does not pass its corridor"):
        sea_route("NLRTM", "JPYOK", via="nsr")


def test_unknown_corridor_is_rejected():
    with pytest.raises(InputError, match="via must be one of nsr, suez, cape, panama, open, got .magellan."):
        sea_route("NLRTM", "JPYOK", via="magellan")


@pytest.mark.parametrize("speed", [0, -5, float("nan"), float("inf")])
def test_speeds_must_be_positive_and_finite(speed):
    with pytest.raises(InputError, match="open_water_kn must be a finite"):
        VesselProfile("bad", speed, 10)


def test_transit_days_and_implied_speed(rtm_yok):
    nsr = rtm_yok["nsr"]
    constant = VesselProfile("constant", 15.0, 15.0)
    assert transit_days(nsr, constant) == pytest.approx(nsr.length_nm / 15 / 24)
    assert implied_speed_kn(nsr, transit_days(nsr, constant)) == pytest.approx(15.0)
    suez = rtm_yok["suez"]
    with_canal = VesselProfile("c", 15.0, 15.0, suez_transit_h=16, suez_wait_h=8)
    assert transit_days(suez, with_canal) - transit_days(suez, constant) == pytest.approx(1.0)
    with pytest.raises(InputError, match="days must be a finite number > 0"):
        implied_speed_kn(nsr, 0)


@pytest.fixture(scope="module")
def deviations():
    from geoclaims.families.route_deviations import reference_deviations

    return reference_deviations()


def test_the_reference_table_is_wide_and_independent():
    ref = load_table("reference_distances.csv")
    sources = {s for cell in ref["source_ids"] for s in cell.split("; ")}
    assert len(ref) >= 20 and len(sources) >= 8
    assert set(ref["via"]) == {"nsr", "suez"}


def test_nsr_routes_carry_no_systematic_bias_against_published_tables(deviations):
    # The fault found: searoute's Arctic lanes made NSR routes ~6% long on average. Published
    # tables for one pair disagree by a mean half-spread of 2.8% (Hamburg–Yokohama 6,920–7,600 nm,
    # Rotterdam–Yokohama 6,500–7,019), so a median within ±2.5% says the bias is gone.
    nsr = deviations[deviations["via"] == "nsr"]["deviation"]
    assert abs(float(nsr.median())) <= 0.025


def test_suez_routes_agree_with_published_tables(deviations):
    # Suez figures for one pair agree within a mean half-spread of 1.4%: 2% mean absolute deviation.
    suez = deviations[deviations["via"] == "suez"]["deviation"]
    assert float(suez.abs().mean()) <= 0.02


def test_routes_agree_with_published_distances_within_their_own_spread(deviations):
    # published figures for one pair disagree by up to 14% (Borgerson's 6,500 nm against Seanet's 7,613 for
    # Rotterdam–Yokohama/Tokyo), so the target is no bias (signed median within 2%) and a mean absolute
    # deviation of at most 3.5%, over all sources and over the distance tables alone
    from geoclaims.families.route_deviations import deviations_by_class

    summary = deviations_by_class(deviations).set_index(["via", "source_class"])
    for via in ("nsr", "suez"):
        for group in ("all", "table"):
            row = summary.loc[(via, group)]
            assert abs(row["median_pct"]) <= 2.0 and row["mean_abs_pct"] <= 3.5, (via, group, row.to_dict())


def test_port_matrix_matches_single_routes():
    ports = load_matrix_ports()
    europe = list(ports.loc[ports["region"] == "europe", "locode"])[:3]
    east = list(ports.loc[ports["region"] == "far-east", "locode"])[:3]
    matrix = port_matrix(europe, east, "slow-steaming")
    assert len(matrix) == 9 and not matrix.isna().any().any()
    for _, row in matrix.iterrows():
        for via in ("nsr", "suez"):
            single = sea_route(row["origin"], row["destination"], via=via)
            assert row[f"{via}_nm"] == pytest.approx(single.length_nm, rel=1e-9)
            # the NSR share is summed per edge in the matrix, per path in sea_route
            assert row[f"{via}_days"] == pytest.approx(transit_days(single, "slow-steaming"), abs=0.01)


def test_polar_route_claims_rest_on_2014_speeds_and_keep_later_voyages_apart():
    findings = {f.claim_id: f for f in check_claims(["polar-route-days", "suez-route-days", "polar-route-saving"])}
    days = findings["polar-route-days"]
    # the fastest 2014 profile: 25 kn (the standard before slow steaming, Bloomberg 2011) outside
    # the NSR and 13.23 kn inside it (Monchegorsk, Cape Dezhnev to Dudinka, 2010; not her 11.5 kn
    # round-trip average), over the shortest length of the pair: Borgerson's published 6,500 nm
    # (Foreign Affairs, 2008), its NSR part in the share of geoclaims' route
    from geoclaims.articles import load_article
    from geoclaims.data import load_source_dates
    from geoclaims.datasets import later_than, load_reference_distances

    nsr = sea_route("NLRTM", "JPYOK", via="nsr")
    ref = load_reference_distances()
    latest = load_article().latest
    pair = ref[(ref[["origin", "destination"]].apply(frozenset, axis=1) == frozenset({"NLRTM", "JPYOK"}))
               & np.array([later_than(ids, latest, load_source_dates()) is False for ids in ref["source_ids"]])]
    shortest = min(pair[pair["via"] == "nsr"]["length_nm"].min(), nsr.length_nm)
    assert shortest == 6500
    share = nsr.nsr_nm / nsr.length_nm
    fastest = (shortest * (1 - share) / 25 + shortest * share / 13.23) / 24
    assert days.low == pytest.approx(fastest, abs=0.01)
    assert days.low < 19 < days.high and days.rating == "accurate"
    assert days.later_evidence and all("2017" in v or "2018" in v or "2023" in v or "2024" in v
                                       for v in days.later_evidence)
    assert "sources of 2010–2013" in days.decided_by  # every speed published before the article
    # the slowest: super slow steaming at 12 kn (NYT 2010) plus the canal's 16 h transit
    suez = findings["suez-route-days"]
    longest = max(pair[pair["via"] == "suez"]["length_nm"].max(), sea_route("NLRTM", "JPYOK", via="suez").length_nm)
    slowest = longest / 12 / 24 + 16 / 24
    assert suez.high == pytest.approx(slowest, abs=0.01) and suez.rating == "accurate"
    saving = findings["polar-route-saving"]
    assert saving.low > 0.5 and saving.rating == "misleading"


def test_route_json_has_the_documented_keys(capsys):
    assert main(["route", "NLRTM", "JPYOK", "--via", "nsr", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"origin", "destination", "via", "length_nm", "length_km", "nsr_nm", "passages", "nsr_variant",
                        "profile", "days", "days_by_profile"}
    assert out["via"] == "nsr" and out["nsr_nm"] > 0 and out["nsr_variant"] == "coastal"


@pytest.mark.parametrize("ship_type", ["container", "tanker"])
def test_route_without_a_profile_gives_days_for_every_profile_of_the_ship_type(ship_type, capsys):
    from geoclaims.datasets import load_vessel_profiles

    profiles = load_vessel_profiles()
    mine = profiles[profiles["ship_type"] == ship_type]
    assert main(["route", "NLRTM", "JPYOK", "--via", "suez", "--ship-type", ship_type, "--format", "json"]) == 0
    days = json.loads(capsys.readouterr().out)["days_by_profile"]
    assert list(days) == list(mine.index)
    # via Suez, a faster open-water speed never takes longer (the canal hours are the same for a type)
    by_speed = sorted(days, key=lambda name: -mine.at[name, "open_water_kn"])
    assert [days[n] for n in by_speed] == sorted(days[n] for n in by_speed)


def test_route_with_unknown_port_is_one_line(capsys):
    assert main(["route", "NLRTX", "JPYOK", "--via", "suez"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown port 'NLRTX'" in err[0]


def test_network_edges_are_geodesic_and_chukchi_is_split_from_canada():
    from geoclaims.geo.geodesy import distance_km, wrap_lon

    net = load_network()
    tags = set(net.edge_passage)
    assert {"chukchi", "northwest-canada", "bering", "suez"} <= tags and "northwest" not in tags
    # every edge length is the WGS84 geodesic between its end nodes (to a millimetre)
    u, v = net.edge_u[:500], net.edge_v[:500]
    expected = distance_km(net.lat[u], wrap_lon(net.lon[u]), net.lat[v], wrap_lon(net.lon[v]))
    assert np.allclose(net.edge_km[:500], expected, atol=1e-6)


def test_voyages_json_lists_at_least_ten_sourced_voyages(capsys):
    assert main(["voyages", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    keys = {"vessel", "ship_type", "ice_class", "year", "origin", "destination", "departed", "arrived", "days",
            "distance_nm", "avg_speed_kn", "escorted", "sources"}
    assert len(rows) >= 10 and all(set(r) == keys and r["sources"] for r in rows)
    # COSCO's Yong Sheng, the first Chinese container-line voyage, Dalian to Rotterdam in 2013
    yong = next(r for r in rows if r["vessel"] == "Yong Sheng")
    assert yong["year"] == 2013 and 30 <= yong["days"] <= 36


def test_the_nsr_variant_is_chosen_on_the_command_line(capsys):
    assert main(["route", "NLRTM", "JPYOK", "--via", "nsr", "--nsr-variant", "high-latitude", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["nsr_variant"] == "high-latitude"


def test_route_findings_cite_the_nsr_track_only_where_the_nsr_is_used():
    from geoclaims.datasets import load_nsr_track
    from geoclaims.data import split_ids

    track = load_nsr_track()
    coastal = {s for cell in track[track["variant"].isin(["coastal", "both"])]["source_ids"] for s in split_ids(cell)}
    findings = {f.claim_id: f for f in check_claims(["polar-route-days", "suez-route-days", "polar-route-saving"])}
    assert coastal <= set(findings["polar-route-days"].sources)  # every waypoint of the track it sails
    assert coastal <= set(findings["polar-route-saving"].sources)
    profiles = {s for cell in load_vessel_profiles()["source_ids"] for s in split_ids(cell)}
    assert not (coastal - profiles) & set(findings["suez-route-days"].sources)
    # a length rests on the routes and the published tables, not on ship speeds
    length = check_claims(["ys-nsr-nm"], article="maritime-executive-2013-yong-sheng")[0]
    assert not profiles & set(length.sources) and "crrel-96-3" in length.sources


@pytest.mark.parametrize("query, locode", [("Busan", "KRPUS"), ("Pusan", "KRPUS"), ("Gothenburg", "SEGOT"),
                                           ("Göteborg", "SEGOT"), ("Puttgarden", "DEPUT"), ("Rødbyhavn", "DKROD"),
                                           ("Elsinore", "DKHLS"), ("Boryeong", "KRBOR")])
def test_ports_resolve_by_their_english_and_local_names(query, locode):
    from geoclaims.world.routing import find_port

    assert find_port(query).locode == locode


@pytest.mark.parametrize("query, listed", [("St Petersburg", {"RULED", "USSPG"}), ("Santa Cruz", {"ARRZA", "USSRU"})])
def test_a_name_of_several_ports_is_an_error_listing_them_with_their_countries(query, listed):
    from geoclaims.errors import AmbiguousPortError
    from geoclaims.world.routing import find_port

    with pytest.raises(AmbiguousPortError) as err:
        find_port(query)
    assert all(f"{code} (" in str(err.value) for code in listed) and "Russia" in str(err.value) or query != "St Petersburg"


def test_a_port_searoute_lists_keeps_its_position_when_data_renames_it():
    from geoclaims.world.searoute import load_searoute_ports as load_ports
    from geoclaims.world.routing import find_port

    searoute = load_ports().loc["SEGOT"]
    port = find_port("SEGOT")
    assert port.name == "Gothenburg" and (port.lat, port.lon) == (searoute["lat"], searoute["lon"])


def test_a_kept_route_answer_is_the_computed_one_and_any_input_change_recomputes_it(data_copy, tmp_path, monkeypatch,
                                                                                  capsys):
    # `geoclaims route` keeps its answer under a hash of all it reads: the second call prints the same
    # text; an edited profile (an input's bytes) gives a new key, so the new speed shows at once
    from conftest import edit

    from geoclaims.data import clear_caches

    monkeypatch.setenv("GEOCLAIMS_CACHE", str(tmp_path / "cache"))
    argv = ["route", "NLRTM", "JPYOK", "--via", "suez", "--profile", "design-speed", "--format", "json"]
    outputs = []
    for _ in range(2):
        assert main(argv) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and len(list((tmp_path / "cache").glob("answer*.txt"))) == 1
    kept = next((tmp_path / "cache").glob("answer*.txt"))
    kept.write_text(kept.read_text(encoding="utf-8")[:-5], encoding="utf-8")  # a truncated answer is not served
    assert main(argv) == 0 and capsys.readouterr().out == outputs[0]
    edit(data_copy / "vessel_profiles.csv", "design-speed,container,25,", "design-speed,container,22,")
    # without clear_caches this process still holds the old profiles: what it prints is filed under
    # the bytes it read, never under the edited file's, so the next run recomputes
    assert main(argv) == 0
    assert capsys.readouterr().out == outputs[0]
    from geoclaims.data import load_table

    load_table("vessel_profiles.csv")  # a second version read in this process: nothing is filed under either
    answers = sorted((tmp_path / "cache").glob("answer*.txt"))
    assert main(argv) == 0 and capsys.readouterr().out == outputs[0]
    assert sorted((tmp_path / "cache").glob("answer*.txt")) == answers
    clear_caches()
    assert main(argv) == 0
    before, after = json.loads(outputs[0]), json.loads(capsys.readouterr().out)
    assert after["length_nm"] == before["length_nm"]
    # 3 knots slower over the whole voyage: days grow by the length over the speeds' difference
    hours = before["length_nm"] / 22 - before["length_nm"] / 25
    assert after["days"] - before["days"] == pytest.approx(hours / 24, abs=0.02)


def test_a_repeated_route_question_loads_no_data_stack():
    # the kept answer is found before pandas, numpy or the network are imported (BENCHMARKS: 0.08 s)
    import subprocess
    import sys

    code = ("import sys; from geoclaims.cli import main; main(['route', 'NLRTM', 'JPYOK', '--via', 'suez']); "
            "print(sorted(m for m in ('pandas', 'numpy', 'scipy', 'shapely') if m in sys.modules), file=sys.stderr)")
    from geoclaims.cache import cache_dir

    if cache_dir() is None:
        pytest.skip("the disk cache is off (GEOCLAIMS_CACHE=off)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and runs[1].stderr.strip() == "[]"
