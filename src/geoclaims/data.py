"""The one table layer: every CSV file in ``data/`` is read, checked and cached here.

A file is read as text (no type guessing), then checked against its declared
:class:`~geoclaims.schemas.Schema`: required columns, non-empty cells, a unique key (or, for
tables without one, no exact duplicate rows), numbers (plain decimal notation, finite, in
range), strict ``YYYY-MM-DD`` dates, vocabularies, positions, and ``source_ids`` that name
rows of ``sources.csv``. A failure raises :class:`~geoclaims.errors.DataError` naming the file,
the line (as a text editor counts it, the header being line 1) and the column.

Loaders decorated with :func:`cached_loader` read a file once per process and hand every
caller its own copy (DataFrames) or a read-only view (arrays), so no caller can change what
another caller gets.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Mapping
from functools import cache, wraps
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from .answers import forget_reads, record_read
from .errors import DataError, InputError
from .ids import merge_ids, split_ids  # noqa: F401 (their import path for the loaders)
from .paths import data_file
from .schemas import SCHEMAS

_LOADERS: list = []
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: what a ``url`` cell may hold: an http(s) address, or a file of this project (never javascript:, file: …)
LINK = re.compile(r"(?i:https?)://[^\s\"'<>`]+|(?:data|docs)/(?!.*\.\.)[A-Za-z0-9_./-]+")


def _detached(value):
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=True)
    if isinstance(value, np.ndarray):
        view = value.view()
        view.flags.writeable = False
        return view
    return value  # tuples, frozen dataclasses, shapely geometries, strings: immutable


def cached_loader(function: Callable) -> Callable:
    """Cache a ``load_*`` function (data are read once per process), hand out copies or
    read-only views, and register it so that :func:`clear_caches` can reset it (for example
    after ``GEOCLAIMS_DATA`` changes)."""
    cached = cache(function)

    @wraps(function)
    def loader(*args, **kwargs):
        try:
            return _detached(cached(*args, **kwargs))
        except TypeError as exc:
            if "unhashable" in str(exc):
                raise InputError(f"{function.__name__}: arguments must be plain values, got {args!r}") from None
            raise

    loader.cache_clear = cached.cache_clear
    _LOADERS.append(cached)
    return loader


def clear_caches() -> None:
    """Forget every cached dataset (and every run's evidence)."""
    for loader in _LOADERS:
        loader.cache_clear()
    forget_reads()


def _where(name: str, index: int | None = None, column: str | None = None) -> str:
    parts = [name]
    if index is not None:
        parts.append(f"line {index + 2}")
    if column is not None:
        parts.append(f"column {column!r}")
    return ", ".join(parts)


def _decode(path: Path, shown: str | None = None, raw: bytes | None = None) -> str:
    raw = path.read_bytes() if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(f"{shown or path.name}, line {line}, column {column}: not UTF-8 text ({exc.reason}, "
                        f"byte 0x{raw[exc.start]:02x})") from None
    if "\x00" in text:
        raise DataError(f"{shown or path.name}: contains a NUL byte (not a text file)")
    return text.removeprefix("\ufeff")


def _stray_quote(text: str) -> tuple[int, int] | None:
    """(line, column) of a double quote inside an unquoted field, which the csv module
    would silently keep as text (``a,b"c,d``); ``None`` if there is none."""
    line, column, quoted, field_start, after_quote = 1, 0, False, True, False
    for ch in text:
        column += 1
        if quoted:
            if ch == '"':
                quoted, after_quote = False, True
            elif ch == "\n":
                line, column = line + 1, 0
            continue
        if ch == '"':
            if after_quote:  # "" inside a quoted field
                quoted, after_quote = True, False
                continue
            if not field_start:
                return line, column
            quoted, field_start = True, False
            continue
        after_quote = False
        if ch == ",":
            field_start = True
        elif ch == "\n":
            line, column, field_start = line + 1, 0, True
        elif ch not in " \r":
            field_start = False
    return None


def parse_csv(path: Path, shown: str | None = None, raw: bytes | None = None) -> pd.DataFrame:
    """Read a CSV file (or ``raw``, its bytes already read) as text cells, one row per record; the
    index is the record's line number minus 2, so that ``index + 2`` is the line a text editor
    shows. Errors name the file as ``shown`` (its path inside ``data/``), else by its name."""
    shown = shown or path.name
    text = _decode(path, shown, raw)
    stray = _stray_quote(text)
    if stray:
        raise DataError(f"{shown}, line {stray[0]}, column {stray[1]}: a double quote inside an unquoted field "
                        "(quote the whole field and double the inner quote)")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise DataError(f"{shown}: empty file (no header)")
        header = [cell.strip() for cell in header]
        if len(set(header)) != len(header) or "" in header:
            raise DataError(f"{shown}, line 1: column names must be unique and non-empty, got {header}")
        start = reader.line_num + 1
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                start = reader.line_num + 1
                continue
            if len(row) != len(header):
                raise DataError(f"{shown}, line {start}: expected {len(header)} fields, got {len(row)}")
            records.append([cell.strip() for cell in row])
            lines.append(start - 2)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"{shown}, line {reader.line_num}: not a readable CSV row ({exc})") from None
    return pd.DataFrame(records, columns=header, index=pd.Index(lines, dtype=int), dtype=object)


def _first(frame: pd.DataFrame, mask) -> int | None:
    hits = frame.index[mask]
    return int(hits[0]) if len(hits) else None


