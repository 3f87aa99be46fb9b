"""Figures regenerate and are byte-identical from run to run."""

from __future__ import annotations

import pytest

from geoclaims.errors import InputError
from geoclaims.publish.figures import build_figures, figure_names


def test_svg_is_deterministic_and_undated(tmp_path):
    names = ["islands-areas", "fixed-links.png"]  # with or without the extension
    first = build_figures(tmp_path / "a", names, fmt="svg")
    second = build_figures(tmp_path / "b", names, fmt="svg")
    for a, b in zip(first, second):
        text = a.read_text(encoding="utf-8")
        assert a.suffix == ".svg" and "<dc:date>" not in text
        assert a.read_bytes() == b.read_bytes(), a.name


def test_committed_figures_are_current_and_runs_are_byte_identical(tmp_path):
    # the committed files were written by another process, so equal bytes also show that runs
    # are deterministic
    from geoclaims.articles import article_slugs
    from geoclaims.publish.figures import default_out

    for slug in article_slugs():  # every article's committed figures
        written = build_figures(tmp_path / slug, article=slug)
        assert [p.stem for p in written] == figure_names(slug)
        fresh = {p.name: p.read_bytes() for p in written}
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


def test_every_figure_states_its_finding_and_names_the_publishers_of_its_data():
    from matplotlib.figure import Figure

    from geoclaims.articles import article_slugs
    from geoclaims.data import load_sources
    from geoclaims.publish.figures import draw

    publishers = set(load_sources()["publisher"])
    for slug in article_slugs():
        for name in figure_names(slug):
            texts = [t.get_text() for t in draw(name, Figure(), slug).texts]
            source = [t for t in texts if t.startswith("Source: ")]
            assert len(source) == 1, (slug, name)
            named = [n.strip(" .") for n in source[0].removeprefix("Source: ").replace("\n", " ").split(";")]
            assert any(p.startswith(n) for n in named[:3] for p in publishers), (slug, name, named)
            headline = [t for t in texts if t and not t.startswith("Source: ")][0]
            assert any(ch.isdigit() for ch in headline), (slug, name, headline)  # a finding, with its number


def test_the_fixed_links_chart_dates_proposals_as_the_verdict_does():
    from matplotlib.figure import Figure

    from geoclaims.publish.figures import draw
    from geoclaims.scorecard import check_claims

    finding = next(f for f in check_claims() if "figures/fixed-links.png" in f.figures)
    later_names = {item.split(":")[0] for item in finding.later_evidence if "km (" in item}
    ax = draw("fixed-links", Figure()).axes[0]
    marked = {t.get_text().split(" (")[0] for t in ax.get_yticklabels() if "published after the article" in t.get_text()}
    shown_later = {t.get_text().rsplit(" — ", 1)[0] for t in ax.get_yticklabels()
                   if "published after the article" in t.get_text()}
    assert marked and all(any(s.startswith(n) for n in later_names) for s in shown_later)
