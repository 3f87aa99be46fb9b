"""The route family: voyage days by the NSR or via Suez, and their ratio.

Evidence: :mod:`.route_evidence`. A claim's range is the spread of days across the vessel
profiles of the claim's ship type (``ship_type`` parameter, container ships by default; speeds
published by the article's date) on geoclaims' route for the pair; "measured" is the type's
profile its ship type marks ``reference`` in ``data/vessel_profiles.csv``. Documented voyages and the navigation
season are reported beside the verdict; those published after the article are later evidence,
shown apart.
"""

from __future__ import annotations

from ..data import merge_ids, split_ids
from ..errors import DataError
from ..findings import Finding
from ..geo.transit import implied_speed_kn
from ..geo.units import MI_PER_NM
from ..rating import rate
from . import route_lengths as rl
from . import route_saving as rs
from . import route_season
from . import route_voyage as rv
from .base import Check, Family, FigureSpec
from .route_evidence import (BY_CORRIDOR, CORRIDORS, DEFAULT_SHIP_TYPE, ROUTE_TABLES, SHORT_CORRIDOR, RouteEvidence,
                             compared, compared_loosely, evidence)
from .route_figures import (_days_headline, _days_vs_speed, _deviations_headline, _map_headline, _matrix_headline,
                            _polar_routes_map, _port_matrix, _reference_distances, _route_map, _route_map_headline,
                            days_sources, pair_subject)

#: a claim this far outside the profiles' range (a fraction of the nearer end) is "mostly-accurate":
#: about what port calls, a canal queue or a weather detour add to an Asia–Europe voyage
NEAR = 0.10
VOYAGE_SLACK = "about what port calls, a canal queue or a weather detour add to an Asia–Europe voyage"


def _decided_by(ev: RouteEvidence, ship_type: str = DEFAULT_SHIP_TYPE) -> str:
    return ev.memo(("decided_by", ship_type), lambda: _decided_by_text(ev, ship_type))


def _decided_by_text(ev: RouteEvidence, ship_type: str) -> str:
    ev.profiles_for(ship_type)  # the one check that the type has usable profiles
    years = ev.profile_years[ship_type]
    kind = "" if ship_type == DEFAULT_SHIP_TYPE else f" for {ship_type}s"
    return (f"geoclaims' route for the pair and the vessel speeds of vessel_profiles.csv{kind} (sources of {years}); "
            "documented voyages and the season are context")


def _ship_type(claim) -> str:
    """The ship type a claim is about (its ``ship_type`` parameter; container ships by default)."""
    return claim.param("ship_type", DEFAULT_SHIP_TYPE)


def _pair(claim) -> tuple[str, str]:
    return claim.param("origin"), claim.param("destination")


#: figures drawn for the headline pair only; days-vs-speed also with container-ship profiles only
_HEADLINE_FIGURES = ("polar-routes-map", "days-vs-speed")


def _shows(claim, ev: RouteEvidence, figure: str) -> bool:
    """Whether ``figure`` shows the claim's evidence: the map and the speed figure are drawn for
    the headline pair (the speed figure with container-ship profiles), so they show no claim
    about another pair or ship type; the route map is drawn for each other pair; the reference
    table and the port matrix show many pairs."""
    if figure in ("route-map", *_HEADLINE_FIGURES) and not set(compared_loosely(claim)) <= set(CORRIDORS):
        return False  # the maps and the speed figure draw the NSR against Suez: a Cape or Panama claim has neither
    if figure == "route-map":
        return _pair(claim) != ev.headline
    if figure not in _HEADLINE_FIGURES:
        return True
    if figure == "days-vs-speed" and _ship_type(claim) != DEFAULT_SHIP_TYPE:
        return False
    return _pair(claim) == ev.headline


def _count(n: int, noun: str) -> str:
    return f"{'no' if n == 0 else n} {noun}{'' if n == 1 else 's'}"


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _voyage_line(v) -> str:
    days = f"{v['days']:g} days" if v["days"] == v["days"] else "days not published"
    speed = f", {v['implied_kn']:.1f} kn over geoclaims' route" if v["implied_kn"] == v["implied_kn"] else ""
    return f"{v['vessel']} ({v['ship_type']}, {int(v['year'])}) {v['origin']}–{v['destination']}: {days}{speed}"


