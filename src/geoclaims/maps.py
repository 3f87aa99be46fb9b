"""Maps drawn with cartopy from coastlines geoclaims reads itself (GSHHS, offline).

Only ``add_geometries`` is used for land: cartopy's own coastline and feature layers,
which download Natural Earth files on first use, are never called.
"""

from __future__ import annotations

import cartopy.crs as ccrs
import numpy as np
import pandas as pd
import shapely
import shapely.affinity
from matplotlib.figure import Figure

from .coastline import land_rows

PLATE = ccrs.PlateCarree()


def land_in_box(south: float, north: float, west: float, east: float, resolution: str = "f") -> list:
    """Every GSHHS land polygon (lon, lat) that overlaps the box, clipped to it."""
    box = shapely.box(west, south, east, north)
    out = []
    for _, pts in land_rows(resolution, south, north, west, east):
        poly = shapely.make_valid(shapely.Polygon(pts))
        clipped = poly.intersection(box)
        if not clipped.is_empty:
            out.append(clipped)
    return out


def plot_strait_map(fig: Figure, strait: pd.Series, width, capes: pd.DataFrame, pairings: pd.DataFrame):
    """The strait on a Lambert conformal map: land from GSHHS, the capes, the line of
    minimum width labelled in km, and the shortest islet pairings dashed."""
    south, north, west, east = strait["south"], strait["north"], strait["west"], strait["east"]
    proj = ccrs.LambertConformal(central_longitude=(west + east) / 2, central_latitude=(south + north) / 2,
                                 standard_parallels=(south, north))
    ax = fig.add_subplot(projection=proj)
    ax.set_extent([west, east, south, north], crs=PLATE)
    ax.add_geometries(land_in_box(south, north, west, east, width.resolution), crs=PLATE,
                      facecolor="#e8e4d8", edgecolor="0.3", linewidth=0.5)
    (lat_a, lon_a), (lat_b, lon_b) = width.point_a, width.point_b
    ax.plot([lon_a, lon_b], [lat_a, lat_b], color="C3", lw=2, transform=ccrs.Geodetic())
    ax.text((lon_a + lon_b) / 2 - 0.03, (lat_a + lat_b) / 2, f"{width.width_km:.1f} km\n(narrowest)", ha="right",
            color="C3", fontsize=9, fontweight="bold", transform=PLATE)
    for _, row in pairings[~pairings["from"].str.endswith("coast") | ~pairings["to"].str.endswith("coast")].iterrows():
        (la, lo), (lb, lob) = row["point_a"], row["point_b"]
        ax.plot([lo, lob], [la, lb], color="0.4", lw=0.8, ls=":", transform=ccrs.Geodetic())
    inside = capes[(capes["lat"].between(south, north)) & (capes["lon"].between(west, east))]
    ax.plot(inside["lon"], inside["lat"], "k^", ms=5, transform=PLATE)
    for _, row in inside.iterrows():
        # label on the left when another point sits just east, so the two labels do not collide
        left = ((inside["lon"] - row["lon"]).between(1e-9, 0.1) & ((inside["lat"] - row["lat"]).abs() < 0.05)).any()
        ax.text(row["lon"] + (-0.02 if left else 0.02), row["lat"] + 0.015, row["name"], fontsize=8,
                ha="right" if left else "left", transform=PLATE)
    gl = ax.gridlines(draw_labels=True, linewidth=0.3, color="0.5", alpha=0.5, x_inline=False, y_inline=False)
    gl.top_labels = gl.right_labels = False
    ax.set_title(f"{strait['name']}: narrowest crossing {width.width_km:.1f} km (GSHHS-{width.resolution})")
    return ax


def land_polygons(resolution: str = "h", min_area_km2: float = 2000.0, north_of: float = 0.0,
                  tolerance_deg: float = 0.05) -> list:
    """Every GSHHS land polygon larger than ``min_area_km2`` reaching north of ``north_of``,
    simplified to ``tolerance_deg`` (for small-scale maps)."""
    out = []
    for _, pts in land_rows(resolution, north_of, 90.0, min_area_km2=min_area_km2):
        # rings cut at ±180 (Eurasia) are pulled just inside, so cartopy does not read them as
        # lying on its domain edge and fill the outside instead
        pts[:, 0] = np.clip(pts[:, 0], -179.999, 179.999)
        poly = shapely.make_valid(shapely.Polygon(pts))
        out.append(shapely.orient_polygons(shapely.simplify(poly, tolerance_deg)))
    return out


def plot_polar_routes(fig: Figure, routes: dict, nsr_area, land: list):
    """Both corridors' routes on a north polar stereographic map, the NSR water area shaded."""
    proj = ccrs.NorthPolarStereo(central_longitude=90)
    ax = fig.add_subplot(projection=proj)
    # square limits reaching the southernmost point of the routes (set_extent degenerates here)
    south = min(float(r.lats.min()) for r in routes.values()) - 3.0
    radius = abs(proj.transform_point(90.0, south, PLATE)[1])
    ax.set_xlim(-radius, radius)
    ax.set_ylim(-radius, radius)
    ax.add_geometries(land, crs=PLATE, facecolor="#e8e4d8", edgecolor="0.4", linewidth=0.3)
    # the area is stored in [0, 360) longitudes; a 180°-centred plate carrée keeps it in one piece
    shifted = shapely.affinity.translate(nsr_area, xoff=-180.0)
    ax.add_geometries([shifted], crs=ccrs.PlateCarree(central_longitude=180), facecolor="C0", alpha=0.15,
                      edgecolor="C0", linewidth=0.8)
    colours = {"nsr": "C0", "suez": "C1"}
    for via, route in routes.items():
        ax.plot(route.lons, route.lats, color=colours[via], lw=1.8, transform=ccrs.Geodetic(),
                label=f"via {via.upper()}: {route.length_nm:,.0f} nm")
    first = next(iter(routes.values()))
    for port in (first.origin, first.destination):
        ax.plot(port.lon, port.lat, "ko", ms=4, transform=PLATE)
        ax.text(port.lon, port.lat - 3, port.name, fontsize=8, ha="center", va="top", transform=PLATE)
    ax.gridlines(linewidth=0.3, color="0.5", alpha=0.5)
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title(f"{first.origin.name}–{first.destination.name}: Northern Sea Route (NSR water area shaded) and Suez")
    return ax
