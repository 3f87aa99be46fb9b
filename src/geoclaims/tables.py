"""Reading the CSV files in ``data/``: the one loader every dataset goes through.

Each file is read as text (no type guessing), then checked: the required columns are
present, required cells are not empty, the key column is unique, dates parse, numbers
are finite, and every ``source_ids`` cell names rows of ``data/sources.csv``. A failure
raises :class:`~geoclaims.errors.DataError` naming the file, the line (as a text editor
counts it, the header being line 1) and the column.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from .errors import DataError
from .paths import data_file


_LOADERS: list = []


def cached_loader(function: Callable) -> Callable:
    """Cache a ``load_*`` function (data files are read once per process) and register it
    so that :func:`clear_caches` can reset it, for example after ``GEOCLAIMS_DATA`` changes."""
    cached = cache(function)
    _LOADERS.append(cached)
    return cached


def clear_caches() -> None:
    """Forget every cached dataset."""
    for loader in _LOADERS:
        loader.cache_clear()


def _where(path: Path, index: int | None = None, column: str | None = None) -> str:
    parts = [path.name]
    if index is not None:
        parts.append(f"line {index + 2}")
    if column is not None:
        parts.append(f"column {column!r}")
    return ", ".join(parts)


def read_table(
    name: str,
    required: Iterable[str],
    *,
    key: str | None = None,
    nonempty: Iterable[str] = (),
    numeric: Iterable[str] = (),
    dates: Iterable[str] = (),
    optional_dates: Iterable[str] = (),
    choices: dict[str, tuple[str, ...]] | None = None,
) -> pd.DataFrame:
    """Read ``data/<name>`` and check it; see the module docstring.

    Parameters
    ----------
    name : file name inside the data folder.
    required : columns that must exist.
    key : a column whose values must be unique and non-empty.
    nonempty : columns in which no cell may be empty.
    numeric : columns converted to float; an empty cell becomes NaN, anything else
        must be a finite number.
    dates : columns converted to ``datetime64``; empty cells are errors.
    optional_dates : like ``dates``, but an empty cell becomes ``NaT``.
    choices : column -> allowed values (for example ``("yes", "no")``).

    Returns
    -------
    pandas.DataFrame, one row per line of the file, in file order.

    Raises
    ------
    DataError
        naming the file, line and column of the first problem found.
    """
    path = data_file(name)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{path.name}: not a readable CSV file ({exc})") from None
    frame = frame.apply(lambda col: col.str.strip())
    required = list(required)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(f"{path.name}: missing column(s) {', '.join(missing)}")
    if frame.empty:
        raise DataError(f"{path.name}: no rows")
    for column in [*nonempty, *([key] if key else [])]:
        empty = frame.index[frame[column] == ""]
        if len(empty):
            raise DataError(f"{_where(path, empty[0], column)}: empty value")
    if key:
        repeated = frame.index[frame[key].duplicated()]
        if len(repeated):
            i = repeated[0]
            first = frame.index[frame[key] == frame.at[i, key]][0]
            raise DataError(
                f"{_where(path, i, key)}: {frame.at[i, key]!r} repeats line {first + 2}"
            )
    for column in numeric:
        values = []
        for i, text in frame[column].items():
            if text == "":
                values.append(math.nan)
                continue
            try:
                value = float(text)
            except ValueError:
                raise DataError(f"{_where(path, i, column)}: not a number: {text!r}") from None
            if not math.isfinite(value):
                raise DataError(f"{_where(path, i, column)}: not a finite number: {text!r}")
            values.append(value)
        frame[column] = values
    for column, allowed in (choices or {}).items():
        bad = frame.index[~frame[column].isin(allowed)]
        if len(bad):
            i = bad[0]
            raise DataError(
                f"{_where(path, i, column)}: {frame.at[i, column]!r} is not one of {', '.join(allowed)}"
            )
    for column in [*dates, *optional_dates]:
        parsed = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
        empty_ok = column not in dates
        bad = frame.index[parsed.isna() & ~((frame[column] == "") & empty_ok)]
        if len(bad):
            i = bad[0]
            raise DataError(
                f"{_where(path, i, column)}: not a date (YYYY-MM-DD): {frame.at[i, column]!r}"
            )
        frame[column] = parsed
    return frame


def split_ids(cell: str) -> list[str]:
    """Split a ``source_ids`` cell (``"a; b"``) into its ids."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def check_source_ids(frame: pd.DataFrame, name: str, known: set[str], column: str = "source_ids") -> None:
    """Raise :class:`DataError` if a row of ``frame`` cites no source or an unknown one."""
    for i, cell in frame[column].items():
        ids = split_ids(cell)
        if not ids:
            raise DataError(f"{name}, line {i + 2}, column {column!r}: no source given")
        unknown = [s for s in ids if s not in known]
        if unknown:
            raise DataError(
                f"{name}, line {i + 2}, column {column!r}: unknown source id(s) "
                f"{', '.join(unknown)} (not in sources.csv)"
            )
