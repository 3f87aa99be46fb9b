"""Notebooks stay thin and free of outputs; long commands report progress only on a terminal."""

from __future__ import annotations

import json
import re

import pytest

from geoclaims.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs_and_thin(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "clear the outputs"
    source = "\n".join("".join(c["source"]) for c in code)
    assert not re.search(r"^\s*(def|class)\s", source, re.M), "move functions into src/geoclaims"
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")


def test_progress_is_silent_when_piped_and_shown_when_forced(monkeypatch, capsys):
    from geoclaims import progress

    monkeypatch.delenv("GEOCLAIMS_PROGRESS", raising=False)
    progress.report("quiet")  # pytest captures stderr: not a terminal
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("GEOCLAIMS_PROGRESS", "1")
    progress.report("shown")
    assert capsys.readouterr().err == "shown\n"
