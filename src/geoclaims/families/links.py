"""The links family: what an article says about named fixed links and crossings — a link's
length, its rank among links of its kind ("the world's longest immersed tunnel"), its length
against another's ("far eclipse"), and how long a crossing takes (a ferry, a train through a
tunnel, a route section).

Evidence: ``data/fixed_links.csv`` (kind, mode, opening year, whole and undersea lengths) and
``data/crossing_times.csv`` (timetables, plans, documented crossings), each row dated by its
sources. What was published by the article's date decides; later rows are shown apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..data import load_source_dates, merge_ids
from ..datasets import load_fixed_links
from ..dating import ended_by, known_by, later_than
from ..errors import DataError
from ..findings import Finding
from ..geo.units import KM_PER_UNIT, hours
from ..published import load_crossing_times
from ..rating import as_stated, rate
from .base import Check, Family, FigureSpec

#: a length or a time this far outside its range (a fraction of the nearer end) is "mostly-accurate":
#: where a link's portals are counted from, or a timetable's rounding, moves it by about that
NEAR = 0.10
SLACK = "where a link's portals are counted from, or a timetable's rounding, moves it by about a tenth"


@dataclass(frozen=True)
class LinksEvidence:
    """The fixed links and crossing times, and the article's latest possible day."""

    links: pd.DataFrame
    times: pd.DataFrame
    latest: pd.Timestamp
    #: link id -> (kind, mode) of the link-rank claims about it (what its ranking figure ranks among)
    ranked: dict
    #: each source id's publication date (:func:`geoclaims.data.load_source_dates`): the one rule for dates reads it
    dates: Mapping[str, str]

    def link(self, link_id: str) -> pd.Series:
        if link_id not in self.links.index:
            raise DataError(f"fixed_links.csv: no link {link_id!r}")
        return self.links.loc[link_id]

    def known(self, ids: str) -> bool:
        """Whether what a row says was published by the article's date (its earliest dated source;
        a row with no dated source is not: the one rule for dates, docs/METHOD.md)."""
        return later_than(ids, self.latest, self.dates) is False

    def open_then(self, link: pd.Series) -> bool:
        """Whether a link had opened by the article's date (``opened`` to the day, month or year)."""
        return bool(link["opened"]) and ended_by(link["opened"], self.latest)


def _undated(claim, names: list[str]) -> Finding:
    """The finding of a claim about a link whose length no source published by the article gives."""
    rule = (f"No source published by the article's date gives the length of {' or '.join(names)}: the claim "
            "cannot be decided on what was known then (docs/METHOD.md, the one rule for dates).")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, None, None, None, rate(0, 0, 0, known=False), rule)


def evidence(article, claims) -> LinksEvidence:
    """The fixed links and crossing times (every claim of the family reads them)."""
    ranked = {c.param("link"): (c.param("kind"), c.param("mode", "")) for c in claims if c.check == "link-rank"}
    return LinksEvidence(load_fixed_links(), load_crossing_times(), article.latest, ranked, load_source_dates())


def _lengths(link: pd.Series) -> tuple[float, float]:
    """A link's length read two ways: its undersea (immersed) part, where given, to its whole length."""
    under = link["undersea_km"]
    return (float(under) if under == under else float(link["length_km"])), float(link["length_km"])


def named_length_check(claim, ev: LinksEvidence) -> Finding:
    """A named link's length (``link``) in the claim's ``unit`` (km, mi, nm) against its published
    lengths: from its undersea or immersed part to its whole length with approaches, both kept
    (a tunnel's length is quoted either way). Rated with :data:`NEAR`."""
    link = ev.link(claim.param("link"))
    if not ev.known(link["source_ids"]):
        return _undated(claim, [link["name"]])
    per_km = 1.0 / KM_PER_UNIT[claim.param("unit")] if claim.param("unit") in KM_PER_UNIT else None
    if per_km is None:
        raise DataError(f"unit must be one of {', '.join(KM_PER_UNIT)}, got {claim.param('unit')!r}")
    low_km, high_km = _lengths(link)
    low, high = low_km * per_km, high_km * per_km
    rule = (f"{link['name']}: {high_km:g} km in all" + (f", {low_km:g} km undersea or immersed" if low_km != high_km else "")
            + f", so {low:.2f}–{high:.2f} {claim.param('unit')}. Accurate if {claim.value:g}, read to its last digit, meets "
            "that; "
            f"mostly-accurate within {NEAR:.0%}.")
    said_low, said_high = as_stated(claim.claimed_value)
    return Finding(claim.claim_id, claim.value, claim.unit, round(high, 2), round(low, 2), round(high, 2),
                   rate(said_low, low, high, near=NEAR, claimed_high=said_high), rule, merge_ids(link["source_ids"]),
                   decided_by=f"the published lengths of {link['name']} (fixed_links.csv)")


