"""Checks of dated claims — meetings, dates, durations, history — shared by the meetings
and history families.

Each check takes the claim (its value and parameters come from the article's
``claims.csv``) and the :class:`~geoclaims.families.timeline.Timeline`, finds the whole range
the evidence supports, and rates it with the one function :func:`geoclaims.rating.rate`
(``docs/METHOD.md``); the finding's rule states the range, the tolerance and why. Dates are
compared as calendar days; "years" are days / 365.2425. Where the article's own date is not
printed, "at the article's date" spans its publication window (``article.toml``).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pandas as pd

from ..data import merge_ids
from ..dating import known_by
from ..errors import DataError
from ..findings import Finding
from ..rating import rate
from .timeline import Timeline, operating_on, running_periods, years_between

#: durations stated as round numbers ("60 years", "a decade") are read to 10%, the precision
#: of a number rounded to its leading digit
ROUND_DURATION = 0.10
ROUND_WHY = "a round number ('60 years', 'a decade') is precise to its leading digit"
#: "in the final days" names days, not weeks: an end within a week of the war's end still reads so
FINAL_DAYS = 7
#: "since" a date is read to 10% of the period it claims (the disaster to the article)
SINCE_SHARE = 0.10
#: a claim true at the article's date but not over the period it names is half true (``misleading``)
#: when it held for at least half the period: the fact-checkers' "Half True" / "half accurate", read literally
HALF_TRUE = 0.5


def _iso(day: pd.Timestamp) -> str:
    return f"{day:%Y-%m-%d}"


def _span(a, b, fmt="{:.1f}") -> str:
    """``a–b``, or ``a`` when the two print the same."""
    a, b = fmt.format(a), fmt.format(b)
    return a if a == b else f"{a}–{b}"


def _day(ts: pd.Timestamp) -> float:
    return float(ts.toordinal())


def meeting_ordinal(claim, tl: Timeline) -> Finding:
    """Ordinal of a meeting (``meeting``, an id of meetings.csv) counted from an event (``since``).

    Range: the count with and without short sideline meetings; a count is exact (no tolerance).
    """
    office = tl.event(claim.param("since"))
    meeting = tl.meeting(claim.param("meeting"))
    window = tl.meetings[(tl.meetings["date"] >= office["date"]) & (tl.meetings["date"] <= meeting["date"])
                         & (tl.meetings["official_count"] == "yes")]
    full = window[~window["format"].str.contains("short")]
    measured, low = len(window), len(full)
    claimed = int(claim.claimed_value)
    media = tl.counts[(tl.counts["meeting_id"] == meeting["meeting_id"]) & (tl.counts["scope"] == "since-office")]
    said = sorted({f"{v:g}" for v in media["stated_ordinal"]})
    without = "the same" if low == measured else str(low)
    rule = (f"Counting the foreign ministry's way, the {meeting['city']} meeting of {_iso(meeting['date'])} is meeting "
            f"{measured} since {_iso(office['date'])} ({int(meeting['ordinal'])} counting Abe's first term); without "
            f"short sideline meetings it is {without}. Media at the time said {' or '.join(said) or 'nothing'}. "
            f"A count is exact: accurate only if it is {_span(low, measured, '{}').replace('–', ' to ')}.")
    sources = merge_ids(office["source_ids"], *window["source_ids"], *media["source_ids"])
    return Finding(claim.claim_id, claimed, claim.unit, measured, low, measured, rate(claimed, low, measured),
                   rule, sources)


def event_month(claim, tl: Timeline) -> Finding:
    """The month of a dated event (``event``): accurate if the event falls in the claimed month."""
    event = tl.event(claim.param("event"))
    what = event["description"].split(":")[0].split(";")[0]
    first = pd.Timestamp(f"{claim.claimed_value}-01")
    last = first + pd.offsets.MonthEnd(0)
    rating = rate(_day(first), _day(event["date"]), _day(event["date"]), claimed_high=_day(last), relative=False)
    rule = f"{what}: {_iso(event['date'])}. Accurate if that day falls in {first:%B %Y}; no tolerance for a month."
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, _iso(event["date"]), _iso(event["date"]),
                   _iso(event["date"]), rating, rule, merge_ids(event["source_ids"]))


def local_date(claim, tl: Timeline) -> Finding:
    """Date of an event (``event``) with a local time and zone: the range is the local date and
    the date in Japan at the same instant (the tz database gives the offsets)."""
    event = tl.event(claim.param("event"))
    start = pd.Timestamp(f"{_iso(event['date'])} {event['time_local']}").tz_localize(ZoneInfo(event["timezone"]))
    tokyo = start.tz_convert(ZoneInfo("Asia/Tokyo"))
    local, japan = pd.Timestamp(_iso(start)), pd.Timestamp(f"{tokyo:%Y-%m-%d}")
    claimed = pd.Timestamp(claim.claimed_value)
    rating = rate(_day(claimed), min(_day(local), _day(japan)), max(_day(local), _day(japan)), relative=False)
    rule = (f"It began {start:%Y-%m-%d %H:%M} {event['timezone']} (UTC{start:%z}), which was {tokyo:%Y-%m-%d %H:%M} "
            f"in Japan. Accurate if the claimed date is the local date or the date in Japan.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, _iso(local), _iso(min(local, japan)),
                   _iso(max(local, japan)), rating, rule, merge_ids(event["source_ids"]))


def _event_ids(claim, name: str) -> list[str]:
    """The event ids of a parameter listing several (``a, b, c``)."""
    return [e.strip() for e in claim.param(name).split(",") if e.strip()]


def years_since(claim, tl: Timeline) -> Finding:
    """Years something had lasted at the article's date, from every defensible start: the first
    day of each event ``starts`` names; ends: the publication window.
    The range spans all of them; "measured" is the years since the first day of ``measured_from``
    (an event of ``starts``; the first by default). Read to :data:`ROUND_DURATION`.
    """
    earliest, latest = tl.article_window()
    events = {e: tl.event(e) for e in _event_ids(claim, "starts")}
    measured_from = claim.param("measured_from", next(iter(events)))
    if measured_from not in events:
        raise DataError(f"measured_from must be one of the starts ({', '.join(events)}), got {measured_from!r}")
    first = events[measured_from]
    starts = {f"{r['description'].split(':')[0].split(';')[0]} ({_iso(r['date'])})": [r["date"]]
              for r in events.values()}
    spans = {name: [years_between(s, e) for s in days for e in (earliest, latest)] for name, days in starts.items()}
    claimed = claim.value
    low, high = min(min(v) for v in spans.values()), max(max(v) for v in spans.values())
    measured = years_between(first["date"], earliest + (latest - earliest) / 2)
    detail = "; ".join(f"since {n}: {_span(min(v), max(v))}" for n, v in spans.items())
    rule = (f"Years at the article's date ({_iso(earliest)} to {_iso(latest)}) {detail}. Accurate if {claimed:g} lies "
            f"in that range; a round number is read to {ROUND_DURATION:.0%}.")
    sources = merge_ids(*(r["source_ids"] for r in events.values()), tl.article.window_sources)
    return Finding(claim.claim_id, claimed, claim.unit, round(measured, 2), round(low, 2), round(high, 2),
                   rate(claimed, low, high, near=ROUND_DURATION), rule, sources)


def island_area_share_range(islands: pd.DataFrame) -> tuple[float, float]:
    """The spread of the land-area share of the islands named in 1956, across sources.

    Each island's smallest and largest published area are combined so as to give the
    lowest share (named islands small, the others large) and the highest share.
    """
    parts = islands[islands["island"] != "all-four"]
    by_island = parts.groupby("island").agg(low=("area_km2", "min"), high=("area_km2", "max"),
                                            named=("named_in_1956", "first"))
    named, other = by_island[by_island["named"] == "yes"], by_island[by_island["named"] != "yes"]
    low = named["low"].sum() / (named["low"].sum() + other["high"].sum())
    high = named["high"].sum() / (named["high"].sum() + other["low"].sum())
    return float(low), float(high)


def named_count(claim, tl: Timeline) -> Finding:
    """How many of the islands of ``islands.csv`` a document (``event``: its signing) names; a
    count is exact. Their share of the land is reported beside the verdict, as context, not as a
    threshold."""
    document = tl.event(claim.param("event"))
    parts = tl.islands[tl.islands["island"] != "all-four"]
    named = sorted(parts.loc[parts["named_in_1956"] == "yes", "island"].unique())
    share_low, share_high = island_area_share_range(tl.islands)
    count, claimed = len(named), int(claim.claimed_value)
    what = document["description"].split(":")[0].split(";")[0]
    rule = (f"{what} names {count} of the {parts['island'].nunique()} ({' and '.join(n.title() for n in named)}); a count "
            f"is exact. Context: the two are {_span(share_low * 100, share_high * 100)}% of the four islands' land "
            f"({parts['source'].nunique()} sources).")
    sources = merge_ids(document["source_ids"], *parts["source_ids"])
    return Finding(claim.claim_id, claimed, claim.unit, count, count, count, rate(claimed, count, count), rule, sources)


def years_at_least(claim, tl: Timeline) -> Finding:
    """Years since an event (``event``) at the article's date, against "more than N years"."""
    first = tl.event(claim.param("event"))
    earliest, latest = tl.article_window()
    low, high = years_between(first["date"], earliest), years_between(first["date"], latest)
    claimed = claim.value
    rule = (f"{first['description']}: {_iso(first['date'])}, {_span(low, high)} years before the article. Accurate if "
            f"that is at least {claimed:g}; a round number is read to {ROUND_DURATION:.0%}.")
    return Finding(claim.claim_id, claimed, claim.unit, round((low + high) / 2, 2), round(low, 2), round(high, 2),
                   rate(claimed, low, high, near=ROUND_DURATION, sense="at-least"), rule, merge_ids(first["source_ids"]))


