"""Strait widths from GSHHS coastlines, for straits defined as data (a row of ``data/straits.csv``).

A strait's width is the narrowest crossing between the coastlines inside its two shore boxes
(:func:`geoclaims.geo.crossing.width_between`); the geodesic minimum and its error bounds are
in :mod:`geoclaims.geo.nearest`. Islet pairings measure each islet (a published point) against
the other side's coast. The strait's row, its islets and the coastline are arguments; the
loading layer (:mod:`geoclaims.world.straits`) reads them and keeps the answers in the disk cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import pandas as pd
import shapely

from .._moved import forwarded
from ..errors import DataError, InputError
from .coastline import Coastline, check_coastline, landmass_at
from .crossing import width_between
from .geodesy import Position
from .nearest import _min_distance

__all__ = ["StraitWidth", "crossing_pairings", "width_of"]


@dataclass(frozen=True)
class StraitWidth:
    """The narrowest crossing of a strait: width and the two closest coast points (lat, lon)."""

    strait: str
    width_km: float
    point_a: Position
    point_b: Position
    resolution: str

    def as_dict(self) -> dict:
        """JSON-ready form with the keys of ``geoclaims strait --format json``."""
        return {"strait": self.strait, "width_km": self.width_km, "point_a": list(self.point_a),
                "point_b": list(self.point_b), "resolution": self.resolution}


def width_of(name: str, row, coast: Coastline) -> StraitWidth:
    """The narrowest crossing of strait ``name`` (``row``: its row of ``straits.csv``, with
    ``shore_a`` and ``shore_b`` boxes) on ``coast``: between the coastlines inside its two shore
    boxes (:func:`width_between`).

    Raises
    ------
    DataError
        naming the strait and column for a bad box, or when the crossing crosses land.
    """
    try:
        crossing = width_between(coast, row["shore_a"], row["shore_b"])
    except InputError as exc:
        column = "shore_b" if str(exc).startswith("shore_b") else "shore_a"
        raise DataError(f"straits.csv, strait {name}, column {column!r}: {exc}") from None
    if crossing.crosses_land:
        raise DataError(f"straits.csv: the narrowest crossing of {name} between its shore boxes crosses "
                        f"{crossing.land_km:.1f} km of land; redraw the boxes")
    return StraitWidth(name, crossing.width_km, crossing.point_a, crossing.point_b, coast.resolution)


def crossing_pairings(row, islets=None, coast: Coastline | None = None, width: StraitWidth | None = None) -> pd.DataFrame:
    """Shortest distance between every landmass or islet on one side of a strait and every one on
    the other: the two coasts (the landmasses of ``coast`` at the row's ``side_a``/``side_b``
    points, whose distance is the strait's ``width``) and ``islets`` (rows of ``capes.csv`` whose
    ``landmass`` is ``islet off <side>``), inside the row's box."""
    if isinstance(row, str):
        raise InputError(f"crossing_pairings of a strait by name is geoclaims.world.straits.crossing_pairings({row!r}); "
                         "this one takes the strait's row, its islets, the coastline and its width")
    if islets is None or width is None:
        raise InputError("crossing_pairings takes the strait's row, its islets, the coastline and its width")
    check_coastline(coast, "crossing_pairings")
    box = (row["south"], row["north"], row["west"], row["east"])
    sides, coasts = {}, {}
    for side in ("a", "b"):
        name = row[f"side_{side}"]
        _, coasts[side] = landmass_at(coast, row[f"side_{side}_lat"], row[f"side_{side}_lon"])
        mine = islets[(islets["landmass"] == f"islet off {name}")]
        sides[side] = [(f"{name} coast", coasts[side])]
        sides[side] += [(r["name"], shapely.Point(r["lon"], r["lat"])) for _, r in mine.iterrows()]
    rows = []
    for (name_a, geom_a), (name_b, geom_b) in product(sides["a"], sides["b"]):
        if geom_a is coasts["a"] and geom_b is coasts["b"]:  # the strait's width, already computed
            km, pa, pb = width.width_km, width.point_a, width.point_b
        else:
            km, pa, pb = _min_distance(geom_a, geom_b, box)
        rows.append({"from": name_a, "to": name_b, "distance_km": km, "point_a": pa, "point_b": pb})
    return pd.DataFrame(rows).sort_values("distance_km", ignore_index=True)


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {
    "strait_width": "geoclaims.world.straits:strait_width",
})

