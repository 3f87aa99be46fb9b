"""Unit conversions. Every constant carries its unit in its name.

The international nautical mile is exactly 1852 m (International Hydrographic
Conference, 1929; adopted by the BIPM), so these conversions are exact.
"""

from __future__ import annotations

KM_PER_NM = 1.852  #: kilometres per international nautical mile (exact)
M_PER_NM = 1852.0  #: metres per international nautical mile (exact)
NM_PER_KM = 1.0 / KM_PER_NM
M_PER_MI = 1609.344  #: metres per statute mile (exact, international yard of 1959)
MI_PER_NM = M_PER_NM / M_PER_MI  #: statute miles per nautical mile
HOURS_PER_DAY = 24.0


def km_to_nm(length_km: float) -> float:
    """Kilometres to nautical miles."""
    return length_km * NM_PER_KM
