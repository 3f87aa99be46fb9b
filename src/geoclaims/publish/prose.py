"""Findings and tables as readers see them in notebooks: prose instead of a truncated table,
whole numbers without ``.0``, blanks for missing values, lists joined, no Python reprs."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import pandas as pd

from ..findings import Finding
from ..scorecard import claim_of, show_range, show_value, summary


#: how each rating reads at the end of a conclusion sentence
_VERDICT_WORDS = {
    "accurate": "the claim holds",
    "mostly-accurate": "the claim is close, within the method's stated tolerance, but not exact",
    "misleading": "each number can be defended on its own, but together they give a false impression",
    "inaccurate": "the claim is wrong",
    "unverifiable": "what was published by the article's date cannot decide the claim",
}


def conclusion(f: Finding, claim) -> str:
    """One plain-language sentence a reader can take away (Full Fact's style): who said
    what, what the evidence gives, and what follows."""
    who = "The article says" if claim.speaker == "narration" else f"{claim.speaker} says"
    said = f"{who} “{claim.quote}”"
    if not f.checked:
        return f"{said}; this claim is not checked yet."
    if f.low is None or show_value(f.low) == "":
        return f"{said}: {_VERDICT_WORDS[f.rating]}."
    unit = f.unit.split(" (")[0]
    unit = "" if unit in ("date", "month", "ratio", "") or unit[0].isdigit() else f" {unit}"
    return f"{said}; the evidence gives {show_range(f.low, f.high)}{unit}, so {_VERDICT_WORDS[f.rating]}."


def _md(value) -> str:
    """Text from data, safe inside Markdown a notebook renders as HTML: markup escaped, so an
    article folder from someone else cannot put a script or a link in a report page."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", html.escape(str(value), quote=False))


def findings_markdown(findings: Sequence[Finding], article: str | None = None) -> str:
    """The findings as Markdown prose: one paragraph per claim, then the count of ratings
    (every value from data escaped, :func:`_md`)."""
    paragraphs = []
    for f in findings:
        claim = claim_of(f, article)
        speaker = "the article" if claim.speaker == "narration" else claim.speaker
        numbers = (f"The evidence gives {_md(show_range(f.low, f.high))} (measured {_md(show_value(f.measured))})."
                   if f.checked and f.low is not None else "")
        text = (f"**{_md(claim.quantity[:1].upper() + claim.quantity[1:])}** — {_md(speaker)} says “{_md(claim.quote)}” "
                f"({_md(show_value(f.claimed_value))} {_md(f.unit)}): **{f.rating}**. {numbers} {_md(f.rule)}")
        if f.decided_by:
            text += f" *Decided by:* {_md(f.decided_by)}."
        if f.later_evidence:
            text += " *Later evidence, not used:* " + "; ".join(_md(v) for v in f.later_evidence) + "."
        paragraphs.append(text)
    return "\n\n".join(paragraphs + [f"*{summary(findings)}.*"])


def reader_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` formatted for reading: numbers as :func:`~geoclaims.scorecard.show_value`
    prints them (whole, or to four significant figures, never in exponent form), dates as
    ``YYYY-MM-DD``, missing values blank, lists and tuples joined."""
    def cell(value):
        if isinstance(value, (list, tuple)):
            return "; ".join(str(v) for v in value)
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d}"
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return show_value(float(value)) if isinstance(value, float) else str(value)

    return frame.apply(lambda column: column.map(cell))
