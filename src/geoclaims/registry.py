"""The claim registry, ``data/claims.csv``: one row per quantitative claim of the article.

Loading checks each row against the article: every ``quote`` must occur verbatim in
the text (it uses typographic apostrophes, ’), ids must be unique, and ``family`` must
be one of :data:`FAMILIES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .article import load_article
from .errors import DataError, UnknownClaimError
from .schemas import load_table
from .tables import cached_loader

FAMILIES = ("route", "tunnel", "meetings", "history")
CLAIM_COLUMNS = ("claim_id", "quote", "quantity", "claimed_value", "unit", "family", "check")


@dataclass(frozen=True)
class Claim:
    """One claim: what the article says and which function checks it.

    ``check`` is ``module:function`` inside the geoclaims package, for example
    ``timeline:meetings_since_office``.
    """

    claim_id: str
    quote: str
    quantity: str
    claimed_value: str
    unit: str
    family: str
    check: str


@cached_loader
def load_claims() -> tuple[Claim, ...]:
    """Read and validate ``data/claims.csv``; return the claims in file order.

    Raises
    ------
    DataError
        naming the file, line and problem: a missing column, an empty cell, a repeated id,
        an unknown family, a malformed ``check`` or a quote not found verbatim in the article.
    """
    frame = load_table("claims.csv")
    text = load_article()
    claims = []
    for i, row in frame.iterrows():
        where = f"claims.csv, line {i + 2} ({row['claim_id']})"
        if row["quote"] not in text:
            hint = ""
            if "'" in row["quote"] and row["quote"].replace("'", "’") in text:
                hint = " (the article uses the typographic apostrophe ’, not ')"
            raise DataError(f"{where}: quote not found verbatim in the article: {row['quote']!r}{hint}")
        if row["family"] not in FAMILIES:
            raise DataError(f"{where}: family must be one of {', '.join(FAMILIES)}, got {row['family']!r}")
        if row["check"].count(":") != 1:
            raise DataError(f"{where}: check must be 'module:function', got {row['check']!r}")
        claims.append(Claim(**{c: row[c] for c in CLAIM_COLUMNS}))
    return tuple(claims)


def claim_ids() -> list[str]:
    """Every claim id, in registry order."""
    return [c.claim_id for c in load_claims()]


def get_claim(claim_id: str) -> Claim:
    """Return the claim with this id, or raise :class:`UnknownClaimError` listing the valid ids."""
    for claim in load_claims():
        if claim.claim_id == claim_id:
            return claim
    raise UnknownClaimError(f"unknown claim id {claim_id!r}; known ids: {', '.join(claim_ids())}")
