"""Loaders of the domain tables in ``data/``: each reads one file through
:func:`geoclaims.data.load_table`, adds the cross-checks that file needs, and hands out a
copy (see :func:`geoclaims.data.cached_loader`). Nothing here computes a verdict.

Meetings are counted one row per in-person meeting (a visit of several days, such as
Nagato and Tokyo on 15–16 December 2016, is one meeting), including short meetings on
summit sidelines, which is how Japan's foreign ministry numbers them (its "10th meeting"
in Beijing on 9 November 2014 counts the 10-minute Milan meeting of 17 October 2014).
Every *official* count a source states must equal the table's running count; media counts
are kept as stated and compared.
"""

from __future__ import annotations

import pandas as pd

from .data import cached_loader, load_source_dates, load_table, split_ids
from .errors import DataError
from . import dating
from .dating import ended_by  # noqa: F401 (its 0.2 import path)
from .published import PUBLISHED_TABLES

#: the event that starts the "since Abe took office" window of stated meeting counts
OFFICE_EVENT = "abe-second-term"


# ---- sea routes ----------------------------------------------------------------------------

@cached_loader
def load_port_table() -> pd.DataFrame:
    """``data/ports.csv``: ports geoclaims adds to searoute's list or names better, by UN/LOCODE,
    with ``aliases`` (a tuple of other names) and ``lat``/``lon`` parsed from the published position."""
    ports = load_table("ports.csv")
    ports["line"] = ports.index + 2  # for messages after the index becomes the UN/LOCODE
    ports["aliases"] = [tuple(a.strip() for a in cell.split(";") if a.strip()) for cell in ports["aliases"]]
    bad = [c for c in ports["locode"] if not (len(c) == 5 and c.isalnum() and c.isupper())]
    if bad:
        raise DataError(f"ports.csv, column 'locode': not a UN/LOCODE (two letters and three characters): {bad[0]!r}")
    return ports.set_index("locode", drop=False)


@cached_loader
def load_vessel_profiles() -> pd.DataFrame:
    """``vessel_profiles.csv`` indexed by profile name (speeds > 0 and times >= 0 by its schema);
    each ship type marks exactly one profile ``reference`` (the one "measured" reports)."""
    frame = load_table("vessel_profiles.csv")
    marked = frame[frame["reference"] == "yes"].groupby("ship_type").size()
    for ship_type in frame["ship_type"].unique():
        if marked.get(ship_type, 0) != 1:
            raise DataError(f"vessel_profiles.csv, column 'reference': ship type {ship_type!r} must mark exactly one "
                            f"profile yes, has {marked.get(ship_type, 0)}")
    return frame.set_index("profile", drop=False)


def reference_profile(ship_type: str) -> str:
    """The profile of ``ship_type`` whose days findings report as "measured" (its ``reference`` row)."""
    table = load_vessel_profiles()
    hit = table[(table["ship_type"] == ship_type) & (table["reference"] == "yes")]
    if hit.empty:
        raise DataError(f"vessel_profiles.csv has no profile of ship type {ship_type!r}")
    return str(hit.index[0])


@cached_loader
def load_reference_distances() -> pd.DataFrame:
    """``reference_distances.csv``: published port-to-port distances by corridor."""
    return load_table("reference_distances.csv")


@cached_loader
def load_matrix_ports() -> pd.DataFrame:
    """``matrix_ports.csv``: the European and Far East ports of the port matrix."""
    return load_table("matrix_ports.csv")


@cached_loader
def load_nsr_area_vertices() -> tuple[tuple[float, float], ...]:
    """The NSR water area's vertices from ``nsr_area.csv``, (lat, lon) in file order."""
    frame = load_table("nsr_area.csv")
    return tuple(zip(frame["lat"].astype(float), frame["lon"].astype(float)))


