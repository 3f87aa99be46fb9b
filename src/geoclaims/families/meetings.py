"""The meetings family: meeting counts, dates of office and of events, years of acquaintance.

Evidence: :class:`~geoclaims.families.timeline.Timeline`. Meetings are numbered as Japan's
foreign ministry numbers them (see :mod:`geoclaims.datasets`).
"""

from __future__ import annotations

from . import timeline_checks as tc
from .base import Check, Family, FigureSpec
from .timeline import Timeline, evidence


def _meetings_timeline(fig, tl: Timeline) -> None:
    from ..datasets import OFFICE_EVENT
    from ..draw import plots

    counted = tl.meetings[tl.meetings["official_count"] == "yes"]
    office = tl.event(OFFICE_EVENT)["date"]
    anticipated = tl.anticipated_meeting()
    since = int(anticipated["ordinal"]) - int((counted["date"] < office).sum())
    plots.plot_meetings_timeline(counted, office, tl.article_window(), anticipated, since, fig.subplots())


FAMILY = Family(
    name="meetings",
    title="Meetings and dates: Abe–Putin meetings, dates of office and events",
    evidence=evidence,
    checks={
        "meeting-ordinal": Check(tc.meeting_ordinal, "count", ("since",), ("since",), ("meetings-timeline",)),
        "event-month": Check(tc.event_month, "month", ("event",), ("event",)),
        "local-date": Check(tc.local_date, "date", ("event",), ("event",)),
        "years-at-least": Check(tc.years_at_least, "number", ("event",), ("event",)),
    },
    notebook="03-meetings",
    figures={"meetings-timeline": FigureSpec(_meetings_timeline, "Abe–Putin meetings and their running count")},
)
