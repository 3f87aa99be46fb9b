"""The route family's figures: each draws on a bare Figure from the family's evidence, and
states its finding (the figure's title) and its sources (its source line)."""

from __future__ import annotations

from ..data import merge_ids
from .route_evidence import CORRIDORS, DEFAULT_SHIP_TYPE, RouteEvidence


def pair_subject(claim, ev: RouteEvidence) -> str:
    """The subject of a per-pair figure: the claim's two ports as lower-case UN/LOCODEs (``ruulu-krkan``)."""
    return "-".join(ev.ports.find(claim.param(p)).locode.lower() for p in ("origin", "destination"))


def _pair_of(subject: str) -> tuple[str, str]:
    origin, destination = subject.upper().split("-")
    return origin, destination


def _polar_routes_map(fig, ev: RouteEvidence) -> None:
    _routes_map(fig, ev, ev.headline)


def _route_map(fig, ev: RouteEvidence, subject: str) -> None:
    _routes_map(fig, ev, _pair_of(subject))


def _routes_map(fig, ev: RouteEvidence, pair: tuple[str, str]) -> None:
    from ..draw import maps

    routes = {via: ev.route(via, pair) for via in CORRIDORS}
    layers = ev.map_layers
    lats = [float(x) for r in routes.values() for x in r.lats]
    lons = [float(x) for r in routes.values() for x in r.lons]
    ax = maps.routes_axes(fig, lats, lons)
    maps.plot_routes_map(ax, routes, layers["area"], layers["land"], layers["passages"])


def _days_vs_speed(fig, ev: RouteEvidence) -> None:
    from ..draw import plots

    o, d = _pair_names(ev)
    claims = {via: days for (a, b, via), days in ev.claimed_days.items() if (a, b) == ev.headline}
    v = ev.voyages.dropna(subset=["days", "implied_kn"])
    observed = v.assign(label=[f"{n} ({int(y)})" for n, y in zip(v["vessel"], v["year"])])[["label", "implied_kn", "later"]]
    # days on one pair's route compare only with that route; voyages of other routes compare by speed
    ax_days, ax_speeds = fig.subplots(1, 2, gridspec_kw={"width_ratios": (2.2, 1), "wspace": 0.5})
    plots.plot_days_vs_speed(ev.speed_curves, ev.speed_points, claims, f"Days against speed, {o}–{d}", ax_days)
    plots.plot_voyage_speeds(observed, ev.speed_points.drop_duplicates("profile"), ax_speeds)


def _port_matrix(fig, ev: RouteEvidence) -> None:
    from ..draw import plots

    m = ev.matrix
    names = {c: ev.ports.find(c).name for c in set(m["origin"]) | set(m["destination"])}
    plots.plot_port_matrix(m, names, fig.subplots())


def _reference_distances(fig, ev: RouteEvidence) -> None:
    from ..draw import plots

    publishers = ev.publishers
    d = ev.deviations
    named = d.assign(publisher=[publishers.get(ids.split(";")[0].strip(), ids) for ids in d["source_ids"]])
    plots.plot_reference_deviations(named, fig.subplots())


def _pair_names(ev: RouteEvidence) -> tuple[str, str]:
    route = ev.route("nsr", ev.headline)
    return route.origin.name, route.destination.name


def _map_headline(ev: RouteEvidence) -> str:
    return _pair_map_headline(ev, ev.headline)


def _route_map_headline(ev: RouteEvidence, subject: str) -> str:
    return _pair_map_headline(ev, _pair_of(subject))


def _pair_map_headline(ev: RouteEvidence, pair: tuple[str, str]) -> str:
    nsr, suez = ev.route("nsr", pair), ev.route("suez", pair)
    o, d = nsr.origin.name, nsr.destination.name
    return (f"{o}–{d}: {nsr.length_nm:,.0f} nm by the Northern Sea Route, {1 - nsr.length_nm / suez.length_nm:.0%} "
            f"shorter than the {suez.length_nm:,.0f} nm via Suez")


def _days_headline(ev: RouteEvidence) -> str:
    (o, d), p = _pair_names(ev), ev.speed_points
    span = {via: f"{g['days'].min():.0f}–{g['days'].max():.0f}" for via, g in p.groupby("via")}
    return (f"{o}–{d}: {span['nsr']} days by the Northern Sea Route and {span['suez']} days via Suez "
            f"at the sourced container-ship speeds")


def _matrix_headline(ev: RouteEvidence) -> str:
    m = ev.matrix.dropna(subset=["days_saved"])
    return (f"The Northern Sea Route saves days for {(m['days_saved'] > 0).sum()} of {len(m)} Europe–Far East port "
            f"pairs ({m['profile'].iloc[0]} profile)")


def _deviations_headline(ev: RouteEvidence) -> str:
    mad = ev.deviations.assign(a=ev.deviations["deviation"].abs()).groupby("via")["a"].mean() * 100
    return (f"geoclaims' route lengths differ from published figures by {mad['nsr']:.1f}% (NSR) and "
            f"{mad['suez']:.1f}% (Suez) on average; the published figures disagree among themselves by up to 14%")


def days_sources(ev: RouteEvidence) -> tuple[str, ...]:
    """The days-vs-speed figure's sources: the routes, the container profiles and the voyages."""
    return merge_ids(*ev.sources_for("nsr", "suez", ship_type=DEFAULT_SHIP_TYPE), *ev.voyages["source_ids"])
