"""Maps drawn with cartopy from coastlines geoclaims reads itself (GSHHS, offline).

Only ``add_geometries`` is used for land: cartopy's own coastline and feature layers,
which download Natural Earth files on first use, are never called.
"""

from __future__ import annotations

import cartopy.crs as ccrs
import pandas as pd
import shapely
from matplotlib.figure import Figure

from .coastline import LAND, load_gshhs_meta, polygon_points

PLATE = ccrs.PlateCarree()


def land_in_box(south: float, north: float, west: float, east: float, resolution: str = "f") -> list:
    """Every GSHHS land polygon (lon, lat) that overlaps the box, clipped to it."""
    meta = load_gshhs_meta(resolution)
    rows = meta[(meta["level"] == LAND) & (meta["south"] <= north) & (meta["north"] >= south)]
    box = shapely.box(west, south, east, north)
    out = []
    for _, row in rows.iterrows():
        pts = polygon_points(resolution, row)
        if pts[:, 0].max() < west or pts[:, 0].min() > east:
            continue
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