def _context(ev: RouteEvidence, via: str, ship_type: str = DEFAULT_SHIP_TYPE) -> tuple[str, tuple[str, ...]]:
    """Sentences on the voyages and the season known by the article, and the later evidence
    (the ship type's left-out profiles, and voyages reported after the article)."""
    return ev.memo(("context", via, ship_type), lambda: _context_text(ev, via, ship_type))


def _context_text(ev: RouteEvidence, via: str, ship_type: str) -> tuple[str, tuple[str, ...]]:
    if via != "nsr":
        return "", ev.later_profiles(ship_type)
    v = ev.voyages
    then, later = v[~v["later"]], v[v["later"]]
    timed = then[then["days"].notna()]
    season = ev.season[~ev.season["later"]]
    noun = "container ship" if ship_type == "container" else ship_type
    text = (f" By the article's date {len(then)} NSR voyages between Europe or western Russia and Asia were "
            f"documented, {len(timed)} with a duration: {timed['days'].min():g}–{timed['days'].max():g} days "
            f"(fastest: {_voyage_line(timed.loc[timed['days'].idxmin()])}); "
            f"{_count(then['ship_type'].eq(ship_type).sum(), noun)} among them. "
            f"The season, as published by then: {'; '.join(sorted(set(season['opens'] + ' to ' + season['closes'])))}."
            if len(timed) else "")
    voyages = tuple(_voyage_line(r) for _, r in later[later["days"].notna()].iterrows())
    return text, ev.later_profiles(ship_type) + voyages


def transit_days_check(claim, ev: RouteEvidence) -> Finding:
    """Can a ship make the voyage in the claimed days? Rated against the days of every profile of
    the ship type over every length of the pair's route (:mod:`.route_lengths`) with :data:`NEAR`."""
    via, pair, ship = claim.param("via"), _pair(claim), _ship_type(claim)
    voyage = rv.voyage_of(claim, ev)
    if voyage is not None:
        return rv.voyage_finding(claim, ev, voyage, via, pair, NEAR, _context(ev, "nsr", ship)[1])
    days, route = ev.days_for(via, pair, ship), ev.route(via, pair)
    claimed = claim.value
    low, high = rl.span(rl.days(ev, via, pair, ship))
    speed = implied_speed_kn(route, claimed)
    per_profile = ", ".join(f"{p} {d:.1f}" for p, d in days.items())
    nsr_part = (f" ({route.nsr_nm:,.0f} nm in the NSR water area, {route.nsr_variant} variant)"
                if route.nsr_nm > 0 else "")
    also = rl.others(ev, via, pair)
    context, later = _context(ev, via, ship)
    rule = (f"{route.origin.name}–{route.destination.name} via {via.upper()} is {route.length_nm:,.0f} nm{nsr_part}; "
            f"days by {ship} profile: {per_profile}."
            + (f" Over the pair's other lengths ({also}) too: {low:.1f}–{high:.1f} days." if also else "")
            + f" {claimed:g} days means {speed:.1f} kn on average without stops. "
            f"Accurate inside that range; mostly-accurate within {NEAR:.0%} of it.{context}")
    return Finding(claim.claim_id, claimed, claim.unit, round(float(days[ev.references[ship].name]), 2),
                   round(low, 2), round(high, 2), rate(claimed, low, high, near=NEAR), rule,
                   ev.sources_for(via, ship_type=ship) + rl.sources(ev, via, pair=pair), decided_by=_decided_by(ev, ship),
                   later_evidence=later)


