"""Figures regenerate and are byte-identical from run to run."""

from __future__ import annotations

import pytest

from geoclaims.errors import InputError
from geoclaims.publish.figures import build_figures, figure_names


def test_two_runs_write_identical_files(tmp_path):
    first = build_figures(tmp_path / "a")
    second = build_figures(tmp_path / "b")
    assert [p.stem for p in first] == figure_names()
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_svg_is_deterministic_and_undated(tmp_path):
    names = ["islands-areas", "fixed-links.png"]  # with or without the extension
    first = build_figures(tmp_path / "a", names, fmt="svg")
    second = build_figures(tmp_path / "b", names, fmt="svg")
    for a, b in zip(first, second):
        text = a.read_text(encoding="utf-8")
        assert a.suffix == ".svg" and "<dc:date>" not in text
        assert a.read_bytes() == b.read_bytes(), a.name


def test_committed_figures_are_current(tmp_path):
    from geoclaims.articles import article_slugs
    from geoclaims.publish.figures import default_out

    for slug in article_slugs():  # every article's committed figures
        fresh = {p.name: p.read_bytes() for p in build_figures(tmp_path / slug, article=slug)}
        for name, data in fresh.items():
            assert (default_out(slug) / name).read_bytes() == data, f"{slug}/{name} is stale: run `make figures`"


def test_every_figure_a_finding_cites_is_one_the_figures_command_writes():
    from geoclaims.scorecard import check_claims

    cited = {path for finding in check_claims() for path in finding.figures}
    assert cited and {f"figures/{name}.png" for name in figure_names()} >= cited


def test_unknown_figure_name_writes_nothing(tmp_path):
    with pytest.raises(InputError, match="unknown figure"):
        build_figures(tmp_path / "out", ["meetings-timeline", "nope"])
    assert not (tmp_path / "out").exists()
