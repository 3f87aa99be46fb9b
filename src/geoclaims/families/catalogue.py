"""The catalogue of check kinds, read from the families' declarations: what ``geoclaims kinds``
prints, and what CONTRIBUTING.md's table of kinds and METHOD.md's table of tolerances are
generated from (a test fails when either is stale)."""

from __future__ import annotations

from . import FAMILIES


def kinds() -> list[dict]:
    """One row per check kind: ``family``, ``kind``, ``value`` (the claimed value's form),
    ``params`` (each with ``name``, ``required`` and ``default``), ``figures`` and ``doc``."""
    rows = []
    for family in FAMILIES.values():
        for name, check in family.checks.items():
            params = [{"name": p, "required": p in check.required, "default": check.defaults.get(p)}
                      for p in check.params]
            rows.append({"family": family.name, "kind": name, "value": check.value, "params": params,
                         "figures": list(check.figures), "doc": check.doc, "tolerance": check.tolerance,
                         "why": check.why, "as_written": check.as_written})
    return rows


def param_text(p: dict) -> str:
    """A parameter as the tables print it: its name if required, ``[name=default]`` if not."""
    if p["required"]:
        return p["name"]
    return f"[{p['name']}={p['default']}]" if p["default"] is not None else f"[{p['name']}]"


def kinds_markdown() -> str:
    """The catalogue as a Markdown table (family, kind, parameters, value, what it checks)."""
    lines = ["| family | kind | parameters (`[optional=default]`) | claimed value | what it checks |",
             "|---|---|---|---|---|"]
    for row in kinds():
        params = ", ".join(param_text(p) for p in row["params"]) or "none"
        lines.append(f"| {row['family']} | `{row['kind']}` | {params} | {row['value']} | "
                     f"{row['doc'].replace('|', '/')} |")
    return "\n".join(lines)


def tolerances_markdown() -> str:
    """The tolerance of every kind as a Markdown table (METHOD.md's, generated from the same
    declarations the checks rate with)."""
    lines = ["| family | kind | tolerance | claim read to its last digit | why |", "|---|---|---|---|---|"]
    for row in kinds():
        lines.append(f"| {row['family']} | `{row['kind']}` | {row['tolerance']} | "
                     f"{'yes' if row['as_written'] else 'no'} | {row['why']} |")
    return "\n".join(lines)
