"""Geodesics on the WGS84 ellipsoid: the one wrapper of :class:`pyproj.Geod`.

Method: Karney's algorithm (GeographicLib, through PROJ), exact to round-off — about
15 nanometres — for any pair of points, antipodal ones included. Every function takes
(latitude, longitude) in degrees, scalars or NumPy arrays (vectorised), and returns
kilometres; pyproj's own (lon, lat) order is confined to this module.
"""

from __future__ import annotations

import numpy as np
from pyproj import Geod

from ..errors import InputError

#: the WGS84 ellipsoid (a = 6378137 m, 1/f = 298.257223563)
WGS84 = Geod(ellps="WGS84")


def wrap_lon(lon):
    """Longitude(s) in degrees wrapped into [-180, 180)."""
    out = (np.asarray(lon, dtype=float) + 180.0) % 360.0 - 180.0
    return float(out) if out.ndim == 0 else out


def as_degrees(value, name: str) -> np.ndarray:
    """``value`` (a number, a NumPy scalar or an array of numbers) as a float array; booleans,
    text, mappings and ``None`` are refused with :class:`InputError` naming ``name``."""
    if value is None or isinstance(value, (bool, np.bool_, str, bytes, dict)):
        raise InputError(f"{name} must be a number or an array of numbers, got {value!r}")
    try:
        array = np.asarray(value)
        if array.dtype.kind not in "iuf":
            raise TypeError
        return array.astype(float)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number or an array of numbers, got {value!r}") from None


def check_lat_lon(lat, lon) -> None:
    """Raise :class:`InputError` naming the first coordinate that is not a number, not finite,
    or out of range (latitude in [-90, 90], longitude in [-180, 180])."""
    lat_a, lon_a = np.atleast_1d(as_degrees(lat, "latitude")), np.atleast_1d(as_degrees(lon, "longitude"))
    for name, values, limit in (("latitude", lat_a, 90.0), ("longitude", lon_a, 180.0)):
        bad = ~np.isfinite(values) | (np.abs(values) > limit)
        if bad.any():
            raise InputError(f"{name} must be a finite number in [-{limit:g}, {limit:g}], got {float(values[bad][0])!r}")


class Position(tuple):
    """A point (lat, lon) in degrees, checked on creation: the one position type of the public
    API (ports, capes, strait end points, track waypoints). It is a 2-tuple, so ``lat, lon =
    position`` works, and it prints and serialises as one.

    >>> Position(45.5, 141.9).lat
    45.5
    """

    __slots__ = ()

    def __getnewargs__(self):  # pickled and copied as (lat, lon)
        return tuple(self)

    def __new__(cls, lat, lon):
        check_lat_lon(lat, lon)
        return super().__new__(cls, (float(lat), float(lon)))

    @property
    def lat(self) -> float:
        return self[0]

    @property
    def lon(self) -> float:
        return self[1]

    def __repr__(self) -> str:
        return f"Position(lat={self[0]!r}, lon={self[1]!r})"


def parse_position(text: str) -> Position:
    """(lat, lon) of a position written as published — ``45°31′22″N 141°56′12″E``,
    ``45°54′N 142°05′E`` or decimal ``45.7875 N, 142.217 E`` — with geopy's parser.

    Unlike :class:`geopy.point.Point`, an out-of-range value is rejected, not normalised:
    in a data file it is a typo to report, not a longitude to wrap.

    Raises
    ------
    InputError
        naming the text when it is not a position or lies out of range.
    """
    from geopy.point import POINT_PATTERN, Point

    match = POINT_PATTERN.match(str(text).strip())
    if not match or not match.group("latitude_degrees") or not match.group("longitude_degrees"):
        raise InputError(f"not a position (like 45°31′22″N 141°56′12″E): {text!r}")

    def degrees(axis: str) -> float:
        g = match.groupdict()
        direction = g[f"{axis}_direction_front"] or g[f"{axis}_direction_back"]
        for part, limit in (("arcminutes", 60), ("arcseconds", 60)):
            if g[f"{axis}_{part}"] and not 0 <= float(g[f"{axis}_{part}"]) < limit:
                raise InputError(f"{axis} {part} must be below {limit}: {text!r}")
        if direction and g[f"{axis}_degrees"].lstrip().startswith("-"):
            raise InputError(f"{axis}: a minus sign and a hemisphere letter together: {text!r}")
        return Point.parse_degrees(float(g[f"{axis}_degrees"]), float(g[f"{axis}_arcminutes"] or 0),
                                   float(g[f"{axis}_arcseconds"] or 0), direction)

    lat, lon = degrees("latitude"), degrees("longitude")
    check_lat_lon(lat, lon)
    return Position(lat, lon)


def distance_km(lat1, lon1, lat2, lon2):
    """Geodesic distance(s) in km between (lat1, lon1) and (lat2, lon2); arrays broadcast.

    >>> round(float(distance_km(45.9, 142.083, 45.5228, 141.9367)), 1)
    43.4
    """
    check_lat_lon(lat1, lon1)
    check_lat_lon(lat2, lon2)
    values = [as_degrees(v, n) for v, n in ((lat1, "lat1"), (lon1, "lon1"), (lat2, "lat2"), (lon2, "lon2"))]
    try:
        lat1, lon1, lat2, lon2 = np.broadcast_arrays(*values)
    except ValueError:
        raise InputError(f"coordinate arrays of shapes {', '.join(str(v.shape) for v in values)} do not broadcast") from None
    _, _, metres = WGS84.inv(lon1, lat1, lon2, lat2)
    out = np.asarray(metres) / 1000.0
    return float(out) if out.ndim == 0 else out


def inverse(lat1, lon1, lat2, lon2):
    """(forward azimuth in degrees, distance in metres) from point 1 to point 2, vectorised,
    without range checks (for inner loops whose inputs were checked once)."""
    az, _, metres = WGS84.inv(lon1, lat1, lon2, lat2)
    return az, metres


def forward(lat, lon, azimuth_deg, distance_m):
    """The point (lat, lon) reached from (lat, lon) along ``azimuth_deg`` after ``distance_m``."""
    lon2, lat2, _ = WGS84.fwd(lon, lat, azimuth_deg, distance_m)
    return lat2, lon2


def path_length_km(lats, lons) -> float:
    """Length in km of the path through the points in order (sum of geodesic legs)."""
    lats, lons = as_degrees(lats, "lats"), as_degrees(lons, "lons")
    if lats.shape != lons.shape or lats.ndim != 1:
        raise InputError(f"lats and lons must be 1-D arrays of one length, got shapes {lats.shape} and {lons.shape}")
    check_lat_lon(lats, lons)
    if lats.size < 2:
        return 0.0
    _, metres = inverse(lats[:-1], lons[:-1], lats[1:], lons[1:])
    return float(np.sum(metres)) / 1000.0
