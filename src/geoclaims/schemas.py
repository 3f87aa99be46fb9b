"""The declared schema of every table in ``data/``.

Each :class:`Schema` lists a table's columns, its key, the cells that may not be empty,
numeric columns with their allowed range, date columns (strict ``YYYY-MM-DD``), closed
vocabularies, and a column of positions kept as their sources publish them (parsed by geopy
into ``lat`` and ``lon``). Every table with a ``source_ids`` column must cite, on every row,
sources that exist in ``sources.csv``. :func:`geoclaims.data.load_table` applies all of it.
An article's ``claims.csv`` (in ``data/articles/<slug>/``) has the schema ``claims.csv``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Range:
    """Allowed values of a numeric column: ``low``/``high`` (None = unbounded), the low end
    excluded when ``above`` is set (for "> 0"); ``whole`` for counts."""

    low: float | None = None
    high: float | None = None
    above: bool = False
    whole: bool = False

    def violated_by(self, value: float) -> str | None:
        if math.isnan(value):
            return None
        if self.low is not None and (value <= self.low if self.above else value < self.low):
            return f"must be {'>' if self.above else '>='} {self.low:g}"
        if self.high is not None and value > self.high:
            return f"must be <= {self.high:g}"
        if self.whole and value != int(value):
            return "must be a whole number"
        return None


LATITUDE, LONGITUDE = Range(-90, 90), Range(-180, 180)
POSITIVE, NON_NEGATIVE = Range(0, above=True), Range(0)
YES_NO = ("yes", "no")
#: an id a table makes up (a crossing, a ship type): lower-case words joined by hyphens; ``reference``
#: is the crossing of existing links listed for scale
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
#: a kind of fixed link as its table names it ("bridge", "tunnel or bridge", "railway line")
SLUG_WORDS = r"[a-z]+( [a-z]+)*"


@dataclass(frozen=True)
class Schema:
    """What one table of ``data/`` must hold (see the module docstring)."""

    columns: tuple[str, ...]
    key: str | None = None
    nonempty: tuple[str, ...] = ()
    numeric: dict[str, Range] = field(default_factory=dict)
    dates: tuple[str, ...] = ()
    optional_dates: tuple[str, ...] = ()
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: columns whose values must match a pattern (ids the data makes up, not a vocabulary in code)
    patterns: dict[str, str] = field(default_factory=dict)
    #: columns of web addresses: http(s) only (a report renders them as links)
    links: tuple[str, ...] = ()
    #: a column of positions as published (degrees-minutes-seconds), parsed into ``lat``/``lon``
    position: str | None = None
    #: columns of dates known to the day, month or year (``2014``, ``2014-01``, ``2014-01-19``) or empty
    partial_dates: tuple[str, ...] = ()

    @property
    def cites_sources(self) -> bool:
        return "source_ids" in self.columns


#: what a claim is: a fact, a count, a date, a duration, or a forecast or plan (judged as a plan, not an outcome)
CLAIM_KINDS = ("fact", "count", "date", "duration", "forecast")
CLAIM_COLUMNS = ("claim_id", "quote", "statement", "speaker", "kind", "quantity", "claimed_value", "unit", "family", "check",
                 "params")
SOURCE_COLUMNS = ("source_id", "files", "supports", "publisher", "title", "url", "date_published", "date_accessed",
                  "licence", "quote")

SCHEMAS: dict[str, Schema] = {
    "sources.csv": Schema(SOURCE_COLUMNS, key="source_id",
                          nonempty=tuple(c for c in SOURCE_COLUMNS if c != "date_published"),
                          dates=("date_accessed",), partial_dates=("date_published",), links=("url",)),
    "claims.csv": Schema(CLAIM_COLUMNS, key="claim_id",
                         nonempty=("quote", "statement", "speaker", "kind", "quantity", "claimed_value", "unit", "family",
                                   "check"),
                         choices={"kind": CLAIM_KINDS}),
    # an article's second checker: a rating per claim made without reading our finding, and how a
    # disagreement stands (we changed, they changed, or both kept with the reason)
    "review.csv": Schema(("claim_id", "reviewer_rating", "reviewer_reason", "reviewer_sources", "resolution",
                          "resolution_note"), key="claim_id",
                         nonempty=("reviewer_rating", "reviewer_reason", "reviewer_sources", "resolution"),
                         choices={"reviewer_rating": ("accurate", "mostly-accurate", "misleading", "inaccurate",
                                                      "unverifiable"),
                                  "resolution": ("agree", "we changed", "they changed", "both kept")}),
    # ports added to searoute's list, or named better: English names, aliases, countries
    "ports.csv": Schema(("locode", "name", "aliases", "country", "position", "source_ids", "note"), key="locode",
                        nonempty=("name", "country", "position", "source_ids"), position="position"),
    "meetings.csv": Schema(("meeting_id", "date", "date_exact", "city", "country", "occasion", "format",
                            "official_count", "source_ids", "note"), key="meeting_id",
                           nonempty=("city", "country", "occasion", "source_ids"), dates=("date",),
                           choices={"date_exact": YES_NO, "official_count": YES_NO}),
    "meeting_counts.csv": Schema(("meeting_id", "stated_ordinal", "scope", "kind", "source_ids", "quote"),
                                 nonempty=("meeting_id", "stated_ordinal", "source_ids", "quote"),
                                 numeric={"stated_ordinal": Range(1, whole=True)},
                                 choices={"scope": ("overall", "since-office"), "kind": ("official", "media")}),
    "events.csv": Schema(("event_id", "date", "date_end", "time_local", "timezone", "description", "source_ids"),
                         key="event_id", nonempty=("description", "source_ids"), dates=("date",),
                         optional_dates=("date_end",)),
    "reactors.csv": Schema(("date", "event", "operating", "source_ids", "note"), nonempty=("event", "operating", "source_ids"),
                           numeric={"operating": Range(0, whole=True)}, dates=("date",)),
    "islands.csv": Schema(("island", "area_km2", "named_in_1956", "source_ids", "note"),
                          nonempty=("island", "area_km2", "source_ids"), numeric={"area_km2": POSITIVE},
                          choices={"named_in_1956": ("yes", "no", "")}),
    # a strait: its two shores, each the coastline inside a box "west south east north" (what the
    # width is measured between), the landmasses by an interior point (for islet pairings and
    # names), and the map's box
    "straits.csv": Schema(("strait_id", "name", "side_a", "side_a_lat", "side_a_lon", "side_b", "side_b_lat", "side_b_lon",
                           "south", "north", "west", "east", "shore_a", "shore_b", "source_ids"), key="strait_id",
                          nonempty=("name", "side_a", "side_b", "side_a_lat", "side_a_lon", "side_b_lat", "side_b_lon",
                                    "south", "north", "west", "east", "shore_a", "shore_b", "source_ids"),
                          patterns={"strait_id": SLUG},
                          numeric={"side_a_lat": LATITUDE, "side_b_lat": LATITUDE, "south": LATITUDE, "north": LATITUDE,
                                   "side_a_lon": LONGITUDE, "side_b_lon": LONGITUDE, "west": LONGITUDE, "east": LONGITUDE}),
    "strait_widths.csv": Schema(("strait_id", "width_km", "where", "source_ids"),
                                nonempty=("strait_id", "width_km", "source_ids"), numeric={"width_km": POSITIVE}),
    "capes.csv": Schema(("cape_id", "name", "position", "landmass", "source_ids", "note"), key="cape_id",
                        nonempty=("name", "position", "landmass", "source_ids"), position="position"),
    # a fixed link: its kind (bridge, immersed tunnel …), what it carries (``mode``: road, rail, road and
    # rail), the year it opened (empty if it has not), its whole length and its undersea or immersed part
    "fixed_links.csv": Schema(("link_id", "name", "kind", "mode", "crossing", "status", "opened", "length_km",
                               "undersea_km", "proposed_by", "year", "source_ids"), key="link_id",
                              nonempty=("name", "kind", "crossing", "status", "length_km", "source_ids"),
                              numeric={"length_km": POSITIVE, "undersea_km": POSITIVE},
                              partial_dates=("opened",),
                              patterns={"crossing": SLUG, "kind": SLUG_WORDS, "mode": f"({SLUG_WORDS})?"}),
    # ``reference``: the one profile of each ship type whose days a finding reports as "measured"
    "vessel_profiles.csv": Schema(("profile", "ship_type", "open_water_kn", "nsr_kn", "suez_transit_h", "suez_wait_h",
                                   "port_days", "reference", "source_ids", "note"), key="profile",
                                  nonempty=("ship_type", "open_water_kn", "nsr_kn", "suez_transit_h", "suez_wait_h",
                                            "port_days", "reference", "source_ids"),
                                  choices={"reference": YES_NO},
                                  patterns={"ship_type": SLUG},
                                  numeric={"open_water_kn": POSITIVE, "nsr_kn": POSITIVE, "suez_transit_h": NON_NEGATIVE,
                                           "suez_wait_h": NON_NEGATIVE, "port_days": NON_NEGATIVE}),
    # ``source_class``: a distance table or research report (table), a ship's operator or tracker (operator), the press
    "reference_distances.csv": Schema(("pair_id", "origin", "destination", "via", "length_nm", "as_published",
                                       "source_class", "source_ids", "note"), key="pair_id",
                                      nonempty=("origin", "destination", "via", "length_nm", "as_published",
                                                "source_class", "source_ids"),
                                      numeric={"length_nm": POSITIVE},
                                      choices={"via": ("nsr", "suez"), "source_class": ("table", "operator", "press")}),
    # published distances between two places (UN/LOCODEs of ports.csv or searoute's list), as published
    "place_distances.csv": Schema(("distance_id", "origin", "destination", "measure", "length", "unit", "source_ids",
                                   "note"), key="distance_id",
                                  nonempty=("origin", "destination", "measure", "length", "unit", "source_ids"),
                                  numeric={"length": POSITIVE},
                                  choices={"unit": ("km", "m", "mi", "nm"), "measure": ("geodesic", "sea", "road", "rail")}),
    # how long a crossing takes (a link, a ferry, a route section): a stated duration, or a length
    # over a stated speed; ``basis`` says whether it is a timetable, a plan, a documented voyage or an estimate
    "crossing_times.csv": Schema(("time_id", "crossing", "mode", "basis", "duration", "unit", "length_km", "speed_kmh",
                                  "source_ids", "note"), key="time_id",
                                 nonempty=("crossing", "mode", "basis", "source_ids"),
                                 numeric={"duration": POSITIVE, "length_km": POSITIVE, "speed_kmh": POSITIVE},
                                 patterns={"crossing": SLUG, "mode": SLUG_WORDS},
                                 choices={"basis": ("timetable", "planned", "documented", "estimate"),
                                          "unit": ("", "minutes", "hours", "days")}),
    # yearly statistics of a route (transits, cargo), one row per year, measure and source
    "traffic.csv": Schema(("route", "year", "measure", "value", "unit", "source_ids", "note"),
                          nonempty=("route", "year", "measure", "value", "unit", "source_ids"),
                          numeric={"year": Range(1900, 2100, whole=True), "value": NON_NEGATIVE},
                          patterns={"route": SLUG, "measure": SLUG}),
    # forecasts and plans as their proposers stated them (a value, for a year), one row per statement
    "forecasts.csv": Schema(("forecast_id", "subject", "measure", "value", "unit", "by_year", "stated_by", "base_year",
                             "outcome_measure", "source_ids", "note"), key="forecast_id",
                            nonempty=("subject", "measure", "value", "unit", "stated_by", "source_ids"),
                            numeric={"value": POSITIVE, "by_year": Range(1900, 2200, whole=True),
                                     "base_year": Range(1900, 2200, whole=True)},
                            patterns={"subject": SLUG, "measure": SLUG, "outcome_measure": f"({SLUG})?"}),
    "nsr_area.csv": Schema(("vertex", "position", "source_ids", "note"), key="vertex",
                           nonempty=("position", "source_ids"), position="position"),
    "nsr_track.csv": Schema(("waypoint_id", "variant", "order", "name", "position", "basis", "passage", "joins_network",
                             "source_ids", "note"),
                            key="waypoint_id", nonempty=("variant", "order", "name", "position", "basis", "joins_network",
                                                         "source_ids"),
                            numeric={"order": Range(0, whole=True)}, position="position",
                            choices={"variant": ("coastal", "high-latitude", "both"), "basis": ("published", "derived"),
                                     "passage": ("", "bering"), "joins_network": YES_NO}),
    "voyages.csv": Schema(("voyage_id", "vessel", "ship_type", "ice_class", "year", "origin", "destination",
                           "origin_locode", "destination_locode", "departed", "arrived", "days", "days_high",
                           "distance_nm", "avg_speed_kn", "escorted", "days_basis", "source_ids", "note"), key="voyage_id",
                          nonempty=("vessel", "ship_type", "year", "origin", "destination", "escorted", "days_basis",
                                    "source_ids"),
                          numeric={"year": Range(1900, 2100, whole=True), "days": POSITIVE, "days_high": POSITIVE,
                                   "distance_nm": POSITIVE,
                                   "avg_speed_kn": POSITIVE},
                          optional_dates=("departed", "arrived"),
                          choices={"ship_type": ("container", "bulk", "lng", "multipurpose", "tanker", "general-cargo"),
                                   "escorted": ("yes", "no", "partly", "unknown"),
                                   "days_basis": ("stated", "dates", "unknown")}),
    "nsr_season.csv": Schema(("source_ids", "opens", "closes", "note"), nonempty=("source_ids", "opens", "closes")),
    "audit.csv": Schema(("sentence_no", "sentence", "speaker", "kind", "claim_ids", "reason"), key="sentence_no",
                        nonempty=("sentence",), numeric={"sentence_no": Range(1, whole=True)}),
    "facts.csv": Schema(("fact_id", "subject", "attribute", "value", "unit", "source_ids", "note"), key="fact_id",
                        nonempty=("subject", "attribute", "value", "source_ids")),
    "matrix_ports.csv": Schema(("locode", "region", "source_ids"), key="locode", nonempty=("region", "source_ids"),
                               choices={"region": ("europe", "far-east")}),
}