def _peers(ev: LinksEvidence, subject: pd.Series, kind: str, mode: str) -> pd.DataFrame:
    """Links of ``kind`` (carrying ``mode`` when given) open by the article's date and published
    by then, and the subject itself whatever its status (a claim may be about a link being built)."""
    links = ev.links
    same = (links["kind"] == kind) & ((links["mode"] == mode) if mode else True)
    open_then = pd.Series([ev.open_then(r) for _, r in links.iterrows()], index=links.index)
    dated = known_by(links, ev.latest, ev.dates)
    peers = links[same & open_then & dated]
    return pd.concat([peers[peers.index != subject.name], subject.to_frame().T])


def _left_out(ev: LinksEvidence, subject: pd.Series, kind: str, mode: str) -> list[str]:
    """Links of the kind (and mode) open by the article that no source published by then gives."""
    links = ev.links
    rows = links[(links["kind"] == kind) & ((links["mode"] == mode) if mode else True) & (links.index != subject.name)]
    return [r["name"] for _, r in rows.iterrows() if ev.open_then(r) and not ev.known(r["source_ids"])]


def link_rank_check(claim, ev: LinksEvidence) -> Finding:
    """A link's rank by length (``link``; 1 = the longest) among the links of its ``kind`` (and
    ``mode``: road, rail, road and rail) open at the article's date in ``fixed_links.csv``, the link
    itself counted as it is planned. Ranked by whole length and by undersea part; the range spans
    both. A count is exact; the rank is only as complete as the table, whose links the finding lists."""
    subject = ev.link(claim.param("link"))
    kind, mode = claim.param("kind"), claim.param("mode", "")
    if subject["kind"] != kind or (mode and subject["mode"] != mode):
        raise DataError(f"{subject['link_id']} is a {subject['kind']} ({subject['mode'] or 'mode not given'}), "
                        f"not a {kind}{f' ({mode})' if mode else ''}")
    if not ev.known(subject["source_ids"]):
        return _undated(claim, [subject["name"]])
    peers = _peers(ev, subject, kind, mode)
    ranks = []
    for which in (0, 1):
        lengths = pd.Series([_lengths(r)[which] for _, r in peers.iterrows()], index=peers.index)
        ranks.append(int((lengths > lengths[subject.name]).sum()) + 1)
    low, high = min(ranks), max(ranks)
    others = "; ".join(f"{r['name']} {r['length_km']:g} km ({r['opened']})"
                       for _, r in peers.iterrows() if r.name != subject.name)
    unknown = _left_out(ev, subject, kind, mode)
    if mode:
        apart = _peers(ev, subject, kind, "")
        apart = apart[apart["mode"] != mode]
        others = (others or "none other") + ("; not counted, another mode: " + "; ".join(f"{r['name']} {r['length_km']:g} km ({r['mode']})"
                                                               for _, r in apart.iterrows()) if len(apart) else "")
    rule = (f"{kind.capitalize()}s{f' for {mode}' if mode else ''} open by {ev.latest:%Y} in fixed_links.csv: "
            f"{others or 'none'}" + (f"; left out, no source published by the article: {'; '.join(unknown)}"
                                     if unknown else "")
            + f". {subject['name']}, {subject['length_km']:g} km, ranks {low}"
            + (f"–{high}" if high != low else "") + " by length (whole and undersea). A rank is exact.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, low, low, high, rate(claim.value, low, high),
                   rule, merge_ids(*peers["source_ids"]), decided_by=f"the {kind}s of fixed_links.csv open by the article")


def link_ratio_check(claim, ev: LinksEvidence) -> Finding:
    """How many times longer one link (``link``) is than another (``other``), each read from its
    undersea part to its whole length; ``sense=at-least`` for "longer than" (claimed 1) or
    "more than twice". Rated with :data:`NEAR`."""
    a, b = ev.link(claim.param("link")), ev.link(claim.param("other"))
    undated = [x["name"] for x in (a, b) if not ev.known(x["source_ids"])]
    if undated:
        return _undated(claim, undated)
    (a_low, a_high), (b_low, b_high) = _lengths(a), _lengths(b)
    low, high = a_low / b_high, a_high / b_low
    sense = claim.param("sense", "point")
    rule = (f"{a['name']} {a_low:g}–{a_high:g} km against {b['name']} {b_low:g}–{b_high:g} km: {low:.2f}–{high:.2f} "
            f"times as long. Accurate if {'at least ' if sense == 'at-least' else ''}{claim.value:g} meets that; "
            f"mostly-accurate within {NEAR:.0%}.")
    return Finding(claim.claim_id, claim.value, claim.unit, round(a_high / b_high, 2), round(low, 2), round(high, 2),
                   rate(claim.value, low, high, near=NEAR, sense=sense), rule, merge_ids(a["source_ids"], b["source_ids"]),
                   decided_by="the published lengths of both links (fixed_links.csv)")


