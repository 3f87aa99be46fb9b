"""Claims about one documented voyage (``voyage=<id>``, a row of ``data/voyages.csv``): decided by
that voyage, with the model's profiles as context (docs/METHOD.md, "A claim about a voyage").

- Days by the corridor she sailed (the NSR): the voyage's stated days.
- Days by the corridor she did not sail (Suez): her own average speed over her voyage — its
  stated distance, or geoclaims' route for her pair, over its stated days, so port calls and
  waits are in it as they were on the voyage — over geoclaims' Suez route for the same pair,
  plus the canal transit and wait hours the profiles state. Both distances give the range.
- Days saved: those Suez days minus her stated days.
- A length: the voyage's stated distance joins the range of the route's length.

A voyage reported after the article (or resting on sources that are) cannot decide the claim.
"""

from __future__ import annotations

from ..data import merge_ids
from ..errors import DataError
from ..findings import Finding
from ..geo.transit import vessel_profile
from ..rating import rate
from .route_evidence import CORRIDORS, REFERENCE_PROFILE, RouteEvidence


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
    if not (row["days"] == row["days"] and row["distance_nm"] == row["distance_nm"] and row["route_nm"] == row["route_nm"]):
        raise DataError(f"voyage {voyage_id} needs stated days, a stated distance and both ports on the network")
    return row


def speeds_kn(voyage) -> tuple[float, float]:
    """Her average speeds over the voyage (knots): stated distance and geoclaims' route, over the stated days."""
    hours = float(voyage["days"]) * 24.0
    a, b = float(voyage["distance_nm"]) / hours, float(voyage["route_nm"]) / hours
    return min(a, b), max(a, b)


def suez_days(voyage, ev: RouteEvidence, pair) -> tuple[float, float]:
    """Days via Suez at her own average speeds (low, high), canal hours of the profiles included."""
    canal = vessel_profile(REFERENCE_PROFILE)
    extra = (canal.suez_transit_h + canal.suez_wait_h) / 24.0
    suez_nm = ev.route("suez", pair).length_nm
    slow, fast = speeds_kn(voyage)
    return suez_nm / fast / 24.0 + extra, suez_nm / slow / 24.0 + extra


def describe(voyage) -> str:
    slow, fast = speeds_kn(voyage)
    return (f"{voyage['vessel']} ({voyage['ship_type']}, {voyage['origin']}–{voyage['destination']}, "
            f"{voyage['departed']:%Y-%m-%d} to {voyage['arrived']:%Y-%m-%d}): {voyage['days']:g} days and "
            f"{voyage['distance_nm']:,.0f} nm as stated ({voyage['route_nm']:,.0f} nm on geoclaims' route), "
            f"so {slow:.1f}–{fast:.1f} kn on average, port calls included")


def voyage_finding(claim, ev: RouteEvidence, voyage, via: str, pair, near: float, later: tuple) -> Finding:
    """The finding of a transit-days or days-saving claim about one documented voyage (the
    module docstring), read to ``near`` as the route family's checks are; ``later``: the later
    evidence shown beside it."""
    sailed = float(voyage["days"])
    suez = suez_days(voyage, ev, pair)
    saving = claim.check == "days-saving"
    if saving:
        low, high = suez[0] - sailed, suez[1] - sailed
        what = "days saved: her Suez days minus her stated days"
    elif via == "nsr":
        low = high = sailed
        what = "her stated days by the NSR"
    else:
        low, high = suez
        what = "her days via Suez at her own average speed"
    sense = claim.param("sense", "point")
    measured = (low + high) / 2
    rule = (f"A claim about one voyage is decided by it: {describe(voyage)}. Via Suez at that speed "
            f"({ev.route('suez', pair).length_nm:,.0f} nm on geoclaims' route, canal hours included): "
            f"{suez[0]:.1f}–{suez[1]:.1f} days. The claim is read as {what}: {low:.1f}–{high:.1f}. Accurate if "
            f"{'at least ' if sense == 'at-least' else ''}{claim.value:g} meets that; mostly-accurate within {near:.0%}.")
    return Finding(claim.claim_id, claim.value, claim.unit, round(measured, 2), round(low, 2), round(high, 2),
                   rate(claim.value, low, high, near=near, sense=sense), rule,
                   merge_ids(voyage["source_ids"], *ev.sources_for(*CORRIDORS)),
                   decided_by=f"the voyage itself ({voyage['voyage_id']}: stated days and distance); "
                              "geoclaims' Suez route for her pair", later_evidence=later)
