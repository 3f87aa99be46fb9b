"""geoclaims' route lengths against the published distances of ``reference_distances.csv``, per
pair and summed up per corridor and source class (notebook 01, BENCHMARKS.md, the tests' ±2% /
3.5% bounds)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..datasets import load_reference_distances
from ..world.routing import sea_route


def reference_deviations(nsr_variant: str = "coastal") -> pd.DataFrame:
    """Every published distance of ``reference_distances.csv`` beside geoclaims' length for
    the same pair and corridor: ``deviation`` = ours / published − 1."""
    ref = load_reference_distances()
    ours = [sea_route(o, d, via=v, nsr_variant=nsr_variant).length_nm
            for o, d, v in zip(ref["origin"], ref["destination"], ref["via"])]
    return ref.assign(geoclaims_nm=ours, deviation=np.array(ours) / ref["length_nm"].to_numpy() - 1)


def deviations_by_class(deviations: pd.DataFrame) -> pd.DataFrame:
    """:func:`reference_deviations` summed up per corridor and source class (a distance table or
    research report, an operator, the press) and over all: ``n``, the signed median and the mean
    absolute deviation, in per cent."""
    every = deviations.assign(source_class="all")
    rows = pd.concat([deviations, every]).groupby(["via", "source_class"])["deviation"]
    return pd.DataFrame({"n": rows.size(), "median_pct": 100 * rows.median(),
                         "mean_abs_pct": 100 * rows.apply(lambda d: d.abs().mean())}).round(2).reset_index()