def time_ratio_check(claim, ev: RouteEvidence) -> Finding:
    """Does the NSR take the claimed share of the Suez time? Ratio of NSR to Suez days for
    the same profile.

    Accurate if the claimed ratio lies within the same-profile ratios; misleading if it lies
    outside but the two claimed day counts it comes from (``nsr_claim``, ``suez_claim``) are
    each within :data:`NEAR` of their own range (the ratio then pairs a fast NSR voyage with a
    slow Suez one); otherwise as :func:`~geoclaims.rating.rate` rates it.
    """
    pair = _pair(claim)
    ship = _ship_type(claim)
    reference = ev.references[ship].name
    nsr, suez = ev.days_for("nsr", pair, ship), ev.days_for("suez", pair, ship)
    ratios = (nsr / suez).dropna()
    distance = ev.route("nsr", pair).length_nm / ev.route("suez", pair).length_nm
    claimed = claim.value
    # the same profile over every pairing of the two corridors' lengths (:mod:`.route_lengths`)
    nsr_all, suez_all = rl.days(ev, "nsr", pair, ship), rl.days(ev, "suez", pair, ship)
    low = float((nsr_all.min(axis=1) / suez_all.max(axis=1)).min())
    high = float((nsr_all.max(axis=1) / suez_all.min(axis=1)).max())
    parts_ok = False
    if claim.param("nsr_claim", "") and claim.param("suez_claim", ""):
        named = [claim.param("nsr_claim"), claim.param("suez_claim")]
        unknown = [n for n in named if n not in ev.claimed_values]
        if unknown:
            raise DataError(f"nsr_claim/suez_claim must name route claims of the article with a number, "
                            f"got {unknown[0]!r}")
        nsr_claim, suez_claim = (ev.claimed_values[n] for n in named)
        parts_ok = (rate(nsr_claim, *rl.span(nsr_all), near=NEAR) != "inaccurate"
                    and rate(suez_claim, *rl.span(suez_all), near=NEAR) != "inaccurate")
    rating = rate(claimed, low, high, near=NEAR, misleading=parts_ok)
    rule = (f"The NSR route is {distance:.2f} of the Suez distance on geoclaims' routes; for the same ship, over every "
            f"length of the two routes, the time ratio is {low:.2f}–{high:.2f} ({reference} on geoclaims' routes: "
            f"{ratios[reference]:.2f}). A ratio of {claimed:g} "
            f"needs {_a(nsr.idxmin())} NSR voyage set against {_a(suez.idxmax())} Suez voyage. Accurate within the "
            f"same-profile range; mostly-accurate within {NEAR:.0%} of it; misleading when each claimed day count is "
            f"within {NEAR:.0%} of its own range but only mismatched assumptions reach the ratio.")
    return Finding(claim.claim_id, claimed, claim.unit, round(float(ratios[reference]), 3), round(low, 3),
                   round(high, 3), rating, rule,
                   ev.sources_for(*CORRIDORS, ship_type=ship) + rl.sources(ev, *CORRIDORS, pair=pair),
                   decided_by=_decided_by(ev, ship))


def route_length_check(claim, ev: RouteEvidence) -> Finding:
    """A route's length in nautical miles, against geoclaims' route ± the spread of published
    tables for one pair (:attr:`~.route_evidence.RouteEvidence.table_spread`), the other NSR
    variant and the distances published for the pair (:mod:`.route_lengths`). ``unit=mi?`` reads
    an unqualified "miles" both ways: the claim then spans its statute and nautical readings."""
    via, pair = claim.param("via"), _pair(claim)
    route, spread = ev.route(via, pair), ev.table_spread.get(via, 0.0)
    readings = rl.lengths(ev, via, pair)["length_nm"]
    low = min(route.length_nm * (1 - spread), float(readings.min()))
    high = max(route.length_nm * (1 + spread), float(readings.max()))
    also = rl.others(ev, via, pair)
    voyage = rv.voyage_of(claim, ev) if via == "nsr" else None
    stated = "" if voyage is None else (f" The voyage's own stated distance ({voyage['voyage_id']}: "
                                        f"{voyage['distance_nm']:,.0f} nm) joins the range.")
    if voyage is not None:
        low, high = min(low, float(voyage["distance_nm"])), max(high, float(voyage["distance_nm"]))
    claimed, top = claim.value, None
    reading = ""
    if claim.param("unit", "nm") == "mi?":
        claimed, top = claim.value / MI_PER_NM, claim.value
        reading = f" \"Miles\" is read both ways: {claimed:,.0f} nm (statute) to {top:,.0f} nm (nautical)."
    rule = (f"{route.origin.name}–{route.destination.name} via {via.upper()} is {route.length_nm:,.0f} nm on geoclaims' "
            f"route; published tables for one pair differ by {spread:.1%} either way"
            + (f"; the pair's other lengths: {also}" if also else "") + f"; so {low:,.0f}–{high:,.0f} nm."
            f"{reading}{stated} Accurate inside that range; mostly-accurate within {NEAR:.0%} of it.")
    sources = (ev.sources_for(via, tables=True) + rl.sources(ev, via, pair=pair)
               + (() if voyage is None else tuple(split_ids(voyage["source_ids"]))))
    return Finding(claim.claim_id, claim.value, claim.unit, round(route.length_nm), round(low), round(high),
                   rate(claimed, low, high, near=NEAR, claimed_high=top), rule, tuple(dict.fromkeys(sources)),
                   decided_by="geoclaims' route for the pair and the spread of published distance tables")


