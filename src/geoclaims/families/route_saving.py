"""Route-family kinds that compare or measure in other terms than days: the share the NSR saves
against Suez (``percent-saving``), and the distance between two named places
(``place-distance``), each in the claim's own unit."""

from __future__ import annotations

from ..data import merge_ids
from ..dating import known_by
from ..errors import DataError
from ..findings import Finding
from ..geo.geodesy import distance_km
from ..geo.units import KM_PER_UNIT, length_km
from ..rating import as_stated, rate
from . import route_lengths as rl
from . import route_voyage as rv
from .route_evidence import BY_CORRIDOR, DEFAULT_SHIP_TYPE, RouteEvidence, compared

#: a share or a distance within this fraction of the nearer end of its range is "mostly-accurate",
#: as for the family's days: what a rounded percentage or a port's position moves
NEAR = 0.10


def _share(suez: float, nsr: float) -> float:
    return 100.0 * (suez - nsr) / suez


def percent_saving_check(claim, ev: RouteEvidence) -> Finding:
    """The share, in per cent, of the Suez voyage's time (``measure=time``) or length
    (``measure=distance``) that the NSR saves for a pair: 100 × (Suez − NSR) / Suez. Time: each
    profile of the ship type against itself, or, for a claim about one voyage (``voyage``), her
    stated days against her own average speed over the Suez route (:mod:`.route_voyage`).
    Distance: both routes ± the spread of published tables. Rated with :data:`NEAR`."""
    pair, (via, against) = (claim.param("origin"), claim.param("destination")), compared(claim)
    measure, ship = claim.param("measure"), claim.param("ship_type", DEFAULT_SHIP_TYPE)
    if measure not in ("time", "distance"):
        raise DataError(f"measure must be time or distance, got {measure!r}")
    if measure == "distance" and (claim.param("voyage", "") or ship != DEFAULT_SHIP_TYPE):
        raise DataError("a saving in distance reads the routes only: leave out voyage and ship_type")
    voyage = rv.voyage_of(claim, ev)
    if voyage is not None and (via, against) != ("nsr", "suez"):
        raise DataError("a claim about one voyage compares the NSR she sailed with Suez")
    sources: tuple[str, ...]
    if measure == "distance":
        nsr, suez = ev.route(via, pair).length_nm, ev.route(against, pair).length_nm
        s_nsr, s_suez = ev.table_spread.get(via, 0.0), ev.table_spread.get(against, 0.0)
        shares = [_share(suez * (1 + a), nsr * (1 + b)) for a in (-s_suez, s_suez) for b in (-s_nsr, s_nsr)]
        shares += [_share(b, a) for a in rl.lengths(ev, via, pair)["length_nm"]
                   for b in rl.lengths(ev, against, pair)["length_nm"]]  # every length of each route
        basis = (f"geoclaims' routes: {suez:,.0f} nm {BY_CORRIDOR[against]}, {nsr:,.0f} nm {BY_CORRIDOR[via]} "
                 f"({_share(suez, nsr):.1f}% shorter); with the tables' spread ({s_suez:.1%}, {s_nsr:.1%})")
        sources, decided = ev.sources_for(via, against, tables=True), "geoclaims' routes and the tables' spread"
        middle = _share(suez, nsr)
    elif voyage is not None:
        shares = [_share(s, d) for d, s in rv.readings(voyage, ev, pair)]
        basis = (f"A claim about one voyage is decided by it: {rv.describe(voyage)}; her days against her Suez days "
                 f"at that speed over {rv.suez_lengths(ev, pair)}")
        sources = merge_ids(voyage["source_ids"], *ev.sources_for(via, against))
        decided = f"the voyage itself ({voyage['voyage_id']}: {rv.stated_facts(voyage)}); geoclaims' Suez route for her pair"
        middle = None
    else:
        nsr, suez = ev.days_for(via, pair, ship), ev.days_for(against, pair, ship)
        by_profile = (100.0 * (suez - nsr) / suez).dropna()
        fast, slow = rl.days(ev, via, pair, ship), rl.days(ev, against, pair, ship)  # every length of each route
        shares = list(by_profile) + list(100.0 * (1 - fast.max(axis=1) / slow.min(axis=1))) + list(
            100.0 * (1 - fast.min(axis=1) / slow.max(axis=1)))
        basis = "Time saved by profile: " + ", ".join(f"{p} {v:.1f}%" for p, v in by_profile.items())
        sources, decided = ev.sources_for(via, against, ship_type=ship), f"geoclaims' routes and the {ship} profiles"
        middle = None
    low, high = min(shares), max(shares)
    middle = (low + high) / 2 if middle is None else middle
    sense = claim.param("sense", "point")
    said_low, said_high = as_stated(claim.claimed_value)
    rule = (f"{basis}: {low:.1f}–{high:.1f}% saved in {measure}. Accurate if "
            f"{'at least ' if sense == 'at-least' else 'at most ' if sense == 'at-most' else ''}"
            f"{claim.value:g}%, read to its last digit, meets that; mostly-accurate within {NEAR:.0%} of it.")
    rating = (rate(said_low, low, high, near=NEAR, sense=sense, claimed_high=said_high) if sense != "at-least"
              else rate(said_low, low, high, near=NEAR, sense=sense))
    return Finding(claim.claim_id, claim.value, claim.unit, round(middle, 1), round(low, 1), round(high, 1),
                   rating, rule, sources, decided_by=decided)


