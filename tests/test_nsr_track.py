"""The NSR track: sourced waypoints, water all the way, and shorter than searoute's lanes."""

from __future__ import annotations

import numpy as np

from geoclaims.datasets import load_nsr_track
from geoclaims.geo.coastline import on_land
from geoclaims.geo.nsr_track import area_mask, connectors, track_legs, track_sequences
from geoclaims.world.coastlines import load_coastline
from geoclaims.world.routing import load_network, load_nsr_area
from geoclaims.world.searoute import load_marnet


def _area_mask(net):
    return area_mask(net, load_nsr_area())


def _legs():
    raw, track = load_marnet(), load_nsr_track()
    legs = [(a, b) for a, b, _ in track_legs(track)]
    legs += [(end, (float(raw.lat[n]), float(((raw.lon[n] + 180) % 360) - 180))) for end, n in
             connectors(raw, ~_area_mask(raw), track)]
    return legs


def test_every_leg_and_connector_is_water_sampled_every_kilometre():
    # the same land test the loader applies (there it is cached per version of the track)
    from geoclaims.geo.nsr_track import LAND_STEP_KM, land_on_track

    assert LAND_STEP_KM <= 1.0
    assert land_on_track(load_marnet(), load_nsr_track(), load_nsr_area(), load_coastline("f")) is None
    assert len(_legs()) >= 19  # every leg and connector was sampled, not a few


def test_the_land_test_finds_land():
    # Sapporo and the middle of Novaya Zemlya are land; the Kara Sea and the Bering Strait are not
    coast = load_coastline("f")
    assert on_land(coast, [43.06, 74.0], [141.35, 56.0]).all()
    assert not on_land(coast, [74.0, 65.9], [66.0, -169.0]).any()


def test_every_waypoint_has_a_source_and_both_variants_pass_the_bering_strait_limit():
    track = load_nsr_track().set_index("waypoint_id", drop=False)
    assert track["source_ids"].str.len().gt(0).all()
    assert set(track["basis"]) <= {"published", "derived"}
    limit = track.index[track["name"].str.startswith("NSR eastern limit in the Bering Strait")]
    assert len(limit) == 1  # the NSR's legal limit (66°N), on both variants
    for seq in track_sequences(track).values():
        ids = [w for w, _, _ in seq]
        assert limit[0] in ids
        after = ids[ids.index(limit[0]) + 1:]
        # every leg past the limit crosses the strait or the Bering Sea, as searoute tags its own there
        assert after and all(track.loc[w, "passage"] == "bering" for w in after)


def test_joins_are_what_the_data_marks_and_every_end_is_marked():
    raw = load_marnet()
    track = load_nsr_track()
    joined = {end for end, _ in connectors(raw, ~_area_mask(raw), track)}
    marked = track[track["joins_network"] == "yes"]
    assert joined == {(float(a), float(b)) for a, b in zip(marked["lat"], marked["lon"])}
    for seq in track_sequences(track).values():
        for _, lat, lon in (seq[0], seq[-1]):
            assert (lat, lon) in joined


def test_a_route_past_the_limit_keeps_its_bering_passage_from_the_track_alone():
    from dataclasses import replace

    from geoclaims.geo.nsr_track import splice

    raw = load_marnet()
    tags = raw.edge_passage.copy()
    tags[tags == "bering"] = ""  # searoute's own Bering lanes no longer say so
    net = splice(replace(raw, edge_passage=tags), load_nsr_track(), load_nsr_area())
    assert "bering" in set(net.edge_passage)  # the track's legs past the limit still do


def test_the_track_replaces_searoute_s_arctic_lanes():
    raw, net = load_marnet(), load_network()
    assert _area_mask(raw).sum() > 0 and _area_mask(net).sum() > 0
    # no searoute edge is left inside the NSR water area: every edge there is the track's
    inside = _area_mask(net)
    assert set(net.edge_passage[inside]) <= {"nsr-coastal", "nsr-high-latitude", "nsr-track"}


def test_the_high_latitude_variant_is_shorter_than_the_coastal_one():
    from geoclaims.world.routing import sea_route

    coastal = sea_route("NLRTM", "JPYOK", via="nsr")
    high = sea_route("NLRTM", "JPYOK", via="nsr", nsr_variant="high-latitude")
    assert coastal.nsr_variant == "coastal" and high.nsr_variant == "high-latitude"
    assert high.length_nm < coastal.length_nm
    assert np.isfinite([coastal.length_km, high.length_km]).all()
