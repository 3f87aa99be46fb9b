"""Loaders of published figures that are not positions or routes: distances between places,
crossing times, yearly traffic statistics and stated forecasts (``data/place_distances.csv``,
``crossing_times.csv``, ``traffic.csv``, ``forecasts.csv``). Each row cites its sources; the
checks decide which were published by an article's date (:func:`geoclaims.datasets.later_than`).
"""

from __future__ import annotations

import pandas as pd

from .data import cached_loader, load_table
from .errors import DataError


@cached_loader
def load_place_distances() -> pd.DataFrame:
    """``place_distances.csv``: published distances between two places, each in its own unit."""
    return load_table("place_distances.csv")


@cached_loader
def load_crossing_times() -> pd.DataFrame:
    """``crossing_times.csv``, with ``hours``: the stated duration, or the length over the speed;
    a row must give one of the two, not both and not neither."""
    frame = load_table("crossing_times.csv")
    stated = frame["duration"].notna()
    computed = frame["length_km"].notna() & frame["speed_kmh"].notna()
    bad = (stated == computed) | (stated & (frame["unit"] == ""))
    if bad.any():
        raise DataError(f"crossing_times.csv, line {frame.index[bad][0] + 2}: give a duration with its unit, or "
                        "length_km and speed_kmh (not both)")
    per_hour = frame["unit"].map({"minutes": 1 / 60, "hours": 1.0, "days": 24.0})
    frame["hours"] = (frame["duration"] * per_hour).where(stated, frame["length_km"] / frame["speed_kmh"])
    return frame.set_index("time_id", drop=False)


@cached_loader
def load_traffic() -> pd.DataFrame:
    """``traffic.csv``: yearly statistics of a route, one row per year, measure and source."""
    frame = load_table("traffic.csv")
    frame["year"] = frame["year"].astype(int)
    return frame


@cached_loader
def load_forecasts() -> pd.DataFrame:
    """``forecasts.csv``: forecasts and plans, one row per statement of them."""
    return load_table("forecasts.csv").set_index("forecast_id", drop=False)


PUBLISHED_TABLES = (load_place_distances, load_crossing_times, load_traffic, load_forecasts)
