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


def plot_strait_map(ax, strait: pd.Series, land: list, width, capes: pd.DataFrame, pairings: pd.DataFrame,
                    claim: tuple | None = None, scale: tuple | None = None, names: dict | None = None):
    """The strait on ``ax`` (from :func:`strait_axes`): land with the two landmasses named, the
    capes inside the box, the narrowest crossing, the shortest islet pairings dotted, the claimed
    length (``claim``: km, (lat, lon) start, (lat, lon) end) laid along the crossing from the far
    shore, a scale bar (``scale``: km, start, end), the landmasses' names at ``names`` (name ->
    (lat, lon) inside the box) and a legend."""
    import matplotlib.patheffects as pe
    import matplotlib.ticker as mticker

    halo = [pe.withStroke(linewidth=3, foreground="white")]
    south, north, west, east = strait["south"], strait["north"], strait["west"], strait["east"]
    ax.add_geometries(land, crs=PLATE, facecolor="#e8e4d8", edgecolor="0.3", linewidth=0.5)
    for name, (lat, lon) in (names or {}).items():
        ax.text(lon, lat, name.upper(), fontsize=11, color="0.35", ha="center", va="center", fontweight="bold",
                transform=PLATE)
    (lat_a, lon_a), (lat_b, lon_b) = width.point_a, width.point_b
    ax.plot([lon_a, lon_b], [lat_a, lat_b], color="C1", lw=2.2, transform=ccrs.Geodetic(),
            label=f"narrowest crossing, {width.width_km:.1f} km")
    ax.text((lon_a + lon_b) / 2 - 0.03, (lat_a + lat_b) / 2, f"{width.width_km:.1f} km", ha="right", color="C1",
            fontsize=10, fontweight="bold", transform=PLATE, path_effects=halo)
    if claim:
        km, (la, lo), (lb, lob) = claim
        ax.plot([lo, lob], [la, lb], color="C0", lw=4, alpha=0.55, solid_capstyle="butt", transform=ccrs.Geodetic(),
                label=f"the article's {km:g} km, laid from {strait['side_b']}")
    shown = pairings[~pairings["from"].str.endswith("coast") | ~pairings["to"].str.endswith("coast")]
    for i, (_, row) in enumerate(shown.iterrows()):
        (la, lo), (lb, lob) = row["point_a"], row["point_b"]
        ax.plot([lo, lob], [la, lb], color="0.35", lw=0.9, ls=":", transform=ccrs.Geodetic(),
                label="shortest distances from the islets (dotted)" if i == 0 else None)
    inside = capes[(capes["lat"].between(south, north)) & (capes["lon"].between(west, east))]
    ax.plot(inside["lon"], inside["lat"], "k^", ms=5, transform=PLATE)
    for _, row in inside.iterrows():
        # label on the left when another point sits just east, so the two labels do not collide
        left = ((inside["lon"] - row["lon"]).between(1e-9, 0.1) & ((inside["lat"] - row["lat"]).abs() < 0.05)).any()
        ax.text(row["lon"] + (-0.02 if left else 0.02), row["lat"] + 0.015, row["name"], fontsize=8,
                ha="right" if left else "left", transform=PLATE, path_effects=halo)
    if scale:
        km, (la, lo), (lb, lob) = scale
        ax.plot([lo, lob], [la, lb], color="k", lw=3, solid_capstyle="butt", transform=ccrs.Geodetic())
        ax.text((lo + lob) / 2, la + 0.03, f"{km:g} km", ha="center", fontsize=8, transform=PLATE)
    gl = ax.gridlines(draw_labels=True, linewidth=0.3, color="0.5", alpha=0.5, x_inline=False, y_inline=False)
    gl.top_labels = gl.right_labels = False
    gl.xlocator = mticker.MultipleLocator(0.25)
    gl.ylocator = mticker.MultipleLocator(0.25)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)  # outside: hides no label
    ax.set_title(f"{strait['name']}: narrowest crossing {width.width_km:.1f} km (GSHHS-{width.resolution})")
    return ax


def routes_axes(fig: Figure, lats, lons):
    """A GeoAxes on ``fig``, north up, centred on the points' middle meridian (Lambert azimuthal
    equal-area, so areas such as the NSR water area keep their size), framing the points."""
    import numpy as np

    lons = np.asarray(lons, dtype=float)
    centre = float(np.degrees(np.angle(np.mean(np.exp(1j * np.radians(lons))))))
    proj = ccrs.LambertAzimuthalEqualArea(central_longitude=centre, central_latitude=50)
    ax = fig.add_subplot(projection=proj)
    xy = proj.transform_points(PLATE, lons, np.asarray(lats, dtype=float))[:, :2]
    pad = 0.06 * (xy.max(axis=0) - xy.min(axis=0))
    ax.set_xlim(xy[:, 0].min() - pad[0], xy[:, 0].max() + pad[0])
    ax.set_ylim(xy[:, 1].min() - pad[1], xy[:, 1].max() + pad[1])
    return ax


def plot_routes_map(ax, routes: dict, nsr_area, land: list, passages: dict):
    """Both corridors' routes on ``ax`` (from :func:`routes_axes`): land, the NSR water area
    (``nsr_area``: a polygon in longitudes [0, 360), as :func:`geoclaims.geo.nsr_track.nsr_area_polygon` makes it)
    shaded and labelled, the passages (name -> (lat, lon)) marked, the ports labelled on a halo."""
    import matplotlib.patheffects as pe

    halo = [pe.withStroke(linewidth=3, foreground="white")]
    ax.add_geometries(land, crs=PLATE, facecolor="#e8e4d8", edgecolor="0.45", linewidth=0.3)
    shifted = shapely.affinity.translate(nsr_area, xoff=-180.0)
    ax.add_geometries([shifted], crs=ccrs.PlateCarree(central_longitude=180), facecolor="C0", alpha=0.22,
                      edgecolor="C0", linewidth=1.0, hatch="///")
    centroid = nsr_area.representative_point()
    ax.text(centroid.x - 360 if centroid.x > 180 else centroid.x, centroid.y + 4, "NSR water area", color="C0",
            fontsize=9, fontweight="bold", ha="center", transform=PLATE, path_effects=halo)
    colours = {"nsr": "C0", "suez": "C1"}
    for via, route in routes.items():
        variant = f", {route.nsr_variant}" if route.nsr_variant else ""
        ax.plot(route.lons, route.lats, color=colours[via], lw=2, transform=ccrs.Geodetic(),
                label=f"via {via.upper()}{variant}: {route.length_nm:,.0f} nm")
    for name, (lat, lon) in passages.items():
        ax.plot(lon, lat, "s", color="0.2", ms=4, transform=PLATE)
        ax.text(lon, lat, f"  {name}", fontsize=8, va="center", transform=PLATE, path_effects=halo)
    first = next(iter(routes.values()))
    for port in (first.origin, first.destination):
        ax.plot(port.lon, port.lat, "ko", ms=5, transform=PLATE)
        ax.text(port.lon, port.lat, f"{port.name}  ", fontsize=9, fontweight="bold", ha="right", va="bottom",
                transform=PLATE, path_effects=halo)
    ax.gridlines(linewidth=0.3, color="0.5", alpha=0.5)
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title(f"{first.origin.name}–{first.destination.name} by the Northern Sea Route and via Suez")
    return ax
