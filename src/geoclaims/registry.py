"""The claim registry: an article's ``claims.csv``, one row per claim.

Loading checks each row against the article and the families: every ``quote`` must occur
verbatim in the stored text (typographic apostrophes, ’), ids must be unique, ``family``
must name a family and ``check`` one of its check kinds, ``params`` may set only the
parameters that kind takes (all it requires), and ``claimed_value`` must have the kind's
form (a number, a whole count, ``YYYY-MM-DD`` or ``YYYY-MM``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .articles import load_article
from .data import cached_loader, load_table
from .errors import DataError, InputError, UnknownClaimError
from .paths import data_dir

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_VALUE_FORMS = {"number": (_NUMBER, "a number"), "count": (re.compile(r"\d+"), "a whole number"),
                "date": (re.compile(r"\d{4}-\d{2}-\d{2}"), "a date YYYY-MM-DD"),
                "month": (re.compile(r"\d{4}-\d{2}"), "a month YYYY-MM"),
                "span": (re.compile(r"\d{4}-\d{4}"), "a span of years YYYY-YYYY")}


@dataclass(frozen=True)
class Claim:
    """One claim: what the article says, who says it, and which check kind of which family
    checks it with which parameters."""

    claim_id: str
    quote: str
    statement: str  # the claim as a reader would state it, for ClaimReview's claimReviewed
    speaker: str
    kind: str
    quantity: str
    claimed_value: str
    unit: str
    family: str
    check: str
    params: tuple[tuple[str, str], ...]
    article: str
    #: the claim's line in its article's claims.csv (0 for a claim made in code)
    line: int = 0

    @property
    def where(self) -> str:
        """``articles/<slug>/claims.csv, line N`` — where the claim is written, for error messages."""
        return f"articles/{self.article}/claims.csv, line {self.line}" if self.line else f"claim {self.claim_id}"

    def param(self, name: str, default: str | None = None) -> str:
        """The value of parameter ``name`` (``default`` when not set)."""
        value = dict(self.params).get(name, default)
        if value is None:
            raise DataError(f"claim {self.claim_id}: parameter {name!r} is not set")
        return value

    @property
    def value(self) -> float:
        """``claimed_value`` as a number (for number and count checks)."""
        return float(self.claimed_value)


def parse_params(cell: str, where: str) -> tuple[tuple[str, str], ...]:
    """``"origin=NLRTM; via=nsr"`` as ``(("origin", "NLRTM"), ("via", "nsr"))``."""
    out = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise DataError(f"{where}: params must be 'name=value; name=value', got {part!r}")
        out.append((key.strip(), value.strip()))
    if len({k for k, _ in out}) != len(out):
        raise DataError(f"{where}: a parameter is set twice in {cell!r}")
    return tuple(out)


def _real(kind: str, value: str) -> bool:
    """Whether a value of the right form is also a real date, month or span."""
    import datetime as dt

    try:
        if kind == "date":
            dt.date.fromisoformat(value)
        elif kind == "month":
            dt.date.fromisoformat(f"{value}-01")
        elif kind == "span":
            first, last = (int(y) for y in value.split("-"))
            return first <= last
    except ValueError:
        return False
    return True


def _validate(claim: Claim, where: str, text: str) -> None:
    from .families import FAMILIES

    if claim.quote not in text:
        hint = ""
        if "'" in claim.quote and claim.quote.replace("'", "’") in text:
            hint = " (the article uses the typographic apostrophe ’, not ')"
        raise DataError(f"{where}, column 'quote': not found verbatim in the article: {claim.quote!r}{hint}")
    family = FAMILIES.get(claim.family)
    if family is None:
        raise DataError(f"{where}, column 'family': must be one of {', '.join(FAMILIES)}, got {claim.family!r}")
    check = family.checks.get(claim.check)
    if check is None:
        raise DataError(f"{where}, column 'check': must be one of the {claim.family} family's "
                        f"({', '.join(family.checks)}), got {claim.check!r}")
    names = {k for k, _ in claim.params}
    unknown, missing = names - set(check.params), set(check.required) - names
    if unknown or missing:
        problem = f"unknown {', '.join(sorted(unknown))}" if unknown else f"missing {', '.join(sorted(missing))}"
        raise DataError(f"{where}, column 'params': check {claim.check!r}: {problem} "
                        f"(it takes {', '.join(check.params) or 'none'})")
    pattern, form = _VALUE_FORMS[check.value]
    if not pattern.fullmatch(claim.claimed_value) or not _real(check.value, claim.claimed_value):
        raise DataError(f"{where}, column 'claimed_value': must be {form} for check {claim.check!r}, "
                        f"got {claim.claimed_value!r}")


@cached_loader
def load_claims(article: str | None = None) -> tuple[Claim, ...]:
    """Read and validate the claims of ``article`` (default: the DW article), in file order.

    Raises
    ------
    DataError
        naming the file, line and problem (see the module docstring);
        :class:`~geoclaims.errors.UnknownArticleError` for an unknown article.
    """
    art = load_article(article)
    name = f"articles/{art.slug}/claims.csv"
    frame = load_table(name)
    claims = []
    for i, row in frame.iterrows():
        where = f"{name}, line {i + 2} ({row['claim_id']})"
        fields = {c: row[c] for c in ("claim_id", "quote", "statement", "speaker", "kind", "quantity", "claimed_value",
                                      "unit", "family", "check")}
        claim = Claim(**fields, params=parse_params(row["params"], f"{where}, column 'params'"), article=art.slug,
                      line=i + 2)
        _validate(claim, where, art.text)
        claims.append(claim)
    return tuple(claims)


@cached_loader
def load_review(article: str | None = None) -> dict[str, dict[str, str]]:
    """The second checker's ratings of ``article`` (``review.csv`` in its folder) by claim id;
    ``{}`` when the article has none.

    Raises
    ------
    DataError
        for a row naming no claim of the article, a claim left unrated, or a disagreement
        without its resolution note.
    """
    art = load_article(article)
    name = f"articles/{art.slug}/review.csv"
    if not (data_dir() / name).is_file():
        return {}
    frame = load_table(name)
    ids = claim_ids(art.slug)
    for i, row in frame.iterrows():
        where = f"{name}, line {i + 2}"
        if row["claim_id"] not in ids:
            raise DataError(f"{where}, column 'claim_id': {row['claim_id']!r} is not a claim of {art.slug}")
        if row["resolution"] != "agree" and not row["resolution_note"]:
            raise DataError(f"{where}, column 'resolution_note': a disagreement needs its reason")
    missing = [c for c in ids if c not in set(frame["claim_id"])]
    if missing:
        raise DataError(f"{name}: no second rating for {', '.join(missing)}")
    return {row["claim_id"]: dict(row) for _, row in frame.iterrows()}


def claim_ids(article: str | None = None) -> list[str]:
    """Every claim id of the article, in registry order."""
    return [c.claim_id for c in load_claims(article)]


def get_claim(claim_id: str, article: str | None = None) -> Claim:
    """The claim with this id, or :class:`UnknownClaimError` listing the valid ids."""
    if not isinstance(claim_id, str):
        raise InputError(f"a claim id must be text, got {claim_id!r}")
    for claim in load_claims(article):
        if claim.claim_id == claim_id:
            return claim
    raise UnknownClaimError(f"unknown claim id {claim_id!r}; known ids: {', '.join(claim_ids(article))}")


def select_claims(claim_ids_: Iterable[str] | None = None, article: str | None = None) -> list[Claim]:
    """The claims asked for (all by default), in the order asked, each once.

    Raises
    ------
    InputError
        for a single string instead of a list of ids; :class:`UnknownClaimError` for an unknown id.
    """
    if claim_ids_ is None:
        return list(load_claims(article))
    if isinstance(claim_ids_, str):
        raise InputError(f"claim ids must be a list of ids, not one string: {claim_ids_!r} (use [{claim_ids_!r}])")
    by_id = {c.claim_id: c for c in load_claims(article)}
    out: dict[str, Claim] = {}
    for cid in claim_ids_:
        out[cid] = by_id[cid] if isinstance(cid, str) and cid in by_id else get_claim(cid, article)  # raises
    return list(out.values())
