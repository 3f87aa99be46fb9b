"""The claim families. Each module declares one :class:`~geoclaims.families.base.Family`:
what evidence it builds, its check kinds, its figures and its notebook. Everything that
loops over claims — scorecard, figures, report, export — loops over :data:`FAMILIES`.

To add a family: write a module with a ``FAMILY`` and list it here (see CONTRIBUTING.md).
"""

from __future__ import annotations

from .base import Check, Family, FigureSpec
from .history import FAMILY as HISTORY
from .meetings import FAMILY as MEETINGS
from .route import FAMILY as ROUTE
from .tunnel import FAMILY as TUNNEL

#: every family by name, in the order of the scorecard's notebooks
FAMILIES: dict[str, Family] = {f.name: f for f in (ROUTE, TUNNEL, MEETINGS, HISTORY)}

__all__ = ["Check", "FAMILIES", "Family", "FigureSpec"]
