"""Build the figures the families declare, for one article.

Figures are written deterministically: PNG without a software or time-stamp entry, and the
house style (:data:`geoclaims.draw.STYLE`) fixes sizes and the SVG hash salt, so two runs
give byte-identical files. Each figure is drawn from the run's evidence
(:class:`geoclaims.scorecard.Run`), the same object the verdicts read.

Writing follows the one output policy of :mod:`.outdir`: a new or empty folder, or one whose
marker lists what geoclaims wrote there (``figures/`` carries one); figures are drawn into a
folder beside it and moved in one by one, so a failure leaves the previous figures, and a
file geoclaims did not write is never replaced.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from ..articles import DEFAULT_ARTICLE
from ..data import load_sources
from ..draw import STYLE
from ..draw.frame import frame
from ..errors import InputError
from ..families import FAMILIES
from ..paths import output_root
from ..progress import report
from ..scorecard import figure_path, run_for
from .outdir import claim_folder, install, staging_folder

#: what is written into files: no software version, no date (so runs are byte-identical)
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
FORMATS = tuple(METADATA)


def figure_names(article: str | None = None) -> list[str]:
    """The figures that show the evidence of an article's claims (each subject's its own),
    in the order of the claims: an article draws nothing its claims do not use."""
    stems = [Path(p).stem for f in run_for(article).findings() for p in f.figures]
    return list(dict.fromkeys(stems))


def _stem(name: str, article: str | None) -> str:
    """A figure name of the article, with or without its extension, as its file stem."""
    names = figure_names(article)
    stem = Path(str(name)).stem if str(name).endswith(tuple(f".{f}" for f in FORMATS)) else str(name)
    if stem not in names:
        raise InputError(f"unknown figure {name!r}; known: {', '.join(names)}")
    return stem


def _spec(name: str, article: str | None):
    """(family, figure key, subject) of a figure name of the article."""
    stem = _stem(name, article)
    return next((family, *found) for family in FAMILIES.values() if (found := family.resolve(stem)))


def caption(name: str) -> str:
    """The caption of a figure file name (of any article)."""
    return next(f.figures[found[0]].caption for f in FAMILIES.values() if (found := f.resolve(name)))


def draw(name: str, fig: Figure, article: str | None = None) -> Figure:
    """Draw figure ``name`` (with or without ``.png``) of ``article`` on ``fig``."""
    family, key, subject = _spec(name, article)
    spec = family.figures[key]
    if spec.size:
        fig.set_size_inches(*spec.size)
    evidence = run_for(article).evidence(family.name)
    args = (evidence,) if spec.subject is None else (evidence, subject)
    spec.draw(fig, *args)
    headline = spec.headline(*args) if spec.headline else ""
    return frame(fig, headline, source_line(spec.sources(*args)) if spec.sources else "")


def source_line(ids) -> str:
    """"Source: " and the publishers of the sources ``ids`` names, each once, in order."""
    sources = load_sources()
    names = []
    for sid in ids:
        if sid in sources.index:
            name = re.split(r"[;(]| via | copy | read at ", str(sources.at[sid, "publisher"]))[0].strip(" ,")
            if name and name not in names:
                names.append(name)
    if len(names) > 12:
        names = [*names[:12], f"and {len(names) - 12} more (the report lists every source)"]
    return "Source: " + "; ".join(names) + "." if names else ""


def show(name: str, article: str | None = None):
    """Draw one figure with pyplot in the house style (for notebooks), display it, and
    return it; pyplot's interactive state is left as it was, so later figures show too."""
    with plt.style.context(STYLE):  # colours like "C1" resolve when drawn: display inside the style
        fig = plt.figure()
        draw(name, fig, article)
        try:  # in a notebook, display it now and close it, as the inline backend would at cell end
            from IPython import get_ipython
            from IPython.display import display

            if get_ipython() is not None:
                display(fig)
                plt.close(fig)
        except ImportError:
            pass
    return fig


def default_out(article: str | None = None) -> Path:
    """The folder ``geoclaims figures`` writes into for an article."""
    return output_root() / Path(figure_path("x", article or DEFAULT_ARTICLE)).parent


def build_figures(out_dir: str | Path | None = None, names: Iterable[str] | None = None, fmt: str = "png",
                  article: str | None = None, force: bool = False) -> list[Path]:
    """Draw and save figures (all of the article's by default) into ``out_dir`` (default
    ``figures/``, or ``figures/SLUG/`` for another article) as ``png`` or ``svg``.

    Raises
    ------
    InputError
        for an unknown figure name or format (before anything is written);
        :class:`OutputError` for an unusable folder, or a figure there edited since geoclaims
        wrote it (``force`` replaces it).
    """
    if fmt not in METADATA:
        raise InputError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if isinstance(names, str):
        raise InputError(f"names must be a list of figure names, not one string: {names!r}")
    wanted = figure_names(article) if names is None else [_stem(n, article) for n in names]
    out = Path(out_dir) if out_dir is not None else default_out(article)
    if out_dir is None and not out.parent.exists():  # the default figures/ of the current folder: ours to make
        out.parent.mkdir()
    claim_folder(out, "figures", force)
    staging = staging_folder(out)
    try:
        for i, name in enumerate(wanted, 1):
            report(f"[{i}/{len(wanted)}] {name}")
            # A bare Figure (no pyplot) draws with Agg whatever backend a notebook uses.
            with plt.style.context(STYLE):
                draw(name, Figure(), article).savefig(staging / f"{name}.{fmt}", format=fmt, metadata=METADATA[fmt])
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    install(staging, out, keep_others=True, force=force)
    return [out / f"{name}.{fmt}" for name in wanted]
