"""Progress lines for long work: shown on a terminal, silent when output is piped.

Set ``GEOCLAIMS_PROGRESS=1`` to force them on (or ``0`` to force them off).
"""

from __future__ import annotations

import os
import sys


def enabled() -> bool:
    """True when progress should be printed (stderr is a terminal, unless overridden)."""
    forced = os.environ.get("GEOCLAIMS_PROGRESS")
    if forced is not None:
        return forced not in ("", "0")
    return sys.stderr.isatty()


def report(message: str) -> None:
    """Print one progress line to stderr when :func:`enabled`."""
    if enabled():
        print(message, file=sys.stderr, flush=True)
