"""searoute's maritime network and port list, read from the Python modules the searoute package
ships (its Eurostat-derived "marnet" and its port list; nothing is downloaded), and kept as
arrays in the disk cache after the first build (reading searoute's 1.8 MB Python literal costs
about 0.3 s)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..cache import cache_file, load_arrays, require, save_arrays
from ..data import cached_loader
from ..geo.network import Network, network_from_marnet


def _valid_network(z: dict) -> None:
    n, m = len(z["lat"]), len(z["edge_u"])
    require(n > 0 and len(z["lon"]) == n, "node arrays of unequal length")
    require(m > 0 and all(len(z[k]) == m for k in ("edge_v", "edge_km", "edge_passage")), "edge arrays of unequal length")
    require(bool(np.all(np.isfinite(z["lat"])) and np.all(np.isfinite(z["lon"])) and np.all(np.isfinite(z["edge_km"]))),
            "coordinates or lengths not finite")
    require(bool(np.all(np.abs(z["lat"]) <= 90)), "latitude out of range")
    for k in ("edge_u", "edge_v"):
        require(z[k].dtype.kind in "iu" and bool(np.all((z[k] >= 0) & (z[k] < n))), f"{k} is not a node index")


def _valid_ports(z: dict) -> None:
    n = len(z["locode"])
    require(n > 0 and all(len(a) == n for a in z.values()), "columns of unequal length")
    require(bool(np.all(np.isfinite(z["lat"])) and np.all(np.isfinite(z["lon"]))), "coordinates not finite")


@cached_loader
def load_marnet() -> Network:
    """:class:`Network` from searoute's marnet data as shipped; the arrays are cached on disk
    after the first build (reading searoute's 1.8 MB Python literal costs about 0.3 s)."""
    path = cache_file("network", "searoute")
    z = load_arrays(path, ("lat", "lon", "edge_u", "edge_v", "edge_km", "edge_passage"), _valid_network)
    if z is not None:
        return Network(lat=z["lat"], lon=z["lon"], edge_u=z["edge_u"], edge_v=z["edge_v"], edge_km=z["edge_km"],
                       edge_passage=z["edge_passage"].astype(object))
    from searoute.data.marnet_dict import edge_list, node_list  # (lon, lat) tuples

    net = network_from_marnet(node_list, edge_list)
    save_arrays(path, lat=net.lat, lon=net.lon, edge_u=net.edge_u, edge_v=net.edge_v, edge_km=net.edge_km,
              edge_passage=net.edge_passage.astype(str))
    return net


@cached_loader
def load_searoute_ports() -> pd.DataFrame:
    """searoute's port list: ``locode, name, country, lat, lon``, one row per UN/LOCODE
    (where searoute lists a code twice, the first entry is kept); cached on disk like the network."""
    path = cache_file("ports", "searoute")
    columns = ("locode", "name", "country", "lat", "lon")
    cached = load_arrays(path, columns, _valid_ports)
    frame = None if cached is None else pd.DataFrame(cached)
    if frame is None:
        from searoute.data.ports_dict import node_list  # (lon, lat) keys; values carry x = lon, y = lat

        rows = [{"locode": d["port"], "name": d["name"], "country": d.get("cty", ""), "lat": float(d["y"]),
                 "lon": float(d["x"])} for d in node_list.values()]
        frame = pd.DataFrame(rows, columns=list(columns)).drop_duplicates("locode")
        save_arrays(path, **{c: frame[c].to_numpy(dtype=str if c in ("locode", "name", "country") else float)
                           for c in columns})
    for c in ("locode", "name", "country"):
        frame[c] = frame[c].astype(str)
    return frame.set_index("locode", drop=False).sort_index()
