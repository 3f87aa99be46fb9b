"""Transit time along a route: the one transit model every verdict and figure uses.

A voyage of ``length_nm`` of which ``nsr_nm`` lie in the NSR water area takes
``(length_nm - nsr_nm) / open_water_kn + nsr_nm / nsr_kn`` hours, plus the Suez transit
and waiting hours for a Suez voyage, plus ``port_days``. The canal's own ~104 nm are also
counted at open-water speed, so Suez days are an upper bound by about 0.25 day. Speeds are
averages over the legs (no acceleration, weather or ice model).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .._moved import forwarded
from ..errors import InputError
from .network import check_corridor
from .routes import Route
from .units import HOURS_PER_DAY


def _number(value, label: str, *, positive: bool) -> float:
    """A finite real number (NumPy scalars welcome, booleans refused)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise InputError(f"{label} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or (value <= 0 if positive else value < 0):
        raise InputError(f"{label} must be a finite number {'> 0' if positive else '>= 0'}, got {value!r}")
    return value


#: slowest speed a profile may state: below it "days" stop meaning a voyage (a drifting ship)
MIN_SPEED_KN = 1.0


@dataclass(frozen=True)
class VesselProfile:
    """Speeds (knots) and fixed times of one way of operating a ship."""

    name: str
    open_water_kn: float
    nsr_kn: float
    suez_transit_h: float = 0.0
    suez_wait_h: float = 0.0
    port_days: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InputError(f"profile name must be non-empty text, got {self.name!r}")
        for label in ("open_water_kn", "nsr_kn"):
            value = _number(getattr(self, label), label, positive=True)
            if value < MIN_SPEED_KN:
                raise InputError(f"{label} must be a finite speed >= {MIN_SPEED_KN:g} knots, got {value!r}")
            object.__setattr__(self, label, value)
        for label in ("suez_transit_h", "suez_wait_h", "port_days"):
            object.__setattr__(self, label, _number(getattr(self, label), label, positive=False))

    def at_speed(self, open_water_kn: float) -> VesselProfile:
        """The same profile at another open-water speed; the NSR speed is capped by it."""
        return VesselProfile(f"{self.name} at {open_water_kn:g} kn", open_water_kn, min(self.nsr_kn, open_water_kn),
                             self.suez_transit_h, self.suez_wait_h, self.port_days)


def transit_days_for(length_nm, nsr_nm, via: str, profile: VesselProfile):
    """Days for a voyage of ``length_nm`` of which ``nsr_nm`` lie in the NSR water area
    (numbers or arrays; NaN stays NaN): sea time at the profile's speeds, the profile's Suez
    transit and wait hours on the ``suez`` corridor, and its port days. No canal hours are
    added for ``panama`` (no sourced figure in the profiles): days by Panama are a lower bound."""
    check_corridor(via)
    if not isinstance(profile, VesselProfile):
        raise InputError(f"profile must be a VesselProfile, got {profile!r}")
    length = np.asarray(length_nm, dtype=float)
    nsr = np.asarray(nsr_nm, dtype=float)
    if np.any(length < 0) or np.any(nsr < 0) or np.any(nsr > length + 1e-9):
        raise InputError(f"lengths must satisfy 0 <= nsr_nm <= length_nm, got {length_nm!r} and {nsr_nm!r}")
    hours = (length - nsr) / profile.open_water_kn + nsr / profile.nsr_kn
    if via == "suez":
        hours = hours + profile.suez_transit_h + profile.suez_wait_h
    days = hours / HOURS_PER_DAY + profile.port_days
    return float(days) if np.ndim(days) == 0 else days


def transit_days(route: Route, profile: VesselProfile) -> float:
    """Days a ship operated as ``profile`` takes along ``route`` (:func:`transit_days_for`)."""
    if not isinstance(route, Route):
        raise InputError(f"route must be a Route from sea_route(), got {route!r}")
    if isinstance(profile, str):
        raise InputError(f"profile must be a VesselProfile, got {profile!r}: by profile name it is "
                         "geoclaims.transit_days(route, name)")
    return transit_days_for(route.length_nm, route.nsr_nm, route.via, profile)


def profile_from_row(name: str, row) -> VesselProfile:
    """A :class:`VesselProfile` from a row of ``vessel_profiles.csv`` (a mapping of its columns)."""
    return VesselProfile(name, float(row["open_water_kn"]), float(row["nsr_kn"]), float(row["suez_transit_h"]),
                         float(row["suez_wait_h"]), float(row["port_days"]))


def implied_speed_kn(route, days: float) -> float:
    """Average speed (knots) needed to sail ``route`` in ``days`` (no stops)."""
    days = _number(days, "days", positive=True)
    return route.length_nm / (days * HOURS_PER_DAY)


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {
    "vessel_profile": "geoclaims.world.routing:vessel_profile",
})

