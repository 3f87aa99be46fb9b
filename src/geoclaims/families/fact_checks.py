"""Checks of single sourced facts (``data/facts.csv``): whether an attribute holds for each
of several subjects ("both Mori and Putin are judo players"), and a count stated as a lower
bound ("a number of Class-A war criminals"). Facts first published after the article are
later evidence: shown apart, never the basis of the rating; a subject with no fact published
by then makes the claim ``unverifiable``."""

from __future__ import annotations

import pandas as pd

from ..data import merge_ids
from ..dating import known_by
from ..errors import DataError
from ..findings import Finding
from ..rating import as_stated, rate


def _facts(tl, subject: str, attribute: str) -> pd.DataFrame:
    f = tl.facts
    rows = f[(f["subject"] == subject) & (f["attribute"] == attribute)]
    return rows[known_by(rows, tl.article.latest, tl.dates)]


def attribute_holds(claim, tl) -> Finding:
    """How many of ``subjects`` (comma-separated) have ``attribute`` = ``value``; the claimed
    value is how many the article says (2 for "both"); a count is exact."""
    subjects = [s.strip() for s in claim.param("subjects").split(",") if s.strip()]
    attribute, value = claim.param("attribute"), claim.param("value")
    known = {s: sorted(set(_facts(tl, s, attribute)["value"])) for s in subjects}
    holds = sum(value in v for v in known.values())
    detail = "; ".join(f"{s}: {', '.join(v) or 'nothing published by the article'}" for s, v in known.items())
    rating = rate(claim.value, holds, holds, known=all(known.values()))
    rule = (f"{attribute.capitalize()} as the sources give it — {detail}. The claim holds for {holds} of "
            f"{len(subjects)}; a count is exact.")
    rows = tl.facts[tl.facts["subject"].isin(subjects) & (tl.facts["attribute"] == attribute)]
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, holds, holds, holds, rating, rule,
                   merge_ids(*rows["source_ids"]), decided_by=f"facts.csv ({attribute}), sources published by the article")


def attribute_at_least(claim, tl) -> Finding:
    """A sourced count (``subject``, ``attribute``) against "at least" the claimed number."""
    rows = _facts(tl, claim.param("subject"), claim.param("attribute"))
    counts = pd.to_numeric(rows["value"], errors="coerce").dropna()
    if counts.empty:
        rule = f"No count of {claim.param('attribute')} was published by the article's date."
        return Finding(claim.claim_id, claim.claimed_value, claim.unit, None, None, None,
                       rate(claim.value, 0, 0, known=False), rule)
    low, high = float(counts.min()), float(counts.max())
    rule = (f"{claim.param('subject')}: {claim.param('attribute')} {low:g}" + (f"–{high:g}" if high != low else "")
            + f" ({'; '.join(rows['note'])}). Accurate if at least {claim.value:g}.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, high, low, high,
                   rate(claim.value, low, high, sense="at-least"), rule, merge_ids(*rows["source_ids"]),
                   decided_by=f"facts.csv ({claim.param('attribute')})")


def attribute_span(claim, tl) -> Finding:
    """A sourced span of years (``subject``, ``attribute``, value ``YYYY-YYYY``) against the
    span a phrase names (claimed ``YYYY-YYYY``, its widest defensible reading, stated in the
    claim's unit): accurate if the two meet."""
    rows = _facts(tl, claim.param("subject"), claim.param("attribute"))
    spans = [tuple(int(y) for y in v.split("-")) for v in rows["value"] if v.count("-") == 1]
    first, last = (int(y) for y in claim.claimed_value.split("-"))
    if not spans:
        rule = f"No span of {claim.param('attribute')} for {claim.param('subject')} was published by the article's date."
        return Finding(claim.claim_id, claim.claimed_value, claim.unit, None, None, None,
                       rate(first, 0, 0, known=False), rule)
    low, high = min(a for a, _ in spans), max(b for _, b in spans)
    rule = (f"{claim.param('subject')}: {claim.param('attribute')} {low}–{high} ({'; '.join(rows['note'])}). The phrase "
            f"is read at its widest, {first}–{last}; accurate if the two spans meet.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, f"{low}-{high}", low, high,
                   rate(first, low, high, claimed_high=last), rule, merge_ids(*rows["source_ids"]),
                   decided_by=f"facts.csv ({claim.param('attribute')})")


#: scale words of a unit such as "billion USD": a fact is kept as its source prints it
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _in_unit(value: float, unit: str, wanted: str) -> float:
    """``value`` in ``unit`` expressed in ``wanted``: the same unit, or the same one with another
    scale word ("27 billion USD" is 27,000 million USD); anything else is a data error."""
    if unit == wanted:
        return value
    (scale, _, rest), (want, _, want_rest) = unit.partition(" "), wanted.partition(" ")
    if scale in SCALES and want in SCALES and rest == want_rest:
        return value * SCALES[scale] / SCALES[want]
    raise DataError(f"facts.csv: a value in {unit!r} cannot be read in {wanted!r}")


#: a sourced figure this far from the claim (a fraction of the nearer end) is "mostly-accurate": a news
#: text rounds a published price or size to its leading digits
NEAR = 0.10


def attribute_value(claim, tl) -> Finding:
    """A number the article gives (``subject``, ``attribute``, in ``unit``) against every value of
    it published by the article's date in ``facts.csv`` (sources that disagree give the range);
    none published by then: ``unverifiable``. Rated with :data:`NEAR`."""
    subject, attribute, unit = claim.param("subject"), claim.param("attribute"), claim.param("unit")
    rows = _facts(tl, subject, attribute)
    bad = [v for v in rows["value"] if not _is_number(v)]
    if bad:
        raise DataError(f"facts.csv: {subject} {attribute} is {bad[0]!r}, not a number")
    values = pd.Series([_in_unit(float(v), u, unit) for v, u in zip(rows["value"], rows["unit"])], index=rows.index,
                       dtype=float)
    later = tuple(f"{r['value']} {r['unit']} ({r['source_ids']}, published after the article or undated)"
                  for _, r in tl.facts[(tl.facts["subject"] == subject) & (tl.facts["attribute"] == attribute)]
                  .drop(rows.index).iterrows())
    if values.empty:
        return Finding(claim.claim_id, claim.claimed_value, claim.unit, None, None, None,
                       rate(claim.value, 0, 0, known=False),
                       f"No value of {attribute} for {subject} was published by the article's date.", later_evidence=later)
    low, high = float(values.min()), float(values.max())
    said = "; ".join(f"{v} {u} ({ids})" for v, u, ids in zip(rows["value"], rows["unit"], rows["source_ids"]))
    said_low, said_high = as_stated(claim.claimed_value)
    rule = (f"{subject}, {attribute}, as published by the article: {said}. Accurate if {claim.value:g} {unit}, read to its "
            f"last digit, meets {low:g}–{high:g}; mostly-accurate within {NEAR:.0%}.")
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, float(values.median()), low, high,
                   rate(said_low, low, high, near=NEAR, claimed_high=said_high), rule, merge_ids(*rows["source_ids"]),
                   decided_by=f"facts.csv ({attribute}), sources published by the article", later_evidence=later)
