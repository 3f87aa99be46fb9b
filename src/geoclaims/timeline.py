"""Dated evidence: Abe–Putin meetings, events, Japan's operating reactors, the four islands.

Loaders read ``data/meetings.csv``, ``meeting_counts.csv``, ``events.csv``,
``reactors.csv`` and ``islands.csv`` and check them against themselves, failing loudly
(:class:`~geoclaims.errors.DataError`, naming file, line and column):

- every date parses, every row cites sources that exist in ``sources.csv``;
- no meeting is listed twice (same date and city);
- every *official* count a source states ("the 10th meeting") equals the table's running
  count. Media counts are kept as stated and compared, not enforced: where they differ
  from the table, :func:`count_discrepancies` shows it.

How meetings are counted: one row per in-person meeting (a visit of several days, such
as Nagato and Tokyo on 15–16 December 2016, is one meeting), including short meetings on
summit sidelines, which is how Japan's foreign ministry numbers them (its "10th meeting"
in Beijing on 9 November 2014 counts the 10-minute Milan meeting of 17 October 2014).
The checks use that official numbering.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .errors import DataError, InputError
from .schemas import load_table
from .tables import cached_loader, split_ids

DAYS_PER_YEAR = 365.2425  #: mean Gregorian year, for "years since" figures
COUNT_SCOPES = ("overall", "since-office")
COUNT_KINDS = ("official", "media")
#: the event that starts the "since Abe took office" window
OFFICE_EVENT = "abe-second-term"


@dataclass(frozen=True)
class Timeline:
    """Every dated table the meeting and history checks read."""

    meetings: pd.DataFrame
    counts: pd.DataFrame
    events: pd.DataFrame
    reactors: pd.DataFrame
    islands: pd.DataFrame

    def article_window(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """Earliest and latest possible publication date of the article (``article-published``)."""
        row = self.event("article-published")
        return row["date"], row["date_end"]

    def event(self, event_id: str) -> pd.Series:
        """One row of ``events.csv``; a missing id is a data error."""
        if event_id not in self.events.index:
            raise DataError(f"events.csv: no event {event_id!r}")
        return self.events.loc[event_id]


def parse_date(text: str, what: str = "date") -> pd.Timestamp:
    """Parse ``YYYY-MM-DD``; raise :class:`InputError` naming the bad value."""
    try:
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except (ValueError, TypeError):
        raise InputError(f"{what} must be YYYY-MM-DD, got {text!r}") from None


def years_between(start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Elapsed years (days / 365.2425) from ``start`` to ``end``."""
    return (end - start).days / DAYS_PER_YEAR


@cached_loader
def load_meetings() -> pd.DataFrame:
    """Read ``data/meetings.csv`` in date order with ``ordinal`` (official running count)."""
    frame = load_table("meetings.csv")
    repeated = frame.duplicated(["date", "city"])
    if repeated.any():
        i = frame.index[repeated][0]
        raise DataError(f"meetings.csv, line {i + 2}: meeting on {frame.at[i, 'date']:%Y-%m-%d} "
                        f"in {frame.at[i, 'city']} is listed twice")
    if not frame["date"].is_monotonic_increasing:
        i = frame.index[frame["date"].diff().dt.days < 0][0]
        raise DataError(f"meetings.csv, line {i + 2}: rows must be in date order")
    counted = frame["official_count"] == "yes"
    frame["ordinal"] = counted.cumsum().where(counted).astype("Int64")
    frame["sources"] = frame["source_ids"].map(split_ids)
    return frame.set_index("meeting_id", drop=False)


@cached_loader
def load_events() -> pd.DataFrame:
    """Read ``data/events.csv`` indexed by ``event_id``; ``date_end`` may be empty."""
    frame = load_table("events.csv")
    backwards = frame["date_end"].notna() & (frame["date_end"] < frame["date"])
    if backwards.any():
        i = frame.index[backwards][0]
        raise DataError(f"events.csv, line {i + 2}: date_end is before date")
    return frame.set_index("event_id", drop=False)


