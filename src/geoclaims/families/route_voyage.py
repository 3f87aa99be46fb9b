"""Claims about one documented voyage (``voyage=<id>``, a row of ``data/voyages.csv``): decided by
that voyage, with the model's profiles as context (docs/METHOD.md, "A claim about a voyage").

- Days by the corridor she sailed (the NSR): the voyage's stated days.
- Days by the corridor she did not sail (Suez): her own average speed over her voyage — its
  stated distance, or geoclaims' route for her pair, over its stated days, so port calls and
  waits are in it as they were on the voyage — over geoclaims' Suez route for the same pair,
  plus the canal transit and wait hours the profiles state. Both distances give the range.
- Days saved: those Suez days minus her stated days.
- Where sources state different days for her voyage (``days`` to ``days_high``), every reading
  is kept and the range spans them; with no stated distance, geoclaims' route is her length.
- A length: the voyage's stated distance joins the range of the route's length.

A voyage reported after the article (or resting on sources that are) cannot decide the claim.
"""

from __future__ import annotations

from ..data import merge_ids
from ..errors import DataError
from ..findings import Finding
from ..rating import rate
from . import route_lengths as rl
from .route_evidence import CORRIDORS, DEFAULT_SHIP_TYPE, RouteEvidence


def voyage_of(claim, ev: RouteEvidence):
    """The claim's documented voyage (a row of :attr:`RouteEvidence.voyages`), or ``None``."""
    voyage_id = claim.param("voyage", "")
    if not voyage_id:
        return None
    hit = ev.voyages[ev.voyages["voyage_id"] == voyage_id]
    if hit.empty:
        raise DataError(f"voyage {voyage_id!r} is not in voyages.csv")
    row = hit.iloc[0]
    if row["later"]:
        raise DataError(f"voyage {voyage_id} was reported after the article: it cannot decide the claim")
    if not (row["days"] == row["days"] and row["route_nm"] == row["route_nm"]):
        raise DataError(f"voyage {voyage_id} needs stated days and both ports on the network")
    return row


def stated_days(voyage) -> tuple[float, float]:
    """Her stated days: ``days``, to ``days_high`` where sources state more (both kept)."""
    low = float(voyage["days"])
    high = voyage.get("days_high", float("nan"))
    return low, float(high) if high == high else low


def _distances(voyage) -> tuple[float, ...]:
    """Her voyage's length: the stated distance (where one is published) and geoclaims' route."""
    stated = voyage["distance_nm"]
    return tuple(float(d) for d in (stated, voyage["route_nm"]) if d == d)


def readings(voyage, ev: RouteEvidence, pair) -> list[tuple[float, float]]:
    """``(her days, her days via Suez)`` for every reading of her voyage: each stated number of
    days with each length (stated and routed), her Suez days being that length over those days
    as her average speed, over geoclaims' Suez route for her pair, plus the canal hours of the
    profiles."""
    canal = ev.references[DEFAULT_SHIP_TYPE]  # the canal hours of the reference profile
    extra = (canal.suez_transit_h + canal.suez_wait_h) / 24.0
    return [(days, suez_nm / (length / (days * 24.0)) / 24.0 + extra)
            for days in sorted(set(stated_days(voyage))) for length in _distances(voyage)
            for suez_nm in rl.lengths(ev, "suez", pair)["length_nm"]]


def speeds_kn(voyage) -> tuple[float, float]:
    """Her average speeds over the voyage (knots), slowest and fastest: each length over each stated days."""
    speeds = [length / (days * 24.0) for days in stated_days(voyage) for length in _distances(voyage)]
    return min(speeds), max(speeds)


def suez_days(voyage, ev: RouteEvidence, pair) -> tuple[float, float]:
    """Days via Suez at her own average speeds (low, high), canal hours of the profiles included."""
    suez = [s for _, s in readings(voyage, ev, pair)]
    return min(suez), max(suez)


def suez_lengths(ev: RouteEvidence, pair) -> str:
    """The Suez lengths her Suez days are read over, in words: geoclaims' route and any published one."""
    also = rl.others(ev, "suez", pair)
    return f"{ev.route('suez', pair).length_nm:,.0f} nm on geoclaims' route" + (f"; {also}" if also else "")


def stated_facts(voyage) -> str:
    """What her sources state: her days, and her distance where one is published."""
    return "stated days and distance" if voyage["distance_nm"] == voyage["distance_nm"] else "stated days"


def describe(voyage) -> str:
    slow, fast = speeds_kn(voyage)
    low, high = stated_days(voyage)
    days = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    stated = voyage["distance_nm"]
    length = (f"{stated:,.0f} nm as stated ({voyage['route_nm']:,.0f} nm on geoclaims' route)" if stated == stated
              else f"{voyage['route_nm']:,.0f} nm on geoclaims' route (no distance stated)")
    when = "" if voyage["departed"] != voyage["departed"] else f", {voyage['departed']:%Y-%m-%d}"
    when += "" if voyage["arrived"] != voyage["arrived"] else f" to {voyage['arrived']:%Y-%m-%d}"
    return (f"{voyage['vessel']} ({voyage['ship_type']}, {voyage['origin']}–{voyage['destination']}{when}): "
            f"{days} days as stated, {length}, so {slow:.1f}–{fast:.1f} kn on average, port calls included")


def voyage_finding(claim, ev: RouteEvidence, voyage, via: str, pair, near: float, later: tuple) -> Finding:
    """The finding of a transit-days or days-saving claim about one documented voyage (the
    module docstring), read to ``near`` as the route family's checks are; ``later``: the later
    evidence shown beside it."""
    both = readings(voyage, ev, pair)
    suez = suez_days(voyage, ev, pair)
    saving = claim.check == "days-saving"
    if saving:
        low, high = min(s - d for d, s in both), max(s - d for d, s in both)
        what = "days saved: her Suez days minus her stated days"
    elif via == "nsr":
        low, high = stated_days(voyage)
        what = "her stated days by the NSR"
    elif via == "suez":
        low, high = suez
        what = "her days via Suez at her own average speed"
    else:
        raise DataError(f"a claim about voyage {voyage['voyage_id']} reads the NSR or Suez, not {via!r}")
    sense = claim.param("sense", "point")
    measured = (low + high) / 2
    rule = (f"A claim about one voyage is decided by it: {describe(voyage)}. Via Suez at that speed "
            f"({suez_lengths(ev, pair)}, canal hours included): "
            f"{suez[0]:.1f}–{suez[1]:.1f} days. The claim is read as {what}: {low:.1f}–{high:.1f}. Accurate if "
            f"{'at least ' if sense == 'at-least' else ''}{claim.value:g} meets that; mostly-accurate within {near:.0%}.")
    return Finding(claim.claim_id, claim.value, claim.unit, round(measured, 2), round(low, 2), round(high, 2),
                   rate(claim.value, low, high, near=near, sense=sense), rule,
                   merge_ids(voyage["source_ids"], *ev.sources_for(*CORRIDORS)),
                   decided_by=f"the voyage itself ({voyage['voyage_id']}: {stated_facts(voyage)}); "
                              "geoclaims' Suez route for her pair", later_evidence=later)
