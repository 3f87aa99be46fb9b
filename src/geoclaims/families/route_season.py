"""The route family's season kind: how many months of a span the Northern Sea Route's
navigation season covers, by each statement of the season published by the article."""

from __future__ import annotations

from ..errors import DataError
from ..findings import Finding
from ..rating import rate
from .route_evidence import RouteEvidence


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def _month(text: str, opening: bool) -> int:
    """The first (opening) or last (closing) month a season statement covers, whole months only
    when it opens: "late June" opens in July; "early December" closes with November."""
    words = text.lower().replace(",", " ").split()
    month = next(_MONTHS.index(w) + 1 for w in words if w in _MONTHS)
    if opening and any(w in ("late", "second", "mid", "end") for w in words):
        return month + 1
    if not opening and any(w in ("early", "beginning", "first", "mid") for w in words):
        return month - 1
    return month


def season_months(claim, ev: RouteEvidence) -> Finding:
    """How many months of a span (``months=6-8``: the summer) the NSR season covers in full, by
    each statement of the season published by the article; the claimed value is how many the
    article implies (all three for "the summer months")."""
    try:
        first, last = (int(m) for m in claim.param("months").split("-"))
        if not 1 <= first <= last <= 12:
            raise ValueError
    except ValueError:
        raise DataError(f"claim {claim.claim_id}: months must be FIRST-LAST within 1-12, got "
                        f"{claim.param('months')!r}") from None
    span = set(range(first, last + 1))
    season = ev.season[~ev.season["later"]]
    covered = [len(span & set(range(_month(o, True), _month(c, False) + 1))) for o, c in zip(season["opens"], season["closes"])]
    low, high = min(covered), max(covered)
    said = "; ".join(f"{o} to {c}" for o, c in zip(season["opens"], season["closes"]))
    rule = (f"The NSR season as published by the article's date: {said}; of months {first}–{last} it covers "
            f"{low}" + (f" to {high}" if high != low else "") + " in full. Accurate if the claimed number meets that.")
    later = tuple(f"{o} to {c} ({ids})" for o, c, ids in ev.season[ev.season["later"]][["opens", "closes", "source_ids"]]
                  .itertuples(index=False))
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, max(set(covered), key=covered.count), low, high,
                   rate(claim.value, low, high), rule, tuple(i for c in season["source_ids"] for i in c.split("; ")),
                   decided_by="statements of the NSR season published by the article", later_evidence=later)