def none_since(claim, tl: Timeline) -> Finding:
    """The day since which no reactor had run, at the article's date, against "since" the event.

    The claim holds if that day is on or before the event; it is read to :data:`SINCE_SHARE`
    of the period from the event to the article. Beyond that, a claim true at the article's
    date but not over the whole period is ``misleading`` (half true) when it held for at least
    :data:`HALF_TRUE` of the period, and ``inaccurate`` when it held for less (METHOD, "True
    then, not over the period").
    """
    disaster = tl.event(claim.param("event"))["date"]
    earliest, latest = tl.article_window()
    steps = tl.reactors[tl.reactors["date"] <= latest]
    steps = steps[known_by(steps, latest, tl.dates)]  # what was published by then
    now = operating_on(steps, latest)
    ran = steps.loc[steps["operating"] > 0, "date"]
    zero = steps.loc[steps["operating"] == 0, "date"]
    last_zero = zero[zero > ran.max()].min() if len(ran) and now == 0 else (disaster if now == 0 else latest)
    period = (latest - disaster).days
    tolerance = SINCE_SHARE * period
    # the share of the period it was true for: from the last day a reactor ran to the article
    held = min(1.0, (latest - last_zero).days / period) if now == 0 and period > 0 else 0.0
    within = rate(_day(disaster), _day(last_zero), _day(last_zero), near=tolerance, relative=False, sense="at-most")
    rating = within if within != "inaccurate" else rate(_day(disaster), _day(last_zero), _day(last_zero),
                                                        sense="at-most", misleading=held >= HALF_TRUE)
    periods = "; ".join(f"{_iso(a)} to {_iso(b)} (up to {n})" for a, b, n in running_periods(steps, disaster))
    rule = (f"At the article's date {now} reactors were running, none since {_iso(last_zero)}; after the disaster of "
            f"{_iso(disaster)} reactors ran {periods or 'never'}. Accurate if none ran after the disaster; read to "
            f"{SINCE_SHARE:.0%} of the period since it ({tolerance:.0f} days). True at the article's date for {held:.0%} "
            f"of the period: half true (misleading) from {HALF_TRUE:.0%}, inaccurate below.")
    sources = merge_ids(tl.event(claim.param("event"))["source_ids"], *steps["source_ids"])
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, _iso(last_zero), _iso(last_zero), _iso(last_zero),
                   rating, rule, sources)


