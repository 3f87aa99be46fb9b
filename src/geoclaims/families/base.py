"""What a claim family declares: its evidence, its check kinds, its figures and its notebook.

A family is the unit of the package: the scorecard, the figures, the report and the export
loop over :data:`geoclaims.families.FAMILIES` and never name a claim. A claim of a known
kind is data only (a row of an article's ``claims.csv`` naming its family, its check kind
and the check's parameters); a new kind is one entry in a family's ``checks``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

#: how a check reads a claim's ``claimed_value``
VALUE_KINDS = ("number", "count", "date", "month", "span")


@dataclass(frozen=True)
class Check:
    """One kind of check: ``function(claim, evidence) -> Finding``.

    ``value`` is the form the claimed value must have; ``params`` the names the claim's
    ``params`` cell may set (``required`` those it must; ``defaults`` the value of an optional
    one when the claim leaves it out — the run sets it, so the check reads the declared default);
    ``figures`` the names of the family's figures that show this kind's evidence;
    ``shows(claim, evidence, name)``, when given, says whether figure ``name`` shows this claim's
    evidence (a figure drawn for one port pair and ship type does not show another's).
    """

    function: Callable
    value: str = "number"
    params: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    shows: Callable | None = None
    defaults: Mapping[str, str] = field(default_factory=dict)
    #: how far outside its range a claim may fall and still be "mostly-accurate": ``near`` in ``near_in``
    #: (``share``: a fraction of the range's nearer end; else a unit, "days"; 0: exact), the
    #: same constant the check passes to :func:`~geoclaims.rating.rate`, and ``why``, one sentence
    near: float = 0.0
    near_in: str = "share"
    why: str = "a count, a rank, a year or a date is exact"
    #: whether the check reads the claimed number to its last written digit (:func:`~geoclaims.rating.as_stated`)
    as_written: bool = False

    def __post_init__(self) -> None:
        if self.value not in VALUE_KINDS:
            raise ValueError(f"value must be one of {VALUE_KINDS}, got {self.value!r}")
        stray = (set(self.required) | set(self.defaults)) - set(self.params)
        if stray or set(self.required) & set(self.defaults):
            raise ValueError(f"required and defaulted parameters must be declared params, and not both: {stray}")

    @property
    def tolerance(self) -> str:
        """The tolerance in words: "10% of the nearer end", "7 days", "none"."""
        if not self.near:
            return "none"
        if self.near_in.startswith("share"):
            return f"{self.near:.0%} of the {self.near_in.removeprefix('share of the ') if ' of ' in self.near_in else 'nearer end'}"
        return f"{self.near:g} {self.near_in}"

    @property
    def doc(self) -> str:
        """The first sentence of the check function's docstring: what the kind checks."""
        text = " ".join((self.function.__doc__ or "").split())
        text = re.sub(r":\w+:`[~.]*([^`]+)`", lambda m: m.group(1).rsplit(".", 1)[-1], text).replace("``", "")
        return text.split(". ")[0].rstrip(".") + "." if text else ""


@dataclass(frozen=True)
class FigureSpec:
    """One figure: ``draw(fig, evidence)`` draws it on a bare matplotlib Figure; ``size`` in
    inches; ``headline(evidence)`` states its finding in one sentence (the figure's title) and
    ``sources(evidence)`` gives the source ids of the data it shows (its source line names
    their publishers)."""

    draw: Callable
    caption: str
    size: tuple[float, float] | None = None
    headline: Callable | None = None
    sources: Callable | None = None
    #: a claim parameter naming the figure's subject (``strait``), or a function of the claim and the
    #: evidence giving it (a port pair): the figure is then drawn once per subject the article's claims name, as
    #: ``NAME-<subject>`` (``strait-kerch``), and its functions take the subject after the evidence
    subject: str | Callable | None = None


@dataclass(frozen=True)
class Family:
    """A claim family (see the module docstring).

    ``evidence(article, claims)`` builds, once per run, everything the checks and figures
    read, from the article and its claims of this family.
    """

    name: str
    title: str
    evidence: Callable
    checks: Mapping[str, Check]
    notebook: str
    figures: Mapping[str, FigureSpec] = field(default_factory=dict)
    #: whether ``evidence`` is given every claim of the article, not only the family's (a family that
    #: compares a statement with the article's others)
    reads_all_claims: bool = False
    #: the loaders of the tables ``evidence`` reads (besides ``sources.csv``, which every family
    #: dates with): a run loads, and so validates, these for the families its claims use
    tables: tuple[Callable, ...] = ()

    def figure_name(self, key: str, claim, evidence) -> str:
        """The file name (without extension) of figure ``key`` for ``claim``: the key, followed
        by the claim's subject for a figure drawn per subject."""
        spec = self.figures[key]
        if spec.subject is None:
            return key
        return f"{key}-{spec.subject(claim, evidence) if callable(spec.subject) else claim.param(spec.subject)}"

    def resolve(self, name: str) -> tuple[str, str | None] | None:
        """``(key, subject)`` of a figure file name of this family, ``None`` if it names none."""
        for key, spec in self.figures.items():
            if name == key and spec.subject is None:
                return key, None
            if spec.subject and name.startswith(f"{key}-") and len(name) > len(key) + 1:
                return key, name[len(key) + 1:]
        return None
