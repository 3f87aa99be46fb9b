"""Checks of dated claims — meetings, dates, durations, history — shared by the meetings
and history families.

Each check takes the claim (its value and parameters come from the article's
``claims.csv``) and the :class:`~geoclaims.families.timeline.Timeline`, and returns a
:class:`~geoclaims.findings.Finding` whose ``rule`` states the thresholds used. Dates are
compared as calendar days; "years" are days / 365.2425. Where the article's own date is not
printed, the checks that depend on it use its publication window (``article.toml``) and
report the range over that window.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pandas as pd

from ..data import merge_ids
from ..findings import Finding
from .timeline import Timeline, operating_on, running_periods, years_between

#: ``years`` claims stated as a round number are taken as rounded to the nearest 10
ROUND_YEARS_TOLERANCE = 5.0
#: below this share of the four islands' land area, "two of the four" reads as far more than it is
ISLAND_SHARE_MISLEADING = 0.25
#: days after the surrender's signing within which an occupation still counts as "final days"
FINAL_DAYS_GRACE = 7


def _iso(day: pd.Timestamp) -> str:
    return f"{day:%Y-%m-%d}"


def meeting_ordinal(claim, tl: Timeline) -> Finding:
    """Ordinal of the meeting the article anticipates, counted from Abe taking office.

    Range: the count with and without short sideline meetings. Accurate when the claimed
    ordinal lies in that range.
    """
    office = tl.event(claim.param("since"))
    meeting = tl.anticipated_meeting()
    window = tl.meetings[(tl.meetings["date"] >= office["date"]) & (tl.meetings["date"] <= meeting["date"])
                         & (tl.meetings["official_count"] == "yes")]
    full = window[~window["format"].str.contains("short")]
    measured, low = len(window), len(full)
    claimed = int(claim.claimed_value)
    rating = "accurate" if low <= claimed <= measured else "inaccurate"
    media = tl.counts[(tl.counts["meeting_id"] == meeting["meeting_id"]) & (tl.counts["scope"] == "since-office")]
    rule = (f"Counting the foreign ministry's way, the {meeting['city']} meeting of {_iso(meeting['date'])} is meeting "
            f"{measured} since Abe took office on {_iso(office['date'])} ({int(meeting['ordinal'])} counting his first "
            f"term); without short sideline meetings it is {low}; media at the time said "
            f"{', '.join(f'{v:g}' for v in media['stated_ordinal'])}. Accurate if {claimed} lies in [{low}, {measured}].")
    sources = merge_ids(office["source_ids"], *window["source_ids"], *media["source_ids"])
    return Finding(claim.claim_id, claimed, claim.unit, measured, low, measured, rating, rule, sources)


def event_month(claim, tl: Timeline) -> Finding:
    """The month of a dated event (``event``): accurate if it falls in the claimed month,
    before the article; inaccurate otherwise."""
    event = tl.event(claim.param("event"))
    what = event["description"].split(":")[0].split(";")[0]
    _, latest = tl.article_window()
    month = f"{event['date']:%Y-%m}"
    ok = month == claim.claimed_value and event["date"] <= latest
    rule = (f"{what} on {_iso(event['date'])}; accurate if that falls in the claimed month "
            f"{claim.claimed_value} (and before the article), inaccurate otherwise.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, _iso(event["date"]), _iso(event["date"]),
                   _iso(event["date"]), "accurate" if ok else "inaccurate", rule, merge_ids(event["source_ids"]))


def local_date(claim, tl: Timeline) -> Finding:
    """Local date of an event (``event``) with a local time and zone, with the same instant in Japan.

    The local start time and IANA time zone come from ``events.csv``; the offset is taken
    from the tz database (Moscow was UTC+4 in February 2014). Accurate if the claimed date
    is the local date.
    """
    event = tl.event(claim.param("event"))
    start = pd.Timestamp(f"{_iso(event['date'])} {event['time_local']}").tz_localize(ZoneInfo(event["timezone"]))
    tokyo = start.tz_convert(ZoneInfo("Asia/Tokyo"))
    local = _iso(start)
    rating = "accurate" if local == claim.claimed_value else "inaccurate"
    rule = (f"The ceremony began {start:%Y-%m-%d %H:%M} {event['timezone']} (UTC{start:%z}), which was "
            f"{tokyo:%Y-%m-%d %H:%M} in Japan; accurate if the claimed date equals the local date.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, local, local, f"{tokyo:%Y-%m-%d}",
                   rating, rule, merge_ids(event["source_ids"]))


def years_since(claim, tl: Timeline) -> Finding:
    """Years the dispute had lasted at the article's date, from each defensible start.

    Starts: the Soviet occupation of the four islands (first and last day, both sources),
    the surrender's signing, and the 1956 Joint Declaration; ends: the article's
    publication window. The range spans all of them. Accurate if the claimed round number
    is within ±5 years (its rounding) of the figure from at least one start.
    """
    earliest, latest = tl.article_window()
    starts = {
        "the Soviet occupation (1945)": [tl.event(e)[c] for e in ("occupation-four-islands", "occupation-four-islands-brown")
                                         for c in ("date", "date_end")],
        "the surrender's signing (1945)": [tl.event("surrender-signed")["date"]],
        "the 1956 Joint Declaration": [tl.event("joint-declaration-1956")["date"]],
    }
    spans = {name: [years_between(s, e) for s in days for e in (earliest, latest)] for name, days in starts.items()}
    claimed = float(claim.claimed_value)
    low = min(min(v) for v in spans.values())
    high = max(max(v) for v in spans.values())
    best = min(spans, key=lambda n: min(abs(v - claimed) for v in spans[n]))
    measured = min(spans[best], key=lambda v: abs(v - claimed))
    ok = abs(measured - claimed) <= ROUND_YEARS_TOLERANCE
    rating = "accurate" if ok else ("mostly-accurate" if low <= claimed <= high else "inaccurate")
    detail = "; ".join(f"since {n}: {min(v):.1f}–{max(v):.1f}" for n, v in spans.items())
    rule = (f"Years at the article's date ({_iso(earliest)} to {_iso(latest)}) {detail}. "
            f"{claim.claimed_value} is closest to the figure since {best}; accurate within ±{ROUND_YEARS_TOLERANCE:g} years "
            f"of one start point, mostly-accurate if only inside the range.")
    sources = merge_ids(*(tl.event(e)["source_ids"] for e in ("occupation-four-islands", "occupation-four-islands-brown",
                                                              "surrender-signed", "joint-declaration-1956")),
                        tl.article.window_sources)
    return Finding(claim.claim_id, claimed, claim.unit, round(measured, 2), round(low, 2), round(high, 2), rating, rule, sources)


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
    """How many of the four islands the 1956 declaration names, and their land-area share.

    Accurate if the count matches and the two hold at least a quarter of the land;
    misleading if the count matches but they hold less (the phrase suggests about half);
    inaccurate if the count is wrong.
    """
    parts = tl.islands[tl.islands["island"] != "all-four"]
    named = sorted(parts.loc[parts["named_in_1956"] == "yes", "island"].unique())
    share_low, share_high = island_area_share_range(tl.islands)
    count = len(named)
    claimed = int(claim.claimed_value)
    if count != claimed:
        rating = "inaccurate"
    else:
        rating = "accurate" if share_low >= ISLAND_SHARE_MISLEADING else "misleading"
    rule = (f"The 1956 Joint Declaration names {count} of the four ({' and '.join(n.title() for n in named)}), "
            f"but they are {share_low:.1%}–{share_high:.1%} of the four islands' land area (spread of "
            f"{parts['source'].nunique()} sources); misleading when the count is right but the share is below "
            f"{ISLAND_SHARE_MISLEADING:.0%}.")
    sources = merge_ids(tl.event("joint-declaration-1956")["source_ids"], *parts["source_ids"])
    return Finding(claim.claim_id, claimed, claim.unit, count, count, count, rating, rule, sources)


def years_at_least(claim, tl: Timeline) -> Finding:
    """Years since an event (``event``), at the article's date: accurate if at least the claim."""
    first = tl.event(claim.param("event"))
    earliest, latest = tl.article_window()
    low, high = years_between(first["date"], earliest), years_between(first["date"], latest)
    claimed = float(claim.claimed_value)
    rating = "accurate" if low >= claimed else ("mostly-accurate" if high >= claimed else "inaccurate")
    sport = tl.event("mori-rugby")["description"]
    rule = (f"Mori and Putin first met on {_iso(first['date'])}, {low:.1f}–{high:.1f} years before the article; "
            f"accurate if that is at least {claimed:g}. (Aside, not this claim: {sport}.)")
    return Finding(claim.claim_id, claimed, claim.unit, round((low + high) / 2, 2), round(low, 2), round(high, 2),
                   rating, rule, merge_ids(first["source_ids"], tl.event("mori-rugby")["source_ids"]))


