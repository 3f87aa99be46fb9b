"""The claim families. Each module declares one :class:`~geoclaims.families.base.Family`:
what evidence it builds, its check kinds, its figures and its notebook. Everything that
loops over claims — scorecard, figures, report, export — loops over :data:`FAMILIES`.

To add a family: write a module with a ``FAMILY`` and list it here (see CONTRIBUTING.md).
"""

from __future__ import annotations

from ..paths import DEFAULT_ARTICLE
from .base import Check, Family, FigureSpec
from .consistency import FAMILY as CONSISTENCY
from .history import FAMILY as HISTORY
from .links import FAMILY as LINKS
from .meetings import FAMILY as MEETINGS
from .route import FAMILY as ROUTE
from .statistics import FAMILY as STATISTICS
from .tunnel import FAMILY as TUNNEL

#: every family by name, in the order of the scorecard's notebooks
FAMILIES: dict[str, Family] = {f.name: f for f in (ROUTE, TUNNEL, MEETINGS, HISTORY, LINKS, STATISTICS,
                                                    CONSISTENCY)}


#: the notebook that shows any article (it follows the article its report runs it for)
GENERIC_NOTEBOOK = "00-scorecard"


def notebook_for(article, family: str) -> str:
    """The stem of the notebook that shows ``family``'s evidence for ``article`` (an
    :class:`~geoclaims.articles.Article`): its own (``[notebooks]`` in article.toml;
    ``scorecard`` for any family not listed); else the family's for the DW article, whose
    evidence the family notebooks show, and the generic scorecard for any other."""
    own = dict(article.notebooks)
    if own:
        return own.get(family) or own["scorecard"]
    return FAMILIES[family].notebook if article.slug == DEFAULT_ARTICLE else GENERIC_NOTEBOOK


def notebook_stems(article) -> list[str]:
    """Every notebook ``article``'s report executes."""
    own = dict(article.notebooks)
    if own:
        return sorted(set(own.values()))
    if article.slug != DEFAULT_ARTICLE:
        return [GENERIC_NOTEBOOK]
    return [GENERIC_NOTEBOOK, *sorted({f.notebook for f in FAMILIES.values()} - {GENERIC_NOTEBOOK})]

__all__ = ["Check", "FAMILIES", "Family", "FigureSpec", "notebook_for", "notebook_stems"]
