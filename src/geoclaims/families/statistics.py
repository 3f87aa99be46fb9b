"""The statistics family: yearly figures of a route (transits, cargo) and forecasts or plans.

Evidence: ``data/traffic.csv`` (one row per route, year, measure and source) and
``data/forecasts.csv`` (one row per statement of a forecast or plan, with who stated it). A
figure counts when its sources were published by the article's date; sources that disagree
are all kept, so a year's value is a range. A forecast or plan is rated on what its proposers
had stated by then (was it said?), and — apart, as later evidence — on what happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..data import load_source_dates, merge_ids
from ..dating import known_by, stated_on
from ..errors import DataError
from ..findings import Finding
from ..published import load_forecasts, load_traffic
from ..rating import as_stated, rate
from .base import Check, Family

#: a statistic this far outside its range (a fraction of the nearer end) is "mostly-accurate":
#: a round figure in a news text ("about 70") is precise to about a tenth
NEAR = 0.10
ROUND = "a round figure in a news text ('about 70', 'tenfold') is precise to about a tenth"


@dataclass(frozen=True)
class StatisticsEvidence:
    """Yearly statistics and forecasts, each with ``known`` (published by the article's date)."""

    traffic: pd.DataFrame
    forecasts: pd.DataFrame
    latest: pd.Timestamp
    #: each source id's publication date (:func:`geoclaims.data.load_source_dates`)
    dates: Mapping[str, str]

    def series(self, route: str, measure: str, known: bool = True) -> pd.DataFrame:
        t = self.traffic
        rows = t[(t["route"] == route) & (t["measure"] == measure) & (t["known"] == known)]
        if known and rows.empty and t[(t["route"] == route) & (t["measure"] == measure)].empty:
            raise DataError(f"traffic.csv: no {measure!r} figures for route {route!r}")
        return rows


def evidence(article, claims) -> StatisticsEvidence:
    """The statistics and forecasts, each row marked ``known`` when its sources were published by the article."""
    dates = load_source_dates()

    def dated(frame):
        return frame.assign(known=known_by(frame, article.latest, dates))
    return StatisticsEvidence(dated(load_traffic()), dated(load_forecasts()), article.latest, dates)


def _year(claim, name: str) -> int:
    """A claim's year parameter as a number; anything else names the claim's parameter."""
    value = claim.param(name)
    if not value.isdigit():
        raise DataError(f"{name} must be a year such as 2013, got {value!r}")
    return int(value)


def _route(ev: StatisticsEvidence, route: str) -> str:
    """A route traffic.csv has figures for; a typo is an error, not an unverifiable claim."""
    if route not in set(ev.traffic["route"]):
        raise DataError(f"traffic.csv has no route {route!r}; it has {', '.join(sorted(set(ev.traffic['route'])))}")
    return route


def _later(rows: pd.DataFrame) -> tuple[str, ...]:
    return tuple(f"{r['year']}: {r['value']:g} {r['unit']} ({r['source_ids']})" for _, r in rows.iterrows())


def year_value_check(claim, ev: StatisticsEvidence) -> Finding:
    """A route's figure for one year (``route``, ``measure``, ``year``) against every figure for
    that year published by the article's date (sources that disagree give the range). No figure
    of that measure for that year published by then: ``unverifiable``, with the route's other
    measures for the year as context. Rated with :data:`NEAR`."""
    route, measure, year = _route(ev, claim.param("route")), claim.param("measure"), _year(claim, "year")
    t = ev.traffic
    rows = t[(t["route"] == route) & (t["measure"] == measure) & (t["year"] == year) & t["known"]]
    later = _later(t[(t["route"] == route) & (t["measure"] == measure) & (t["year"] == year) & ~t["known"]])
    if rows.empty:
        other = t[(t["route"] == route) & (t["year"] == year) & t["known"]]
        context = "; ".join(f"{r['measure']} {r['value']:g} {r['unit']} ({r['source_ids']})" for _, r in other.iterrows())
        rule = (f"No {measure} figure for {route} in {year} was published by the article's date"
                + (f"; what was: {context}" if context else "") + ".")
        return Finding(claim.claim_id, claim.value, claim.unit, None, None, None, rate(0, 0, 0, known=False), rule,
                       merge_ids(*other["source_ids"]), decided_by="traffic.csv, figures published by the article",
                       later_evidence=later)
    low, high = float(rows["value"].min()), float(rows["value"].max())
    said = "; ".join(f"{r['value']:g} {r['unit']} ({r['source_ids']})" for _, r in rows.iterrows())
    said_low, said_high = as_stated(claim.claimed_value)
    rule = (f"{route} {measure} in {year}, as published by the article: {said}. Accurate if {claim.value:g}, read to its "
            f"last digit, meets {low:g}–{high:g}; mostly-accurate within {NEAR:.0%}.")
    return Finding(claim.claim_id, claim.value, claim.unit, float(rows["value"].median()), low, high,
                   rate(said_low, low, high, near=NEAR, claimed_high=said_high), rule, merge_ids(*rows["source_ids"]),
                   decided_by="traffic.csv, figures published by the article", later_evidence=later)


def busiest_year_check(claim, ev: StatisticsEvidence) -> Finding:
    """Which year was a route's busiest by ``measure`` up to the article, among the figures
    published by the article's date, sources that disagree all kept: a year can have been the
    busiest when its highest figure is at least every other year's lowest. The claim is accurate
    if its year is one of those; a year is exact."""
    route, measure = claim.param("route"), claim.param("measure")
    rows = ev.series(route, measure)
    by_year = rows.groupby("year")["value"].agg(["min", "max"])
    if by_year.empty:
        raise DataError(f"traffic.csv: no {measure} figure for {route} published by the article")
    tops = sorted(int(y) for y, (_, high) in by_year.iterrows()
                  if len(by_year) == 1 or high >= by_year.drop(y)["min"].max())
    nearest = min(tops, key=lambda y: abs(y - claim.value))  # the claim is rated against each candidate year
    years = ", ".join(f"{y}: {a:g}" + (f"–{b:g}" if b != a else "") for y, (a, b) in by_year.iterrows())
    rule = (f"{route} {measure} by year, as published by the article: {years}. The busiest can have been "
            f"{' or '.join(str(y) for y in tops)} (its highest figure at least every other year's lowest). Years "
            "without a published figure cannot count. A year is exact.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, max(tops), min(tops), max(tops),
                   rate(claim.value, nearest, nearest), rule,
                   merge_ids(*rows["source_ids"]), decided_by="traffic.csv, figures published by the article")


def growth_check(claim, ev: StatisticsEvidence) -> Finding:
    """How many times a route's figure grew from one year to another (``route``, ``measure``,
    ``from``, ``to``): each year's lowest and highest published figure, by the article's date.
    Rated with :data:`NEAR`."""
    route, measure = claim.param("route"), claim.param("measure")
    rows = ev.series(route, measure)
    first, last = (rows[rows["year"] == _year(claim, p)]["value"] for p in ("from", "to"))
    if first.empty or last.empty:
        raise DataError(f"traffic.csv: {route} {measure} needs figures for {claim.param('from')} and "
                        f"{claim.param('to')} published by the article")
    low, high = float(last.min() / first.max()), float(last.max() / first.min())
    rule = (f"{route} {measure}: {first.min():g}–{first.max():g} in {claim.param('from')}, {last.min():g}–"
            f"{last.max():g} in {claim.param('to')}, so {low:.2f}–{high:.2f} times. Accurate if {claim.value:g} meets "
            f"that; mostly-accurate within {NEAR:.0%}.")
    ids = rows[rows["year"].isin([_year(claim, "from"), _year(claim, "to")])]["source_ids"]
    return Finding(claim.claim_id, claim.value, claim.unit, round(float(last.median() / first.median()), 2),
                   round(low, 2), round(high, 2), rate(claim.value, low, high, near=NEAR), rule, merge_ids(*ids),
                   decided_by="traffic.csv, figures published by the article")


def stated_forecast_check(claim, ev: StatisticsEvidence) -> Finding:
    """A forecast (``subject``, ``measure``: a growth factor, an amount) against what its proposers
    had stated by the article's date: each proposer's latest statement by then (earlier ones it
    superseded are context). Whether it came true is shown apart, as later evidence: later
    statements, and the outcome where ``traffic.csv`` has it. Rated with :data:`NEAR`."""
    return _as_stated_by_proposers(claim, ev, NEAR)


def planned_date_check(claim, ev: StatisticsEvidence) -> Finding:
    """A planned year (``subject``, ``measure``: an opening year, a completion year) against what
    its proposers had stated by the article's date, as :func:`stated_forecast_check` reads a
    forecast; later statements (a delay) are shown apart. A year is exact."""
    return _as_stated_by_proposers(claim, ev, 0.0)


def _as_stated_by_proposers(claim, ev: StatisticsEvidence, near: float) -> Finding:
    """What the proposers of a plan or forecast had stated by the article's date (``by_year``,
    when the claim names its horizon, keeps the statements for that year): each proposer's
    statement restated last by then decides; the ones it superseded are context."""
    subject, measure, by = claim.param("subject"), claim.param("measure"), claim.param("by_year", "")
    f = ev.forecasts[(ev.forecasts["subject"] == subject) & (ev.forecasts["measure"] == measure)]
    if by:
        f = f[f["by_year"] == _year(claim, "by_year")]
    if f.empty:
        raise DataError(f"forecasts.csv: no forecast of {measure!r} for {subject!r}" + (f" by {by}" if by else ""))
    known = f[f["known"]]
    then = known.assign(date=[stated_on(ids, ev.latest, ev.dates) for ids in known["source_ids"]])
    then = then.assign(order=[pd.Period(d).end_time for d in then["date"]]).sort_values("order", kind="stable")
    latest = then.groupby("stated_by").tail(1)
    later = tuple(f"{r['stated_by']}: {r['value']:g} {r['unit']} ({r['source_ids']}, published after the article "
                  "or undated)" for _, r in f[~f["known"]].iterrows()) + _outcome(ev, f)
    if latest.empty:
        return Finding(claim.claim_id, claim.value, claim.unit, None, None, None, rate(0, 0, 0, known=False),
                       f"No statement of {measure} for {subject} was published by the article's date.",
                       later_evidence=later)
    low, high = float(latest["value"].min()), float(latest["value"].max())
    said = "; ".join(f"{r['stated_by']} {r['value']:g} {r['unit']}" + (f" by {int(r['by_year'])}" if r["by_year"] == r["by_year"] else "")
                     + f" (last stated {r['date']})" for _, r in latest.iterrows())
    old = then.drop(latest.index)
    superseded = ("; earlier statements: " + "; ".join(f"{r['value']:g} ({r['date']})" for _, r in old.iterrows())
                  if len(old) else "")
    rule = (f"As stated by the proposers by the article's date (each one's latest): {said}{superseded}. Rated as a "
            f"plan or forecast — was it stated? — not on whether it happened. Accurate if {claim.value:g} meets "
            f"{low:g}–{high:g}" + (f"; mostly-accurate within {near:.0%}." if near else "; a year is exact."))
    return Finding(claim.claim_id, claim.value, claim.unit, high, low, high, rate(claim.value, low, high, near=near),
                   rule, merge_ids(*latest["source_ids"]),
                   decided_by="what the proposers stated by the article's date (forecasts.csv)", later_evidence=later)


def _outcome(ev: StatisticsEvidence, forecasts: pd.DataFrame) -> tuple[str, ...]:
    """What happened, for a forecast with a base year and an outcome measure: the latest figure up
    to its target year against the base year's, from any source (this is later evidence)."""
    out = []
    for _, r in forecasts.drop_duplicates(["outcome_measure", "base_year", "by_year"]).iterrows():
        if not r["outcome_measure"] or r["base_year"] != r["base_year"]:
            continue
        t = ev.traffic[(ev.traffic["route"] == r["subject"]) & (ev.traffic["measure"] == r["outcome_measure"])]
        base = t[t["year"] == int(r["base_year"])]["value"]
        after = t[(t["year"] > int(r["base_year"])) & (t["year"] <= int(r["by_year"]))]
        if base.empty or after.empty:
            continue
        year = int(after["year"].max())
        top = after[after["year"] == year]
        out.append(f"outcome (the latest figure up to {int(r['by_year'])}): {r['outcome_measure']} "
                   f"{top['value'].max():g} in {year} against {base.min():g}–"
                   f"{base.max():g} in {int(r['base_year'])}, {top['value'].max() / base.max():.1f}–"
                   f"{top['value'].max() / base.min():.1f} times ({'; '.join(top['source_ids'])})")
    return tuple(out)


FAMILY = Family(
    name="statistics",
    title="Route statistics and forecasts: yearly figures, the busiest year, growth and stated plans",
    evidence=evidence,
    tables=(load_traffic, load_forecasts),
    checks={
        "year-value": Check(year_value_check, "number", ("route", "measure", "year"), ("route", "measure", "year"),
                            near=NEAR, why=ROUND, as_written=True),
        "busiest-year": Check(busiest_year_check, "count", ("route", "measure"), ("route", "measure")),
        "growth": Check(growth_check, "number", ("route", "measure", "from", "to"), ("route", "measure", "from", "to"),
                        near=NEAR, why=ROUND),
        "stated-forecast": Check(stated_forecast_check, "number", ("subject", "measure", "by_year"),
                                 ("subject", "measure"), defaults={"by_year": ""}, near=NEAR, why=ROUND),
        "planned-date": Check(planned_date_check, "count", ("subject", "measure"), ("subject", "measure")),
    },
    notebook="00-scorecard",
)
