"""Where geoclaims finds its data and writes its figures: the one place that knows.

The data folder is the repository's ``data/``. Set ``GEOCLAIMS_DATA`` to use another
copy (for example a frozen snapshot); nothing is ever looked up in the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataError

#: the article checked when none is named: the DW piece this project began with
DEFAULT_ARTICLE = "dw-2014-russo-japanese-ties"

#: The repository root when the package is installed from a checkout (``pip install -e .``).
REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Return the data folder, checking that it exists."""
    path = Path(os.environ.get("GEOCLAIMS_DATA") or REPO_ROOT / "data")
    if not path.is_dir():
        raise DataError(
            f"data folder not found: {path} (install geoclaims from a checkout "
            "with `pip install -e .`, or set GEOCLAIMS_DATA)"
        )
    return path


def data_file(name: str) -> Path:
    """Return the path of ``data/<name>``, raising :class:`DataError` if it is missing or
    leads out of the data folder (an absolute name, ``..``, or a link pointing elsewhere: an
    article folder may come from someone else, and names no file outside its data)."""
    root = data_dir()
    path = root / name
    if not path.resolve().is_relative_to(root.resolve()):
        raise DataError(f"{name}: leads outside the data folder (a link or a path); refused")
    if not path.is_file():
        raise DataError(f"data file not found: {path}")
    return path


def notebooks_dir() -> Path:
    """The folder of the notebooks (``notebooks/`` in the checkout)."""
    return REPO_ROOT / "notebooks"
