"""Run the checks of an article and lay out the scorecard.

A :class:`Run` holds one article's claims and builds each family's evidence once, on
first use; the checks, the figures and the notebook helpers of that run all read the same
evidence object, so a figure cannot show numbers other than those a verdict used.
:func:`run_for` keeps one run per article per process (reset by
:func:`geoclaims.data.clear_caches`).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from .articles import DEFAULT_ARTICLE, load_article
from .data import cached_loader, load_sources
from .errors import DataError, GeoclaimsError, InputError, NotPublishedThenError
from .families import FAMILIES
from .layout import columns, terminal_width  # noqa: F401 (their former import path)
from .findings import NOT_CHECKED, Finding, require_findings
from .rating import rate
from .registry import Claim, get_claim, load_claims, select_claims

FORMATS = ("table", "details", "json", "csv", "markdown")
JSON_KEYS = ("claim_id", "quote", "speaker", "kind", "claimed_value", "unit", "measured", "low", "high",
             "rating", "rule", "decided_by", "later_evidence", "sources", "figures")


def figure_path(name: str, article: str = DEFAULT_ARTICLE, fmt: str = "png") -> str:
    """Where a figure of an article lives, relative to the repository: ``figures/NAME.png``
    for the default article, ``figures/SLUG/NAME.png`` for the others."""
    folder = "figures" if article == DEFAULT_ARTICLE else f"figures/{article}"
    return f"{folder}/{name}.{fmt}"


class Run:
    """One article's claims and, built once each, its families' evidence."""

    def __init__(self, article: str | None = None):
        self.article = load_article(article)
        self.claims = load_claims(self.article.slug)
        load_sources()
        for family in self.families():  # the tables this article's claims read, each validated up front
            for loader in FAMILIES[family].tables:
                loader()
        self._evidence: dict[str, object] = {}
        self._all: list[Finding] | None = None

    def families(self) -> list[str]:
        """The families this article's claims use, in :data:`FAMILIES` order."""
        used = {c.family for c in self.claims}
        return [name for name in FAMILIES if name in used]

    def evidence(self, family: str):
        """The family's evidence for this article, built on first use. A data error in building
        it names the claim whose parameters caused it (its article, file and line)."""
        if family not in FAMILIES:
            raise InputError(f"unknown family {family!r}; known: {', '.join(FAMILIES)}")
        if family not in self._evidence:
            mine = [c for c in self.claims if c.family == family or FAMILIES[family].reads_all_claims]
            try:
                self._evidence[family] = FAMILIES[family].evidence(self.article, mine)
            except GeoclaimsError as exc:
                raise _blame(exc, self._culprit(family, mine)) from None
        return self._evidence[family]

    def _culprit(self, family: str, claims: list[Claim]) -> Claim | None:
        """The first claim whose evidence fails to build on its own (only asked after a failure)."""
        for claim in claims:
            try:
                FAMILIES[family].evidence(self.article, [claim])
            except GeoclaimsError:
                return claim
        return None

    def check(self, claim: Claim) -> Finding:
        """The finding of one claim, with the figures its check kind declares; the kind's declared
        defaults fill the parameters the claim leaves out."""
        kind = FAMILIES[claim.family].checks[claim.check]
        missing = {k: v for k, v in kind.defaults.items() if k not in dict(claim.params)}
        if missing:
            claim = replace(claim, params=claim.params + tuple(missing.items()))
        evidence = self.evidence(claim.family)
        try:
            finding = kind.function(claim, evidence)
        except NotPublishedThenError as exc:  # what it needs came later: unverifiable, with no figure
            rule = (f"{exc}: the claim cannot be decided on what was published by the article's date "
                    "(docs/METHOD.md, the one rule for dates).")
            return Finding(claim.claim_id, claim.claimed_value, claim.unit, None, None, None,
                           rate(0, 0, 0, known=False), rule, later_evidence=exc.later, claim=claim)
        except GeoclaimsError as exc:
            raise _blame(exc, claim) from None
        if finding.claim_id != claim.claim_id:
            raise DataError(f"check {claim.family}:{claim.check} returned a finding for {finding.claim_id!r}, "
                            f"not {claim.claim_id!r}")
        family = FAMILIES[claim.family]
        names = [family.figure_name(n, claim, evidence) for n in kind.figures if kind.shows is None or kind.shows(claim, evidence, n)]
        return replace(finding, figures=tuple(figure_path(n, self.article.slug) for n in names), claim=claim)

    def findings(self, claim_ids: Iterable[str] | None = None) -> list[Finding]:
        """Findings of the claims asked for (all by default), each once, in the order asked; all
        the article's findings are checked once per run (figures and notebooks ask again and again)."""
        if claim_ids is None:
            if self._all is None:
                self._all = [self.check(c) for c in self.claims]
            return list(self._all)
        return [self.check(c) for c in select_claims(claim_ids, self.article.slug)]


def _blame(exc: GeoclaimsError, claim: Claim | None) -> GeoclaimsError:
    """The same error, its message led by where the claim is written (article, file, line and
    the params column), so that a bad parameter or a missing id is found where it was typed."""
    if claim is None or str(exc).startswith("articles/"):
        return exc
    blamed = type(exc)(f"{claim.where}, column 'params' (claim {claim.claim_id}): {exc}")
    return blamed


@cached_loader
def run_for(article: str | None = None) -> Run:
    """The process's run of ``article`` (default: the DW article)."""
    return Run(article)


