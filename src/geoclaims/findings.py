"""The result of checking one claim, and the fixed rating scale.

Ratings (each check documents the thresholds it uses in its ``rule``):

``accurate``
    the claimed value lies inside the range the evidence supports.
``mostly-accurate``
    outside that range but close (the check states how close), or right in substance
    with a wrong detail.
``misleading``
    the number can be defended only under assumptions the article does not state,
    or it is true but creates a false impression.
``inaccurate``
    the evidence contradicts the claim.
``unverifiable``
    the sources available cannot decide it.

``not-checked`` marks a claim whose check is not built yet; it is not a rating and is
never counted as one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .errors import InputError

RATINGS = ("accurate", "mostly-accurate", "misleading", "inaccurate", "unverifiable")
NOT_CHECKED = "not-checked"

#: 1-5 scores for the ratings (5 = accurate), used by exports; ``unverifiable`` has none.
RATING_SCORES = {"accurate": 5, "mostly-accurate": 4, "misleading": 3, "inaccurate": 1}

Value = float | int | str | None


@dataclass(frozen=True)
class Finding:
    """One claim's verdict with the evidence it rests on.

    Attributes
    ----------
    claim_id : id from ``data/claims.csv``.
    claimed_value, unit : what the article says, as encoded in the registry.
    measured : the central value the evidence gives (a number, or an ISO date/month).
    low, high : the range the evidence supports, in the same unit as ``measured``.
    rating : one of :data:`RATINGS`, or :data:`NOT_CHECKED`.
    rule : one sentence saying how the rating follows from the numbers.
    sources : ids of ``data/sources.csv`` rows the numbers come from.
    decided_by : the evidence the rating rests on, in words.
    later_evidence : evidence published after the article, shown apart, never the basis of the rating.
    figures : paths (relative to the repository) of the figures that show the evidence,
        filled in from the check kind's declaration by :class:`geoclaims.scorecard.Run`.
    """

    claim_id: str
    claimed_value: Value
    unit: str
    measured: Value
    low: Value
    high: Value
    rating: str
    rule: str
    sources: tuple[str, ...] = ()
    figures: tuple[str, ...] = field(default=())
    #: the evidence that decides the rating, in words (e.g. "routes and speeds published by 2014")
    decided_by: str = ""
    #: evidence published after the article, shown apart and never the basis of the rating
    later_evidence: tuple[str, ...] = ()
    #: the claim checked (a :class:`geoclaims.registry.Claim`), set by the run that checked it, so
    #: that every presenter reads the claim's words from the finding itself
    claim: object = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.rating not in RATINGS and self.rating != NOT_CHECKED:
            raise InputError(f"rating must be one of {RATINGS + (NOT_CHECKED,)}, got {self.rating!r}")

    @property
    def checked(self) -> bool:
        """False for a claim whose check is not built yet."""
        return self.rating != NOT_CHECKED

    def as_dict(self) -> dict:
        """Plain-Python form (tuples become lists), for JSON."""
        out = {k: v for k, v in asdict(self).items() if k != "claim"}
        out["sources"] = list(self.sources)
        out["figures"] = list(self.figures)
        out["later_evidence"] = list(self.later_evidence)
        return out


def require_findings(findings, what: str = "findings") -> list[Finding]:
    """``findings`` as a list, or :class:`InputError` naming ``what`` when it is not a sequence
    of :class:`Finding` (``check_claims`` returns one)."""
    if isinstance(findings, (str, bytes)) or not hasattr(findings, "__iter__"):
        raise InputError(f"{what} must be a list of Finding (from check_claims), got {type(findings).__name__}")
    out = list(findings)
    bad = next((f for f in out if not isinstance(f, Finding)), None)
    if bad is not None:
        raise InputError(f"{what} must hold Finding objects (from check_claims), got {bad!r}")
    return out