def none_since(claim, tl: Timeline) -> Finding:
    """Since when no reactor had run, at the article's date, against "since the disaster".

    Accurate if no reactor ran between the disaster and the article; mostly-accurate if none
    ran at the article's date but some ran in between (the "since" is wrong); inaccurate if
    reactors were running when the article appeared.
    """
    disaster = tl.event(claim.param("event"))["date"]
    earliest, latest = tl.article_window()
    steps = tl.reactors[tl.reactors["date"] <= latest]
    now = operating_on(tl.reactors, latest)
    zero_since = steps.loc[(steps["operating"] == 0), "date"]
    last_zero = zero_since[zero_since > steps.loc[steps["operating"] > 0, "date"].max()].min()
    ran_after = steps[(steps["date"] >= disaster) & (steps["operating"] > 0)]
    if now:
        rating = "inaccurate"
    elif ran_after.empty:
        rating = "accurate"
    else:
        rating = "mostly-accurate"
    periods = "; ".join(f"{_iso(a)} to {_iso(b)} (up to {n})" for a, b, n in running_periods(steps, disaster))
    rule = (f"At the article's date {now} reactors were running (none since {_iso(last_zero)}), but reactors ran after "
            f"the disaster of {_iso(disaster)}: {periods}. Accurate if none ran after the disaster; mostly-accurate "
            f"if none ran at the article's date only; inaccurate if some did."
            if not ran_after.empty else f"No reactor ran between {_iso(disaster)} and the article.")
    sources = merge_ids(tl.event(claim.param("event"))["source_ids"], *steps["source_ids"])
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, _iso(last_zero), _iso(last_zero), _iso(last_zero),
                   rating, rule, sources)


