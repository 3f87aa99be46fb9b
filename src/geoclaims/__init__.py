"""geoclaims: fact-check the quantitative claims of news articles with sourced data.

The public API is in (latitude, longitude) order with units in names. The helpers most
scripts need are importable from here:

- :func:`check_claims` — run the checks of an article (:mod:`geoclaims.scorecard`);
- :func:`sea_route`, :func:`find_port`, :func:`transit_days`, :func:`port_matrix` — sea routes on the
  loaded world (:mod:`geoclaims.world.routing`, binding the pure functions of :mod:`geoclaims.geo`);
- :func:`strait_width` — strait widths from GSHHS coastlines (:mod:`geoclaims.world.straits`);
- :func:`load_meetings`, :func:`meetings_between` — the meetings timeline;
- the exception hierarchy (:mod:`geoclaims.errors`).

Layers: ``data``/``datasets``/``published`` read the tables and ``world/`` the world (network,
ports, NSR track, coastlines); ``geo/`` computes on what they hand it; ``families/`` declares each
claim family's evidence (built from the loaders), checks and figures (functions of claim and
evidence); ``draw/`` draws on an Axes; ``publish/`` writes figures, reports and exports.
"""

from .errors import (AmbiguousPortError, DataError, GeoclaimsError, InputError, NotPublishedThenError, OutputError,
                     RouteError, UnknownArticleError, UnknownClaimError, UnknownPortError, UnknownStraitError)
from .findings import NOT_CHECKED, RATINGS, Finding

__version__ = "0.3.0"

_LAZY = {
    "check_claims": "geoclaims.scorecard", "sea_route": "geoclaims.world.routing", "find_port": "geoclaims.world.routing",
    "transit_days": "geoclaims.world.routing", "VesselProfile": "geoclaims.geo.transit",
    "port_matrix": "geoclaims.world.routing", "strait_width": "geoclaims.world.straits",
    "load_meetings": "geoclaims.datasets", "meetings_between": "geoclaims.families.timeline",
    "distance_km": "geoclaims.geo.geodesy", "Position": "geoclaims.geo.geodesy",
}


def __getattr__(name: str):
    # heavy modules (scipy, shapely, cartopy) load only when a helper is first used
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geoclaims' has no attribute {name!r}")


__all__ = ["AmbiguousPortError", "DataError", "Finding", "GeoclaimsError", "InputError", "NOT_CHECKED",
           "NotPublishedThenError", "OutputError", "RATINGS", "RouteError", "UnknownArticleError", "UnknownClaimError", "UnknownPortError",
           "UnknownStraitError", "__version__", *_LAZY]