def distance_saving_check(claim, ev: RouteEvidence) -> Finding:
    """Nautical miles one corridor (``via``, the NSR by default) saves against another
    (``against``, Suez) for a pair: each route ± the published tables' spread (none where no
    table gives the corridor), over every length of each (:mod:`.route_lengths`)."""
    pair, (via, against) = _pair(claim), compared(claim)
    nsr, suez = ev.route(via, pair).length_nm, ev.route(against, pair).length_nm
    s_nsr, s_suez = ev.table_spread.get(via, 0.0), ev.table_spread.get(against, 0.0)
    a, b = rl.lengths(ev, via, pair)["length_nm"], rl.lengths(ev, against, pair)["length_nm"]
    low = min(suez * (1 - s_suez), b.min()) - max(nsr * (1 + s_nsr), a.max())
    high = max(suez * (1 + s_suez), b.max()) - min(nsr * (1 - s_nsr), a.min())
    rule = (f"geoclaims' routes: {suez:,.0f} nm {BY_CORRIDOR[against]}, {nsr:,.0f} nm {BY_CORRIDOR[via]}, {suez - nsr:,.0f} nm saved; with "
            f"the tables' spread ({s_suez:.1%} and {s_nsr:.1%}) and every length of each route {low:,.0f}–{high:,.0f} nm. "
            f"Accurate inside that range; mostly-accurate within {NEAR:.0%} of it.")
    return Finding(claim.claim_id, claim.value, claim.unit, round(suez - nsr), round(low), round(high),
                   rate(claim.value, low, high, near=NEAR), rule,
                   ev.sources_for(via, against, tables=True) + rl.sources(ev, via, against, pair=pair),
                   decided_by="geoclaims' routes for the pair and the spread of published distance tables")


def days_saving_check(claim, ev: RouteEvidence) -> Finding:
    """Days one corridor (``via``, the NSR by default) saves against another (``against``, Suez)
    for the same ship (every profile); ``sense=at-least`` for "more than N days"."""
    pair, (via, against) = _pair(claim), compared(claim)
    ship = _ship_type(claim)
    voyage = rv.voyage_of(claim, ev)
    if voyage is not None:
        if (via, against) != ("nsr", "suez"):
            raise DataError("a claim about one voyage compares the NSR she sailed with Suez")
        return rv.voyage_finding(claim, ev, voyage, "suez", pair, NEAR, _context(ev, "nsr", ship)[1])
    saved = (ev.days_for(against, pair, ship) - ev.days_for(via, pair, ship)).dropna()
    fast, slow = rl.days(ev, via, pair, ship), rl.days(ev, against, pair, ship)  # every length of each route
    low = float((slow.min(axis=1) - fast.max(axis=1)).min())
    high = float((slow.max(axis=1) - fast.min(axis=1)).max())
    sense = claim.param("sense", "point")
    rule = (f"Days saved for the same ship, {SHORT_CORRIDOR[against]} minus {SHORT_CORRIDOR[via]}: "
            f"{', '.join(f'{p} {d:.1f}' for p, d in saved.items())} on geoclaims' routes; over every length of each "
            f"route: {low:.1f}–{high:.1f}. Accurate if {'at least ' if sense == 'at-least' else ''}{claim.value:g} meets "
            f"that range; "
            f"mostly-accurate within {NEAR:.0%} of it.")
    return Finding(claim.claim_id, claim.value, claim.unit, round(float(saved[ev.references[ship].name]), 2),
                   round(low, 2), round(high, 2), rate(claim.value, low, high, near=NEAR, sense=sense), rule,
                   ev.sources_for(via, against, ship_type=ship) + rl.sources(ev, via, against, pair=pair),
                   decided_by=_decided_by(ev, ship))


# ---- figures ------------------------------------------------------------------------------------

