"""Hostile input, as a table: every case ends in one line and exit status 2 on the command
line, or a typed error of the package in the API; nothing is half-written or lost."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
from conftest import DW, edit

from geoclaims.cli import main
from geoclaims.data import clear_caches, load_table
from geoclaims.errors import (AmbiguousPortError, DataError, GeoclaimsError, InputError, RouteError,
                              UnknownPortError)

# ---- the command line: (case, argv, text the one error line must contain) -----------------------

CLI = [
    ("port with few close names", ["route", "Kabul", "JPYOK", "--via", "nsr"], "unknown port 'Kabul'"),
    ("port Basel", ["route", "Basel", "JPYOK", "--via", "nsr"], "unknown port 'Basel'"),
    ("port Paris", ["route", "Paris", "JPYOK", "--via", "nsr"], "unknown port 'Paris'"),
    ("port Moscow", ["route", "Moscow", "JPYOK", "--via", "nsr"], "unknown port 'Moscow'"),
    ("ambiguous port name", ["route", "Portland", "JPYOK", "--via", "suez"], "AUPTJ (Portland, Australia)"),
    ("inland place", ["route", "Madrid", "JPYOK", "--via", "suez"], "310 km from the sea network"),
    ("same port twice", ["route", "NLRTM", "rotterdam", "--via", "suez"], "the same port"),
    ("empty profile", ["route", "NLRTM", "JPYOK", "--via", "nsr", "--profile", ""], "--profile must not be empty"),
    ("unknown profile", ["route", "NLRTM", "JPYOK", "--via", "nsr", "--profile", "turbo"], "unknown profile 'turbo'"),
    ("empty port", ["route", "", "JPYOK", "--via", "nsr"], "got ''"),
    ("empty since", ["meetings", "--since", ""], "--since must be a date YYYY-MM-DD, got ''"),
    ("NaT", ["meetings", "--since", "NaT"], "got 'NaT'"),
    ("nan", ["meetings", "--until", "nan"], "got 'nan'"),
    ("today", ["meetings", "--since", "today"], "got 'today'"),
    ("year zero", ["meetings", "--since", "0000-01-01"], "got '0000-01-01'"),
    ("short month", ["meetings", "--since", "2014-1-5"], "got '2014-1-5'"),
    ("since after until", ["meetings", "--since", "2015-01-01", "--until", "2014-01-01"], "is after"),
    ("export date today", ["export", "claimreview", "--date", "today"], "--date must be a date YYYY-MM-DD, got 'today'"),
    ("unknown claim", ["check", "--claim", "nope"], "unknown claim id 'nope'"),
    ("empty claim", ["check", "--claim", ""], "--claim must not be empty"),
    ("unknown article", ["check", "--article", "bbc-2020"], "unknown article 'bbc-2020'"),
    ("path as article", ["check", "--article", "../data"], "unknown article '../data'"),
    ("unknown figure", ["figures", "--name", "nope"], "unknown figure 'nope'"),
    ("unknown strait", ["strait", "bosporus"], "unknown strait 'bosporus'"),
    ("bad format", ["check", "--format", "xml"], "invalid choice: 'xml'"),
]


@pytest.mark.parametrize("case, argv, message", CLI, ids=[c[0] for c in CLI])
def test_command_line_bad_input_is_one_line_and_status_2(case, argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's usage errors
        status = exc.code
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and len(err) == 1, err
    assert message in err[0] and "Traceback" not in err[0]
    assert not list(tmp_path.iterdir()), "nothing written"


def test_a_claim_asked_twice_is_checked_once(capsys):
    assert main(["check", "--claim", "tunnel-length-km", "--claim", "tunnel-length-km", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


# ---- output paths ------------------------------------------------------------------------------------

def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_export_refuses_paths_it_cannot_or_must_not_write(tmp_path, capsys):
    mine = tmp_path / "budget.json"
    mine.write_text('{"rent": 900}', encoding="utf-8")
    for target, text in ((tmp_path / "no" / "x.json", "does not exist"), (tmp_path, "folder"),
                         (mine, "not a ClaimReview file")):
        assert main(["export", "claimreview", "--out", str(target), "--date", "2026-11-28", "--draft"]) == 2
        assert text in _one_line(capsys)
    assert mine.read_text(encoding="utf-8") == '{"rent": 900}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.json"]


def test_export_replaces_its_own_previous_file(tmp_path, capsys):
    out = tmp_path / "claimreview.json"
    for _ in range(2):
        assert main(["export", "claimreview", "--out", str(out), "--date", "2026-11-28", "--draft"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["@type"] == "ClaimReview"


def test_figures_refuse_a_file_a_missing_parent_and_a_read_only_folder(tmp_path, capsys):
    afile = tmp_path / "a.txt"
    afile.write_text("keep", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        cases = [(afile, "is not a folder"), (tmp_path / "x" / "y", "does not exist")]
        if os.geteuid() != 0:  # root writes through permissions
            cases.append((locked, "not writable"))
        for out, text in cases:
            assert main(["figures", "--name", "islands-areas", "--out", str(out)]) == 2
            assert text in _one_line(capsys)
    finally:
        locked.chmod(0o700)
    assert afile.read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("name", ["notes.txt", "fixed-links.png"])  # a user's file, or one named like a figure
def test_figures_refuse_a_folder_of_someone_else_s_files(name, tmp_path, capsys):
    (tmp_path / name).write_text("USER DATA", encoding="utf-8")
    assert main(["figures", "--name", "fixed-links", "--out", str(tmp_path)]) == 2
    assert "did not write" in _one_line(capsys)
    assert (tmp_path / name).read_text(encoding="utf-8") == "USER DATA"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_figures_rewrite_their_own_folder_and_keep_its_other_figures(tmp_path):
    out = tmp_path / "figs"
    assert main(["figures", "--name", "islands-areas", "--out", str(out)]) == 0
    assert main(["figures", "--name", "fixed-links", "--out", str(out)]) == 0
    listed = sorted(p.name for p in out.iterdir() if p.name != ".geoclaims-lock")  # the install lock is geoclaims'
    assert listed == [".geoclaims-output.json", "fixed-links.png", "islands-areas.png"]
    assert oct((out / "fixed-links.png").stat().st_mode & 0o777) != oct(0o600)  # readable, not mkstemp's 0600


def test_a_marker_that_points_outside_its_folder_is_refused(tmp_path, capsys):
    import json as _json

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("keep", encoding="utf-8")
    report = tmp_path / "r1"
    report.mkdir()
    (report / "link").symlink_to(outside)
    (report / ".geoclaims-output.json").write_text(_json.dumps({"files": ["link/secret.txt"]}), encoding="utf-8")
    assert main(["figures", "--name", "islands-areas", "--out", str(report)]) == 2
    assert "names files outside" in _one_line(capsys)
    assert (outside / "secret.txt").read_text(encoding="utf-8") == "keep"


def test_a_folder_put_where_an_old_output_was_is_left_alone(tmp_path):
    from geoclaims.publish.outdir import install

    out = tmp_path / "out"
    first = tmp_path / "s1"
    first.mkdir()
    (first / "a.txt").write_text("1", encoding="utf-8")
    (first / "b.txt").write_text("1", encoding="utf-8")
    install(first, out)
    (out / "b.txt").unlink()
    (out / "b.txt").mkdir()
    (out / "b.txt" / "mine.txt").write_text("user", encoding="utf-8")
    second = tmp_path / "s2"
    second.mkdir()
    (second / "a.txt").write_text("2", encoding="utf-8")
    install(second, out)
    assert (out / "a.txt").read_text(encoding="utf-8") == "2"
    assert (out / "b.txt" / "mine.txt").read_text(encoding="utf-8") == "user"


def test_export_never_replaces_a_json_file_it_did_not_write(tmp_path, capsys):
    mine = tmp_path / "mine.json"
    for content in ("[]", '[{"@type": "ClaimReview"}]'):
        mine.write_text(content, encoding="utf-8")
        assert main(["export", "claimreview", "--out", str(mine), "--date", "2026-11-28", "--draft"]) == 2
        assert mine.read_text(encoding="utf-8") == content
    capsys.readouterr()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_one_line():
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "geoclaims.cli", "meetings"], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "cannot write" in proc.stderr


def test_output_in_an_ascii_terminal_is_escaped_not_a_traceback():
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run([sys.executable, "-m", "geoclaims.cli", "claims"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and "\\u201c" in proc.stdout


# ---- the Python API: typed errors naming the argument ------------------------------------------------

def _api(path: str):
    module, name = path.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[name]), name)


API = [
    ("distance of mismatched shapes", "geoclaims.geo.geodesy.distance_km", ([1, 2], [1, 2, 3], 0, 0), InputError, "shapes"),
    ("distance of text", "geoclaims.geo.geodesy.distance_km", ("45", 0, 0, 0), InputError, "'45'"),
    ("distance of a dict", "geoclaims.geo.geodesy.distance_km", ({}, 0, 0, 0), InputError, "{}"),
    ("distance of a boolean", "geoclaims.geo.geodesy.distance_km", (True, 0, 0, 0), InputError, "True"),
    ("61 minutes", "geoclaims.geo.geodesy.parse_position", ("45°61′N 141°56′E",), InputError, "below 60"),
    ("minus with N", "geoclaims.geo.geodesy.parse_position", ("-45°31′N 141°56′E",), InputError, "minus sign"),
    ("boolean speed", "geoclaims.geo.transit.VesselProfile", ("p", True, 10), InputError, "True"),
    ("crawling speed", "geoclaims.geo.transit.VesselProfile", ("p", 1e-300, 10), InputError, "1e-300"),
    ("empty profile name", "geoclaims.geo.transit.VesselProfile", ("", 18, 10), InputError, "''"),
    ("negative length", "geoclaims.geo.transit.transit_days_for", (-5, 0, "nsr", None), InputError, "-5"),
    ("unknown corridor", "geoclaims.geo.transit.transit_days_for", (5, 0, "magellan", None), InputError, "'magellan'"),
    ("profile None", "geoclaims.world.routing.transit_days", (None, None), InputError, "None"),
    ("unhashable strait", "geoclaims.world.straits.strait_width", (["la-perouse"],), InputError, "la-perouse"),
    ("claim ids as one string", "geoclaims.scorecard.check_claims", ("tunnel-length-km",), InputError, "one string"),
    ("claim id not text", "geoclaims.registry.get_claim", (42,), InputError, "42"),
    ("empty port", "geoclaims.world.routing.find_port", ("",), InputError, "''"),
    ("port as number", "geoclaims.world.routing.find_port", (3,), InputError, "3"),
    ("ambiguous port", "geoclaims.world.routing.find_port", ("Portland",), AmbiguousPortError, "GBPTL"),
    ("unknown port", "geoclaims.world.routing.find_port", ("Atlantis",), UnknownPortError, "'Atlantis'"),
    ("inland port", "geoclaims.world.routing.sea_route", ("Madrid", "JPYOK", "suez"), RouteError, "Madrid"),
    ("same port", "geoclaims.world.routing.sea_route", ("NLRTM", "NLRTM", "suez"), InputError, "NLRTM"),
    ("date as text", "geoclaims.families.timeline.parse_date", ("today",), InputError, "'today'"),
    ("date NaT", "geoclaims.families.timeline.parse_date", (float("nan"),), InputError, "nan"),
    ("figure names as a string", "geoclaims.publish.figures.build_figures", ("/tmp/x", "islands-areas"), InputError,
     "one string"),
    ("matrix of no ports", "geoclaims.world.routing.port_matrix", ([], ["JPYOK"]), InputError, "origins"),
]


@pytest.mark.parametrize("case, target, args, error, named", API, ids=[c[0] for c in API])
def test_api_bad_input_raises_a_typed_error_naming_the_value(case, target, args, error, named):
    if target.endswith("transit_days_for"):
        from geoclaims.world.routing import vessel_profile

        args = (*args[:3], vessel_profile("slow-steaming"))
    with pytest.raises(error) as info:
        _api(target)(*args)
    assert isinstance(info.value, GeoclaimsError) and named in str(info.value)


def test_numpy_numbers_are_numbers():
    from geoclaims.geo.geodesy import distance_km
    from geoclaims.geo.transit import VesselProfile

    assert VesselProfile("p", np.float32(18.0), np.int64(12)).open_water_kn == 18.0
    assert distance_km(np.float64(45), np.float32(142), 45.5, 142) > 0


def test_meetings_between_takes_dates_as_datetime_dates():
    from geoclaims.datasets import load_meetings
    from geoclaims.families.timeline import meetings_between

    window = meetings_between(load_meetings(), dt.date(2012, 12, 26), dt.date(2014, 2, 8))
    assert list(window["city"]) == ["Moscow", "Lough Erne", "St Petersburg", "Bali", "Sochi"]


# ---- data files -------------------------------------------------------------------------------------

DATA = [
    ("quote inside an unquoted field", "capes.csv", "Cape Crillon", 'Cape "Crillon', r"capes\.csv, line \d+, column \d+: a double quote"),
    ("underscore in a number", "vessel_profiles.csv", "design-speed,container,25,", "design-speed,container,2_5,", r"not a number: '2_5'"),
    ("date without leading zeros", "meetings.csv", "2006-11-18", "2006-11-8", r"not a date \(YYYY-MM-DD\): '2006-11-8'"),
    ("invalid byte", "capes.csv", "Cape Crillon", "Cape Cr\udcffillon", r"capes\.csv, line \d+, column \d+: not UTF-8"),
    ("unknown passage on a track leg", "nsr_track.csv", ",derived,bering,yes,", ",derived,suez,yes,",
     r"nsr_track\.csv, line \d+, column 'passage': 'suez' is not one of \(empty\), bering"),
    ("track waypoint without joins_network", "nsr_track.csv", ",derived,bering,yes,wp-cape-lopatka",
     ",derived,bering,,wp-cape-lopatka", r"nsr_track\.csv, line \d+, column 'joins_network': empty value"),
]

TRACK = [
    ("track end not joined to the network", ",derived,bering,yes,wp-cape-lopatka", ",derived,bering,no,wp-cape-lopatka",
     r"NSRT-B10 ends the coastal variant, so joins_network must be yes"),
    ("passage on a one-variant leg", "57°59′E,published,,no,", "57°59′E,published,bering,no,",
     r"NSRT-C02 names a passage on a coastal leg"),
]


@pytest.mark.parametrize("case, old, new, message", TRACK, ids=[c[0] for c in TRACK])
def test_a_track_that_would_route_wrongly_is_refused_in_one_line(case, old, new, message, data_copy):
    from geoclaims.datasets import load_nsr_track

    path = data_copy / "nsr_track.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_nsr_track()


@pytest.mark.parametrize("case, name, old, new, message", DATA, ids=[c[0] for c in DATA])
def test_a_malformed_data_file_names_file_line_and_column(case, name, old, new, message, data_copy):
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogateescape"))
    with pytest.raises(DataError, match=message):
        load_table(name)


def test_an_exact_duplicate_row_in_a_table_without_a_key_is_rejected(data_copy):
    path = data_copy / "strait_widths.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"strait_widths\.csv, line \d+: the same row appears twice"):
        load_table("strait_widths.csv")


# ---- the disk cache ---------------------------------------------------------------------------------

DAMAGE = {
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "garbage": lambda p: p.write_bytes(os.urandom(4096)),
    "wrong shape": lambda p: np.savez(p, lat=np.zeros(3), lon=np.zeros(2), edge_u=np.zeros(1, int),
                                      edge_v=np.zeros(1, int), edge_km=np.zeros(1), edge_passage=np.array([""])),
    "NaN coordinates": lambda p: _with_nan(p),
}


def _with_nan(path):
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["lat"] = arrays["lat"].copy()
    arrays["lat"][5] = np.nan
    with open(path, "wb") as fh:
        np.savez(fh, **arrays)


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_cache_file_is_rebuilt_with_one_warning(damage, tmp_path, monkeypatch, capsys):
    from geoclaims.cache import cache_file
    from geoclaims.world.searoute import load_marnet as load_network  # the file the cache keeps

    monkeypatch.setenv("GEOCLAIMS_CACHE", str(tmp_path))
    clear_caches()
    good = load_network()
    path = cache_file("network", "searoute")
    assert path.is_file()
    DAMAGE[damage](path)
    clear_caches()
    capsys.readouterr()
    rebuilt = load_network()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is damaged" in err[0] and "rebuilding" in err[0]
    assert np.array_equal(rebuilt.lat, good.lat) and np.array_equal(rebuilt.edge_km, good.edge_km)
    clear_caches()
    load_network()
    assert capsys.readouterr().err == "", "rebuilt once, then read quietly"
    files = [p for p in tmp_path.iterdir() if p.name != ".geoclaims-cache"]
    assert sorted(p.suffix for p in files) == [".npz"] * len(files), "no temp files"
    clear_caches()


@pytest.mark.parametrize("env, expected", [
    ({"GEOCLAIMS_CACHE": "", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"}, "/xdg/geoclaims"),
    ({"GEOCLAIMS_CACHE": "/own", "XDG_CACHE_HOME": "/xdg"}, "/own"),
    ({"XDG_CACHE_HOME": "relative", "HOME": "/home/u"}, "/home/u/.cache/geoclaims"),
    ({"HOME": ""}, None),
    ({"HOME": "/"}, None),
    ({"GEOCLAIMS_CACHE": "off", "HOME": "/home/u"}, None),
])
def test_the_cache_location_never_falls_into_the_working_directory_or_root(env, expected, monkeypatch):
    from geoclaims.cache import cache_dir

    for key in ("GEOCLAIMS_CACHE", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    got = cache_dir()
    assert (None if got is None else str(got)) == expected


def test_a_failed_cache_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    from geoclaims import cache

    def explode(fh, **arrays):
        fh.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", explode)  # the cache imports numpy when it writes
    cache.save_arrays(tmp_path / "x.npz", a=np.zeros(3))
    assert [p.name for p in tmp_path.iterdir()] == [cache.MARKER], "only the folder's marker"


def test_cache_clear_removes_only_what_geoclaims_wrote(tmp_path, monkeypatch):
    from geoclaims import cache

    monkeypatch.setenv("GEOCLAIMS_CACHE", str(tmp_path))
    ours = ["network-searoute-1.6.0-g0.2.0-f2.npz", "ports-searoute-1.6.0.npz"]  # this version's and 0.1's
    theirs = ["holiday.jpg", "model-weights-3.npz", "results-run-2.npz", "network-mine-1.npz"]
    (tmp_path / cache.MARKER).touch()  # geoclaims' folder, into which someone put files of their own
    for name in ours + theirs:
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in cache.clear()) == sorted(ours)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(theirs)


def test_a_cache_entry_of_the_wrong_kind_is_rebuilt(tmp_path, monkeypatch, capsys):
    """A valid .npy (not an .npz archive) where a cache file should be: rebuilt, one warning."""
    from geoclaims.cache import cache_file
    from geoclaims.world.searoute import load_marnet as load_network  # the file the cache keeps

    monkeypatch.setenv("GEOCLAIMS_CACHE", str(tmp_path))
    clear_caches()
    good = load_network()
    path = cache_file("network", "searoute")
    with open(path, "wb") as fh:
        np.save(fh, np.arange(10))
    clear_caches()
    capsys.readouterr()
    assert np.array_equal(load_network().lat, good.lat)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not an .npz archive" in err[0]
    clear_caches()


@pytest.mark.parametrize("where", ["root", "someone else's folder"])
def test_the_cache_refuses_root_and_folders_it_did_not_make(where, tmp_path, monkeypatch):
    from geoclaims.cache import cache_dir

    if where == "root":
        folder = "/"
    else:
        (tmp_path / "thesis.tex").write_text("chapter 1", encoding="utf-8")
        folder = str(tmp_path)
    monkeypatch.setenv("GEOCLAIMS_CACHE", folder)
    with pytest.raises(InputError, match="GEOCLAIMS_CACHE: the cache folder .* geoclaims did not write"):
        cache_dir()
    if where != "root":
        assert [p.name for p in tmp_path.iterdir()] == ["thesis.tex"]


def test_the_cache_command_line_with_root_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("GEOCLAIMS_CACHE", "/")
    clear_caches()
    assert main(["route", "NLRTM", "JPYOK", "--via", "suez"]) == 2
    assert "GEOCLAIMS_CACHE" in _one_line(capsys)
    clear_caches()


# ---- articles are data: they may name a notebook, never point at code or files elsewhere -------------

HOSTILE_ARTICLE = [
    ("notebook path up", "[notebooks]\nscorecard = \"../../x\"\n", "notebook is named by its stem"),
    ("notebook absolute", "[notebooks]\nscorecard = \"/tmp/x\"\n", "notebook is named by its stem"),
    ("notebook not there", "[notebooks]\nscorecard = \"99-nothing\"\n", "no notebook '99-nothing' in notebooks/"),
    ("notebooks not a table", "notebooks = \"00-scorecard\"\n", "[notebooks] must be a table"),
]


def _plant(data_copy, slug="planted"):
    folder = data_copy / "articles" / slug
    shutil.copytree(data_copy / DW, folder)
    (folder / "audit.csv").unlink(missing_ok=True)
    return folder


@pytest.mark.parametrize("case, extra, message", HOSTILE_ARTICLE, ids=[c[0] for c in HOSTILE_ARTICLE])
def test_an_article_folder_cannot_name_a_notebook_outside_notebooks(case, extra, message, data_copy, capsys,
                                                                    tmp_path):
    folder = _plant(data_copy)
    toml = folder / "article.toml"
    text = toml.read_text(encoding="utf-8")
    head, _, tail = text.partition("[publication_window]")
    toml.write_text(head.replace("title =", extra + "title =") if extra.startswith("notebooks") else text + extra,
                    encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", "--article", "planted", "--out", str(out)]) == 2
    line = _one_line(capsys)
    assert message in line and "articles/planted/article.toml" in line
    assert not out.exists(), "nothing written"


@pytest.mark.parametrize("text", ["../../sources.csv", "/etc/hostname", "sub/article.txt", "link.txt"])
def test_an_article_text_outside_its_folder_is_refused(text, data_copy, capsys):
    folder = _plant(data_copy)
    (folder / "link.txt").symlink_to(data_copy / "sources.csv")
    edit(folder / "article.toml", 'text = "article.txt"', f'text = "{text}"')
    assert main(["check", "--article", "planted"]) == 2
    line = _one_line(capsys)
    assert "articles/planted/article.toml, text" in line and text in line


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd",
                                 "data:text/html;base64", "//evil.example/x", "../../etc/passwd"])
def test_a_source_link_must_be_http_or_a_project_file(url, data_copy):
    edit(data_copy / "sources.csv", "https://tojfl.com/russo-japanese-ties-thaw-after-long-freeze-1294.html", url)
    with pytest.raises(DataError, match=r"sources\.csv, line \d+, column 'url': not an http\(s\) address"):
        load_table("sources.csv")


def test_a_non_utf8_article_text_is_one_line(data_copy, capsys):
    folder = _plant(data_copy)
    (folder / "article.txt").write_bytes(b"caf\xe9 au lait")
    assert main(["check", "--article", "planted"]) == 2
    assert "article.txt: " in _one_line(capsys)


def test_a_publication_window_that_is_not_a_table_is_one_line(data_copy, capsys):
    folder = _plant(data_copy)
    toml = folder / "article.toml"
    head = toml.read_text(encoding="utf-8").partition("[publication_window]")[0]
    toml.write_text(head.replace("published =", 'publication_window = "2014-01"\npublished ='), encoding="utf-8")
    assert main(["check", "--article", "planted"]) == 2
    assert "publication_window must be a table" in _one_line(capsys)


@pytest.mark.parametrize("case, position", [("Yamal peninsula", "70°00′N 70°00′E")])  # (central Siberia, tried: refused)
def test_a_track_waypoint_on_land_is_refused_at_load(case, position, data_copy, monkeypatch, tmp_path, capsys):
    import csv

    monkeypatch.setenv("GEOCLAIMS_CACHE", str(tmp_path / "cache"))
    path = data_copy / "nsr_track.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    moved = next(r for r in rows if r["basis"] == "published" and r["joins_network"] == "no")
    moved["position"] = position
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert main(["route", "NLRTM", "JPYOK", "--via", "nsr"]) == 2
    line = _one_line(capsys)
    assert "nsr_track.csv, line" in line and "crosses GSHHS-f land" in line and "column 'position'" in line
