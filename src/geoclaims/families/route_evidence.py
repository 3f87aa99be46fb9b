"""Evidence of the route family: routes for the claimed pairs, days under the one transit
model, the port matrix, and the documented NSR voyages split at the article's date.

Routes are built for every port pair an article's claims name (and the context pairs of
:data:`CONTEXT_PAIRS`) along both corridors (:func:`~geoclaims.geo.routes.sea_route`; the NSR
on its published track, ``coastal`` variant unless a claim says otherwise). Days come from the
vessel profiles of ``data/vessel_profiles.csv`` of the claim's ship type whose sources were all
published by the article's date, under :mod:`geoclaims.geo.transit`. Voyages
(``data/voyages.csv``) over by the article's latest date and whose sources were all published by
then are *contemporaneous*; the others are *later evidence*, shown apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

import numpy as np
import pandas as pd

from ..data import load_source_dates, load_sources, merge_ids, split_ids
from ..dating import all_before, known_by, later_than
from ..datasets import (load_matrix_ports, load_nsr_area_vertices, load_nsr_season,
                        load_nsr_track, load_port_table, load_reference_distances, load_vessel_profiles, load_voyages)
from ..errors import DataError, GeoclaimsError, NotPublishedThenError
from ..geo.ports import PortIndex
from ..geo.routes import Route
from ..geo.transit import VesselProfile, profile_from_row, transit_days
from ..published import load_place_distances
from ..world.coastlines import load_land_polygons
from ..world.routing import load_network, load_nsr_area, load_port_index, port_matrix, sea_route
from .route_corridors import BY_CORRIDOR, CORRIDORS, SHORT_CORRIDOR, compared, compared_loosely  # noqa: F401
from .route_deviations import deviations_by_class, reference_deviations  # noqa: F401 (deviations_by_class: its 0.2 path)

#: the tables :func:`evidence` and the world it loads read (ports.csv, nsr_track.csv and nsr_area.csv
#: through :mod:`geoclaims.world.routing`)
ROUTE_TABLES = (load_vessel_profiles, load_port_table, load_nsr_track, load_nsr_area_vertices, load_voyages,
                load_nsr_season, load_reference_distances, load_matrix_ports, load_place_distances)

#: pairs shown beside the claimed ones in notebook 01 (how the claims fare for other ports)
CONTEXT_PAIRS = (("DEHAM", "JPYOK"), ("RUMMK", "JPYOK"), ("NLRTM", "CNSHA"), ("NLRTM", "KRPUS"))
#: the ship type a claim is about unless its ``ship_type`` parameter says otherwise
DEFAULT_SHIP_TYPE = "container"
#: open-water speeds of the days-vs-speed curves, knots
CURVE_SPEEDS_KN = np.linspace(8, 26, 200)


@dataclass(frozen=True)
class RouteEvidence:
    """Routes for every pair along both corridors (each built on first use), and days for every
    profile of a ship type (container ships unless a claim names another)."""

    pairs: tuple[tuple[str, str], ...]  # claimed pairs first, then context pairs
    profiles_by_type: Mapping[str, tuple[VesselProfile, ...]]  # ship type -> its usable profiles
    sources_by_type: Mapping[str, tuple[str, ...]]  # ship type -> the source ids of those profiles
    claimed_days: dict  # (origin, destination, via) -> claimed days, from the article's claims
    article_latest: pd.Timestamp  # the article's latest possible publication day
    nsr_variant: str = "coastal"
    #: ship type -> its profiles left out (sources published after the article), as sentences
    later_by_type: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: claim id -> claimed value of every route claim of the article (a check may compare with another's)
    claimed_values: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    #: ship type -> its reference profile (``reference`` in vessel_profiles.csv), whatever its sources' dates
    references: Mapping[str, VesselProfile] = field(default_factory=lambda: MappingProxyType({}))
    #: ship type -> the years its usable profiles' sources were published ("2009–2013", or "undated")
    profile_years: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: each source id's publication date (:func:`geoclaims.data.load_source_dates`)
    dates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def ports(self) -> PortIndex:
        """The ports (searoute's and ports.csv's), to find a claim's ports by name."""
        return load_port_index()

    def later_profiles(self, ship_type: str = DEFAULT_SHIP_TYPE) -> tuple[str, ...]:
        """The profiles of a ship type left out because their sources came after the article."""
        return self.later_by_type.get(ship_type, ())

    @cached_property
    def _built(self) -> dict:
        return {}

    def memo(self, key: tuple, compute):
        """``compute()`` once per ``key`` for this evidence: what the checks derive for one
        subject (a pair, a corridor, a ship type) is derived once, however many claims ask, so a
        run scales with its subjects, not its claims. Callers get the cached value (not to be changed)."""
        if key not in self._built:
            self._built[key] = compute()
        return self._built[key]

    @property
    def profiles(self) -> tuple[VesselProfile, ...]:
        """The container-ship profiles: the tables and figures of the route family show these."""
        return self.profiles_for(DEFAULT_SHIP_TYPE)

    def profiles_for(self, ship_type: str) -> tuple[VesselProfile, ...]:
        """The usable profiles of one ship type; :class:`DataError` if it has none, or if its
        reference profile (``reference`` in vessel_profiles.csv) is not among them."""
        known = sorted({*self.profiles_by_type, *self.later_by_type})
        if ship_type not in known:
            raise DataError(f"unknown ship_type {ship_type!r}: vessel profiles exist for {', '.join(known)}")
        later = self.later_by_type.get(ship_type, ())
        if ship_type not in self.profiles_by_type:
            raise NotPublishedThenError(f"no {ship_type} profile of vessel_profiles.csv rests on sources published by "
                                        f"{self.article_latest:%Y-%m-%d}", later)
        profiles = self.profiles_by_type[ship_type]
        if self.references[ship_type].name not in {p.name for p in profiles}:  # "measured" is the reference's
            raise NotPublishedThenError(f"the {ship_type} reference profile {self.references[ship_type].name!r} of "
                                        f"vessel_profiles.csv does not rest on sources published by "
                                        f"{self.article_latest:%Y-%m-%d}", later)
        return profiles

    def sources_for(self, *vias: str, ship_type: str | None = None, tables: bool = False) -> tuple[str, ...]:
        """What a finding on these corridors rests on: the network, the NSR track's waypoints
        (of the variant in use) when the NSR is one of them, the profiles' sources of
        ``ship_type`` when the finding uses speeds, the published distance tables when
        ``tables`` (their spread sets the range)."""
        return self.memo(("sources", vias, ship_type, tables), lambda: self._sources_for(vias, ship_type, tables))

    def _sources_for(self, vias: tuple[str, ...], ship_type: str | None, tables: bool) -> tuple[str, ...]:
        track = load_nsr_track()
        used = track[track["variant"].isin([self.nsr_variant, "both"])]["source_ids"] if "nsr" in vias else ()
        speeds = ()
        if ship_type is not None:
            self.profiles_for(ship_type)  # the one check that the type has usable profiles
            speeds = self.sources_by_type[ship_type]
        spread = self.known_distances["source_ids"] if tables else ()
        return merge_ids("searoute-marnet", *used, *speeds, *spread)

    def route(self, via: str, pair: tuple[str, str], nsr_variant: str | None = None) -> Route:
        """The route of one pair along one corridor (built once), on the NSR variant in use
        unless ``nsr_variant`` names the other."""
        variant = nsr_variant or self.nsr_variant
        key = (*pair, via) if variant == self.nsr_variant else (*pair, via, variant)
        if key not in self._built:
            self._built[key] = sea_route(*pair, via=via, nsr_variant=variant)
        return self._built[key]

    @property
    def routes(self) -> dict:
        """Every pair's routes, context pairs included: (origin, destination, via) -> Route."""
        return {(*pair, via): self.route(via, pair) for pair in self.pairs for via in CORRIDORS}

    @cached_property
    def days(self) -> pd.DataFrame:
        """origin, destination, via, profile, length_nm, nsr_nm, days: one row per route × profile."""
        rows = [{"origin": o, "destination": d, "via": via, "profile": p.name, "length_nm": r.length_nm,
                 "nsr_nm": r.nsr_nm, "days": transit_days(r, p)}
                for (o, d, via), r in self.routes.items() for p in self.profiles]
        return pd.DataFrame(rows)

    def days_for(self, via: str, pair: tuple[str, str], ship_type: str = DEFAULT_SHIP_TYPE) -> pd.Series:
        """Days by profile name for one route, for the profiles of one ship type (a copy)."""
        def compute():
            route = self.route(via, pair)
            return pd.Series({p.name: transit_days(route, p) for p in self.profiles_for(ship_type)}, name="days")
        return self.memo(("days", via, tuple(pair), ship_type), compute).copy()

    @property
    def headline(self) -> tuple[str, str]:
        """The pair the figures show: the first one the claims name."""
        return self.pairs[0]

    @cached_property
    def speed_curves(self) -> pd.DataFrame:
        """Days against open-water speed for the headline pair, the reference profile's NSR
        speed (capped by the open-water speed), canal hours and port days kept."""
        base = self.references[DEFAULT_SHIP_TYPE]
        rows = []
        for via in CORRIDORS:
            route = self.route(via, self.headline)
            label = f"via {via.upper()} ({route.length_nm:,.0f} nm)"
            rows += [{"via": via, "label": label, "speed_kn": s, "days": transit_days(route, base.at_speed(float(s)))}
                     for s in CURVE_SPEEDS_KN]
        return pd.DataFrame(rows)

    @cached_property
    def speed_points(self) -> pd.DataFrame:
        """Each profile's days for the headline pair, at its open-water speed."""
        rows = [{"via": via, "profile": p, "speed_kn": speed, "days": days}
                for via in CORRIDORS for (p, days), speed in zip(self.days_for(via, self.headline).items(),
                                                                 (q.open_water_kn for q in self.profiles))]
        return pd.DataFrame(rows)

    @cached_property
    def voyages(self) -> pd.DataFrame:
        """Documented NSR voyages with ``later`` (sources published after the article, or
        undated; or the voyage not over by the article: it departed or arrived, or its year
        began, after the article's latest day), ``route_nm`` (geoclaims' NSR length for the pair,
        where both ports are known) and ``implied_kn`` (that length over the stated days)."""
        v = load_voyages().copy()
        after = ((v["departed"] > self.article_latest) | (v["arrived"] > self.article_latest)
                 | (v["year"] > self.article_latest.year))
        v["later"] = [later_than(s, self.article_latest, self.dates) is not False or bool(a)
                      for s, a in zip(v["source_ids"], after)]
        lengths = []
        for o, d in zip(v["origin_locode"], v["destination_locode"]):
            try:
                lengths.append(sea_route(o, d, via="nsr", nsr_variant=self.nsr_variant).length_nm if o and d else np.nan)
            except GeoclaimsError:  # a port the network cannot reach: no length, said in the table
                lengths.append(np.nan)
        v["route_nm"] = lengths
        v["implied_kn"] = v["route_nm"] / (v["days"] * 24)
        return v

    @cached_property
    def place_distances(self) -> pd.DataFrame:
        """Published distances between places (``place_distances.csv``; dated by the checks)."""
        return load_place_distances()

    @cached_property
    def season(self) -> pd.DataFrame:
        """The NSR navigation season as each source states it, with ``later``."""
        s = load_nsr_season().copy()
        s["later"] = [later_than(ids, self.article_latest, self.dates) is not False for ids in s["source_ids"]]
        return s

    @cached_property
    def known_distances(self) -> pd.DataFrame:
        """The rows of ``reference_distances.csv`` published by the article's date."""
        ref = load_reference_distances()
        return ref[known_by(ref, self.article_latest, self.dates)]

    @cached_property
    def table_spread(self) -> dict[str, float]:
        """Per corridor, how far published figures for one port pair stray from their middle:
        the mean half-spread (max / min - 1) / 2 over pairs with several figures. A distance is
        known no better than the tables agree among themselves. Only figures published by the
        article's date count (later ones are not its evidence)."""
        ref = self.known_distances
        ref = ref.assign(pair=[tuple(sorted(p)) for p in zip(ref["origin"], ref["destination"])])
        out = {}
        for via in CORRIDORS:
            groups = ref[ref["via"] == via].groupby("pair")["length_nm"]
            spreads = groups.agg(lambda s: (s.max() / s.min() - 1) / 2)[groups.count() > 1]
            out[via] = float(spreads.mean()) if len(spreads) else 0.0
        return out

    @cached_property
    def deviations(self) -> pd.DataFrame:
        """:func:`reference_deviations`: geoclaims' lengths against the published table."""
        return reference_deviations(self.nsr_variant)

    @cached_property
    def matrix(self) -> pd.DataFrame:
        """The port matrix of ``data/matrix_ports.csv`` for the reference profile."""
        ports = load_matrix_ports()
        return port_matrix(list(ports.loc[ports["region"] == "europe", "locode"]),
                           list(ports.loc[ports["region"] == "far-east", "locode"]), self.references[DEFAULT_SHIP_TYPE])

    @cached_property
    def publishers(self) -> Mapping[str, str]:
        """Source id -> its publisher's short name (up to the first ``;`` or ``(``), for source lines."""
        publishers = load_sources()["publisher"].str.split(r"[;(]").str[0].str.strip()
        return MappingProxyType(dict(publishers.items()))

    @cached_property
    def map_layers(self) -> dict:
        """What the route maps draw besides the routes: the NSR water area, GSHHS-h land north of
        5°S, and label positions of the passages (Suez, Bab-el-Mandeb and Malacca at the mean of
        the network's edges so tagged; Vilkitsky and the Bering limit at the track's own waypoints)."""
        net, track = load_network(), load_nsr_track()
        passages = {}
        for tag, label in (("suez", "Suez"), ("babalmandab", "Bab-el-Mandeb"), ("malacca", "Malacca")):
            edges = net.edge_passage == tag
            passages[label] = (float(net.lat[net.edge_u[edges]].mean()),
                               float(((net.lon[net.edge_u[edges]] + 180) % 360 - 180).mean()))
        for label, name in (("Vilkitsky", "Vilkitsky"), ("Bering", "NSR eastern limit in the Bering Strait")):
            point = track[track["name"].str.startswith(name)].iloc[0]
            passages[label] = (float(point["lat"]), float(point["lon"]))
        return {"area": load_nsr_area(), "land": list(load_land_polygons("h", north_of=-5.0)), "passages": passages}


