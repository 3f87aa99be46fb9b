"""geoclaims: fact-check the quantitative claims of a news article with sourced data.

The public API is in (latitude, longitude) order with units in names. Submodules:

- :mod:`geoclaims.registry` — the claims (``load_claims``, ``get_claim``);
- :mod:`geoclaims.scorecard` — run the checks (``check_claims``, ``format_scorecard``);
- :mod:`geoclaims.timeline` — meetings, events, reactors, islands;
- :mod:`geoclaims.figures` — regenerate every figure;
- :mod:`geoclaims.errors` — the exception hierarchy.
"""

from .errors import DataError, GeoclaimsError, InputError, UnknownClaimError
from .findings import NOT_CHECKED, RATINGS, Finding

__version__ = "0.1.0"

__all__ = ["DataError", "Finding", "GeoclaimsError", "InputError", "NOT_CHECKED", "RATINGS",
           "UnknownClaimError", "__version__"]