@cached_loader
def load_nsr_track() -> pd.DataFrame:
    """``nsr_track.csv``: the NSR track's waypoints (``lat``, ``lon`` parsed from ``position``),
    with ``order`` a whole number increasing along each variant."""
    frame = load_table("nsr_track.csv")
    for variant in ("coastal", "high-latitude"):
        mine = frame[frame["variant"].isin([variant, "both"])].sort_values("order")
        if mine["order"].duplicated().any():
            raise DataError(f"nsr_track.csv: two {variant} waypoints share an order number")
        if len(mine) < 2:
            raise DataError(f"nsr_track.csv: the {variant} variant needs at least two waypoints")
        for end in (mine.iloc[0], mine.iloc[-1]):
            if end["joins_network"] != "yes":
                raise DataError(f"nsr_track.csv: {end['waypoint_id']} ends the {variant} variant, so joins_network "
                                "must be yes")
        if mine.iloc[0]["passage"]:
            raise DataError(f"nsr_track.csv: {mine.iloc[0]['waypoint_id']} starts the {variant} variant; a passage "
                            "names the leg arriving at a waypoint, and none arrives there")
    own = frame[(frame["passage"] != "") & (frame["variant"] != "both")]
    if len(own):  # a passage tag replaces the variant's tag, which closes the leg to the other variant
        raise DataError(f"nsr_track.csv: {own.iloc[0]['waypoint_id']} names a passage on a {own.iloc[0]['variant']} "
                        "leg; only legs both variants share may carry one")
    return frame


@cached_loader
def load_voyages() -> pd.DataFrame:
    """``voyages.csv``: documented NSR transits between Europe or western Russia and Asia, in
    date order; ``arrived`` is never before ``departed``."""
    frame = load_table("voyages.csv")
    backwards = frame["arrived"].notna() & frame["departed"].notna() & (frame["arrived"] < frame["departed"])
    if backwards.any():
        i = frame.index[backwards][0]
        raise DataError(f"voyages.csv, line {i + 2}: arrived is before departed")
    short = frame["days_high"].notna() & ~(frame["days_high"] >= frame["days"])
    if short.any():
        raise DataError(f"voyages.csv, line {frame.index[short][0] + 2}, column 'days_high': must be at least 'days'")
    return frame.sort_values(["year", "departed", "voyage_id"], na_position="last").set_index("voyage_id", drop=False)


@cached_loader
def load_nsr_season() -> pd.DataFrame:
    """``nsr_season.csv``: the NSR navigation season as each source states it."""
    return load_table("nsr_season.csv")


@cached_loader
def load_facts() -> pd.DataFrame:
    """``facts.csv``: single sourced facts about a subject (a person's sport, a count)."""
    return load_table("facts.csv")


@cached_loader
def load_straits() -> pd.DataFrame:
    """``straits.csv``: each strait's two landmasses (by interior point) and its box."""
    frame = load_table("straits.csv")
    bad = frame.index[(frame["south"] >= frame["north"]) | (frame["west"] >= frame["east"])]
    if len(bad):
        raise DataError(f"straits.csv, line {bad[0] + 2}: the box needs south < north and west < east")
    for column in ("shore_a", "shore_b"):
        boxes = []
        for i, cell in frame[column].items():
            parts = cell.split()
            try:
                west, south, east, north = (float(p) for p in parts)
            except ValueError:
                raise DataError(f"straits.csv, line {i + 2}, column {column!r}: a box is four numbers "
                                f"'west south east north', got {cell!r}") from None
            if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
                raise DataError(f"straits.csv, line {i + 2}, column {column!r}: not a box in range: {cell!r}")
            boxes.append((west, south, east, north))
        frame[column] = boxes
    return frame.set_index("strait_id", drop=False)


@cached_loader
def load_strait_widths() -> pd.DataFrame:
    """``strait_widths.csv``: published widths, one row per strait and source."""
    frame = load_table("strait_widths.csv")
    unknown = frame.index[~frame["strait_id"].isin(load_straits().index)]
    if len(unknown):
        raise DataError(f"strait_widths.csv, line {unknown[0] + 2}: unknown strait {frame.at[unknown[0], 'strait_id']!r}")
    return frame


@cached_loader
def load_capes() -> pd.DataFrame:
    """``capes.csv``: named capes, islets and rocks with their positions as published."""
    return load_table("capes.csv").set_index("cape_id", drop=False)


@cached_loader
def load_fixed_links() -> pd.DataFrame:
    """``fixed_links.csv``: proposed Sakhalin links and reference undersea tunnels."""
    return load_table("fixed_links.csv").set_index("link_id", drop=False)


# ---- dated evidence ----------------------------------------------------------------------------