FAMILY = Family(
    name="route",
    title="Sea routes: days and distances by the Northern Sea Route and via Suez",
    evidence=evidence,
    tables=ROUTE_TABLES,
    checks={
        "transit-days": Check(transit_days_check, "number",
                              ("origin", "destination", "via", "nsr_variant", "ship_type", "voyage"),
                              ("origin", "destination", "via"),
                              ("polar-routes-map", "route-map", "days-vs-speed", "reference-distances"), _shows,
                              {"nsr_variant": "coastal", "ship_type": DEFAULT_SHIP_TYPE}, NEAR, why=VOYAGE_SLACK),
        "route-length": Check(route_length_check, "number",
                              ("origin", "destination", "via", "nsr_variant", "unit", "voyage"),
                              ("origin", "destination", "via"), ("route-map", "reference-distances"), _shows,
                              {"nsr_variant": "coastal", "unit": "nm"}, NEAR,
                              why="beyond the spread of published tables, as for the days"),
        "distance-saving": Check(distance_saving_check, "number",
                                 ("origin", "destination", "nsr_variant", "via", "against"),
                                 ("origin", "destination"), ("polar-routes-map", "route-map"), _shows,
                                 {"nsr_variant": "coastal", "via": "nsr", "against": "suez"},
                                 NEAR, why="beyond the spread of published tables, as for the days"),
        "days-saving": Check(days_saving_check, "number",
                             ("origin", "destination", "nsr_variant", "sense", "ship_type", "voyage", "via", "against"),
                             ("origin", "destination"), ("route-map", "days-vs-speed"), _shows,
                             {"nsr_variant": "coastal", "sense": "point", "ship_type": DEFAULT_SHIP_TYPE, "via": "nsr",
                              "against": "suez"},
                             NEAR, why=VOYAGE_SLACK),
        "percent-saving": Check(rs.percent_saving_check, "number",
                                ("origin", "destination", "measure", "nsr_variant", "ship_type", "voyage", "sense", "via",
                                 "against"),
                                ("origin", "destination", "measure"), ("polar-routes-map", "route-map"), _shows,
                                {"nsr_variant": "coastal", "ship_type": DEFAULT_SHIP_TYPE, "sense": "point", "via": "nsr",
                                 "against": "suez"},
                                rs.NEAR, why="what a rounded percentage moves, as for the days", as_written=True),
        "place-distance": Check(rs.place_distance_check, "number", ("origin", "destination", "unit", "measure"),
                                ("origin", "destination", "unit"), defaults={"measure": "geodesic"}, near=rs.NEAR,
                                why="where a town is placed (its port, to the minute) moves a short distance by about a tenth",
                                as_written=True),
        "season-months": Check(route_season.season_months, "count", ("months",), ("months",)),
        "time-ratio": Check(time_ratio_check, "number",
                            ("origin", "destination", "nsr_claim", "suez_claim", "nsr_variant", "ship_type"),
                            ("origin", "destination"), ("days-vs-speed", "port-matrix"), _shows,
                            {"nsr_variant": "coastal", "ship_type": DEFAULT_SHIP_TYPE}, NEAR, why=VOYAGE_SLACK),
    },
    notebook="01-polar-route",
    figures={
        "polar-routes-map": FigureSpec(_polar_routes_map, "Both corridors, north up, the NSR water area shaded",
                                       (9, 7.5), _map_headline, lambda ev: ev.sources_for("nsr", "suez")),
        # the same map for every other pair the claims name (the headline pair's keeps the name above)
        "route-map": FigureSpec(_route_map, "Both corridors for one port pair, north up, the NSR water area shaded",
                                (9, 7.5), _route_map_headline, lambda ev, pair: ev.sources_for("nsr", "suez"),
                                subject=pair_subject),
        "days-vs-speed": FigureSpec(_days_vs_speed, "Days against speed under the transit model, with observed voyages",
                                    (11, 5.5), _days_headline, days_sources),
        "port-matrix": FigureSpec(_port_matrix, "Days saved by the NSR for 20 European × 20 Far East ports", (11, 9.5),
                                  _matrix_headline,
                                  lambda ev: ev.sources_for("nsr", "suez", ship_type=DEFAULT_SHIP_TYPE)),
        "reference-distances": FigureSpec(_reference_distances, "geoclaims' route lengths against published distances",
                                          (9, 8), _deviations_headline,
                                          lambda ev: merge_ids(*ev.sources_for("nsr", "suez"), *ev.deviations["source_ids"])),
    },
)