def crossing_time_check(claim, ev: LinksEvidence) -> Finding:
    """How long a crossing takes (``crossing``, by ``mode``: ferry, train, car, ship), in the
    claim's ``unit`` (minutes, hours, days), against every time published for it by the article's
    date: a timetable, the proposers' plan, a documented crossing, or a length over a stated speed
    (``basis`` narrows to one of these; a plan is judged by what its proposers stated). Rated with
    :data:`NEAR`; later statements are shown apart."""
    crossing, mode, unit = claim.param("crossing"), claim.param("mode"), claim.param("unit")
    per_hour = 1.0 / hours(1.0, unit)
    basis = claim.param("basis", "")
    t = ev.times[(ev.times["crossing"] == crossing) & (ev.times["mode"] == mode)]
    if basis:
        t = t[t["basis"] == basis]
    if t.empty:
        raise DataError(f"crossing_times.csv: no {basis + ' ' if basis else ''}time for {crossing} by {mode}")
    known = known_by(t, ev.latest, ev.dates)
    then, later = t[known], t[~known]

    def each(rows) -> list[str]:
        return [f"{r['hours'] * per_hour:.3g} {unit} ({r['basis']}, {r['source_ids']})" for _, r in rows.iterrows()]

    def said(rows) -> str:
        return "; ".join(each(rows))

    if then.empty:
        return Finding(claim.claim_id, claim.value, claim.unit, None, None, None, rate(0, 0, 0, known=False),
                       f"No time for {crossing} by {mode} was published by the article's date.",
                       later_evidence=tuple(each(later)))
    values = then["hours"] * per_hour
    low, high = float(values.min()), float(values.max())
    said_low, said_high = as_stated(claim.claimed_value)
    rule = (f"{crossing} by {mode}, as published by the article: {said(then)}. Accurate if {claim.value:g} {unit}, read "
            f"to its last digit ({said_low:g}–{said_high:g}), meets {low:.3g}–{high:.3g}; mostly-accurate within {NEAR:.0%}.")
    return Finding(claim.claim_id, claim.value, claim.unit, round(float(values.median()), 3), round(low, 3),
                   round(high, 3), rate(said_low, low, high, near=NEAR, claimed_high=said_high), rule,
                   merge_ids(*then["source_ids"]),
                   decided_by=f"times for {crossing} by {mode} published by the article (crossing_times.csv)",
                   later_evidence=tuple(each(later)))


# ---- figures ------------------------------------------------------------------------------------

def _ranking(ev: LinksEvidence, link_id: str) -> pd.DataFrame:
    """The links the ranking figure shows: every link of the claim's kind open by the article, and
    the claimed link; ``counted`` marks those of the claim's mode (the others show why they do not count)."""
    kind, mode = ev.ranked[link_id]
    shown = _peers(ev, ev.link(link_id), kind, "")
    return shown.assign(counted=(shown["mode"] == mode) if mode else True)


def _ranking_title(ev: LinksEvidence, link_id: str) -> str:
    kind, mode = ev.ranked[link_id]
    counted = f" (counted: those for {mode})" if mode else ""
    return f"{kind.capitalize()}s open by {ev.latest:%Y}{counted}, and {ev.link(link_id)['name']}"


def _link_ranking(fig, ev: LinksEvidence, link_id: str) -> None:
    from ..draw import plots

    plots.plot_link_ranking(_ranking(ev, link_id), link_id, _ranking_title(ev, link_id), fig.subplots())


def _ranking_headline(ev: LinksEvidence, link_id: str) -> str:
    peers = _ranking(ev, link_id)
    peers = peers[peers["counted"]]
    subject, (kind, mode) = ev.link(link_id), ev.ranked[link_id]
    rank = int((peers["length_km"] > subject["length_km"]).sum()) + 1
    return (f"{subject['name']}, {subject['length_km']:g} km, ranks {rank} of {len(peers)} by whole length among the "
            f"{kind}s{f' for {mode}' if mode else ''} open by {ev.latest:%Y} in fixed_links.csv")


FAMILY = Family(
    name="links",
    title="Fixed links and crossings: lengths, ranks and crossing times",
    evidence=evidence,
    tables=(load_fixed_links, load_crossing_times),
    checks={
        "named-length": Check(named_length_check, "number", ("link", "unit"), ("link", "unit"), near=NEAR, why=SLACK,
                              as_written=True),
        "link-rank": Check(link_rank_check, "count", ("link", "kind", "mode"), ("link", "kind"), ("link-ranking",),
                           defaults={"mode": ""}),
        "link-ratio": Check(link_ratio_check, "number", ("link", "other", "sense"), ("link", "other"),
                            defaults={"sense": "point"}, near=NEAR, why=SLACK),
        "crossing-time": Check(crossing_time_check, "number", ("crossing", "mode", "unit", "basis"),
                               ("crossing", "mode", "unit"), defaults={"basis": ""}, near=NEAR, why=SLACK,
                               as_written=True),
    },
    notebook="00-scorecard",
    figures={
        "link-ranking": FigureSpec(_link_ranking, "Links of the claim's kind by length, the claim's link in colour",
                                   None, _ranking_headline, lambda ev, link: merge_ids(*_ranking(ev, link)["source_ids"]),
                                   subject="link"),
    },
)
