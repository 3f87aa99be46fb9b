"""The shape of the house: layers without cycles, values nobody can mutate for others,
claims added as data alone, old import paths kept for one release."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from conftest import DW

import geoclaims
from geoclaims.cli import main
from geoclaims.data import clear_caches
from geoclaims.paths import REPO_ROOT

PACKAGE = Path(geoclaims.__file__).parent


def _imports() -> dict[str, set[str]]:
    """Module -> the package modules it imports, at module level or inside a function: an import
    inside a function is an edge of the import graph like any other (a cycle closed by one is
    still a cycle)."""
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    target = f"{base}.{node.module}" if node.module else base
                else:
                    target = node.module or ""
                if target.startswith("geoclaims"):
                    submodules = {f"{target}.{a.name}" for a in node.names}
                    # `from . import x` imports the submodule x; `from .m import f` imports m
                    edges.update(submodules if node.module is None and node.level else {target, *submodules})
            elif isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name.startswith("geoclaims"))
        graph[name] = edges
    return {k: {e for e in v if e in graph and e != k} for k, v in graph.items()}


def test_the_package_imports_form_no_cycle():
    graph = _imports()
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


#: the loading layer: the modules that read files (tables, the world, the disk cache, paths)
LOADING = ("geoclaims.data", "geoclaims.datasets", "geoclaims.published", "geoclaims.world", "geoclaims.cache",
           "geoclaims.paths", "geoclaims.articles", "geoclaims.registry")


def test_the_layers_point_one_way():
    # geometry reads nothing (it takes its data as arguments) and never imports drawing, publishing
    # or the families; the world loads and never imports families, drawing or publishing; drawing
    # imports no other layer
    graph = _imports()
    rules = (("geoclaims.geo", ("geoclaims.draw", "geoclaims.publish", "geoclaims.families", *LOADING)),
             ("geoclaims.dating", LOADING), ("geoclaims.ids", LOADING),
             ("geoclaims.world", ("geoclaims.draw", "geoclaims.publish", "geoclaims.families", "geoclaims.scorecard")),
             ("geoclaims.draw", ("geoclaims.publish", "geoclaims.families", "geoclaims.geo", *LOADING)))
    for module, edges in graph.items():
        for layer, forbidden in rules:
            if module.startswith(layer):
                bad = [e for e in edges if e.startswith(forbidden)]
                assert not bad, f"{module} imports {bad}"


def test_geometry_opens_no_file():
    # no file access in geo/: no open(), no path reads, no numpy/pandas readers, no package data
    names = {"open", "read_text", "read_bytes", "load", "memmap", "read_csv", "find_spec", "loadtxt", "fromfile"}
    for path in (PACKAGE / "geo").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                assert called not in names, f"{path.name}:{node.lineno} calls {called}()"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(m.split(".")[0] in ("searoute", "global_land_mask", "os", "pathlib") for m in mods), \
                    f"{path.name}:{node.lineno} imports {mods}"


def _reached(function) -> set:
    """Every package function ``function`` may call, following global names, names imported inside
    functions and attributes of package modules, through the functions it reaches (classes and
    their methods are not followed: an evidence object's parts are the loading stage's)."""
    import importlib
    import inspect
    import textwrap
    import types

    seen, todo = set(), [function]
    while todo:
        fn = inspect.unwrap(todo.pop())
        if fn in seen or not getattr(fn, "__module__", "").startswith("geoclaims"):
            continue
        seen.add(fn)
        if fn.__module__.startswith(LOADING) or not isinstance(fn, types.FunctionType):
            continue  # a loader: reported by the caller, not followed
        if fn.__name__ == "<lambda>":  # its source is a line of a larger expression: read its names
            names = fn.__code__.co_names
            found = [fn.__globals__.get(n) for n in names]
            found += [getattr(m, n, None) for m in found if isinstance(m, types.ModuleType) for n in names]
            todo += [f for f in found if callable(f) and not isinstance(f, type)]
            continue
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
        package = fn.__module__.rsplit(".", 1)[0]
        scope = dict(fn.__globals__)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = "." * node.level + (node.module or "")
                module = importlib.import_module(importlib.util.resolve_name(base, package) if node.level else base)
                for alias in node.names:
                    scope[alias.asname or alias.name] = getattr(module, alias.name, None)
        def resolve(node):
            """What a name, a chain of attributes of package modules, or getattr(module, "name") is."""
            if isinstance(node, ast.Name):
                return scope.get(node.id)
            if isinstance(node, ast.Attribute):
                owner = resolve(node.value)
                if isinstance(owner, types.ModuleType) and owner.__name__.startswith("geoclaims"):
                    return getattr(owner, node.attr, None)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
                    and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)):
                owner = resolve(node.args[0])
                if isinstance(owner, types.ModuleType):
                    return getattr(owner, str(node.args[1].value), None)
            return None

        for node in ast.walk(tree):
            target = resolve(node)
            target = getattr(target, "func", target)  # functools.partial(loader, ...)
            if callable(target) and not isinstance(target, type):
                todo.append(target)
    return seen


def test_checks_and_figures_are_functions_of_claim_and_evidence():
    # the loading stage builds each family's evidence; what a check or a figure calls reads no file
    from geoclaims.families import FAMILIES

    bad = []
    for family in FAMILIES.values():
        functions = [c.function for c in family.checks.values()] + [c.shows for c in family.checks.values() if c.shows]
        for spec in family.figures.values():
            functions += [f for f in (spec.draw, spec.headline, spec.sources, spec.subject) if callable(f)]
        for function in functions:
            loaders = sorted(f"{f.__module__}.{f.__name__}" for f in _reached(function)
                             if f.__module__.startswith(LOADING) and (f.__name__.startswith("load_")
                                                                      or f.__module__.startswith("geoclaims.world")
                                                                      or hasattr(f, "cache_clear")))
            bad += [f"{family.name}: {function.__name__} calls {loaders}"] if loaders else []
    assert not bad, "\n".join(bad)


def test_no_module_is_longer_than_about_300_lines():
    for path in PACKAGE.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 330, path


def test_a_caller_mutating_a_loaded_table_changes_nobody_elses_verdict():
    from geoclaims.datasets import load_vessel_profiles
    from geoclaims.scorecard import Run

    before = Run().findings(["polar-route-days"])[0]
    profiles = load_vessel_profiles()
    profiles["open_water_kn"] *= 0.5  # the mutation the house issue found, on the caller's copy
    with pytest.raises(ValueError):
        from geoclaims.world.routing import load_network

        load_network().lat[0] = 0.0  # shared arrays are read-only
    from geoclaims.world.coastlines import load_coastline

    coast = load_coastline("f")  # one coastline serves every caller: its index and points are read-only
    with pytest.raises((TypeError, ValueError)):
        coast.meta["level"] = 2
    with pytest.raises(ValueError):
        coast.meta["level"][0] = 2
    with pytest.raises(ValueError):
        coast.points[0] = 0.0
    after = Run().findings(["polar-route-days"])[0]
    assert after == before


def test_a_claim_of_a_known_kind_is_added_with_data_alone(data_copy, capsys):
    # "The ship will take 30 days from Hamburg to Shanghai by the NSR": a new row, no code
    article = data_copy / DW
    text = (article / "article.txt").read_text(encoding="utf-8") + "\nA ship could sail from Hamburg in 30 days.\n"
    (article / "article.txt").write_text(text, encoding="utf-8")
    import hashlib

    toml = (article / "article.toml").read_text(encoding="utf-8")
    old_sha = next(l for l in toml.splitlines() if l.startswith("sha256")).split('"')[1]
    (article / "article.toml").write_text(toml.replace(old_sha, hashlib.sha256(text.encode()).hexdigest()), encoding="utf-8")
    with (article / "claims.csv").open("a", encoding="utf-8") as fh:
        fh.write("hamburg-shanghai-days,from Hamburg in 30 days,A ship can sail from Hamburg to Shanghai in 30 days.,"
                 "narration,duration,NSR days Hamburg–Shanghai,30,days,"
                 "route,transit-days,origin=DEHAM; destination=CNSHA; via=nsr\n")
    clear_caches()
    assert main(["check", "--claim", "hamburg-shanghai-days", "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["rating"] in geoclaims.RATINGS and row["low"] < row["measured"] < row["high"]
    assert "Hamburg–Shanghai via NSR" in row["rule"]


def test_once_the_evidence_is_built_checks_call_no_loader_at_all(monkeypatch):
    # the runtime side of the walk above: after a first pass has built every evidence part the checks
    # use, a second pass of every check of every article, and every figure title and source line,
    # runs with every call of a cached loader (each goes through data._detached) made to fail
    import os

    import geoclaims.data as data
    from geoclaims.families import FAMILIES
    from geoclaims.scorecard import Run

    runs = [Run(slug) for slug in sorted(os.listdir(REPO_ROOT / "data" / "articles"))]

    def titles(run, finding):
        family = FAMILIES[finding.claim.family]
        for path in finding.figures:
            key, subject = family.resolve(Path(path).stem)
            spec = family.figures[key]
            args = (run.evidence(family.name),) if spec.subject is None else (run.evidence(family.name), subject)
            for function in (spec.headline, spec.sources):
                if function:
                    function(*args)

    for run in runs:
        for claim in run.claims:
            titles(run, run.check(claim))

    def refuse(value):
        raise AssertionError("a loader was called after the evidence was built")

    monkeypatch.setattr(data, "_detached", refuse)
    for run in runs:
        for claim in run.claims:
            titles(run, run.check(claim))


def test_each_family_reads_only_the_tables_it_declares(monkeypatch):
    # a run loads (and so validates) the tables of the families its claims use: each family's
    # evidence, checks and figure titles read no table beyond its declared ones and sources.csv
    # (figures draw from the evidence alone: test_checks_and_figures_are_functions_of_claim_and_evidence)
    import os

    import geoclaims.data as data
    import geoclaims.datasets as datasets
    import geoclaims.published as published
    from geoclaims.families import FAMILIES
    from geoclaims.scorecard import Run

    read: list[str] = []
    table = data.load_table

    def recording(name, *args, **kwargs):
        read.append(name)
        return table(name, *args, **kwargs)

    for module in (data, datasets, published):
        monkeypatch.setattr(module, "load_table", recording)

    def files(loaders) -> set[str]:
        read.clear()
        clear_caches()
        for loader in loaders:
            loader()
        return set(read)

    for slug in sorted(os.listdir(REPO_ROOT / "data" / "articles")):
        for name in Run(slug).families():
            family = FAMILIES[name]
            declared = files(family.tables) | {"sources.csv"}
            clear_caches()
            run = Run(slug)
            read.clear()
            evidence = run.evidence(name)
            for claim in [c for c in run.claims if c.family == name]:
                for path in run.check(claim).figures:
                    key, subject = family.resolve(Path(path).stem)
                    spec = family.figures[key]
                    args = (evidence,) if spec.subject is None else (evidence, subject)
                    for more in (spec.headline, spec.sources):
                        if more:
                            more(*args)
            assert set(read) <= declared, (slug, name, sorted(set(read) - declared))
    clear_caches()


def test_every_family_declares_figures_that_its_checks_cite():
    from geoclaims.families import FAMILIES

    for family in FAMILIES.values():
        for kind, check in family.checks.items():
            assert set(check.figures) <= set(family.figures), (family.name, kind)
    names = [n for f in FAMILIES.values() for n in f.figures]
    assert len(names) == len(set(names)), "figure names are unique across families"


@pytest.mark.parametrize("old, name", [("geoclaims.routes", "sea_route"), ("geoclaims.straits", "strait_width"),
                                       ("geoclaims.timeline", "meetings_between"), ("geoclaims.figures", "build_figures")])
def test_old_import_paths_still_work_with_a_deprecation_warning(old, name):
    import importlib
    import sys

    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=f"{old} moved to"):
        module = importlib.import_module(old)
    assert callable(getattr(module, name))


@pytest.mark.parametrize("old, name", [("geoclaims.geo.routes", "sea_route"), ("geoclaims.geo.ports", "find_port"),
                                       ("geoclaims.geo.transit", "vessel_profile"),
                                       ("geoclaims.geo.straits", "strait_width"),
                                       ("geoclaims.geo.coastline", "landmass_id_at"),
                                       ("geoclaims.geo.network", "load_ports"), ("geoclaims.geo.nsr_track", "load_network"),
                                       ("geoclaims.geo.ports", "check_not_inland"),
                                       ("geoclaims.geo.second_coastline", "on_land")])
def test_names_that_left_geo_in_0_3_are_forwarded_with_a_deprecation_warning(old, name):
    import importlib

    module = importlib.import_module(old)
    with pytest.warns(DeprecationWarning, match=f"{old}.{name} moved to geoclaims.world"):
        assert callable(getattr(module, name))


@pytest.mark.parametrize("call, message", [
    ("geoclaims.geo.coastline:on_land([43.06], [141.35])", "on_land takes the coastline first"),
    ("geoclaims.geo.coastline:on_land([43.06], [141.35], 'f')", "on_land takes the coastline first"),
    ("geoclaims.geo.coastline:land_in_box(45.0, 46.0, 141.0, 142.0)", "land_in_box takes the coastline first"),
    ("geoclaims.geo.coastline:land_polygons('h')", "land_polygons takes the coastline first"),
    ("geoclaims.geo.crossing:width_between((1, 50, 2, 51), (3, 50, 4, 51))", "width_between takes the coastline first"),
    ("geoclaims.geo.routes:nsr_length_km([70, 71], [60, 61])", "nsr_length_km takes the NSR water area"),
    ("geoclaims.geo.matrix:port_matrix(['NLRTM'], ['JPYOK'])", "port_matrix takes the network"),
    ("geoclaims.geo.straits:crossing_pairings('la-perouse', 'f')", "geoclaims.world.straits.crossing_pairings"),
    ("geoclaims.geo.second_coastline:land_km((45.5, 141.9), (45.9, 142.1))", "land_km takes the land test"),
    ("geoclaims.geo.nsr_track:track_legs()", "track_legs takes the rows of nsr_track.csv"),
    ("geoclaims.dating:later_than('dw-article', __import__('pandas').Timestamp('2014-02-06'))", "each source's date"),
    # a new-style call missing an argument says which
    ("geoclaims.geo.coastline:on_land(__import__('geoclaims.world.coastlines', fromlist=['_']).load_coastline('h'), [43])",
     "latitudes and longitudes"),
    ("geoclaims.geo.coastline:land_in_box(__import__('geoclaims.world.coastlines', fromlist=['_']).load_coastline('h'), "
     "45, 46, 141)", "south, north, west and east"),
])
def test_a_0_2_call_of_a_function_that_now_takes_its_data_says_how(call, message):
    import importlib

    module, _, expression = call.partition(":")
    with pytest.raises(geoclaims.InputError, match=message):
        eval(expression, vars(importlib.import_module(module)))


def test_the_version_is_one_in_code_and_metadata(capsys):
    import tomllib

    meta = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert geoclaims.__version__ == meta["project"]["version"]
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"geoclaims {geoclaims.__version__}"


def test_articles_lists_every_article_folder(capsys):
    assert main(["articles"]) == 0
    out = capsys.readouterr().out
    assert "dw-2014-russo-japanese-ties" in out and "Russo-Japanese ties thaw" in out
