"""Dated evidence shared by the meetings and history families, and its small helpers.

:class:`Timeline` bundles the meetings, stated meeting counts, events, reactor counts and
island areas (:mod:`geoclaims.datasets`) with the article, whose publication window bounds
every "at the article's date" figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..data import load_source_dates
from ..datasets import load_events, load_facts, load_islands, load_meeting_counts, load_meetings, load_reactors
from ..errors import DataError, InputError

DAYS_PER_YEAR = 365.2425  #: mean Gregorian year, for "years since" figures


@dataclass(frozen=True)
class Timeline:
    """Every dated table the meeting and history checks read, and the article."""

    article: object  # geoclaims.articles.Article
    meetings: pd.DataFrame
    counts: pd.DataFrame
    events: pd.DataFrame
    reactors: pd.DataFrame
    islands: pd.DataFrame
    facts: pd.DataFrame
    #: each source id's publication date (:func:`geoclaims.data.load_source_dates`)
    dates: Mapping[str, str]
    #: the meeting each meeting-ordinal claim names (``meeting`` parameter), in claim order
    meetings_named: tuple[str, ...] = ()

    def article_window(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """Earliest and latest possible publication day of the article."""
        return self.article.window

    def event(self, event_id: str) -> pd.Series:
        """One row of ``events.csv``; a missing id is a data error."""
        if event_id not in self.events.index:
            raise DataError(f"events.csv: no event {event_id!r}")
        return self.events.loc[event_id]

    def meeting(self, meeting_id: str) -> pd.Series:
        """One officially counted meeting of ``meetings.csv``; another id is a data error."""
        hit = self.meetings[(self.meetings["meeting_id"] == meeting_id) & (self.meetings["official_count"] == "yes")]
        if hit.empty:
            raise DataError(f"meetings.csv: no officially counted meeting {meeting_id!r}")
        return hit.iloc[0]

    def anticipated_meeting(self) -> pd.Series:
        """The meeting the article's claims name (the first ``meeting`` parameter), else the first
        officially counted meeting after the article's latest possible date."""
        if self.meetings_named:
            return self.meeting(self.meetings_named[0])
        after = self.meetings[(self.meetings["date"] > self.article.latest) & (self.meetings["official_count"] == "yes")]
        if after.empty:
            raise DataError(f"meetings.csv: no counted meeting after {self.article.latest:%Y-%m-%d}")
        return after.iloc[0]


#: the tables :func:`evidence` reads
TIMELINE_TABLES = (load_meetings, load_meeting_counts, load_events, load_reactors, load_islands, load_facts)


def evidence(article, claims=()) -> Timeline:
    """Load and cross-check every dated table, with the article."""
    named = tuple(c.param("meeting") for c in claims if "meeting" in dict(c.params))
    return Timeline(article, load_meetings(), load_meeting_counts(), load_events(), load_reactors(), load_islands(),
                    load_facts(), load_source_dates(), named)


def parse_date(value, what: str = "date") -> pd.Timestamp:
    """A day given as strict ``YYYY-MM-DD`` text, a :class:`datetime.date` or a Timestamp.

    Raises
    ------
    InputError
        naming ``what`` and the value: anything else, including ``''``, ``NaT``, ``today``,
        ``2014-1-5`` or a year before 1678 (outside pandas' range).
    """
    if isinstance(value, pd.Timestamp) and not pd.isna(value):
        if value.tz is not None:
            raise InputError(f"{what} must be a calendar day without a time zone, got {value!r}")
        return value.normalize()
    if isinstance(value, dt.date):
        value = value.isoformat()[:10]
    text = value if isinstance(value, str) else None
    try:
        if text is None or len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError
        day = dt.date.fromisoformat(text)
        if not 1678 <= day.year <= 2261:  # the range of pandas' nanosecond timestamps
            raise ValueError
        return pd.Timestamp(day)
    except (ValueError, TypeError, OverflowError):
        raise InputError(f"{what} must be a date YYYY-MM-DD, got {value!r}") from None


def years_between(start, end) -> float:
    """Elapsed years (days / 365.2425) from ``start`` to ``end`` (days as for :func:`parse_date`).

    Raises
    ------
    InputError
        naming the argument that is not a day.
    """
    return (parse_date(end, "end") - parse_date(start, "start")).days / DAYS_PER_YEAR


def count_discrepancies(counts: pd.DataFrame) -> pd.DataFrame:
    """The stated counts that differ from the table (all of them media counts)."""
    return counts[~counts["agrees"]]


def meetings_between(meetings: pd.DataFrame, since=None, until=None) -> pd.DataFrame:
    """Meetings from ``since`` to ``until`` (inclusive; dates as for :func:`parse_date`) with
    their ordinal in the full list and ``ordinal_in_window``; only officially counted
    meetings get ordinals.

    Raises
    ------
    InputError
        for a malformed date or ``since`` after ``until``.
    """
    if not isinstance(meetings, pd.DataFrame) or "date" not in meetings:
        raise InputError(f"meetings must be the table of load_meetings(), got {type(meetings).__name__}")
    start = None if since is None else parse_date(since, "since")
    end = None if until is None else parse_date(until, "until")
    if start is not None and end is not None and start > end:
        raise InputError(f"since {start:%Y-%m-%d} is after until {end:%Y-%m-%d}")
    mask = pd.Series(True, index=meetings.index)
    if start is not None:
        mask &= meetings["date"] >= start
    if end is not None:
        mask &= meetings["date"] <= end
    window = meetings[mask].copy()
    counted = window["official_count"] == "yes"
    window["ordinal_in_window"] = counted.cumsum().where(counted).astype("Int64")
    return window


def operating_on(reactors: pd.DataFrame, day: pd.Timestamp) -> int | None:
    """Reactors operating on ``day`` by the step series; ``None`` before its first row."""
    known = reactors[reactors["date"] <= day]
    return None if known.empty else int(known["operating"].iloc[-1])


def running_periods(steps: pd.DataFrame, since: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp, int]]:
    """Spans of the step series, from ``since`` on, in which at least one reactor ran:
    ``(start, end, most running)``; a span still open at the last row ends there.
    The series starts at its first row: earlier running days are not counted."""
    periods, start, most = [], None, 0
    for _, row in steps[steps["date"] >= since].iterrows():
        if row["operating"] > 0:
            start = row["date"] if start is None else start
            most = max(most, row["operating"])
        elif start is not None:
            periods.append((start, row["date"], most))
            start, most = None, 0
    if start is not None:
        periods.append((start, steps["date"].iloc[-1], most))
    return periods

