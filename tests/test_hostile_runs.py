"""Hostile input, round three: edited outputs, killed runs, broken articles, claim parameters
that name nothing, and the library API's typed errors. Each case ends in one line and exit
status 2 (command line) or a typed error (API), and nothing of the user's is changed."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pandas as pd
import pytest
from conftest import edit

from geoclaims.cli import main
from geoclaims.errors import InputError, OutputError
from geoclaims.publish import outdir


def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


# ---- outputs a user edited --------------------------------------------------------------------------

def _built(tmp_path, files: dict[str, bytes]):
    staging = tmp_path / "staging"
    staging.mkdir()
    for name, data in files.items():
        (staging / name).write_bytes(data)
    out = tmp_path / "out"
    outdir.install(staging, out)
    return out


def test_an_output_edited_by_a_user_is_refused_by_name_and_kept(tmp_path):
    out = _built(tmp_path, {"a.png": b"old a", "b.png": b"old b"})
    (out / "a.png").write_bytes(b"my annotations")
    with pytest.raises(OutputError, match=r"a\.png was changed after geoclaims wrote it.*--force"):
        outdir.claim_folder(out, "figures")
    staging = tmp_path / "again"
    staging.mkdir()
    (staging / "a.png").write_bytes(b"new a")
    with pytest.raises(OutputError, match="was changed after geoclaims wrote it"):
        outdir.install(staging, out)
    assert (out / "a.png").read_bytes() == b"my annotations"


def test_force_replaces_an_edited_output_and_keeps_its_mode(tmp_path):
    out = _built(tmp_path, {"a.png": b"old a"})
    (out / "a.png").write_bytes(b"edited")
    os.chmod(out / "a.png", 0o444)
    staging = tmp_path / "again"
    staging.mkdir()
    (staging / "a.png").write_bytes(b"new a")
    outdir.claim_folder(out, "figures", force=True)
    outdir.install(staging, out, force=True)
    assert (out / "a.png").read_bytes() == b"new a"
    assert stat.S_IMODE((out / "a.png").stat().st_mode) == 0o444


def test_the_figures_command_names_the_edited_figure(tmp_path, capsys):
    out = tmp_path / "figs"
    assert main(["figures", "--out", str(out), "--name", "islands-areas"]) == 0
    (out / "islands-areas.png").write_bytes(b"annotated")
    capsys.readouterr()
    assert main(["figures", "--out", str(out), "--name", "islands-areas"]) == 2
    assert "islands-areas.png was changed after geoclaims wrote it" in _one_line(capsys)
    assert (out / "islands-areas.png").read_bytes() == b"annotated"
    assert main(["figures", "--out", str(out), "--name", "islands-areas", "--force"]) == 0
    assert (out / "islands-areas.png").read_bytes() != b"annotated"


# ---- killed runs ---------------------------------------------------------------------------------------

def test_an_install_killed_half_way_is_rolled_back_by_the_next_run(tmp_path, monkeypatch):
    out = _built(tmp_path, {"a.png": b"old a", "b.png": b"old b", "c.png": b"old c"})
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    staging = tmp_path / "again"
    staging.mkdir()
    for name in ("a.png", "b.png", "d.png"):
        (staging / name).write_bytes(b"new " + name.encode())
    real, moved = os.replace, []

    def killed(src, dst):  # SIGKILL after the first file: nothing after this line runs
        if len(moved) == 1:
            raise KeyboardInterrupt
        moved.append(dst)
        real(src, dst)

    monkeypatch.setattr(outdir.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        outdir.install(staging, out)
    monkeypatch.setattr(outdir.os, "replace", real)
    assert (out / outdir.JOURNAL).exists(), "the install was interrupted mid-way"
    outdir.claim_folder(out, "figures")  # the next run
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != outdir.LOCK}
    assert after == before, "the old output, whole"


def test_building_and_kernel_folders_of_dead_runs_are_removed_and_live_ones_kept(tmp_path):
    dead = tmp_path / ".report-building-999999999-abc"
    live = tmp_path / f".report-building-{os.getppid()}-abc"
    mine = tmp_path / "report-building-999999999-abc"  # not geoclaims' name: never touched
    for folder in (dead, live, mine):
        folder.mkdir()
        (folder / "x").write_text("x", encoding="utf-8")
    outdir.staging_folder(tmp_path / "report")
    assert not dead.exists() and live.exists() and mine.exists()
    kernel = tmp_path / "geoclaims-kernel-999999999-xyz"
    kernel.mkdir()
    (kernel / "kernel-1.json").write_text('{"key": "secret"}', encoding="utf-8")
    outdir.remove_stale(tmp_path, "geoclaims-kernel-")
    assert not kernel.exists()


# ---- a broken article never breaks another -----------------------------------------------------------

def test_a_broken_article_is_reported_and_skipped_by_commands_over_all_articles(data_copy, capsys, tmp_path):
    broken = data_copy / "articles" / "zz-broken"
    broken.mkdir()
    (broken / "article.toml").write_text("title = [unclosed", encoding="utf-8")
    assert main(["articles"]) == 2
    captured = capsys.readouterr()
    assert "dw-2014-russo-japanese-ties" in captured.out
    assert captured.err.count("\n") == 1 and "article zz-broken skipped" in captured.err
    assert main(["check"]) == 0, "the default article is not broken by another"
    capsys.readouterr()
    assert main(["check", "--all-articles"]) == 2
    captured = capsys.readouterr()
    assert "17 claims" in captured.out and "zz-broken skipped" in captured.err


# ---- claim parameters name where they were typed ------------------------------------------------------

@pytest.mark.parametrize("old, new, message", [
    ("origin=NLRTM; destination=JPYOK; via=nsr", "origin=XXXXX; destination=JPYOK; via=nsr", "unknown port 'XXXXX'"),
    ("strait=la-perouse", "strait=bosporus", "unknown strait 'bosporus'"),
])
def test_a_claim_parameter_that_names_nothing_points_at_its_article_file_line_and_column(old, new, message, data_copy,
                                                                                          capsys):
    edit(data_copy / "articles/dw-2014-russo-japanese-ties/claims.csv", old, new)
    assert main(["check"]) == 2
    line = _one_line(capsys)
    assert line.startswith("geoclaims: error: articles/dw-2014-russo-japanese-ties/claims.csv, line ")
    assert "column 'params'" in line and message in line


# ---- the library API ---------------------------------------------------------------------------------

def _api_cases():
    from geoclaims.families.timeline import meetings_between, years_between
    from geoclaims.world.routing import port_matrix
    from geoclaims.publish.export import claimreview, write_text_atomically
    from geoclaims.publish.report import build_report
    from geoclaims.scorecard import check_claims, format_scorecard

    who = {"author": "Desk", "author_url": "https://desk.example", "url_base": "https://desk.example/r"}
    return [
        ("port_matrix(None)", lambda: port_matrix(None, ["JPYOK"]), "origins"),
        ("port_matrix same port", lambda: port_matrix(["NLRTM"], ["NLRTM"]), "NLRTM"),
        ("format_scorecard([1, 2])", lambda: format_scorecard([1, 2]), "Finding"),
        ("claimreview(None)", lambda: claimreview(None, **who), "Finding"),
        ("claimreview 30 February", lambda: claimreview(check_claims(), **who, date_published="2014-02-30"),
         "2014-02-30"),
        ("claimreview author None", lambda: claimreview(check_claims(), **{**who, "author": None}), "author"),
        ("years_between text", lambda: years_between("2014-01-01", "yesterday"), "yesterday"),
        ("meetings_between tz-aware", lambda: meetings_between(pd.DataFrame({"date": []}),
                                                               pd.Timestamp("2013-01-01", tz="UTC")), "time zone"),
        ("build_report(None)", lambda: build_report(None), "out_dir"),
        ("write_text_atomically(None)", lambda: write_text_atomically(None, "x"), "path"),
        ("write_text_atomically text 3", lambda: write_text_atomically("x.json", 3), "text"),
    ]


@pytest.mark.parametrize("case", range(len(_api_cases())), ids=[c[0] for c in _api_cases()])
def test_the_api_raises_typed_errors_naming_the_argument(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, call, named = _api_cases()[case]
    with pytest.raises(InputError, match=named.replace("(", r"\(")):
        call()
    assert not list(tmp_path.iterdir()), "nothing written"


def test_the_same_port_twice_is_an_error_in_the_matrix_as_in_a_route():
    from geoclaims.world.routing import sea_route

    with pytest.raises(InputError):
        sea_route("NLRTM", "NLRTM", via="suez")


def test_an_article_folder_or_table_that_links_outside_the_data_is_refused(data_copy, tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    shutil.copytree(data_copy / "articles" / "dw-2014-russo-japanese-ties", outside)
    (data_copy / "articles" / "linked").symlink_to(outside, target_is_directory=True)
    assert main(["check", "--article", "linked"]) == 2
    assert "leads outside data/articles/" in _one_line(capsys)
    folder = data_copy / "articles" / "dw-2014-russo-japanese-ties"
    (folder / "claims.csv").unlink()
    (folder / "claims.csv").symlink_to(outside / "claims.csv")
    assert main(["check"]) == 2
    assert "claims.csv: leads outside the data folder" in _one_line(capsys)


def test_a_port_moved_inland_by_a_typo_is_refused_in_one_line(data_copy, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GEOCLAIMS_CACHE", str(tmp_path / "cache"))
    edit(data_copy / "ports.csv", "71°15′N 072°05′E", "61°15′N 092°05′E")  # Sabetta's row, in central Siberia
    assert main(["route", "Busan", "NLRTM", "--via", "suez"]) == 2
    line = _one_line(capsys)
    assert "ports.csv, line" in line and "column 'position'" in line and "RUSAB" in line and "inland" in line


def test_a_second_run_never_rolls_back_a_live_install(tmp_path):
    import fcntl

    out = _built(tmp_path, {"a.png": b"old a"})
    marker = (out / outdir.MARKER).read_text(encoding="utf-8")
    (out / outdir.JOURNAL).write_text(json.dumps({"added": [], "marker": marker}) + "\n", encoding="utf-8")  # mid-install
    with open(out / outdir.LOCK, "a") as fh:  # the live run holds the lock
        fcntl.flock(fh, fcntl.LOCK_EX)
        import threading

        done = threading.Event()
        thread = threading.Thread(target=lambda: (outdir.claim_folder(out, "figures"), done.set()))
        thread.start()
        assert not done.wait(0.5), "the second run waits for the lock"
        fcntl.flock(fh, fcntl.LOCK_UN)
    thread.join(5)
    assert done.is_set() and not (out / outdir.JOURNAL).exists()


def test_a_users_folder_named_like_the_backup_is_refused_not_deleted(tmp_path):
    out = _built(tmp_path, {"a.png": b"old a"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / outdir.BACKUP).symlink_to(elsewhere, target_is_directory=True)
    staging = tmp_path / "again"
    staging.mkdir()
    (staging / "a.png").write_bytes(b"new a")
    with pytest.raises(OutputError, match="not geoclaims' backup folder"):
        outdir.install(staging, out)
    assert list(elsewhere.iterdir()) == [] and (out / "a.png").read_bytes() == b"old a"


def test_markup_in_an_article_s_data_is_shown_as_text_in_notebook_prose():
    from geoclaims.publish.prose import findings_markdown
    from geoclaims.scorecard import check_claims

    import dataclasses

    f = check_claims(["tunnel-length-km"])[0]
    evil = dataclasses.replace(f, rule="<img src=x onerror=alert(2)> [click](javascript:alert(1))")
    text = findings_markdown([evil])
    assert "<img" not in text and "[click](" not in text and "&lt;img" in text and "\\[click\\]" in text


def test_an_article_folder_whose_name_is_not_a_slug_is_reported_not_linked(data_copy, capsys):
    shutil.copytree(data_copy / "articles" / "dw-2014-russo-japanese-ties", data_copy / "articles" / "Evil Name")
    assert main(["articles"]) == 2
    captured = capsys.readouterr()
    assert "article Evil Name skipped" in captured.err and "lower-case words" in captured.err


def test_a_users_real_folder_named_like_the_backup_is_kept(tmp_path):
    out = _built(tmp_path, {"a.png": b"old a"})
    (out / outdir.BACKUP).mkdir()
    (out / outdir.BACKUP / "diary.txt").write_text("mine", encoding="utf-8")
    staging = tmp_path / "again"
    staging.mkdir()
    (staging / "a.png").write_bytes(b"new a")
    with pytest.raises(OutputError, match="not geoclaims' backup folder"):
        outdir.install(staging, out)
    assert (out / outdir.BACKUP / "diary.txt").read_text(encoding="utf-8") == "mine"
