"""Property tests (hypothesis) for the geodesy helpers and fuzzing of the data loaders."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic as geopy_geodesic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoclaims.errors import GeoclaimsError, InputError
from geoclaims.geo.geodesy import distance_km, path_length_km
from geoclaims.paths import REPO_ROOT
from geoclaims.data import clear_caches

lat = st.floats(-90, 90, allow_nan=False)
lon = st.floats(-180, 180, allow_nan=False)
point = st.tuples(lat, lon)
MM_KM = 1e-6  # one millimetre in km


@given(point, point)
def test_distance_is_symmetric_and_matches_geographiclib_and_geopy(a, b):
    d = distance_km(*a, *b)
    assert d == pytest.approx(distance_km(*b, *a), abs=MM_KM)
    reference = Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000
    assert abs(d - reference) <= MM_KM
    assert abs(d - geopy_geodesic(a, b).km) <= MM_KM


@given(point)
def test_distance_to_self_is_zero(a):
    assert distance_km(*a, *a) == pytest.approx(0.0, abs=MM_KM)


@given(point, point, point)
def test_triangle_inequality(a, b, c):
    assert distance_km(*a, *c) <= distance_km(*a, *b) + distance_km(*b, *c) + MM_KM


@given(lat, st.floats(0, 5, allow_nan=False))
def test_across_the_antimeridian_is_short(phi, gap):
    # from 180 - gap/2 to -180 + gap/2 is gap degrees of longitude, not 360 - gap
    a, b = (phi, 180 - gap / 2), (phi, -180 + gap / 2)
    assert distance_km(*a, *b) <= gap * 111.33 + MM_KM


@given(lon, lon)
def test_poles_are_points(l1, l2):
    assert distance_km(90, l1, 90, l2) == pytest.approx(0.0, abs=MM_KM)
    # pole to pole along a meridian: twice the WGS84 quarter meridian, 10,001.966 km
    assert distance_km(90, l1, -90, l2) == pytest.approx(2 * 10001.965729, abs=1e-3)


@given(st.lists(point, min_size=2, max_size=8))
def test_a_path_is_never_shorter_than_the_geodesic_between_its_ends(points):
    lats, lons = np.array(points).T
    assert path_length_km(lats, lons) + MM_KM >= distance_km(lats[0], lons[0], lats[-1], lons[-1])


@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True).filter(lambda v: not -90 <= v <= 90)))
def test_bad_latitudes_are_named(bad):
    with pytest.raises(InputError, match="latitude must be a finite number in"):
        distance_km(bad, 0, 0, 0)


def test_a_route_is_never_shorter_than_the_geodesic_between_its_ports():
    from geoclaims.world.routing import sea_route

    for via in ("nsr", "suez"):
        r = sea_route("NLRTM", "JPYOK", via=via)
        assert r.length_km >= distance_km(r.origin.lat, r.origin.lon, r.destination.lat, r.destination.lon)


# ---- fuzzing the loaders -----------------------------------------------------------------

LOADERS = {
    "articles/dw-2014-russo-japanese-ties/claims.csv": lambda: __import__("geoclaims.registry", fromlist=["x"]).load_claims(),
    "meetings.csv": lambda: __import__("geoclaims.datasets", fromlist=["x"]).load_meeting_counts(),
    "vessel_profiles.csv": lambda: __import__("geoclaims.datasets", fromlist=["x"]).load_vessel_profiles(),
    "capes.csv": lambda: __import__("geoclaims.datasets", fromlist=["x"]).load_capes(),
    "islands.csv": lambda: __import__("geoclaims.datasets", fromlist=["x"]).load_islands(),
}

_DATA = tempfile.mkdtemp(prefix="geoclaims-fuzz-")
shutil.copytree(REPO_ROOT / "data", Path(_DATA) / "data")


def _mutations(text: str):
    lines = text.splitlines(keepends=True)
    return st.one_of(
        st.just(""),  # empty file
        st.binary(max_size=200).map(lambda b: b.decode("latin-1")),  # noise
        st.integers(0, len(text)).map(lambda n: text[:n]),  # truncated
        st.integers(1, max(1, len(lines) - 1)).map(lambda i: "".join(lines[:i] + lines[i + 1:])),  # a row missing
        st.tuples(st.integers(0, len(lines) - 1), st.text(max_size=40)).map(
            lambda p: "".join(lines[:p[0]] + [p[1] + "\n"] + lines[p[0] + 1:])),  # a row replaced
        st.tuples(st.integers(0, len(text)), st.sampled_from([",", '"', "\n", "\x00", ";", "ï»¿"])).map(
            lambda p: text[:p[0]] + p[1] + text[p[0]:]),  # a stray character
    )


@pytest.mark.parametrize("name", list(LOADERS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_loaders_either_load_or_raise_the_package_error(name, data, monkeypatch):
    folder = Path(_DATA) / "data"
    original = (REPO_ROOT / "data" / name).read_text(encoding="utf-8")
    mutated = data.draw(_mutations(original))
    monkeypatch.setenv("GEOCLAIMS_DATA", str(folder))
    (folder / name).write_bytes(mutated.encode("utf-8", "surrogateescape"))
    clear_caches()
    try:
        result = LOADERS[name]()
        assert result is not None and len(result) > 0
    except GeoclaimsError as exc:
        assert str(exc)  # the message says what is wrong
    finally:
        (folder / name).write_text(original, encoding="utf-8")
        clear_caches()
