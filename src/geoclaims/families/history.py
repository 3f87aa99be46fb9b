"""The history family: reactors since Fukushima, the four islands, the occupation, dated history.

Evidence: :class:`~geoclaims.families.timeline.Timeline`.
"""

from __future__ import annotations

from . import timeline_checks as tc
from .base import Check, Family, FigureSpec
from .timeline import Timeline, evidence


def _reactors_operating(fig, tl: Timeline) -> None:
    from ..draw import plots

    r = tl.reactors
    end = r["date"].max() + (r["date"].max() - r["date"].min()) * 0.1
    plots.plot_reactors_operating(r, tl.event("fukushima-disaster")["date"], tl.article_window(), end, fig.subplots())


def _islands_areas(fig, tl: Timeline) -> None:
    from ..draw import plots

    parts = tl.islands[tl.islands["island"] != "all-four"]
    stats = parts.groupby("island").agg(low=("area_km2", "min"), high=("area_km2", "max"),
                                        named=("named_in_1956", "first")).sort_values("high")
    plots.plot_island_areas(stats, fig.subplots())


FAMILY = Family(
    name="history",
    title="History: the four islands, the occupation, reactors after Fukushima",
    evidence=evidence,
    checks={
        "event-month": Check(tc.event_month, "month", ("event",), ("event",)),
        "years-since": Check(tc.years_since, "number"),
        "named-count": Check(tc.named_count, "count", (), (), ("islands-areas",)),
        "none-since": Check(tc.none_since, "date", ("event",), ("event",), ("reactors-operating",)),
        "ended-by": Check(tc.ended_by, "date"),
    },
    notebook="04-history",
    figures={
        "reactors-operating": FigureSpec(_reactors_operating, "Japan's operating commercial reactors after Fukushima"),
        "islands-areas": FigureSpec(_islands_areas, "Land areas of the four disputed islands"),
    },
)