def _check_numbers(frame: pd.DataFrame, name: str, column: str, allowed) -> None:
    values = []
    for i, text in frame[column].items():
        if text == "":
            values.append(math.nan)
            continue
        if not _NUMBER.fullmatch(text):
            raise DataError(f"{_where(name, i, column)}: not a number: {text!r}")
        value = float(text)
        if not math.isfinite(value):
            raise DataError(f"{_where(name, i, column)}: not a finite number: {text!r}")
        problem = allowed.violated_by(value)
        if problem:
            raise DataError(f"{_where(name, i, column)}: {problem}, got {value:g}")
        values.append(value)
    frame[column] = values


def _check_dates(frame: pd.DataFrame, name: str, column: str, required: bool) -> None:
    text = frame[column]
    parsed = pd.to_datetime(text.where(text.str.fullmatch(_DATE.pattern), None), format="%Y-%m-%d", errors="coerce")
    bad = _first(frame, parsed.isna() & ((text != "") | required))
    if bad is not None:
        raise DataError(f"{_where(name, bad, column)}: not a date (YYYY-MM-DD): {frame.at[bad, column]!r}")
    frame[column] = parsed


def load_table(name: str) -> pd.DataFrame:
    """Read ``data/<name>`` and check it against its declared schema (see the module docstring).

    Raises
    ------
    DataError
        for an undeclared table, or naming the file, line and column of the first problem.
    """
    from .geo.geodesy import parse_position

    base = Path(name).name
    if base not in SCHEMAS:
        raise DataError(f"{name}: no schema declared for this table (add one to geoclaims.schemas)")
    schema = SCHEMAS[base]
    path = data_file(name)
    raw = path.read_bytes()
    record_read(name, raw)  # the bytes this table is built from (a route answer is filed under them)
    frame = parse_csv(path, name, raw)
    missing = [c for c in schema.columns if c not in frame.columns]
    if missing:
        raise DataError(f"{name}: missing column(s) {', '.join(missing)}")
    if frame.empty:
        raise DataError(f"{name}: no rows")
    for column in [*schema.nonempty, *([schema.key] if schema.key else [])]:
        bad = _first(frame, frame[column] == "")
        if bad is not None:
            raise DataError(f"{_where(name, bad, column)}: empty value")
    if schema.key:
        bad = _first(frame, frame[schema.key].duplicated())
        if bad is not None:
            first = int(frame.index[frame[schema.key] == frame.at[bad, schema.key]][0])
            raise DataError(f"{_where(name, bad, schema.key)}: {frame.at[bad, schema.key]!r} repeats line {first + 2}")
    else:
        bad = _first(frame, frame.duplicated())
        if bad is not None:
            raise DataError(f"{_where(name, bad)}: the same row appears twice")
    for column, allowed in schema.numeric.items():
        _check_numbers(frame, name, column, allowed)
    for column, allowed in schema.choices.items():
        bad = _first(frame, ~frame[column].isin(allowed))
        if bad is not None:
            raise DataError(f"{_where(name, bad, column)}: {frame.at[bad, column]!r} is not one of "
                            f"{', '.join(a or '(empty)' for a in allowed)}")
    for column in schema.dates:
        _check_dates(frame, name, column, required=True)
    for column in schema.optional_dates:
        _check_dates(frame, name, column, required=False)
    for column in schema.partial_dates:
        bad = _first(frame, ~frame[column].str.fullmatch(r"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?"))
        if bad is not None:
            raise DataError(f"{_where(name, bad, column)}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): {frame.at[bad, column]!r}")
    for column, pattern in schema.patterns.items():
        bad = _first(frame, ~frame[column].str.fullmatch(pattern))
        if bad is not None:
            raise DataError(f"{_where(name, bad, column)}: {frame.at[bad, column]!r} is not an id of lower-case "
                            "words joined by hyphens")
    for column in schema.links:
        bad = _first(frame, ~frame[column].str.fullmatch(LINK))
        if bad is not None:
            raise DataError(f"{_where(name, bad, column)}: not an http(s) address or a file of this project "
                            f"(data/… or docs/…): {frame.at[bad, column]!r}")
    if schema.position:
        points = []
        for i, text in frame[schema.position].items():
            try:
                points.append(parse_position(text))
            except InputError as exc:
                raise DataError(f"{_where(name, i, schema.position)}: {exc}") from None
        frame["lat"], frame["lon"] = [p.lat for p in points], [p.lon for p in points]
        frame["point"] = points  # each a geoclaims.geo.geodesy.Position
    if schema.cites_sources:
        check_source_ids(frame, name, set(load_sources().index))
    return frame


# ---- sources --------------------------------------------------------------------------------

@cached_loader
def load_sources() -> pd.DataFrame:
    """``data/sources.csv`` indexed by ``source_id``: every number's publisher, URL and dates."""
    return load_table("sources.csv").set_index("source_id", drop=False)


@cached_loader
def load_source_dates() -> Mapping[str, str]:
    """Each source id's ``date_published`` in ``sources.csv`` (``""`` when undated), read-only: what
    the one rule for dates (:mod:`geoclaims.dating`) reads."""
    sources = load_sources()
    return MappingProxyType(dict(zip(sources["source_id"], sources["date_published"])))


def check_source_ids(frame: pd.DataFrame, name: str, known: set[str], column: str = "source_ids") -> None:
    """Raise :class:`DataError` if a row of ``frame`` cites no source or an unknown one."""
    for i, cell in frame[column].items():
        ids = split_ids(cell)
        if not ids:
            raise DataError(f"{_where(name, i, column)}: no source given")
        unknown = [s for s in ids if s not in known]
        if unknown:
            raise DataError(f"{_where(name, i, column)}: unknown source id(s) {', '.join(unknown)} (not in sources.csv)")