def place_distance_check(claim, ev: RouteEvidence) -> Finding:
    """The distance between two places (``origin``, ``destination``: ports by UN/LOCODE or name,
    ``data/ports.csv`` adding any) in the claim's ``unit`` (km, mi, nm; ``mi?`` reads an
    unqualified "miles" both ways), as the crow flies (``measure=geodesic``: the WGS84 geodesic
    between their positions, published to the minute, so each end is good to about 1 km) or by
    sea (``measure=sea``: the shortest route on searoute's network by any passage but the Arctic
    ones; its nodes lie tens of km apart, so below about 100 km the length is dominated by the
    legs to the nearest nodes), and every distance of the same measure published for the pair by
    the article's date (``place_distances.csv``: a ferry route is a sea distance; a road is named
    but not compared). The range spans them; distances published later are shown apart. Rated
    with :data:`NEAR`."""
    a, b = ev.ports.find(claim.param("origin")), ev.ports.find(claim.param("destination"))
    unit = claim.param("unit")
    per_km = 1.0 / KM_PER_UNIT[unit.rstrip("?")] if unit.rstrip("?") in KM_PER_UNIT else 1.0
    measure = claim.param("measure", "geodesic")
    if measure == "geodesic":
        geodesic, how = float(distance_km(a.lat, a.lon, b.lat, b.lon)), "on the WGS84 geodesic between their positions"
    elif measure == "sea":
        geodesic, how = ev.route("open", (a.locode, b.locode)).length_km, "by sea on geoclaims' shortest route"
    else:
        raise DataError(f"measure must be geodesic or sea, got {measure!r}")
    table = ev.place_distances
    pair = table[(table["origin"].isin([a.locode, b.locode])) & (table["destination"].isin([a.locode, b.locode]))]
    rows, other = pair[pair["measure"] == measure], pair[pair["measure"] != measure]  # a road is no sea distance
    dated = known_by(rows, ev.article_latest, ev.dates)
    then = [(float(length_km(r["length"], r["unit"])[0]), r) for _, r in rows[dated].iterrows()]
    later = tuple(f"{r['measure']}: {r['length']:g} {r['unit']} ({r['source_ids']}, published after the article "
                  "or undated)" for _, r in rows[~dated].iterrows())
    kms = [geodesic, *(km for km, _ in then)]
    low_km, high_km = min(kms), max(kms)
    said_low, said_high = as_stated(claim.claimed_value)
    claimed_low, claimed_high = length_km(said_low, unit)[0], length_km(said_high, unit)[1]  # names a bad unit
    said = "; ".join(f"{r['measure']} {r['length']:g} {r['unit']} ({r['source_ids']})" for _, r in then)
    rule = (f"{a.name}–{b.name}: {geodesic:.1f} km {how}"
            + (f"; published by the article: {said}" if said else "; no distance published by the article")
            + ("; other measures, not compared: " + "; ".join(f"{r['measure']} {r['length']:g} {r['unit']}"
                                                             for _, r in other.iterrows()) if len(other) else "")
            + f". So {low_km:.1f}–{high_km:.1f} km. The claim, {claim.value:g} {unit.rstrip('?')} read to its last digit, "
            f"is {claimed_low:.1f}–{claimed_high:.1f} km" + (" (statute to nautical miles)" if unit == "mi?" else "")
            + f". Accurate if it meets the range; mostly-accurate within {NEAR:.0%} of it.")
    rating = rate(claimed_low, low_km, high_km, near=NEAR, claimed_high=claimed_high)
    return Finding(claim.claim_id, claim.value, claim.unit, round(geodesic * per_km, 2), round(low_km * per_km, 2),
                   round(high_km * per_km, 2), rating, rule,
                   merge_ids(*(r["source_ids"] for _, r in then)),
                   decided_by=f"the {measure} distance between the two places and the distances published by the article",
                   later_evidence=later)
