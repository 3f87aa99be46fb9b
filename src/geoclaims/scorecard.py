"""Run the checks named in the registry and lay out the scorecard.

A claim's ``check`` column names ``module:function`` in this package. The module
provides ``load_evidence()`` (reads its data once) and the function takes
``(claim, evidence)`` and returns a :class:`~geoclaims.findings.Finding`. A claim whose
module does not exist yet is reported ``not-checked``; a module that exists without the
named function is a registry error, never a silent ``not-checked``.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Sequence

import pandas as pd

from .errors import DataError
from .findings import NOT_CHECKED, Finding
from .registry import Claim, get_claim, load_claims

FORMATS = ("table", "json", "csv", "markdown")
JSON_KEYS = ("claim_id", "quote", "claimed_value", "unit", "measured", "low", "high",
             "rating", "rule", "sources", "figures")


def _resolve(claim: Claim):
    module_name, function_name = claim.check.split(":")
    qualified = f"geoclaims.{module_name}"
    try:
        module = importlib.import_module(qualified)
    except ModuleNotFoundError as exc:
        if exc.name == qualified:
            return None, None
        raise
    function = getattr(module, function_name, None)
    if function is None:
        raise DataError(f"claims.csv ({claim.claim_id}): {qualified} has no check {function_name!r}")
    return module, function


def not_checked(claim: Claim) -> Finding:
    """The placeholder finding of a claim whose check is not built yet."""
    return Finding(claim.claim_id, claim.claimed_value, claim.unit, None, None, None,
                   NOT_CHECKED, f"no check built yet ({claim.check})")


def check_claims(claim_ids: Iterable[str] | None = None) -> list[Finding]:
    """Check the given claims (all of them by default), in registry order of the request.

    Raises
    ------
    UnknownClaimError
        for an id not in the registry (before any check runs).
    """
    claims = list(load_claims()) if claim_ids is None else [get_claim(c) for c in claim_ids]
    evidence: dict[str, object] = {}
    findings = []
    for claim in claims:
        module, function = _resolve(claim)
        if module is None:
            findings.append(not_checked(claim))
            continue
        if module.__name__ not in evidence:
            evidence[module.__name__] = module.load_evidence()
        finding = function(claim, evidence[module.__name__])
        if finding.claim_id != claim.claim_id:
            raise DataError(f"{claim.check} returned a finding for {finding.claim_id!r}, not {claim.claim_id!r}")
        findings.append(finding)
    return findings


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def scorecard_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """One row per finding with the quote from the registry, columns :data:`JSON_KEYS`."""
    rows = []
    for f in findings:
        row = f.as_dict()
        row["quote"] = get_claim(f.claim_id).quote
        rows.append({k: row[k] for k in JSON_KEYS})
    return pd.DataFrame(rows, columns=list(JSON_KEYS))


def summary(findings: Sequence[Finding]) -> str:
    """One line counting the ratings; ``not-checked`` is counted apart."""
    counts = pd.Series([f.rating for f in findings]).value_counts()
    rated = [f"{n} {r}" for r, n in counts.items() if r != NOT_CHECKED]
    line = f"{len(findings)} claims: " + (", ".join(rated) if rated else "none rated")
    if NOT_CHECKED in counts:
        line += f"; {counts[NOT_CHECKED]} not checked yet"
    return line


def format_scorecard(findings: Sequence[Finding], fmt: str = "table") -> str:
    """Lay out findings as ``table`` (terminal), ``json``, ``csv`` or ``markdown``."""
    if fmt == "json":
        return json.dumps(scorecard_frame(findings).to_dict(orient="records"), ensure_ascii=False, indent=2)
    if fmt == "csv":
        frame = scorecard_frame(findings)
        for col in ("sources", "figures"):
            frame[col] = frame[col].map("; ".join)
        return frame.to_csv(index=False, lineterminator="\n").rstrip("\n")
    rows = [
        (f.claim_id, _show(f.claimed_value), f.unit, _show(f.measured),
         f"{_show(f.low)} – {_show(f.high)}" if f.checked else "", f.rating)
        for f in findings
    ]
    header = ("claim", "claimed", "unit", "measured", "range", "rating")
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        return "\n".join(lines + ["", summary(findings)])
    if fmt != "table":
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)),
             "  ".join("-" * w for w in widths)]
    for f, row in zip(findings, rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        lines.append(f"    {f.rule}")
    return "\n".join(lines + ["", summary(findings)])