def check_claims(claim_ids: Iterable[str] | None = None, article: str | None = None) -> list[Finding]:
    """Check the given claims (all of them by default) of ``article``, in the order asked.

    Raises
    ------
    UnknownClaimError
        for an id not in the registry (before any check runs); :class:`InputError` for a
        single string where a list of ids is wanted.
    """
    return run_for(article).findings(claim_ids)


def show_value(value) -> str:
    """A value as readers see it everywhere (terminal, report, notebooks): whole numbers without
    ``.0``, others to 4 significant figures but never in exponent form (10,000 and more to the
    unit), nothing for a missing value."""
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if value != value:
            return ""
        if value.is_integer() or abs(value) >= 9999.5:  # 9999.5 would round to "1e+04" at 4 figures
            return f"{value:.0f}"
        return np.format_float_positional(value, precision=4, unique=False, fractional=False, trim="-")
    if value is None:
        return ""
    return str(value)


def show_claimed(f: Finding) -> str:
    """What the article claims, with its unit (a date or a month needs none)."""
    unit = "" if f.unit in ("date", "month") else f" {f.unit}"
    return f"{show_value(f.claimed_value)}{unit}".strip()


def show_range(low, high) -> str:
    """``low–high``, or one value when both ends print the same; "—" when the evidence gives no
    range (an unverifiable claim), so an empty cell never looks like a missing one."""
    a, b = show_value(low), show_value(high)
    if not a and not b:
        return "—"
    return a if a == b else f"{a} – {b}"


def claim_of(f: Finding, article: str | None = None) -> Claim:
    """The claim a finding is about: the one it carries, else looked up in the article's registry."""
    return f.claim if f.claim is not None else get_claim(f.claim_id, article)


def typed_value(value, form: str):
    """A claimed value as its kind's type: counts as ``int``, numbers as ``float``, dates,
    months and spans as their ISO text (so JSON never mixes ``'3'``, ``5`` and ``19.0``)."""
    if value is None or form in ("date", "month", "span"):
        return None if value is None else str(value)
    number = float(value)
    return int(number) if form == "count" else number


def scorecard_frame(findings: Sequence[Finding], article: str | None = None) -> pd.DataFrame:
    """One row per finding with the quote from the registry, columns :data:`JSON_KEYS`."""
    rows = []
    for f in findings:
        row = f.as_dict()
        claim = claim_of(f, article)
        form = FAMILIES[claim.family].checks[claim.check].value
        row.update(quote=claim.quote, speaker=claim.speaker, kind=claim.kind,
                   claimed_value=typed_value(f.claimed_value, form))
        rows.append({k: row[k] for k in JSON_KEYS})
    return pd.DataFrame(rows, columns=list(JSON_KEYS))


def summary(findings: Sequence[Finding]) -> str:
    """One line counting the ratings; ``not-checked`` is counted apart."""
    counts = pd.Series([f.rating for f in findings], dtype=object).value_counts()
    rated = [f"{n} {r}" for r, n in counts.items() if r != NOT_CHECKED]
    line = f"{len(findings)} claim{'' if len(findings) == 1 else 's'}: " + (", ".join(rated) if rated else "none rated")
    if NOT_CHECKED in counts:
        line += f"; {counts[NOT_CHECKED]} not checked yet"
    return line


def _table(findings: Sequence[Finding], width: int) -> str:
    rows = [("claim", "claimed", "evidence", "rating")]
    rows += [(f.claim_id, show_claimed(f),
              show_range(f.low, f.high) if f.checked else "", f.rating) for f in findings]
    return "\n".join(columns(rows, width, shrink=(1, 2)) + [""] + textwrap.wrap(summary(findings), width=width))


def format_scorecard(findings: Sequence[Finding], fmt: str = "table", article: str | None = None,
                     width: int | None = None) -> str:
    """Lay out findings as ``table`` (one aligned line per claim, fitted to ``width`` or the
    terminal's), ``details`` (the rule, the evidence and later evidence in prose), ``json``,
    ``csv`` or ``markdown``."""
    if fmt not in FORMATS:
        raise InputError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    findings = require_findings(findings)
    if fmt == "json":
        return json.dumps(scorecard_frame(findings, article).to_dict(orient="records"), ensure_ascii=False, indent=2)
    if fmt == "csv":
        frame = scorecard_frame(findings, article)
        for col in ("sources", "figures", "later_evidence"):
            frame[col] = frame[col].map("; ".join)
        return frame.to_csv(index=False, lineterminator="\n").rstrip("\n")
    if fmt == "markdown":
        header = ("claim", "claimed", "unit", "measured", "range", "rating")
        rows = [(f.claim_id, show_value(f.claimed_value), f.unit, show_value(f.measured),
                 show_range(f.low, f.high) if f.checked else "", f.rating) for f in findings]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        return "\n".join(lines + ["", summary(findings)])
    width = width or terminal_width()
    if fmt == "table":
        return _table(findings, width)
    wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False)
    lines = []
    for f in findings:
        claim = claim_of(f, article)
        lines.append(textwrap.shorten(f"{f.claim_id}: {f.rating}", width=width, placeholder="…"))
        numbers = f"{claim.speaker} ({claim.kind}) claims {show_value(f.claimed_value)} {f.unit}"
        if f.checked and f.measured is not None:  # an unverifiable finding has no number to show
            numbers += f"; measured {show_value(f.measured)}; evidence {show_range(f.low, f.high)}"
        lines += wrap.wrap(numbers) + wrap.wrap(f.rule)
        lines += wrap.wrap(f"Decided by: {f.decided_by}") if f.decided_by else []
        lines += [line for later in f.later_evidence for line in wrap.wrap(f"Later evidence (not used): {later}")]
        lines.append("")
    return "\n".join(lines + textwrap.wrap(summary(findings), width=width))
