"""The README stays true: its scorecard block is current and its script example runs."""

from __future__ import annotations

import re

from geoclaims.paths import REPO_ROOT
from geoclaims.publish.readme import render
from geoclaims.scorecard import check_claims

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_scorecard_block_is_current():
    assert render(README, check_claims()) == README, "run `make readme`"


def test_readme_script_example_runs(capsys):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, "README example", "exec"), {})
    out = capsys.readouterr().out
    assert "Sochi" in out and "accurate 5" in out and "42.6 km" in out and "nm in the NSR water area" in out


def test_readme_names_the_two_commands_and_embeds_every_figure():
    from geoclaims.publish.figures import figure_names

    assert "make run" in README and "make test" in README
    for name in figure_names():
        assert f"(figures/{name}.png)" in README