def ended_by(claim, tl: Timeline) -> Finding:
    """When a span of events (``events``: one event per source that dates it, each with its first
    and last day) ended, against a deadline event (``by``; the claimed value is its date): the
    claim holds if it ended by then, read to :data:`FINAL_DAYS` days. Events named in ``context``
    are dated in the rule."""
    deadline = tl.event(claim.param("by"))
    rows = [tl.event(e) for e in _event_ids(claim, "events")]
    begun, ends = min(r["date"] for r in rows), sorted(r["date_end"] if r["date_end"] == r["date_end"] else r["date"]
                                                          for r in rows)
    context = [tl.event(e) for e in _event_ids(claim, "context")] if "context" in dict(claim.params) else []
    rating = rate(_day(pd.Timestamp(claim.claimed_value)), _day(ends[0]), _day(ends[-1]), near=FINAL_DAYS,
                  relative=False, sense="at-most")
    signed = deadline["date"]
    late = f"{(ends[0] - signed).days}–{(ends[-1] - signed).days}" if ends[0] != ends[-1] else f"{(ends[0] - signed).days}"
    said = "".join(f"{r['description'].split(':')[0].split(';')[0]}: {_iso(r['date'])}; " for r in context)
    what = rows[0]["description"].split(":")[0].split(";")[0]
    rule = (f"{said}{what}: from {_iso(begun)} to {_span(ends[0], ends[-1], '{:%Y-%m-%d}')}, {late} days after "
            f"{deadline['description'].split(':')[0].split(';')[0]} ({_iso(signed)}). Accurate if over by then; "
            f"\"final days\" is read to {FINAL_DAYS} days.")
    sources = merge_ids(*(r["source_ids"] for r in context + rows), deadline["source_ids"])
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, _iso(ends[-1]), _iso(ends[0]), _iso(ends[-1]),
                   rating, rule, sources)
