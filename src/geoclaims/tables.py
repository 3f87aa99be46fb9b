"""Reading the CSV files in ``data/``: the one loader every dataset goes through.

Each file is read as text (no type guessing), then checked: the required columns are
present, required cells are not empty, the key column is unique, dates parse, numbers
are finite, and every ``source_ids`` cell names rows of ``data/sources.csv``. A failure
raises :class:`~geoclaims.errors.DataError` naming the file, the line (as a text editor
counts it, the header being line 1) and the column.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata

import numpy as np
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


def cache_file(name: str, package: str) -> Path:
    """Where arrays derived from an installed package are kept between runs:
    ``$GEOCLAIMS_CACHE`` or ``~/.cache/geoclaims``, keyed by that package's version (so an
    upgrade rebuilds them). Nothing is downloaded: the cache only saves re-parsing."""
    root = Path(os.environ.get("GEOCLAIMS_CACHE", Path.home() / ".cache" / "geoclaims"))
    return root / f"{name}-{package}-{metadata.version(package)}.npz"


def load_npz(path: Path, names: Iterable[str]) -> dict[str, np.ndarray] | None:
    """The named arrays of a cache file, or ``None`` if it is missing or damaged (then rebuilt)."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            return {n: z[n] for n in names}
    except (OSError, KeyError, ValueError):
        return None


def save_npz(path: Path, **arrays) -> None:
    """Write arrays to ``path`` atomically; a read-only or full disk only costs the speed-up."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays)
        os.replace(tmp, path)
    except OSError:
        pass


def _parse_csv(path: Path) -> pd.DataFrame:
    """Read a CSV file as text cells, one row per record; the index is the record's line
    number minus 2, so that ``index + 2`` is the line a text editor shows."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if "\x00" in text:
        raise DataError(f"{path.name}: contains a NUL byte (not a text file)")
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise DataError(f"{path.name}: empty file (no header)")
        header = [cell.strip() for cell in header]
        if len(set(header)) != len(header) or "" in header:
            raise DataError(f"{path.name}, line 1: column names must be unique and non-empty, got {header}")
        start = reader.line_num + 1
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                start = reader.line_num + 1
                continue
            if len(row) != len(header):
                raise DataError(f"{path.name}, line {start}: expected {len(header)} fields, got {len(row)}")
            records.append([cell.strip() for cell in row])
            lines.append(start - 2)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"{path.name}, line {reader.line_num}: not a readable CSV row ({exc})") from None
    return pd.DataFrame(records, columns=header, index=pd.Index(lines, dtype=int), dtype=object)


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
    frame = _parse_csv(path)
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


def merge_ids(*cells: str) -> tuple[str, ...]:
    """The ids of several ``source_ids`` cells, in first-seen order, without repeats."""
    out: list[str] = []
    for cell in cells:
        out += [s for s in split_ids(cell) if s not in out]
    return tuple(out)


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
