"""The rating ladder shared by the checks.

:func:`rate_in_range` is the ladder every numeric check with an evidence range uses: a
claimed value inside the range the evidence supports is ``accurate``; outside it but within
``near`` (a fraction of the nearer end) ``mostly-accurate``; farther ``inaccurate``. Each
check passes its own ``near`` and says in its finding's rule why that margin.
"""

from __future__ import annotations

import math

from .errors import InputError


def rate_in_range(claimed: float, low: float, high: float, near: float) -> str:
    """``accurate`` / ``mostly-accurate`` / ``inaccurate`` (see the module docstring).

    >>> rate_in_range(19, 15.3, 27.4, 0.10), rate_in_range(38, 19.7, 36.2, 0.10)
    ('accurate', 'mostly-accurate')
    """
    for name, value in (("claimed", claimed), ("low", low), ("high", high), ("near", near)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise InputError(f"{name} must be a finite number, got {value!r}")
    if low > high or near < 0:
        raise InputError(f"need low <= high and near >= 0, got low={low!r}, high={high!r}, near={near!r}")
    if low <= claimed <= high:
        return "accurate"
    edge = low if claimed < low else high
    return "mostly-accurate" if abs(claimed - edge) <= near * abs(edge) else "inaccurate"
