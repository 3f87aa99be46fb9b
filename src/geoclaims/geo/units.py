"""Unit conversions. Every constant carries its unit in its name.

The international nautical mile is exactly 1852 m (International Hydrographic
Conference, 1929; adopted by the BIPM), so these conversions are exact.
"""

from __future__ import annotations

KM_PER_NM = 1.852  #: kilometres per international nautical mile (exact)
M_PER_NM = 1852.0  #: metres per international nautical mile (exact)
NM_PER_KM = 1.0 / KM_PER_NM
HOURS_PER_DAY = 24.0


def nm_to_km(length_nm: float) -> float:
    """Nautical miles to kilometres."""
    return length_nm * KM_PER_NM


def km_to_nm(length_km: float) -> float:
    """Kilometres to nautical miles."""
    return length_km * NM_PER_KM


def m_to_km(length_m: float) -> float:
    """Metres to kilometres."""
    return length_m / 1000.0
