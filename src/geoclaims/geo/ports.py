"""Ports: searoute's port list with ``data/ports.csv`` on top (English names, aliases, ports it
lacks), found by UN/LOCODE or by name; a name several ports share is an error listing them.
Both lists are arguments (:class:`PortIndex`); the loading layer reads them
(:func:`geoclaims.world.routing.load_port_index`)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from .._moved import forwarded
from ..errors import AmbiguousPortError, InputError, UnknownPortError
from .coastline import Coastline, on_land
from .geodesy import Position, forward, wrap_lon

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


class PortIndex:
    """Read-only look-ups of the ports, by UN/LOCODE and by case-folded name or alias (several
    ports may share a name): ``searoute_ports`` (``locode, name, country, lat, lon``, indexed by
    UN/LOCODE) with ``table`` (the rows of ``ports.csv``: ``locode, name, country, lat, lon,
    aliases``) on top: its ports are added, and for a port searoute already lists, its name,
    country and aliases replace searoute's (whose name stays an alias) while searoute's position
    is kept, so that routes from that port do not move. A :class:`Port` (validated) is made only
    for a port asked for."""

    def __init__(self, searoute_ports, table):
        ports = searoute_ports
        rows = {code: (name, country.replace("_", " ").title(), lat, lon) for code, name, country, lat, lon in
                zip(ports["locode"].tolist(), ports["name"].tolist(), ports["country"].tolist(),
                    ports["lat"].tolist(), ports["lon"].tolist())}
        aliases: dict[str, tuple[str, ...]] = {}
        for code, name, country, lat, lon, more in zip(table["locode"], table["name"], table["country"], table["lat"],
                                                        table["lon"], table["aliases"]):
            known = rows.get(code)
            lat, lon = (known[2], known[3]) if known else (float(lat), float(lon))
            aliases[code] = (*more, *([known[0]] if known else []))
            rows[code] = (name, country, lat, lon)
        by_name: dict[str, tuple] = {}
        for code, (name, *_) in rows.items():
            for key in dict.fromkeys(n.casefold() for n in (name, *aliases.get(code, ()))):
                by_name[key] = (*by_name.get(key, ()), code)
        self._rows, self._by_name, self._made = MappingProxyType(rows), MappingProxyType(by_name), {}

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

    def port(self, value) -> Port:
        """``value`` itself if it is a :class:`Port`, else :meth:`find` of it."""
        return value if isinstance(value, Port) else self.find(value)

    def find(self, query: str) -> Port:
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
        text = query.strip()
        if text.upper() in self._rows:
            return self[text.upper()]
        named = [self[c] for c in self._by_name.get(text.casefold(), ())]
        if len(named) > 1:
            options = ", ".join(f"{p.locode} ({p.name}, {p.country})" for p in named)
            raise AmbiguousPortError(f"port name {query!r} is ambiguous: {options}; give the UN/LOCODE")
        if named:
            return named[0]
        names = self.names()
        close = difflib.get_close_matches(text, list(names), n=5, cutoff=0.6)
        if len(close) < 5:
            close += difflib.get_close_matches(text.upper(), list(self._rows), n=5 - len(close), cutoff=0.6)
        labels = [f"{names[c]} ({c})" if c in names else c for c in close]
        hint = f"; close matches: {', '.join(labels)}" if labels else ""
        raise UnknownPortError(f"unknown port {query!r}{hint}")


#: a port that ports.csv adds must have water within this distance (km): farther, its position is inland
INLAND_KM = 25.0


def inland_port(rows, coast: Coastline) -> str | None:
    """The first of ``rows`` (``(locode, lat, lon, line of ports.csv)``) with no water within
    :data:`INLAND_KM` on ``coast`` (the point and 12 points on that circle all on land: a typo
    that puts a port in the interior), as a sentence naming its line; ``None`` if there is none."""
    bearings = np.arange(0.0, 360.0, 30.0)
    for code, lat, lon, line in rows:
        lats, lons = forward(np.full(len(bearings), lat), np.full(len(bearings), lon), bearings,
                             np.full(len(bearings), INLAND_KM * 1000.0))
        if on_land(coast, np.append(lats, lat), wrap_lon(np.append(lons, lon))).all():
            return (f"ports.csv, line {line}, column 'position': {code} at {lat:.3f}, {lon:.3f} has no "
                    f"water within {INLAND_KM:g} km (inland)")
    return None


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {
    "find_port": "geoclaims.world.routing:find_port",
    "check_not_inland": "geoclaims.world.routing:check_not_inland",
})

