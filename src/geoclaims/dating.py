"""When what a row of ``data/`` says was first published: the one rule for dates (docs/METHOD.md).

A row is dated by the earliest publication date among its sources; a date known to the month or
the year counts to the end of that month or year; a row with no dated source is later evidence.
Every function takes ``dates``, each source id's ``date_published`` (:func:`geoclaims.data.load_source_dates`,
which a family's evidence carries), so that a check dates what it reads without reading a file.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .errors import InputError
from .ids import split_ids


def _period_end(date: str) -> pd.Timestamp:
    """The last day of a partial date ``YYYY[-MM[-DD]]``: "2014" counts as 2014-12-31."""
    return pd.Period(date, freq={0: "Y", 1: "M", 2: "D"}[date.count("-")]).end_time.normalize()


def _source_dates(source_ids: str, dates: Mapping[str, str] | None) -> list[str]:
    """The publication dates of a cell's dated sources, in the cell's order."""
    if not isinstance(dates, Mapping):
        raise InputError(f"the one rule for dates takes each source's date, got {dates!r}: "
                         "geoclaims.data.load_source_dates() (geoclaims.datasets.later_than and its kin read them for you)")
    return [d for d in (dates.get(s, "") for s in split_ids(source_ids)) if d]


def stated_on(source_ids: str, day: pd.Timestamp, dates: Mapping[str, str] | None = None) -> str:
    """The latest publication date among a cell's sources published by ``day``: when what the
    row says was last restated by then (a plan restated in 2024 is current in 2024); ``""`` if none."""
    found = [d for d in _source_dates(source_ids, dates) if _period_end(d) <= day]
    return max(found, key=_period_end) if found else ""


def ended_by(date: str, day: pd.Timestamp) -> bool:
    """Whether a partial date ``YYYY[-MM[-DD]]`` is over by ``day`` ("2024" only after 2024-12-31)."""
    return _period_end(date) <= day


def published_on(source_ids: str, dates: Mapping[str, str] | None = None) -> str:
    """The earliest publication date (``YYYY[-MM[-DD]]``) among a cell's dated sources: when
    what they support was first on record; ``""`` if none is dated."""
    found = _source_dates(source_ids, dates)
    return min(found, key=_period_end) if found else ""


def later_than(source_ids: str, day: pd.Timestamp, dates: Mapping[str, str] | None = None) -> bool | None:
    """Whether what a cell's sources support was first published after ``day`` (its earliest
    dated source; a partial date counts to its last day: "2014" cannot be shown to precede
    2014-02-06); ``None`` when no source is dated."""
    published = published_on(source_ids, dates)
    return _period_end(published) > day if published else None


def known_by(frame: pd.DataFrame, day: pd.Timestamp, dates: Mapping[str, str] | None = None) -> pd.Series:
    """Which rows of a table were published by ``day`` (the one rule for dates: a row's earliest
    dated source; a row with no dated source is not): a boolean mask on ``frame``'s index."""
    _source_dates("", dates)  # checks the dates are given, also for an empty table
    return pd.Series([later_than(ids, day, dates) is False for ids in frame["source_ids"]], index=frame.index, dtype=bool)


def all_before(source_ids: str, day: pd.Timestamp, dates: Mapping[str, str] | None = None) -> bool:
    """Whether every dated source of a cell was published by ``day`` (a partial date counts to
    its last day) and at least one is dated: for values each source supplies a part of."""
    found = _source_dates(source_ids, dates)
    return bool(found) and all(_period_end(d) <= day for d in found)

