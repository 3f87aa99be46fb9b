"""Checks of the polar-route claims: 19 days by the NSR, 38 via Suez, and "half the time".

Evidence: the Rotterdam–Yokohama routes along both corridors (:mod:`geoclaims.routes`)
and every vessel profile of ``data/vessel_profiles.csv``. Each claim's range is the
spread of days across the profiles; "measured" is the slow-steaming profile, the way
container lines sailed Asia–Europe in 2014.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .findings import Finding
from .registry import Claim, get_claim
from .routes import Route, implied_speed_kn, load_vessel_profiles, sea_route, transit_days
from .tables import merge_ids

DEFAULT_PAIR = ("NLRTM", "JPYOK")
PANEL_PAIRS = (("DEHAM", "JPYOK"), ("RUMMK", "JPYOK"), ("NLRTM", "CNSHA"), ("NLRTM", "KRPUS"))
REFERENCE_PROFILE = "slow-steaming"
#: a claim this far outside the range (as a fraction of the nearer end) is "mostly-accurate"
NEAR = 0.10
FIG_MAP = "figures/polar-routes-map.png"
FIG_SPEED = "figures/days-vs-speed.png"
FIG_MATRIX = "figures/port-matrix.png"


@dataclass(frozen=True)
class RouteEvidence:
    """Routes for the default pair and the panels, and days for every profile."""

    routes: dict  # (origin, destination, via) -> Route
    days: pd.DataFrame  # origin, destination, via, profile, days
    profiles: pd.DataFrame

    def route(self, via: str, pair: tuple[str, str] = DEFAULT_PAIR) -> Route:
        return self.routes[(*pair, via)]

    def days_for(self, via: str, pair: tuple[str, str] = DEFAULT_PAIR) -> pd.Series:
        d = self.days[(self.days["origin"] == pair[0]) & (self.days["destination"] == pair[1]) & (self.days["via"] == via)]
        return d.set_index("profile")["days"]


def load_evidence() -> RouteEvidence:
    """Route the default pair and the panel pairs along both corridors; days per profile."""
    profiles = load_vessel_profiles()
    routes, rows = {}, []
    for pair in (DEFAULT_PAIR, *PANEL_PAIRS):
        for via in ("nsr", "suez"):
            route = sea_route(*pair, via=via)
            routes[(*pair, via)] = route
            for name in profiles.index:
                rows.append({"origin": pair[0], "destination": pair[1], "via": via, "profile": name,
                             "length_nm": route.length_nm, "nsr_nm": route.nsr_nm, "days": transit_days(route, name)})
    return RouteEvidence(routes, pd.DataFrame(rows), profiles)


def _rate(claimed: float, low: float, high: float) -> str:
    if low <= claimed <= high:
        return "accurate"
    edge = low if claimed < low else high
    return "mostly-accurate" if abs(claimed - edge) <= NEAR * edge else "inaccurate"


def _sources(ev: RouteEvidence) -> tuple[str, ...]:
    return merge_ids("searoute-marnet", *ev.profiles["source_ids"])


def _days_finding(claim: Claim, ev: RouteEvidence, via: str) -> Finding:
    days = ev.days_for(via)
    route = ev.route(via)
    claimed = float(claim.claimed_value)
    low, high = float(days.min()), float(days.max())
    rating = _rate(claimed, low, high)
    speed = implied_speed_kn(route, claimed)
    per_profile = ", ".join(f"{p} {d:.1f}" for p, d in days.items())
    rule = (f"Rotterdam–Yokohama via {via.upper()} is {route.length_nm:,.0f} nm ({route.nsr_nm:,.0f} nm in the NSR "
            f"water area); days by profile: {per_profile}. {claimed:g} days means {speed:.1f} kn on average without "
            f"stops. Accurate inside the profiles' range; mostly-accurate within {NEAR:.0%} of it; inaccurate beyond.")
    return Finding(claim.claim_id, claimed, claim.unit, round(float(days[REFERENCE_PROFILE]), 2), round(low, 2),
                   round(high, 2), rating, rule, _sources(ev), (FIG_MAP, FIG_SPEED))


def polar_route_days(claim: Claim, ev: RouteEvidence) -> Finding:
    """Can a container ship make Europe–Far East in 19 days by the NSR? (see :func:`_days_finding`)"""
    return _days_finding(claim, ev, "nsr")


def suez_route_days(claim: Claim, ev: RouteEvidence) -> Finding:
    """Is 38 days via Suez realistic, and under what assumptions?"""
    return _days_finding(claim, ev, "suez")


def polar_route_saving(claim: Claim, ev: RouteEvidence) -> Finding:
    """Does the NSR take half the time? Ratio of NSR to Suez days for the same profile.

    Accurate if the claimed ratio lies within the same-profile ratios; misleading if it lies
    outside but each claimed figure is defensible on its own (the halving then pairs a fast
    NSR voyage with a slow Suez one); otherwise inaccurate or, within 10%, mostly-accurate.
    """
    nsr, suez = ev.days_for("nsr"), ev.days_for("suez")
    ratios = (nsr / suez).dropna()
    distance = ev.route("nsr").length_nm / ev.route("suez").length_nm
    claimed = float(claim.claimed_value)
    low, high = float(ratios.min()), float(ratios.max())
    rating = _rate(claimed, low, high)
    if rating != "accurate":
        nsr_claim = float(get_claim("polar-route-days").claimed_value)
        suez_claim = float(get_claim("suez-route-days").claimed_value)
        nsr_ok = nsr.min() * (1 - NEAR) <= nsr_claim <= nsr.max() * (1 + NEAR)
        suez_ok = suez.min() * (1 - NEAR) <= suez_claim <= suez.max() * (1 + NEAR)
        if nsr_ok and suez_ok:
            rating = "misleading"
    fastest_nsr, slowest_suez = nsr.idxmin(), suez.idxmax()
    rule = (f"The NSR route is {distance:.2f} of the Suez distance; for the same ship the time ratio is "
            f"{low:.2f}–{high:.2f} ({REFERENCE_PROFILE}: {ratios[REFERENCE_PROFILE]:.2f}). A ratio of {claimed:g} "
            f"needs a {fastest_nsr} NSR voyage set against a {slowest_suez} Suez voyage. Accurate within the "
            f"same-profile range; misleading when only mismatched assumptions reach it.")
    return Finding(claim.claim_id, claimed, claim.unit, round(float(ratios[REFERENCE_PROFILE]), 3), round(low, 3),
                   round(high, 3), rating, rule, _sources(ev), (FIG_SPEED, FIG_MATRIX))
