"""Unit conversions. Every constant carries its unit in its name.

The international nautical mile is exactly 1852 m (International Hydrographic
Conference, 1929; adopted by the BIPM), so these conversions are exact.
"""

from __future__ import annotations

from ..errors import InputError

KM_PER_NM = 1.852  #: kilometres per international nautical mile (exact)
M_PER_NM = 1852.0  #: metres per international nautical mile (exact)
NM_PER_KM = 1.0 / KM_PER_NM
M_PER_MI = 1609.344  #: metres per statute mile (exact, international yard of 1959)
MI_PER_NM = M_PER_NM / M_PER_MI  #: statute miles per nautical mile
HOURS_PER_DAY = 24.0


def km_to_nm(length_km: float) -> float:
    """Kilometres to nautical miles."""
    return length_km * NM_PER_KM


#: length units a claim may name, in km each; ``mi?`` is an unqualified "miles", read both ways
KM_PER_UNIT = {"km": 1.0, "m": 0.001, "mi": M_PER_MI / 1000.0, "nm": KM_PER_NM}
LENGTH_UNITS = (*KM_PER_UNIT, "mi?")
#: time units a claim may name, in hours each
HOURS_PER_UNIT = {"minutes": 1.0 / 60.0, "hours": 1.0, "days": HOURS_PER_DAY}


def length_km(value: float, unit: str) -> tuple[float, float]:
    """A length in ``unit`` (:data:`LENGTH_UNITS`) as kilometres ``(low, high)``: one value, or
    for ``mi?`` its statute and nautical readings.

    >>> length_km(11, "mi?")
    (17.702784, 20.372)
    """
    if unit == "mi?":
        return value * KM_PER_UNIT["mi"], value * KM_PER_UNIT["nm"]
    if unit not in KM_PER_UNIT:
        raise InputError(f"length unit must be one of {', '.join(LENGTH_UNITS)}, got {unit!r}")
    return value * KM_PER_UNIT[unit], value * KM_PER_UNIT[unit]


def hours(value: float, unit: str) -> float:
    """A duration in ``unit`` (minutes, hours or days) as hours."""
    if unit not in HOURS_PER_UNIT:
        raise InputError(f"time unit must be one of {', '.join(HOURS_PER_UNIT)}, got {unit!r}")
    return value * HOURS_PER_UNIT[unit]