def ended_by(claim, tl: Timeline) -> Finding:
    """When the Soviet occupation of the four islands ended, against the war's end.

    Accurate if the occupation was complete by the surrender's signing; mostly-accurate if it
    began before the signing and ended within 7 days after; inaccurate otherwise.
    """
    announced, signed = tl.event("surrender-announced")["date"], tl.event("surrender-signed")["date"]
    rows = [tl.event(e) for e in ("occupation-four-islands", "occupation-four-islands-brown")]
    begun = min(r["date"] for r in rows)
    ends = sorted(r["date_end"] for r in rows)
    sakhalin = tl.event("soviet-sakhalin-offensive")["date"]
    late = (ends[-1] - signed).days
    if ends[-1] <= signed:
        rating = "accurate"
    elif begun <= signed and late <= FINAL_DAYS_GRACE:
        rating = "mostly-accurate"
    else:
        rating = "inaccurate"
    rule = (f"The Sakhalin offensive began {_iso(sakhalin)}, before Japan announced its surrender ({_iso(announced)}), "
            f"but the four islands were occupied from {_iso(begun)} to {_iso(ends[0])}–{_iso(ends[-1])}: after the "
            f"announcement and up to {late} days after the surrender was signed ({_iso(signed)}). Accurate if complete "
            f"by the signing; mostly-accurate if finished within {FINAL_DAYS_GRACE} days after it.")
    sources = merge_ids(*(tl.event(e)["source_ids"] for e in ("soviet-sakhalin-offensive", "occupation-four-islands",
                                                              "occupation-four-islands-brown", "surrender-announced")))
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, _iso(ends[-1]), _iso(ends[0]), _iso(ends[-1]),
                   rating, rule, sources)
