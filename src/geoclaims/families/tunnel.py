"""The tunnel family: the length of a fixed link across a strait.

Evidence: the strait's narrowest crossing measured on GSHHS coastlines at both resolutions
(:mod:`geoclaims.geo.straits`), every pairing of its coasts and islets, the published widths
(``strait_widths.csv``) and the proposed links (``fixed_links.csv``) for the crossing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..data import load_source_dates, merge_ids
from ..datasets import load_capes, load_fixed_links, load_straits, load_strait_widths
from ..dating import known_by, later_than
from ..findings import Finding
from ..geo.coastline import Coastline, land_in_box, landmass_at
from ..geo.straits import StraitWidth
from ..world.coastlines import load_coastline
from ..world.straits import crossing_pairings, strait_width
from ..rating import rate
from .base import Check, Family, FigureSpec

#: a length within this fraction of the possible range is "mostly-accurate": portal siting and
#: the approach tunnels move a link's length by a few km, not more
NEAR = 0.10


@dataclass(frozen=True)
class StraitEvidence:
    """What the checks of one strait read."""

    strait: pd.Series
    width_f: StraitWidth
    width_h: StraitWidth
    pairings: pd.DataFrame
    widths: pd.DataFrame  # published widths of this strait
    links: pd.DataFrame  # every fixed link (all crossings)


@dataclass(frozen=True)
class TunnelEvidence:
    """One :class:`StraitEvidence` per strait the claims name, and the claimed link lengths."""

    straits: dict  # strait id -> StraitEvidence
    claimed_km: dict  # strait id -> claimed length of the first claim naming it
    crossings: dict  # strait id -> the crossing (fixed_links.csv) of the first claim naming it
    capes: pd.DataFrame
    latest: pd.Timestamp  # the article's latest possible publication day
    dates: Mapping[str, str]  # each source id's publication date (the one rule for dates reads it)

    @cached_property
    def coasts(self) -> dict:
        """Resolution -> the GSHHS coastline the widths were measured on (the maps draw it; loaded
        when a map asks, as the widths themselves come from the disk cache)."""
        return {r: load_coastline(r) for r in ("f", "h")}

    @property
    def headline(self) -> StraitEvidence:
        return next(iter(self.straits.values()))


def evidence(article, claims) -> TunnelEvidence:
    """Measure every strait the claims name at GSHHS f and h, with its islet pairings."""
    straits, widths, links = load_straits(), load_strait_widths(), load_fixed_links()
    out, claimed, crossings = {}, {}, {}
    for c in claims:
        sid = c.param("strait")
        claimed.setdefault(sid, c.value)
        crossings.setdefault(sid, c.param("crossing"))
        if sid not in out:
            strait_width(sid)  # an unknown strait fails here, naming the known ones
            out[sid] = StraitEvidence(straits.loc[sid], strait_width(sid, "f"), strait_width(sid, "h"),
                                      crossing_pairings(sid, "f"), widths[widths["strait_id"] == sid], links)
    return TunnelEvidence(out, claimed, crossings, load_capes(), article.latest, load_source_dates())


def _km_span(lengths) -> str:
    low, high = float(lengths.min()), float(lengths.max())
    return f"{low:g} km" if low == high else f"{low:g}–{high:g} km"


def link_length_check(claim, ev: TunnelEvidence) -> Finding:
    """A claimed link length against what a link across the strait can be: no shorter than
    the narrowest crossing measured on GSHHS coastlines (geometry, not a publication), and up to
    the longest proposal published by the article's date. Proposals and widths published later
    (or undated) are shown apart. Rated by :func:`~geoclaims.rating.rate` with :data:`NEAR`."""
    from ..errors import DataError

    s = ev.straits[claim.param("strait")]
    claimed = claim.value
    proposals = s.links[s.links["crossing"] == claim.param("crossing")]
    if proposals.empty:
        raise DataError(f"claim {claim.claim_id}: no fixed link in fixed_links.csv has crossing "
                        f"{claim.param('crossing')!r}")
    then = proposals[known_by(proposals, ev.latest, ev.dates)]
    shortest = min(s.width_f.width_km, s.width_h.width_km)
    low, high = shortest, max([shortest, *then["length_km"]])
    near = s.pairings.iloc[(s.pairings["distance_km"] - claimed).abs().argmin()]
    rule = (f"The narrowest {s.strait['side_a']}–{s.strait['side_b']} crossing measured on GSHHS coastlines is "
            f"{s.width_f.width_km:.1f} km (f) / {s.width_h.width_km:.1f} km (h); a link cannot be shorter. "
            + (f"Proposals published by the article: {_km_span(then['length_km'])}. "
               if len(then) else "No proposal's length was published (and dated) by the article. ")
            + f"{claimed:g} km is {1 - claimed / shortest:.0%} shorter than the narrowest crossing "
            f"(the pairing nearest {claimed:g} km is {near['from']}–{near['to']}, {near['distance_km']:.1f} km, "
            f"context only). Accurate from the crossing to the longest proposal; mostly-accurate within {NEAR:.0%}.")
    later = tuple(f"{r['name']}: {r['length_km']:g} km ({r['source_ids']}, "
                  f"{'published after the article' if later_than(r['source_ids'], ev.latest, ev.dates) else 'undated'})"
                  for _, r in proposals.drop(then.index).iterrows())
    later += tuple(f"published width {r['width_km']:g} km ({r['source_ids']}, undated or later)"
                   for _, r in s.widths.iterrows() if later_than(r["source_ids"], ev.latest, ev.dates) is not False)
    sources = merge_ids("gshhg", *then["source_ids"])
    return Finding(claim.claim_id, claimed, claim.unit, round(s.width_f.width_km, 2), round(low, 2), round(high, 2),
                   rate(claimed, low, high, near=NEAR), rule, sources,
                   decided_by="the strait's narrowest crossing on GSHHS coastlines; proposals published by the article",
                   later_evidence=later)


# ---- figures ------------------------------------------------------------------------------------

def _strait_map(fig, ev: TunnelEvidence, sid: str) -> None:
    from ..draw import maps
    from ..geo.geodesy import forward, inverse

    s = ev.straits[sid]
    box = (s.strait["south"], s.strait["north"], s.strait["west"], s.strait["east"])
    ax = maps.strait_axes(fig, *box)
    (lat_a, lon_a), (lat_b, lon_b) = s.width_f.point_a, s.width_f.point_b
    km = ev.claimed_km[sid]
    azimuth, _ = inverse(lat_b, lon_b, lat_a, lon_a)  # from side b's coast towards side a's
    claim = (km, (lat_b, lon_b), forward(lat_b, lon_b, azimuth, km * 1000.0))
    start = (box[0] + 0.08, box[2] + 0.12)  # the box's south-west corner, inset
    scale = (20, start, forward(*start, 90.0, 20_000.0))
    maps.plot_strait_map(ax, s.strait, land_in_box(ev.coasts[s.width_f.resolution], *box), s.width_f, ev.capes,
                         s.pairings, claim, scale, _names_inside(s.strait, box, ev.coasts["h"]))


def _names_inside(strait, box, coast: Coastline) -> dict:
    """Where to write each landmass's name: a point of its land on ``coast`` inside the map's box."""
    import shapely

    south, north, west, east = box
    out = {}
    for side in ("a", "b"):
        _, poly = landmass_at(coast, strait[f"side_{side}_lat"], strait[f"side_{side}_lon"])
        inside = shapely.clip_by_rect(poly, west, south, east, north)
        if not inside.is_empty:
            point = inside.representative_point()
            out[strait[f"side_{side}"]] = (point.y, point.x)
    return out


def _links_shown(ev: TunnelEvidence) -> pd.DataFrame:
    """The links the fixed-links figure shows: the claimed crossing's proposals and the existing
    tunnels listed for scale (links of other crossings, which other articles may add, are not
    this claim's evidence), dated as the verdict dates them (``later``: published after the
    article or undated, so not used)."""

    sid = next(iter(ev.straits))
    links = ev.headline.links[(ev.headline.links["kind"] != "railway line")
                              & ev.headline.links["crossing"].isin([ev.crossings[sid], "reference"])]
    group = ["reference" if c == "reference" else "this crossing" for c in links["crossing"]]
    later = [g != "reference" and later_than(ids, ev.latest, ev.dates) is not False
             for g, ids in zip(group, links["source_ids"])]
    return links.assign(group=group, later=later)


def _fixed_links(fig, ev: TunnelEvidence) -> None:
    from ..draw import plots

    sid, s = next(iter(ev.straits)), ev.headline
    crossing = f"{s.strait['side_a']}–{s.strait['side_b']}"
    plots.plot_fixed_links(_links_shown(ev), ev.claimed_km[sid], s.width_f.width_km, s.strait["name"], crossing,
                           fig.subplots())


def _strait_headline(ev: TunnelEvidence, sid: str) -> str:
    s = ev.straits[sid]
    km, width = ev.claimed_km[sid], s.width_f.width_km
    side = "shorter than the narrowest crossing" if km < width else "no shorter than the narrowest crossing"
    return (f"The narrowest {s.strait['side_a']}–{s.strait['side_b']} crossing is {width:.1f} km: the article's "
            f"{km:g} km is {side}")


def _links_headline(ev: TunnelEvidence) -> str:
    sid, links = next(iter(ev.straits)), _links_shown(ev)
    here = links[links["group"] == "this crossing"]
    then, later = here[~here["later"]], here[here["later"]]
    said = (f"proposals published by the article gave {_km_span(then['length_km'])}"
            if len(then) else "no proposal's length was published by the article")
    after = f"; later ones gave {_km_span(later['length_km'])}" if len(later) else ""
    return f"The article's {ev.claimed_km[sid]:g} km: {said}{after}"


def _strait_sources(ev: TunnelEvidence, sid: str) -> tuple[str, ...]:
    s = ev.straits[sid]
    return merge_ids("gshhg", s.strait["source_ids"], *ev.capes["source_ids"])


FAMILY = Family(
    name="tunnel",
    title="Fixed links: tunnel and bridge lengths against strait widths",
    evidence=evidence,
    tables=(load_straits, load_strait_widths, load_fixed_links, load_capes),
    checks={"link-length": Check(link_length_check, "number", ("strait", "crossing"), ("strait", "crossing"),
                                 ("strait", "fixed-links"), near=NEAR,
                                 why="portal siting and approach tunnels move a link's length by a few km, not more")},
    notebook="02-sakhalin-tunnel",
    figures={
        "strait": FigureSpec(_strait_map, "The strait on GSHHS-f coastlines, with its narrowest crossing",
                             None, _strait_headline, _strait_sources, subject="strait"),
        "fixed-links": FigureSpec(_fixed_links, "Proposed links against the claim, the strait and existing tunnels",
                                  None, _links_headline,
                                  lambda ev: merge_ids("gshhg", *_links_shown(ev)["source_ids"])),
    },
)
