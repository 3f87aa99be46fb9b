"""The route family: voyage days by the NSR or via Suez, and their ratio.

Evidence: for every port pair an article's claims name (and the context pairs of
:data:`CONTEXT_PAIRS`), the routes along both corridors (:func:`~geoclaims.geo.routes.sea_route`)
and the days of every vessel profile of ``data/vessel_profiles.csv`` under the one transit
model (:mod:`geoclaims.geo.transit`). A claim's range is the spread of days across the
profiles; "measured" is :data:`REFERENCE_PROFILE`, the way container lines sailed Asia–Europe
in 2014. The days-vs-speed curves and the port matrix are drawn from the same model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ..data import merge_ids
from ..datasets import load_matrix_ports, load_reference_distances, load_vessel_profiles, vessel_profile
from ..findings import Finding
from ..geo.matrix import port_matrix
from ..geo.routes import Route, sea_route
from ..geo.transit import VesselProfile, implied_speed_kn, transit_days
from ..rating import rate
from .base import Check, Family, FigureSpec

#: pairs shown beside the claimed ones in notebook 01 (how the claims fare for other ports)
CONTEXT_PAIRS = (("DEHAM", "JPYOK"), ("RUMMK", "JPYOK"), ("NLRTM", "CNSHA"), ("NLRTM", "KRPUS"))
REFERENCE_PROFILE = "slow-steaming"
#: a claim this far outside the profiles' range (a fraction of the nearer end) is "mostly-accurate":
#: about what port calls, a canal queue or a weather detour add to an Asia–Europe voyage
NEAR = 0.10
CORRIDORS = ("nsr", "suez")
#: open-water speeds of the days-vs-speed curves, knots
CURVE_SPEEDS_KN = np.linspace(8, 26, 200)


@dataclass(frozen=True)
class RouteEvidence:
    """Routes for every pair along both corridors, and days for every profile."""

    pairs: tuple[tuple[str, str], ...]  # claimed pairs first, then context pairs
    routes: dict  # (origin, destination, via) -> Route
    profiles: tuple[VesselProfile, ...]
    profile_sources: tuple[str, ...]
    claimed_days: dict  # (origin, destination, via) -> claimed days, from the article's claims

    def route(self, via: str, pair: tuple[str, str]) -> Route:
        return self.routes[(*pair, via)]

    @cached_property
    def days(self) -> pd.DataFrame:
        """origin, destination, via, profile, length_nm, nsr_nm, days: one row per route × profile."""
        rows = [{"origin": o, "destination": d, "via": via, "profile": p.name, "length_nm": r.length_nm,
                 "nsr_nm": r.nsr_nm, "days": transit_days(r, p)}
                for (o, d, via), r in self.routes.items() for p in self.profiles]
        return pd.DataFrame(rows)

    def days_for(self, via: str, pair: tuple[str, str]) -> pd.Series:
        """Days by profile name for one route."""
        d = self.days
        d = d[(d["origin"] == pair[0]) & (d["destination"] == pair[1]) & (d["via"] == via)]
        return d.set_index("profile")["days"]

    @property
    def headline(self) -> tuple[str, str]:
        """The pair the figures show: the first one the claims name."""
        return self.pairs[0]

    @cached_property
    def speed_curves(self) -> pd.DataFrame:
        """Days against open-water speed for the headline pair, the reference profile's NSR
        speed (capped by the open-water speed), canal hours and port days kept."""
        base = vessel_profile(REFERENCE_PROFILE)
        rows = []
        for via in CORRIDORS:
            route = self.route(via, self.headline)
            label = f"via {via.upper()} ({route.length_nm:,.0f} nm)"
            rows += [{"via": via, "label": label, "speed_kn": s, "days": transit_days(route, base.at_speed(float(s)))}
                     for s in CURVE_SPEEDS_KN]
        return pd.DataFrame(rows)

    @cached_property
    def speed_points(self) -> pd.DataFrame:
        """Each profile's days for the headline pair, at its open-water speed."""
        d = self.days[(self.days["origin"] == self.headline[0]) & (self.days["destination"] == self.headline[1])]
        speeds = {p.name: p.open_water_kn for p in self.profiles}
        return d.assign(speed_kn=d["profile"].map(speeds))[["via", "profile", "speed_kn", "days"]]

    @cached_property
    def matrix(self) -> pd.DataFrame:
        """The port matrix of ``data/matrix_ports.csv`` for the reference profile."""
        ports = load_matrix_ports()
        return port_matrix(list(ports.loc[ports["region"] == "europe", "locode"]),
                           list(ports.loc[ports["region"] == "far-east", "locode"]), vessel_profile(REFERENCE_PROFILE))


