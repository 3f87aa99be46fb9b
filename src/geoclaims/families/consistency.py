"""The consistency family: two statements of one article about the same thing, checked against
each other (a caption's "22 days" against the text's "19 days" for the same voyage). Each
statement is also checked against the evidence by its own claim; this one reports whether the
article agrees with itself."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DataError
from ..findings import Finding
from ..geo.units import HOURS_PER_UNIT, KM_PER_UNIT
from ..rating import rate
from .base import Check, Family


@dataclass(frozen=True)
class ArticleClaims:
    """Every claim of the article, by id (a statement is compared with another of the same article)."""

    claims: dict


def evidence(article, claims) -> ArticleClaims:
    """The article's claims, all families (the family reads every claim of the article)."""
    return ArticleClaims({c.claim_id: c for c in claims})


def _scale(unit: str, wanted: str) -> float:
    """What one value in ``unit`` is in ``wanted`` (both times, or both lengths); the same unit is 1."""
    if unit == wanted:
        return 1.0
    if unit in HOURS_PER_UNIT and wanted in HOURS_PER_UNIT:
        return HOURS_PER_UNIT[unit] / HOURS_PER_UNIT[wanted]
    if unit in KM_PER_UNIT and wanted in KM_PER_UNIT:
        return KM_PER_UNIT[unit] / KM_PER_UNIT[wanted]
    raise DataError(f"the two statements are in {unit!r} and {wanted!r}, which cannot be compared")


def same_as_check(claim, ev: ArticleClaims) -> Finding:
    """Whether a statement agrees with another statement of the same article about the same
    thing (``other``: that claim's id; its value is converted when both units are times — minutes,
    hours, days — or lengths — km, m, mi, nm; other units must be the same): ``accurate`` if the
    two values are equal, else ``misleading``: the article gives one thing two values, which no one
    reading can both hold. The pair alone is rated; whether each value holds is each statement's
    own finding."""
    other_id = claim.param("other")
    other = ev.claims.get(other_id)
    if other is None or other_id == claim.claim_id:
        raise DataError(f"other must name another claim of the same article, got {other_id!r}")
    try:
        value = float(other.claimed_value) * _scale(other.unit, claim.unit)
    except ValueError:
        raise DataError(f"claim {other_id} states no number to compare with ({other.claimed_value!r})") from None
    agree = value == claim.value
    rule = (f"The article says {claim.value:g} {claim.unit} here and {float(other.claimed_value):g} {other.unit} in "
            f"\"{other.quote}\" "
            f"({other_id}), of the same thing: " + ("they agree." if agree else "it contradicts itself.")
            + " Two values of one thing cannot both hold under one reading: misleading when they differ; "
            "each is checked against the evidence by its own claim.")
    return Finding(claim.claim_id, claim.value, claim.unit, value, value, value,
                   rate(claim.value, value, value, misleading=True), rule,
                   decided_by=f"the article's own statement ({other_id})")


FAMILY = Family(
    name="consistency",
    title="Consistency: statements of one article about the same thing",
    evidence=evidence,
    tables=(),
    checks={"same-as": Check(same_as_check, "number", ("other",), ("other",),
                             why="two values of one thing are equal or they are not")},
    notebook="00-scorecard",
    reads_all_claims=True,
)
