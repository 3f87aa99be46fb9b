"""Every defensible length of a pair's route, and the days they give: no verdict hangs on one
modelled length (docs/METHOD.md, "How measured and the range are chosen").

A pair's route along a corridor is read as geoclaims' route (by the NSR, along each variant of
the track) and as every distance published for the pair, either way round, by the article's
date (``reference_distances.csv``, :attr:`RouteEvidence.known_distances`); a published length's NSR part is taken in the share of
geoclaims' route of the variant in use. Days are each profile's over each length.
"""

from __future__ import annotations

import pandas as pd

from ..data import merge_ids
from ..geo.network import NSR_VARIANTS
from ..geo.transit import transit_days_for
from .route_evidence import DEFAULT_SHIP_TYPE, RouteEvidence


def lengths(ev: RouteEvidence, via: str, pair: tuple[str, str]) -> pd.DataFrame:
    """``reading`` (words), ``length_nm``, ``nsr_nm`` and ``source_ids`` of each reading of one pair's
    route along ``via``; the first row is geoclaims' route of the variant in use."""
    def compute():
        route = ev.route(via, pair)
        share = route.nsr_nm / route.length_nm
        rows = [{"reading": "geoclaims' route" + (f" ({route.nsr_variant})" if via == "nsr" else ""),
                 "length_nm": route.length_nm, "nsr_nm": route.nsr_nm, "source_ids": ""}]
        if via == "nsr":
            for variant in NSR_VARIANTS:
                if variant != route.nsr_variant:
                    other = ev.route("nsr", pair, nsr_variant=variant)
                    rows.append({"reading": f"geoclaims' route ({variant})", "length_nm": other.length_nm,
                                 "nsr_nm": other.nsr_nm, "source_ids": ""})
        ref = ev.known_distances  # the distances published by the article's date
        mine = ref[(ref["via"] == via) & (((ref["origin"] == pair[0]) & (ref["destination"] == pair[1]))
                                         | ((ref["origin"] == pair[1]) & (ref["destination"] == pair[0])))]
        rows += [{"reading": f"published {r['length_nm']:,.0f} nm ({r['source_ids']})",
                  "length_nm": float(r["length_nm"]), "nsr_nm": float(r["length_nm"]) * share,
                  "source_ids": r["source_ids"]} for _, r in mine.iterrows()]
        return pd.DataFrame(rows)
    return ev.memo(("lengths", via, tuple(pair)), compute)


def days(ev: RouteEvidence, via: str, pair: tuple[str, str], ship_type: str = DEFAULT_SHIP_TYPE) -> pd.DataFrame:
    """Days of each profile of the ship type (rows) over each reading of the pair's length (columns)."""
    def compute():
        table = lengths(ev, via, pair)
        return pd.DataFrame({r["reading"]: {p.name: transit_days_for(r["length_nm"], r["nsr_nm"], via, p)
                                            for p in ev.profiles_for(ship_type)} for _, r in table.iterrows()})
    return ev.memo(("days-by-length", via, tuple(pair), ship_type), compute)


def span(frame: pd.DataFrame) -> tuple[float, float]:
    """The lowest and highest value of a table of readings."""
    values = frame.to_numpy(dtype=float)
    return float(values.min()), float(values.max())


def sources(ev: RouteEvidence, *vias: str, pair: tuple[str, str]) -> tuple[str, ...]:
    """The published distances a range over the pair's lengths used."""
    return merge_ids(*(s for via in vias for s in lengths(ev, via, pair)["source_ids"] if s))


def others(ev: RouteEvidence, via: str, pair: tuple[str, str]) -> str:
    """The readings beyond geoclaims' route of the variant in use, in words (empty if none)."""
    table = lengths(ev, via, pair).iloc[1:]
    return "; ".join(f"{r['reading']}: {r['length_nm']:,.0f} nm" if r["reading"].startswith("geoclaims")
                     else r["reading"] for _, r in table.iterrows())