def evidence(article, claims) -> RouteEvidence:
    """Route every pair the claims name, and the context pairs, along both corridors."""
    pairs: list[tuple[str, str]] = []
    claimed: dict = {}
    for c in claims:
        pair = (c.param("origin"), c.param("destination"))
        if pair not in pairs:
            pairs.append(pair)
        if c.check == "transit-days":
            claimed[(*pair, c.param("via"))] = c.value
    pairs += [p for p in CONTEXT_PAIRS if p not in pairs]
    routes = {(*pair, via): sea_route(*pair, via=via) for pair in pairs for via in CORRIDORS}
    table = load_vessel_profiles()
    profiles = tuple(vessel_profile(name) for name in table.index)
    return RouteEvidence(tuple(pairs), routes, profiles, merge_ids("searoute-marnet", *table["source_ids"]), claimed)


def _pair(claim) -> tuple[str, str]:
    return claim.param("origin"), claim.param("destination")


def transit_days_check(claim, ev: RouteEvidence) -> Finding:
    """Can a ship make the voyage in the claimed days? Accurate inside the profiles' range of
    days; mostly-accurate within :data:`NEAR` of it; inaccurate beyond."""
    via, pair = claim.param("via"), _pair(claim)
    days, route = ev.days_for(via, pair), ev.route(via, pair)
    claimed = claim.value
    low, high = float(days.min()), float(days.max())
    speed = implied_speed_kn(route, claimed)
    per_profile = ", ".join(f"{p} {d:.1f}" for p, d in days.items())
    nsr_part = f" ({route.nsr_nm:,.0f} nm in the NSR water area)" if route.nsr_nm > 0 else ""
    rule = (f"{route.origin.name}–{route.destination.name} via {via.upper()} is {route.length_nm:,.0f} nm{nsr_part}; "
            f"days by profile: {per_profile}. {claimed:g} days means {speed:.1f} kn on average without stops. "
            f"Accurate inside the profiles' range; mostly-accurate within {NEAR:.0%} of it; inaccurate beyond.")
    return Finding(claim.claim_id, claimed, claim.unit, round(float(days[REFERENCE_PROFILE]), 2), round(low, 2),
                   round(high, 2), rate(claimed, low, high, near=NEAR), rule, ev.profile_sources)


