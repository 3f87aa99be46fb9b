"""Maps drawn with cartopy on land polygons geoclaims reads itself (GSHHS, offline;
:func:`geoclaims.geo.coastline.land_in_box`). Each function takes a GeoAxes made by
:func:`strait_axes` or :func:`polar_axes` and values; it draws and returns the axes.

Only ``add_geometries`` is used for land: cartopy's own coastline and feature layers,
which download Natural Earth files on first use, are never called.
"""

from __future__ import annotations

import cartopy.crs as ccrs
import pandas as pd
import shapely.affinity
from matplotlib.figure import Figure


PLATE = ccrs.PlateCarree()


def strait_axes(fig: Figure, south: float, north: float, west: float, east: float):
    """A Lambert conformal GeoAxes on ``fig`` framing the box."""
    proj = ccrs.LambertConformal(central_longitude=(west + east) / 2, central_latitude=(south + north) / 2,
                                 standard_parallels=(south, north))
    ax = fig.add_subplot(projection=proj)
    ax.set_extent([west, east, south, north], crs=PLATE)
    return ax


def plot_strait_map(ax, strait: pd.Series, land: list, width, capes: pd.DataFrame, pairings: pd.DataFrame):
    """The strait on ``ax`` (from :func:`strait_axes`): land, the capes inside the box, the
    line of minimum width labelled in km, and the shortest islet pairings dotted."""
    south, north, west, east = strait["south"], strait["north"], strait["west"], strait["east"]
    ax.add_geometries(land, crs=PLATE,
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


def polar_axes(fig: Figure, south: float):
    """A north polar stereographic GeoAxes on ``fig``, square, reaching ``south`` (°N)."""
    proj = ccrs.NorthPolarStereo(central_longitude=90)
    ax = fig.add_subplot(projection=proj)
    # square limits (set_extent degenerates here)
    radius = abs(proj.transform_point(90.0, south, PLATE)[1])
    ax.set_xlim(-radius, radius)
    ax.set_ylim(-radius, radius)
    return ax


def plot_polar_routes(ax, routes: dict, nsr_area, land: list):
    """Both corridors' routes on ``ax`` (from :func:`polar_axes`), the NSR water area shaded
    (``nsr_area``: a polygon in longitudes [0, 360), as :mod:`geoclaims.geo.routes` keeps it)."""
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
