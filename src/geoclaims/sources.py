"""The source manifest, ``data/sources.csv``: one row per source a number comes from."""

from __future__ import annotations


import pandas as pd

from .tables import cached_loader, read_table

SOURCE_COLUMNS = ("source_id", "files", "supports", "publisher", "title", "url", "date_accessed", "licence")


@cached_loader
def load_sources() -> pd.DataFrame:
    """Read ``data/sources.csv``, indexed by ``source_id``.

    Every column must be filled: a number without a publisher, URL and access date has
    no place in ``data/``.
    """
    frame = read_table(
        "sources.csv", SOURCE_COLUMNS, key="source_id",
        nonempty=SOURCE_COLUMNS, dates=("date_accessed",),
    )
    return frame.set_index("source_id", drop=False)


def source_ids() -> set[str]:
    """The ids of every source in the manifest."""
    return set(load_sources().index)
