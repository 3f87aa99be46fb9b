"""Where geoclaims finds its data and writes its figures: the one place that knows.

The data folder is the repository's ``data/`` in a checkout, and the copy the wheel carries
(``geoclaims/_data``) when installed from it. Set ``GEOCLAIMS_DATA`` to use another copy (a frozen
snapshot, or a user's own tables); nothing is ever looked up in the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataError

#: the article checked when none is named: the DW piece this project began with
DEFAULT_ARTICLE = "dw-2014-russo-japanese-ties"

#: The repository root when the package is installed from a checkout (``pip install -e .``).
REPO_ROOT = Path(__file__).resolve().parents[2]


def in_checkout() -> bool:
    """Whether geoclaims runs from its own checkout (``pip install -e .``: this file is the
    checkout's ``src/geoclaims/paths.py``) rather than an installed wheel, whose folder two levels
    up may be anyone's project (``pip install --target``), with a ``data/`` of its own."""
    return (REPO_ROOT / "src" / "geoclaims" / "paths.py").resolve() == Path(__file__).resolve() \
        and (REPO_ROOT / "data").is_dir()


#: The data a wheel carries (the package ``geoclaims._data``: a copy of the checkout's ``data/``).
PACKAGED_DATA = Path(__file__).resolve().parent / "_data"


def data_dir() -> Path:
    """Return the data folder, checking that it exists: ``GEOCLAIMS_DATA`` when set, else the
    checkout's ``data/``, else the copy an installed wheel carries."""
    path = Path(os.environ.get("GEOCLAIMS_DATA") or (REPO_ROOT / "data" if in_checkout() else PACKAGED_DATA))
    if not path.is_dir():
        raise DataError(f"data folder not found: {path} (set GEOCLAIMS_DATA to a folder of geoclaims' tables)")
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
    """The folder of the notebooks: ``notebooks/`` in the checkout, else the copy an installed
    wheel carries (``geoclaims/_notebooks``)."""
    checkout = REPO_ROOT / "notebooks"
    return checkout if in_checkout() and checkout.is_dir() else Path(__file__).resolve().parent / "_notebooks"


def output_root() -> Path:
    """Where commands write by default: the checkout (``figures/``), else the current folder."""
    return REPO_ROOT if in_checkout() else Path.cwd()


def method_file() -> Path:
    """``docs/METHOD.md``: the checkout's, else the copy an installed wheel carries."""
    checkout = REPO_ROOT / "docs" / "METHOD.md"
    return checkout if in_checkout() and checkout.is_file() else Path(__file__).resolve().parent / "_docs" / "METHOD.md"
