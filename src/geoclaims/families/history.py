"""The history family: reactors since Fukushima, the four islands, the occupation, dated history.

Evidence: :class:`~geoclaims.families.timeline.Timeline`.
"""

from __future__ import annotations

from . import fact_checks as fc
from . import timeline_checks as tc
from ..data import merge_ids
from .base import Check, Family, FigureSpec
from .timeline import TIMELINE_TABLES, Timeline, evidence


def _reactors_operating(fig, tl: Timeline) -> None:
    from ..draw import plots
    from .timeline import running_periods

    r = tl.reactors
    end = r["date"].max() + (r["date"].max() - r["date"].min()) * 0.05
    disaster = tl.event("fukushima-disaster")["date"]
    first_zero = r.loc[(r["date"] > disaster) & (r["operating"] == 0), "date"].min()
    notes = [(a, b, n, f"{n} running again, {a:%b %Y} – {b:%b %Y}")
             for a, b, n in running_periods(r, first_zero) if b <= tl.article.latest]
    zero_from = max(b for a, b, n in running_periods(r, disaster) if b <= tl.article.latest)
    restart = r.loc[(r["date"] > zero_from) & (r["operating"] > 0), "date"].min()
    notes.append((zero_from, restart, 0, f"none running, {zero_from:%d %b %Y} – {restart:%d %b %Y}"))
    r = r.assign(placeholder=r["note"].str.contains("PLACEHOLDER DATE", regex=False))
    plots.plot_reactors_operating(r, disaster, tl.article_window(), end, notes, fig.subplots())


def _reactors_headline(tl: Timeline) -> str:
    from .timeline import running_periods

    r, disaster = tl.reactors, tl.event("fukushima-disaster")["date"]
    zero_from = max(b for a, b, n in running_periods(r, disaster) if b <= tl.article.latest)
    return (f"Reactors ran again after the Fukushima disaster until {zero_from:%d %B %Y}; none ran from then "
            "until after the article")


def _islands_headline(tl: Timeline) -> str:
    parts = tl.islands[tl.islands["island"] != "all-four"]
    largest = parts.groupby("island").agg(area=("area_km2", "max"), named=("named_in_1956", "first"))
    share = largest.loc[largest["named"] == "yes", "area"].sum() / largest["area"].sum()
    return f"The two islands named in the 1956 declaration are {share:.0%} of the four islands' land"


#: the islands' Japanese names with the Russian ones readers meet in Russian-side sources
ISLAND_NAMES = {"habomai": "Habomai (Russian: Khabomai)", "shikotan": "Shikotan (Russian: Shikotan)",
                "kunashiri": "Kunashiri (Russian: Kunashir)", "etorofu": "Etorofu (Russian: Iturup)"}


def _islands_areas(fig, tl: Timeline) -> None:
    from ..draw import plots

    parts = tl.islands[tl.islands["island"] != "all-four"]
    stats = parts.groupby("island").agg(low=("area_km2", "min"), high=("area_km2", "max"),
                                        named=("named_in_1956", "first")).sort_values("high")
    stats.index = [ISLAND_NAMES.get(i, i.title()) for i in stats.index]
    plots.plot_island_areas(stats, fig.subplots())


FAMILY = Family(
    name="history",
    title="History: the four islands, the occupation, reactors after Fukushima",
    evidence=evidence,
    tables=TIMELINE_TABLES,
    checks={
        "event-month": Check(tc.event_month, "month", ("event",), ("event",)),
        "years-since": Check(tc.years_since, "number", ("starts", "measured_from"), ("starts",), near=tc.ROUND_DURATION,
                             why=tc.ROUND_WHY),
        "named-count": Check(tc.named_count, "count", ("event",), ("event",), ("islands-areas",)),
        "none-since": Check(tc.none_since, "date", ("event",), ("event",), ("reactors-operating",), near=tc.SINCE_SHARE,
                            near_in="share of the period claimed",
                            why="'since' a date names the start of a period; a tenth of it is the slack such phrasing allows"),
        "ended-by": Check(tc.ended_by, "date", ("events", "by", "context"), ("events", "by"), near=tc.FINAL_DAYS,
                          near_in="days", why="'in the final days' names days, not weeks"),
        "attribute-holds": Check(fc.attribute_holds, "count", ("subjects", "attribute", "value"),
                                 ("subjects", "attribute", "value")),
        "attribute-at-least": Check(fc.attribute_at_least, "number", ("subject", "attribute"), ("subject", "attribute")),
        "attribute-value": Check(fc.attribute_value, "number", ("subject", "attribute", "unit"),
                                 ("subject", "attribute", "unit"), near=fc.NEAR,
                                 why="a news text rounds a published price or size to its leading digits", as_written=True),
        "attribute-span": Check(fc.attribute_span, "span", ("subject", "attribute"), ("subject", "attribute")),
    },
    notebook="04-history",
    figures={
        "reactors-operating": FigureSpec(_reactors_operating, "Japan's operating commercial reactors after Fukushima",
                                         None, _reactors_headline, lambda tl: merge_ids(*tl.reactors["source_ids"])),
        "islands-areas": FigureSpec(_islands_areas, "Land areas of the four disputed islands", None, _islands_headline,
                                    lambda tl: merge_ids(*tl.islands["source_ids"])),
    },
)
