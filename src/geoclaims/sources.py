"""The source manifest, ``data/sources.csv``: one row per source a number comes from."""

from __future__ import annotations

import pandas as pd

from .schemas import load_table
from .tables import cached_loader


@cached_loader
def load_sources() -> pd.DataFrame:
    """Read ``data/sources.csv``, indexed by ``source_id``.

    Every column must be filled: a number without a publisher, URL and access date has
    no place in ``data/``.
    """
    frame = load_table("sources.csv")
    return frame.set_index("source_id", drop=False)


def source_ids() -> set[str]:
    """The ids of every source in the manifest."""
    return set(load_sources().index)