def time_ratio_check(claim, ev: RouteEvidence) -> Finding:
    """Does the NSR take the claimed share of the Suez time? Ratio of NSR to Suez days for
    the same profile.

    Accurate if the claimed ratio lies within the same-profile ratios; misleading if it lies
    outside but the two claimed day counts it comes from (``nsr_claim``, ``suez_claim``) are
    each within :data:`NEAR` of their own range (the ratio then pairs a fast NSR voyage with a
    slow Suez one); otherwise as :func:`~geoclaims.rating.rate` rates it.
    """
    from ..registry import get_claim

    pair = _pair(claim)
    nsr, suez = ev.days_for("nsr", pair), ev.days_for("suez", pair)
    ratios = (nsr / suez).dropna()
    distance = ev.route("nsr", pair).length_nm / ev.route("suez", pair).length_nm
    claimed = claim.value
    low, high = float(ratios.min()), float(ratios.max())
    parts_ok = False
    if claim.param("nsr_claim", "") and claim.param("suez_claim", ""):
        nsr_claim = get_claim(claim.param("nsr_claim"), claim.article).value
        suez_claim = get_claim(claim.param("suez_claim"), claim.article).value
        parts_ok = (rate(nsr_claim, nsr.min(), nsr.max(), near=NEAR) != "inaccurate"
                    and rate(suez_claim, suez.min(), suez.max(), near=NEAR) != "inaccurate")
    rating = rate(claimed, low, high, near=NEAR, misleading=parts_ok)
    rule = (f"The NSR route is {distance:.2f} of the Suez distance; for the same ship the time ratio is "
            f"{low:.2f}–{high:.2f} ({REFERENCE_PROFILE}: {ratios[REFERENCE_PROFILE]:.2f}). A ratio of {claimed:g} "
            f"needs a {nsr.idxmin()} NSR voyage set against a {suez.idxmax()} Suez voyage. Accurate within the "
            f"same-profile range; misleading when only mismatched assumptions reach it.")
    return Finding(claim.claim_id, claimed, claim.unit, round(float(ratios[REFERENCE_PROFILE]), 3), round(low, 3),
                   round(high, 3), rating, rule, ev.profile_sources)


# ---- figures ------------------------------------------------------------------------------------

def _polar_routes_map(fig, ev: RouteEvidence) -> None:
    from ..draw import maps
    from ..geo.coastline import land_polygons
    from ..geo.routes import _nsr_area_lon360

    routes = {via: ev.route(via, ev.headline) for via in CORRIDORS}
    south = min(float(r.lats.min()) for r in routes.values()) - 3.0
    maps.plot_polar_routes(maps.polar_axes(fig, south), routes, _nsr_area_lon360(), land_polygons("h"))


def _days_vs_speed(fig, ev: RouteEvidence) -> None:
    from ..draw import plots

    o, d = (ev.route("nsr", ev.headline).origin, ev.route("nsr", ev.headline).destination)
    claims = {via: days for (a, b, via), days in ev.claimed_days.items() if (a, b) == ev.headline}
    plots.plot_days_vs_speed(ev.speed_curves, ev.speed_points, claims, f"Days against speed, {o.name}–{d.name}",
                             fig.subplots())


def _port_matrix(fig, ev: RouteEvidence) -> None:
    from ..draw import plots

    plots.plot_port_matrix(ev.matrix, fig.subplots())


FAMILY = Family(
    name="route",
    title="Sea routes: days and distances by the Northern Sea Route and via Suez",
    evidence=evidence,
    checks={
        "transit-days": Check(transit_days_check, "number", ("origin", "destination", "via"),
                              ("origin", "destination", "via"), ("polar-routes-map", "days-vs-speed")),
        "time-ratio": Check(time_ratio_check, "number", ("origin", "destination", "nsr_claim", "suez_claim"),
                            ("origin", "destination"), ("days-vs-speed", "port-matrix")),
    },
    notebook="01-polar-route",
    figures={
        "polar-routes-map": FigureSpec(_polar_routes_map, "Both corridors on a polar map, the NSR water area shaded",
                                       (8, 8.5)),
        "days-vs-speed": FigureSpec(_days_vs_speed, "Days against speed under the transit model, profiles marked"),
        "port-matrix": FigureSpec(_port_matrix, "Days saved by the NSR for 20 European × 20 Far East ports", (9, 8)),
    },
)


def reference_deviations() -> pd.DataFrame:
    """Every published distance of ``reference_distances.csv`` beside geoclaims' length for
    the same pair and corridor: ``deviation`` = ours / published − 1."""
    ref = load_reference_distances()
    ours = [sea_route(o, d, via=v).length_nm for o, d, v in zip(ref["origin"], ref["destination"], ref["via"])]
    return ref.assign(geoclaims_nm=ours, deviation=np.array(ours) / ref["length_nm"].to_numpy() - 1)
