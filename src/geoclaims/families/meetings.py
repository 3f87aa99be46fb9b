"""The meetings family: meeting counts, dates of office and of events, years of acquaintance.

Evidence: :class:`~geoclaims.families.timeline.Timeline`. Meetings are numbered as Japan's
foreign ministry numbers them (see :mod:`geoclaims.datasets`).
"""

from __future__ import annotations

from . import timeline_checks as tc
from ..data import merge_ids
from .base import Check, Family, FigureSpec
from .timeline import TIMELINE_TABLES, Timeline, evidence


def _meetings_timeline(fig, tl: Timeline) -> None:
    from ..datasets import OFFICE_EVENT
    from ..draw import plots

    counted = tl.meetings[tl.meetings["official_count"] == "yes"]
    office = tl.event(OFFICE_EVENT)["date"]
    anticipated = tl.anticipated_meeting()
    since = int(anticipated["ordinal"]) - int((counted["date"] < office).sum())
    plots.plot_meetings_timeline(counted, office, tl.article_window(), anticipated, since, fig.subplots())


def _meetings_headline(tl: Timeline) -> str:
    from ..datasets import OFFICE_EVENT

    counted = tl.meetings[tl.meetings["official_count"] == "yes"]
    after = tl.anticipated_meeting()
    since = int(after["ordinal"]) - int((counted["date"] < tl.event(OFFICE_EVENT)["date"]).sum())
    return (f"The next meeting after the article, {after['city']} on {after['date']:%d %b %Y}, was the "
            f"{_ordinal(since)} since Abe took office again ({_ordinal(int(after['ordinal']))} overall)")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


FAMILY = Family(
    name="meetings",
    title="Meetings and dates: Abe–Putin meetings, dates of office and events",
    evidence=evidence,
    tables=TIMELINE_TABLES,
    checks={
        "meeting-ordinal": Check(tc.meeting_ordinal, "count", ("since", "meeting"), ("since", "meeting"),
                                 ("meetings-timeline",)),
        "event-month": Check(tc.event_month, "month", ("event",), ("event",)),
        "local-date": Check(tc.local_date, "date", ("event",), ("event",)),
        "years-at-least": Check(tc.years_at_least, "number", ("event",), ("event",), near=tc.ROUND_DURATION,
                                why=tc.ROUND_WHY),
    },
    notebook="03-meetings",
    figures={"meetings-timeline": FigureSpec(_meetings_timeline, "Abe–Putin meetings and their running count", None,
                                             _meetings_headline,
                                             lambda tl: merge_ids(*tl.meetings["source_ids"]))},
)
