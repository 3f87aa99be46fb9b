"""Every public entry point rejects bad input with the package's error, naming the value."""

from __future__ import annotations

import pytest

from geoclaims.errors import GeoclaimsError, InputError, UnknownClaimError, UnknownPortError, UnknownStraitError


def _call(target: str, *args, **kwargs):
    module, name = target.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[name]), name)(*args, **kwargs)


CASES = [
    ("geoclaims.geo.geodesy.distance_km", (95.0, 0, 0, 0), {}, InputError, "95.0"),
    ("geoclaims.geo.geodesy.distance_km", (0, 200.0, 0, 0), {}, InputError, "200.0"),
    ("geoclaims.geo.geodesy.path_length_km", ([0, float("nan")], [0, 1]), {}, InputError, "nan"),
    ("geoclaims.geo.geodesy.parse_position", ("45°31′N 200°E",), {}, InputError, "200"),
    ("geoclaims.geo.geodesy.parse_position", ("Cape Soya",), {}, InputError, "'Cape Soya'"),
    ("geoclaims.world.coastlines.landmass_id_at", (45.0, 142.0), {"resolution": "x"}, InputError, "'x'"),
    ("geoclaims.world.straits.strait_width", ("bosporus",), {}, UnknownStraitError, "'bosporus'"),
    ("geoclaims.world.routing.find_port", ("XXXXX",), {}, UnknownPortError, "'XXXXX'"),
    ("geoclaims.world.routing.sea_route", ("NLRTM", "JPYOK"), {"via": "arctic"}, InputError, "'arctic'"),
    ("geoclaims.world.routing.vessel_profile", ("turbo",), {}, InputError, "'turbo'"),
    ("geoclaims.geo.transit.VesselProfile", ("p", 18.0, 0.0), {}, InputError, "0.0"),
    ("geoclaims.geo.transit.VesselProfile", ("p", 18.0, 12.0, -1.0), {}, InputError, "-1.0"),
    ("geoclaims.families.timeline.parse_date", ("2014-02-30",), {}, InputError, "'2014-02-30'"),
    ("geoclaims.registry.get_claim", ("tunnel-km",), {}, UnknownClaimError, "'tunnel-km'"),
    ("geoclaims.scorecard.check_claims", (["nope"],), {}, UnknownClaimError, "'nope'"),
    ("geoclaims.publish.figures.build_figures", ("/tmp/unused", ["x.png"]), {}, InputError, "x.png"),
    ("geoclaims.publish.figures.build_figures", ("/tmp/unused", None, "gif"), {}, InputError, "'gif'"),
]


@pytest.mark.parametrize("target, args, kwargs, error, named", CASES, ids=[c[0].rsplit(".", 1)[1] + "-" + c[4] for c in CASES])
def test_bad_input_raises_the_package_error_naming_the_value(target, args, kwargs, error, named):
    with pytest.raises(error) as info:
        _call(target, *args, **kwargs)
    assert isinstance(info.value, GeoclaimsError)
    assert named in str(info.value)


def test_implied_speed_rejects_non_positive_days():
    from geoclaims.world.routing import sea_route
    from geoclaims.geo.transit import implied_speed_kn

    with pytest.raises(InputError, match="-3"):
        implied_speed_kn(sea_route("NLRTM", "JPYOK", via="suez"), -3)


@pytest.mark.parametrize("argv", [["route", "NLRTM", "JPYOK", "--via", "nsr", "--profile", "turbo"],
                                  ["strait", "la-perouse", "--resolution", "h", "--format", "json"]])
def test_command_line_never_prints_a_traceback(argv, capsys):
    from geoclaims.cli import main

    status = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err and (status == 0 or len(err.strip().splitlines()) == 1)


@pytest.mark.parametrize("argv", [["strait", "la-perouse", "--resolution", "x"], ["route", "NLRTM"], ["nonsense"],
                                  ["check", "--format", "xml"]])
def test_usage_errors_are_one_line_with_status_2(argv, capsys):
    from geoclaims.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("geoclaims") and "error:" in err[0]
