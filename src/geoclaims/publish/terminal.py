"""The command line's tables: meetings and voyages as a reader sees them on a terminal
(wrapped to its width, 80 columns when it cannot be told) or as JSON."""

from __future__ import annotations

import json

import pandas as pd

from ..data import split_ids
from ..datasets import load_meetings, load_voyages
from ..families.timeline import meetings_between, parse_date
from ..layout import columns, terminal_width
from ..scorecard import show_value


def meetings_text(since: str | None, until: str | None, fmt: str = "table") -> str:
    """``geoclaims meetings``: meetings from ``since`` to ``until`` (strict ISO dates) with the
    foreign ministry's ordinal and the ordinal within the window, as a table or JSON."""
    start = None if since is None else parse_date(since, "--since")
    end = None if until is None else parse_date(until, "--until")
    window = meetings_between(load_meetings(), start, end)
    count = lambda v: None if pd.isna(v) else int(v)  # noqa: E731
    rows = [{"date": f"{r['date']:%Y-%m-%d}", "city": r["city"], "country": r["country"], "occasion": r["occasion"],
             "ordinal": count(r["ordinal"]), "ordinal_in_window": count(r["ordinal_in_window"]),
             "sources": list(r["sources"])} for _, r in window.iterrows()]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    table = [("date", "no.", "here", "city", "country", "occasion")]
    table += [(r["date"], str(r["ordinal"] or ""), str(r["ordinal_in_window"] or ""), r["city"], r["country"],
               r["occasion"]) for r in rows]
    lines = columns(table, terminal_width(), shrink=(5, 3, 4), right=(1, 2))
    lines.append(f"\n{len(rows)} meeting{'' if len(rows) == 1 else 's'} (no.: the foreign ministry's count;\n"
                 "here: the count within --since/--until)")
    return "\n".join(lines)


VOYAGE_KEYS = ("vessel", "ship_type", "ice_class", "year", "origin", "destination", "departed", "arrived", "days",
               "distance_nm", "avg_speed_kn", "escorted", "sources")


def voyages_text(fmt: str = "table") -> str:
    """``geoclaims voyages``: the documented NSR voyages, as a table or JSON with :data:`VOYAGE_KEYS`."""
    rows = []
    for _, v in load_voyages().iterrows():
        row = {k: v[k] for k in VOYAGE_KEYS if k != "sources"}
        row.update({k: None if v[k] != v[k] else f"{v[k]:%Y-%m-%d}" for k in ("departed", "arrived")})
        row.update({k: None if v[k] != v[k] else float(v[k]) for k in ("days", "distance_nm", "avg_speed_kn")})
        row.update(year=int(v["year"]), ice_class=v["ice_class"] or None, sources=split_ids(v["source_ids"]))
        rows.append(row)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    table = [("year", "vessel", "type", "from → to", "days", "nm", "kn")]
    table += [(str(r["year"]), r["vessel"], r["ship_type"], f"{r['origin']} → {r['destination']}",
               show_value(r["days"]), show_value(r["distance_nm"]), show_value(r["avg_speed_kn"])) for r in rows]
    lines = columns(table, terminal_width(), shrink=(3, 1, 2), right=(4, 5, 6))
    lines.append(f"\n{len(rows)} voyages (days: port to port as the sources state them;\n"
                 "`--format json` for dates, ice class, escort and sources)")
    return "\n".join(lines)