def _why_later(source_ids: str, day, dates) -> str:
    """Why a profile is not usable at ``day`` (:func:`~geoclaims.dating.all_before`): the sources dated
    after it, or that none of its sources is dated."""
    after = [s for s in split_ids(source_ids) if later_than(s, day, dates)]
    return (f"sources published after the article: {'; '.join(after)}" if after
            else "none of its sources is dated")


def evidence(article, claims) -> RouteEvidence:
    """Route every pair the claims name, and the context pairs, along both corridors."""
    pairs: list[tuple[str, str]] = []
    claimed: dict = {}
    for c in claims:
        if not c.param("origin", "") or c.check == "place-distance":  # the route in general; two places, not a voyage
            continue
        pair = (c.param("origin"), c.param("destination"))
        if pair not in pairs:
            pairs.append(pair)
        if c.check == "transit-days":
            claimed[(*pair, c.param("via"))] = c.value
    pairs += [p for p in CONTEXT_PAIRS if p not in pairs]  # also the headline when no claim names a pair
    # the kinds that route by the NSR name its variant; a place-distance or season claim has none
    variants = {c.param("nsr_variant", "coastal") for c in claims
                if c.check not in ("place-distance", "season-months")} or {"coastal"}
    if len(variants) > 1:  # one track per article's route evidence: a second variant would be ignored
        raise DataError(f"the route claims of {article.slug} name NSR variants {', '.join(sorted(variants))}; "
                        "one article's route claims use one variant")
    variant = variants.pop()
    table = load_vessel_profiles()
    dated = load_source_dates()
    usable = pd.Series([all_before(ids, article.latest, dated) for ids in table["source_ids"]], index=table.index)
    by_type, sources, later, years = {}, {}, {}, {}
    references = {t: profile_from_row(name, table.loc[name])
                  for name, t in zip(table.index[table["reference"] == "yes"], table["ship_type"][table["reference"] == "yes"])}
    for ship_type, rows in table.groupby("ship_type", sort=False):
        ok = usable[rows.index]
        if ok.any():
            by_type[ship_type] = tuple(profile_from_row(name, table.loc[name]) for name in rows.index[ok])
            sources[ship_type] = merge_ids(*rows.loc[ok, "source_ids"])
            published = [dated[s] for s in sources[ship_type] if dated.get(s)]
            years[ship_type] = f"{min(published)[:4]}–{max(published)[:4]}" if published else "undated"
        later[ship_type] = tuple(f"profile {name}: " + _why_later(rows.at[name, "source_ids"], article.latest, dated)
                                 for name in rows.index[~ok])
    values = MappingProxyType({c.claim_id: c.value for c in claims if c.claimed_value.replace(".", "", 1).isdigit()})
    return RouteEvidence(tuple(pairs), MappingProxyType(by_type), MappingProxyType(sources), claimed, article.latest,
                         variant, MappingProxyType(later), values, MappingProxyType(references),
                         MappingProxyType(years), dated)
