"""Shared fixtures: network blocked for the whole run, and an editable copy of data/."""

from __future__ import annotations

import os
import runpy
import shutil
from pathlib import Path

import pytest

from geoclaims.paths import REPO_ROOT
from geoclaims.data import clear_caches


OFFLINE = Path(__file__).parent / "offline"


def pytest_configure(config):
    """Block the network here and in every subprocess (notebook kernels read PYTHONPATH)."""
    os.environ["GEOCLAIMS_BLOCK_NETWORK"] = "1"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")]))
    runpy.run_path(str(OFFLINE / "sitecustomize.py"))


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that GEOCLAIMS_DATA points at; caches are reset around the test."""
    copy = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", copy)
    monkeypatch.setenv("GEOCLAIMS_DATA", str(copy))
    clear_caches()
    yield copy
    clear_caches()


#: the DW article's folder inside data/
DW = "articles/dw-2014-russo-japanese-ties"


def edit(path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a data file, failing if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# Shared machines are noisy: property tests must not fail on a slow example.
from hypothesis import settings  # noqa: E402

settings.register_profile("geoclaims", deadline=None)
settings.load_profile("geoclaims")
