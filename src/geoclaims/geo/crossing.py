"""Any strait: the narrowest water crossing between the coastlines inside two boxes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..errors import InputError
from .coastline import Coastline, check_coastline, land_rows, on_land
from .geodesy import Position, check_lat_lon, inverse
from .nearest import _pairs_minimum, _screen, _segments
from .nsr_track import densify

#: the land test samples the crossing this often (m) and leaves this much of each end out (m),
#: where the segment touches its coast
LAND_STEP_M, END_MARGIN_M = 100.0, 300.0


@dataclass(frozen=True)
class Crossing:
    """The narrowest water crossing between two shores (each: the coastline inside a box
    ``(west, south, east, north)``), and whether the straight geodesic between them crosses land."""

    width_km: float
    point_a: Position
    point_b: Position
    resolution: str
    shore_a: tuple[float, float, float, float]
    shore_b: tuple[float, float, float, float]
    land_km: float  # length of the geodesic's samples on land, ends left out

    @property
    def crosses_land(self) -> bool:
        return self.land_km > 0

    @property
    def on_box_edge(self) -> bool:
        """Whether a crossing point lies on the edge of its box: the box then cuts a coastline,
        and a wider box may hold a closer point."""
        def edge(p, box):
            west, south, east, north = box
            return min(abs(p.lon - west), abs(p.lon - east), abs(p.lat - south), abs(p.lat - north)) < 1e-9
        return edge(self.point_a, self.shore_a) or edge(self.point_b, self.shore_b)

    def as_dict(self) -> dict:
        """JSON-ready form (``geoclaims width --format json``)."""
        return {"width_km": self.width_km, "point_a": list(self.point_a), "point_b": list(self.point_b),
                "coastline": "GSHHS (Wessel & Smith), level 1 land", "resolution": self.resolution,
                "crosses_land": self.crosses_land, "land_km": self.land_km, "on_box_edge": self.on_box_edge,
                "shore_a": list(self.shore_a), "shore_b": list(self.shore_b)}


def _box(value, what: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in value)
    except (TypeError, ValueError):
        raise InputError(f"{what} must be four numbers west, south, east, north, got {value!r}") from None
    try:
        check_lat_lon([south, north], [west, east])
    except InputError as exc:
        raise InputError(f"{what}: {exc}") from None
    if not (west < east and south < north):
        raise InputError(f"{what} must have west < east and south < north, got {value!r}")
    return west, south, east, north


def _coast_segments(coast: Coastline, box) -> np.ndarray:
    """Segments [(lon, lat), (lon, lat)] of every GSHHS land polygon's coastline inside ``box``."""
    west, south, east, north = box
    parts = []
    for _, points in land_rows(coast, south, north, west, east):
        edge = shapely.clip_by_rect(shapely.LineString(points), west, south, east, north)
        if not edge.is_empty:
            parts.append(_segments(edge))
    return np.concatenate(parts) if parts else np.empty((0, 2, 2))


def width_between(coast: Coastline, shore_a, shore_b=None) -> Crossing:
    """The narrowest crossing between the coastline inside box ``shore_a`` and the coastline
    inside box ``shore_b`` (each ``(west, south, east, north)`` in degrees), on the GSHHS
    coastline ``coast``, whether or not the two shores belong to one polygon (Crimea and the Taman
    peninsula are one). Method: every coastline segment of every land polygon clipped to each
    box; the geodesic minimum between the two sets as for :func:`strait_width` (planar screening,
    then exact WGS84 geodesics on the surviving pairs, to well under a metre). The geodesic
    between the two points is then sampled every :data:`LAND_STEP_M` m; samples on land (leaving
    :data:`END_MARGIN_M` m at each end) give ``land_km``: a crossing over land is said, not hidden.

    Raises
    ------
    InputError
        for a box that is not four numbers in range, boxes that overlap (one coast could then
        be on both sides), or a box holding no coastline.
    """
    resolution = check_coastline(coast, "width_between").resolution
    a, b = _box(shore_a, "shore_a"), _box(shore_b, "shore_b")
    if a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]:  # touching boxes share their edge's coast
        raise InputError(f"shore_a {a} and shore_b {b} overlap or touch: the same coast could be on both sides")
    segs_a, segs_b = _coast_segments(coast, a), _coast_segments(coast, b)
    for name, segs, box in (("shore_a", segs_a, a), ("shore_b", segs_b, b)):
        if not len(segs):
            raise InputError(f"{name} {box} holds no GSHHS-{resolution} coastline")
    centre = ((min(a[1], b[1]) + max(a[3], b[3])) / 2, (min(a[0], b[0]) + max(a[2], b[2])) / 2)
    keep_a, keep_b = _screen(segs_a, segs_b, centre)
    ia, ib = np.repeat(keep_a, len(keep_b)), np.tile(keep_b, len(keep_a))
    metres, point_a, point_b = _pairs_minimum(segs_a[ia], segs_b[ib])
    samples = densify(point_a, point_b, LAND_STEP_M / 1000.0)
    _, along = inverse(np.full(len(samples), point_a[0]), np.full(len(samples), point_a[1]), samples[:, 0], samples[:, 1])
    inner = (along > END_MARGIN_M) & (along < metres - END_MARGIN_M)
    land = on_land(coast, samples[inner, 0], samples[inner, 1]) if inner.any() else np.zeros(0, bool)
    return Crossing(metres / 1000.0, Position(*point_a), Position(*point_b), resolution, a, b,
                    float(land.sum()) * LAND_STEP_M / 1000.0)
