"""geoclaims: fact-check the quantitative claims of news articles with sourced data.

The public API is in (latitude, longitude) order with units in names. The helpers most
scripts need are importable from here:

- :func:`check_claims` — run the checks of an article (:mod:`geoclaims.scorecard`);
- :func:`sea_route`, :func:`transit_days`, :func:`port_matrix` — sea routes (:mod:`geoclaims.geo`);
- :func:`strait_width` — strait widths from GSHHS coastlines;
- :func:`load_meetings`, :func:`meetings_between` — the meetings timeline;
- the exception hierarchy (:mod:`geoclaims.errors`).

Layers: ``geo/`` computes, ``draw/`` draws on an Axes, ``publish/`` writes figures, reports
and exports, ``families/`` declares each claim family's evidence, checks and figures.
"""

from .errors import (AmbiguousPortError, DataError, GeoclaimsError, InputError, OutputError, RouteError,
                     UnknownArticleError, UnknownClaimError, UnknownPortError, UnknownStraitError)
from .findings import NOT_CHECKED, RATINGS, Finding

__version__ = "0.2.0"

_LAZY = {
    "check_claims": "geoclaims.scorecard", "sea_route": "geoclaims.geo.routes", "find_port": "geoclaims.geo.ports",
    "transit_days": "geoclaims.geo.transit", "VesselProfile": "geoclaims.geo.transit",
    "port_matrix": "geoclaims.geo.matrix", "strait_width": "geoclaims.geo.straits",
    "load_meetings": "geoclaims.datasets", "meetings_between": "geoclaims.families.timeline",
    "distance_km": "geoclaims.geo.geodesy", "Position": "geoclaims.geo.geodesy",
}


def __getattr__(name: str):
    # heavy modules (scipy, shapely, cartopy) load only when a helper is first used
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geoclaims' has no attribute {name!r}")


__all__ = ["AmbiguousPortError", "DataError", "Finding", "GeoclaimsError", "InputError", "NOT_CHECKED", "OutputError",
           "RATINGS", "RouteError", "UnknownArticleError", "UnknownClaimError", "UnknownPortError",
           "UnknownStraitError", "__version__", *_LAZY]
