"""The one rating function, on the cases docs/METHOD.md names."""

from __future__ import annotations

import pytest

from geoclaims.errors import InputError
from geoclaims.rating import gap, rate

CASES = [
    # (what, args, kwargs, rating)
    ("inside the range", (19, 15.3, 27.4), {"near": 0.1}, "accurate"),
    ("5% above, 10% tolerance", (38, 19.7, 36.2), {"near": 0.1}, "mostly-accurate"),
    ("12.5% below, 10% tolerance", (35, 40, 45), {"near": 0.1}, "inaccurate"),
    ("a count is exact", (4, 5, 5), {}, "inaccurate"),
    ("at least 10 of 13.7", (10, 13.7, 13.8), {"sense": "at-least"}, "accurate"),
    ("at least 15 of 13.7, 10% tolerance", (15, 13.7, 13.8), {"sense": "at-least", "near": 0.1}, "mostly-accurate"),
    ("by day 0, ended day 2, 7 days' tolerance", (0, 2, 3), {"sense": "at-most", "near": 7, "relative": False},
     "mostly-accurate"),
    ("a month holds its days", (1, 26, 26), {"claimed_high": 31, "relative": False}, "accurate"),
    ("compound parts within tolerance", (0.5, 0.68, 0.78), {"near": 0.1, "misleading": True}, "misleading"),
    ("misleading never overrides accurate", (0.7, 0.68, 0.78), {"misleading": True}, "accurate"),
    ("evidence of the time cannot decide", (2, 0, 0), {"known": False}, "unverifiable"),
]


@pytest.mark.parametrize("what, args, kwargs, rating", CASES, ids=[c[0] for c in CASES])
def test_rate(what, args, kwargs, rating):
    assert rate(*args, **kwargs) == rating


def test_the_gap_is_the_distance_to_the_range_and_zero_inside():
    assert gap(5, 1, 10) == 0 and gap(12, 1, 10) == 2 and gap(-1, 1, 10) == 2


@pytest.mark.parametrize("args, kwargs", [((True, 1, 2), {}), ((1, 3, 2), {}), ((1, 1, 2), {"near": -1}),
                                          ((1, 1, 2), {"sense": "about"}), ((float("nan"), 1, 2), {})])
def test_bad_arguments_are_refused(args, kwargs):
    with pytest.raises(InputError):
        rate(*args, **kwargs)


def test_every_check_rates_through_the_one_function():
    # no check module decides a rating by itself: each calls geoclaims.rating.rate
    import inspect

    from geoclaims.families import FAMILIES

    import re
    import sys

    def source_with_helpers(function) -> str:
        """The function's source and that of the module's own helpers (``_name(``) it calls."""
        module, text, seen = sys.modules[function.__module__], inspect.getsource(function), set()
        for name in re.findall(r"\b(_\w+)\(", text):
            helper = getattr(module, name, None)
            if callable(helper) and name not in seen:
                seen.add(name)
                text += inspect.getsource(helper)
        return text

    for family in FAMILIES.values():
        for kind, check in family.checks.items():
            source = source_with_helpers(check.function)
            assert "rate(" in source, (family.name, kind)
            assert "\"accurate\" if" not in source and "rating = \"" not in source, (family.name, kind)
