"""Build every figure: one function per figure, all listed in :data:`FIGURES`.

Figures are written deterministically: PNG without a software or time-stamp entry, and the
shared style (:data:`geoclaims.plots.STYLE`) fixes sizes and the SVG hash salt, so two
runs give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from . import plots
from .errors import InputError
from .paths import figures_dir
from .progress import report
from .timeline import OFFICE_EVENT, load_timeline

#: what is written into files: no software version, no date (so runs are byte-identical)
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
FORMATS = tuple(METADATA)


def show(name: str):
    """Draw one figure of :data:`FIGURES` with pyplot (for notebooks) and return it."""
    if name not in FIGURES:
        raise InputError(f"unknown figure {name!r}; known: {', '.join(FIGURES)}")
    with plt.style.context(plots.STYLE):
        fig = plt.figure()
        FIGURES[name](fig)
    return fig


def meetings_timeline(fig):
    """Abe–Putin meetings and their running count."""
    tl = load_timeline()
    return plots.plot_meetings_timeline(tl.meetings, tl.event(OFFICE_EVENT)["date"], tl.article_window(), fig.subplots())


def reactors_operating(fig):
    """Japan's operating reactors, 2011–2015."""
    tl = load_timeline()
    end = tl.reactors["date"].max() + (tl.reactors["date"].max() - tl.reactors["date"].min()) * 0.1
    return plots.plot_reactors_operating(tl.reactors, tl.event("fukushima-disaster")["date"], tl.article_window(), end,
                                         fig.subplots())


def islands_areas(fig):
    """Areas of the four disputed islands."""
    return plots.plot_island_areas(load_timeline().islands, fig.subplots())


def strait_la_perouse(fig):
    """Map of La Pérouse Strait (GSHHS-f) with the capes and the line of minimum width."""
    from . import maps, straits

    row = straits.load_straits().loc["la-perouse"]
    width = straits.strait_width("la-perouse", "f")
    return maps.plot_strait_map(fig, row, width, straits.load_capes(), straits.crossing_pairings("la-perouse", "f"))


def fixed_links(fig):
    """Proposed Sakhalin links against the claim, the strait's width and existing tunnels."""
    from . import straits
    from .registry import get_claim

    width = straits.strait_width("la-perouse", "f")
    return plots.plot_fixed_links(straits.load_fixed_links(), float(get_claim("tunnel-length-km").claimed_value),
                                  width.width_km, fig.subplots())


def polar_routes_map(fig):
    """Rotterdam–Yokohama along both corridors on a polar map."""
    from . import maps
    from .route_checks import DEFAULT_PAIR
    from .routes import load_nsr_area, sea_route

    routes = {via: sea_route(*DEFAULT_PAIR, via=via) for via in ("nsr", "suez")}
    fig.set_size_inches(8, 8.5)
    return maps.plot_polar_routes(fig, routes, load_nsr_area(), maps.land_polygons("h"))


def days_vs_speed(fig):
    """Days against speed for both corridors, claims and profiles marked."""
    from .registry import get_claim
    from .route_checks import DEFAULT_PAIR, REFERENCE_PROFILE
    from .routes import load_vessel_profiles, sea_route

    profiles = load_vessel_profiles()
    routes = {via: sea_route(*DEFAULT_PAIR, via=via) for via in ("nsr", "suez")}
    hours = float(profiles.at[REFERENCE_PROFILE, "suez_transit_h"] + profiles.at[REFERENCE_PROFILE, "suez_wait_h"])
    claims = {"nsr": float(get_claim("polar-route-days").claimed_value),
              "suez": float(get_claim("suez-route-days").claimed_value)}
    return plots.plot_days_vs_speed(routes, hours, claims, profiles, fig.subplots())


def port_matrix_heatmap(fig):
    """Days saved by the NSR for 20 European × 20 Far East ports."""
    from .route_checks import REFERENCE_PROFILE
    from .routes import load_matrix_ports, port_matrix

    ports = load_matrix_ports()
    matrix = port_matrix(list(ports.loc[ports["region"] == "europe", "locode"]),
                         list(ports.loc[ports["region"] == "far-east", "locode"]), REFERENCE_PROFILE)
    fig.set_size_inches(9, 8)
    return plots.plot_port_matrix(matrix, fig.subplots())


#: file name -> function drawing it on a figure
FIGURES: dict[str, Callable] = {
    "meetings-timeline.png": meetings_timeline,
    "reactors-operating.png": reactors_operating,
    "islands-areas.png": islands_areas,
    "strait-la-perouse.png": strait_la_perouse,
    "fixed-links.png": fixed_links,
    "polar-routes-map.png": polar_routes_map,
    "days-vs-speed.png": days_vs_speed,
    "port-matrix.png": port_matrix_heatmap,
}


def build_figures(out_dir: str | Path | None = None, names: Iterable[str] | None = None, fmt: str = "png") -> list[Path]:
    """Draw and save figures (all by default) into ``out_dir`` (default ``figures/``), as
    ``png`` (the default) or ``svg``; names are the ``.png`` names of :data:`FIGURES`.

    Raises
    ------
    InputError
        for an unknown figure name (before anything is written).
    """
    if fmt not in METADATA:
        raise InputError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    out = Path(out_dir) if out_dir is not None else figures_dir()
    wanted = list(FIGURES) if names is None else list(names)
    unknown = [n for n in wanted if n not in FIGURES]
    if unknown:
        raise InputError(f"unknown figure(s) {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i, name in enumerate(wanted, 1):
        report(f"[{i}/{len(wanted)}] {name}")
        # A bare Figure (no pyplot) draws with Agg whatever backend a notebook uses.
        with plt.style.context(plots.STYLE):
            fig = Figure()
            FIGURES[name](fig)
            path = out / Path(name).with_suffix(f".{fmt}").name
            fig.savefig(path, format=fmt, metadata=METADATA[fmt])
        written.append(path)
    return written
