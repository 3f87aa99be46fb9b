"""The corridors a route claim compares, and how findings name them."""

from __future__ import annotations

from ..errors import DataError

#: the corridors the route tables and figures compare
CORRIDORS = ("nsr", "suez")
#: how a rule names each corridor (a route "via Suez", a saving "Suez minus NSR")
BY_CORRIDOR = {"nsr": "by the NSR", "suez": "via Suez", "cape": "round the Cape", "panama": "via Panama"}
SHORT_CORRIDOR = {"nsr": "NSR", "suez": "Suez", "cape": "Cape", "panama": "Panama"}


def compared_loosely(claim) -> tuple[str, str]:
    """A claim's corridors (``via``, ``against``), defaults filled, unchecked: what its figures draw."""
    return claim.param("via", "nsr"), claim.param("against", "suez")


def compared(claim) -> tuple[str, str]:
    """The corridor a saving is made by (``via``, the NSR by default) and the one it is set
    against (``against``, Suez by default)."""
    via, against = claim.param("via", "nsr"), claim.param("against", "suez")
    if via == against or not {via, against} <= set(BY_CORRIDOR):
        raise DataError(f"via and against must be two of {', '.join(BY_CORRIDOR)}, got {via!r} and {against!r}")
    return via, against