@cached_loader
def load_meetings() -> pd.DataFrame:
    """``meetings.csv`` in date order, with ``ordinal`` (the official running count) and ``sources``."""
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
    """``events.csv`` indexed by ``event_id``; ``date_end`` may be empty."""
    frame = load_table("events.csv")
    backwards = frame["date_end"].notna() & (frame["date_end"] < frame["date"])
    if backwards.any():
        i = frame.index[backwards][0]
        raise DataError(f"events.csv, line {i + 2}: date_end is before date")
    return frame.set_index("event_id", drop=False)


@cached_loader
def load_reactors() -> pd.DataFrame:
    """``reactors.csv``: each change of the number of Japanese reactors operating."""
    frame = load_table("reactors.csv")  # the schema keeps 'operating' a whole number >= 0
    frame["operating"] = frame["operating"].astype(int)
    if not frame["date"].is_monotonic_increasing:
        raise DataError("reactors.csv: rows must be in date order")
    return frame


@cached_loader
def load_islands() -> pd.DataFrame:
    """``islands.csv``; each source's islands must add up to its own stated total.

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
    """``meeting_counts.csv`` compared with the table: adds ``table_ordinal`` (the running
    count in the stated scope) and ``agrees``. An official count that disagrees is a
    :class:`DataError`."""
    meetings = load_meetings()
    frame = load_table("meeting_counts.csv")
    office = load_events().at[OFFICE_EVENT, "date"]
    before = int(((meetings["date"] < office) & (meetings["official_count"] == "yes")).sum())
    ordinals = []
    for i, row in frame.iterrows():
        if row["meeting_id"] not in meetings.index:
            raise DataError(f"meeting_counts.csv, line {i + 2}: unknown meeting_id {row['meeting_id']!r}")
        ordinal = int(meetings.at[row["meeting_id"], "ordinal"]) - (before if row["scope"] == "since-office" else 0)
        ordinals.append(ordinal)
        if row["kind"] == "official" and ordinal != row["stated_ordinal"]:
            raise DataError(
                f"meeting_counts.csv, line {i + 2}: {row['source_ids']} calls {row['meeting_id']} "
                f"meeting {row['stated_ordinal']:g} ({row['scope']}), but meetings.csv makes it {ordinal}"
            )
    frame["table_ordinal"] = ordinals
    frame["agrees"] = frame["table_ordinal"] == frame["stated_ordinal"]
    return frame


#: every shared table's loader: :func:`load_all` runs them all (the data tests do); a run loads
#: the tables its families declare (``Family.tables``)
SHARED_TABLES = (load_port_table, load_vessel_profiles, load_reference_distances, load_matrix_ports,
                 load_nsr_area_vertices, load_nsr_track, load_voyages, load_nsr_season, load_facts, load_straits,
                 load_strait_widths, load_capes, load_fixed_links, load_meetings, load_events, load_reactors,
                 load_islands, load_meeting_counts, *PUBLISHED_TABLES)


def load_all() -> None:
    """Load (and so validate) every shared table of ``data/`` once per process; the first
    problem raises :class:`DataError` naming its file, line and column."""
    for loader in SHARED_TABLES:
        loader()


# ---- the one rule for dates, with the sources' dates read here (their 0.2 import path) -----------

def later_than(source_ids: str, day: pd.Timestamp, dates=None) -> bool | None:
    """:func:`geoclaims.dating.later_than`, dating by ``sources.csv`` unless ``dates`` are given."""
    return dating.later_than(source_ids, day, load_source_dates() if dates is None else dates)


def known_by(frame: pd.DataFrame, day: pd.Timestamp, dates=None) -> pd.Series:
    """:func:`geoclaims.dating.known_by`, dating by ``sources.csv`` unless ``dates`` are given."""
    return dating.known_by(frame, day, load_source_dates() if dates is None else dates)


def all_before(source_ids: str, day: pd.Timestamp, dates=None) -> bool:
    """:func:`geoclaims.dating.all_before`, dating by ``sources.csv`` unless ``dates`` are given."""
    return dating.all_before(source_ids, day, load_source_dates() if dates is None else dates)


def stated_on(source_ids: str, day: pd.Timestamp, dates=None) -> str:
    """:func:`geoclaims.dating.stated_on`, dating by ``sources.csv`` unless ``dates`` are given."""
    return dating.stated_on(source_ids, day, load_source_dates() if dates is None else dates)


def published_on(source_ids: str, dates=None) -> str:
    """:func:`geoclaims.dating.published_on`, dating by ``sources.csv`` unless ``dates`` are given."""
    return dating.published_on(source_ids, load_source_dates() if dates is None else dates)