@cached_loader
def load_reactors() -> pd.DataFrame:
    """Read ``data/reactors.csv``: each change of the number of reactors operating."""
    frame = load_table("reactors.csv")  # the schema keeps 'operating' a whole number >= 0
    frame["operating"] = frame["operating"].astype(int)
    if not frame["date"].is_monotonic_increasing:
        raise DataError("reactors.csv: rows must be in date order")
    return frame


@cached_loader
def load_islands() -> pd.DataFrame:
    """Read ``data/islands.csv``; each source's islands must add up to its own stated total.

    Rows named ``all-four`` hold a source's stated total; where the same source also gives
    all four islands, their sum must match the total within 2 km² (the sources round to
    whole km²).
    """
    frame = load_table("islands.csv")  # the schema keeps every area > 0
    frame["source"] = frame["source_ids"].map(lambda cell: split_ids(cell)[0])
    totals = frame[frame["island"] == "all-four"]
    parts = frame[frame["island"] != "all-four"]
    for i, row in totals.iterrows():
        mine = parts[parts["source"] == row["source"]]
        if mine["island"].nunique() == 4:
            total = mine["area_km2"].sum()
            if abs(total - row["area_km2"]) > 2:
                raise DataError(f"islands.csv, line {i + 2}: {row['source']} islands sum to {total:g} km², "
                                f"but its stated total is {row['area_km2']:g} km²")
    return frame


@cached_loader
def load_meeting_counts() -> pd.DataFrame:
    """Read ``data/meeting_counts.csv`` and compare each stated count with the table.

    Adds ``table_ordinal`` (the running count in the stated scope) and ``agrees``.
    An official count that disagrees is a :class:`DataError`.
    """
    meetings = load_meetings()
    frame = load_table("meeting_counts.csv")
    office = load_events().at[OFFICE_EVENT, "date"]
    ordinals = []
    for i, row in frame.iterrows():
        if row["meeting_id"] not in meetings.index:
            raise DataError(f"meeting_counts.csv, line {i + 2}: unknown meeting_id {row['meeting_id']!r}")
        meeting = meetings.loc[row["meeting_id"]]
        ordinal = int(meeting["ordinal"])
        if row["scope"] == "since-office":
            before = meetings[(meetings["date"] < office) & (meetings["official_count"] == "yes")]
            ordinal -= len(before)
        ordinals.append(ordinal)
        if row["kind"] == "official" and ordinal != row["stated_ordinal"]:
            raise DataError(
                f"meeting_counts.csv, line {i + 2}: {row['source_ids']} calls {row['meeting_id']} "
                f"meeting {row['stated_ordinal']:g} ({row['scope']}), but meetings.csv makes it {ordinal}"
            )
    frame["table_ordinal"] = ordinals
    frame["agrees"] = frame["table_ordinal"] == frame["stated_ordinal"]
    return frame


def load_timeline() -> Timeline:
    """Load and cross-check every dated table."""
    return Timeline(load_meetings(), load_meeting_counts(), load_events(), load_reactors(), load_islands())


def count_discrepancies(counts: pd.DataFrame) -> pd.DataFrame:
    """The stated counts that differ from the table (all of them media counts)."""
    return counts[~counts["agrees"]]


def meetings_between(meetings: pd.DataFrame, since: str | pd.Timestamp | None = None,
                     until: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Meetings from ``since`` to ``until`` (inclusive) with their ordinal in the full list
    and ``ordinal_in_window``; only officially counted meetings get ordinals.

    Raises
    ------
    InputError
        for a malformed date or ``since`` after ``until``.
    """
    start = parse_date(since, "--since") if isinstance(since, str) else since
    end = parse_date(until, "--until") if isinstance(until, str) else until
    if start is not None and end is not None and start > end:
        raise InputError(f"--since {start:%Y-%m-%d} is after --until {end:%Y-%m-%d}")
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
