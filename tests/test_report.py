"""The HTML report, checked in a real headless browser, and the ClaimReview export."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from geoclaims.articles import load_article
from geoclaims.cli import main
from geoclaims.registry import claim_ids
from geoclaims.publish.report import FINDINGS_ANCHOR, build_report


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return build_report(tmp_path_factory.mktemp("report") / "report")


def test_index_has_every_claim_each_linked_to_its_findings(index):
    text = index.read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="([a-z0-9-]+)" class="claim"><td><a href="([^"#]+)#([^"]+)">', text)
    assert [r[0] for r in rows] == claim_ids()
    for _, page, anchor in rows:
        assert anchor == FINDINGS_ANCHOR
        assert f'id="{anchor}"' in (index.parent / page).read_text(encoding="utf-8"), page


def test_report_is_self_contained(index):
    for page in index.parent.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|img|link)[^>]+(src|href)="https?://', text), page.name


def test_report_loads_in_headless_chromium(index, tmp_path):
    browser = shutil.which("chromium")
    if browser is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
         "--virtual-time-budget=15000", "--dump-dom", index.as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    body = re.search(r'<body data-images-total="(\d+)" data-images-loaded="(\d+)"', dom)
    assert body, "the page did not finish loading"
    total, loaded = int(body.group(1)), int(body.group(2))
    assert total >= 10 and loaded == total
    assert len(re.findall(r'class="claim"', dom)) == len(claim_ids())


def test_claimreview_export_has_every_required_property(tmp_path, capsys):
    # Google's fact-check markup: ClaimReview needs claimReviewed, reviewRating (a Rating with
    # alternateName) and url; author and itemReviewed (a Claim with author, datePublished and
    # appearance) are recommended. https://developers.google.com/search/docs/appearance/structured-data/factcheck
    out = tmp_path / "claimreview.json"
    assert main(["export", "claimreview", "--out", str(out), "--author", "Example Fact Desk",
                 "--date", "2026-11-28"]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["url"].rsplit("#", 1)[1] for r in reviews] == claim_ids()
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert r["claimReviewed"] in load_article().text
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] in {
            "accurate", "mostly-accurate", "misleading", "inaccurate", "unverifiable"}
        assert 1 <= rating["ratingValue"] <= 5 and (rating["worstRating"], rating["bestRating"]) == (1, 5)
        assert r["author"] == {"@type": "Organization", "name": "Example Fact Desk",
                               "url": "https://github.com/geoclaims/geoclaims"}
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"].startswith("DW")
        article = item["appearance"]
        assert article["@type"] == "NewsArticle" and article["publisher"]["name"].startswith("DW")
        assert article["datePublished"] == "2014-01" and r["datePublished"] == "2026-11-28"


def test_export_with_a_bad_date_writes_nothing(tmp_path, capsys):
    out = tmp_path / "claimreview.json"
    assert main(["export", "claimreview", "--out", str(out), "--date", "28/11/2026"]) == 2
    assert "--date must be a date YYYY-MM-DD, got '28/11/2026'" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.iterdir())


def test_report_refuses_a_folder_of_the_users_files_and_keeps_them(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.txt").write_text("years of work", encoding="utf-8")
    assert main(["report", "--out", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "did not write" in err[0] and str(folder) in err[0]
    assert (folder / "thesis.txt").read_text(encoding="utf-8") == "years of work"
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]  # no staging folder left behind


def test_report_refuses_a_file_given_as_its_folder(tmp_path, capsys):
    target = tmp_path / "notes.txt"
    target.write_text("keep", encoding="utf-8")
    assert main(["report", "--out", str(target)]) == 2
    assert "not a folder" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "keep"


def test_report_rewrites_its_own_folder_and_leaves_a_users_added_file(index):
    folder = index.parent
    (folder / "my-notes.txt").write_text("mine", encoding="utf-8")
    assert build_report(folder) == index
    assert (folder / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert (folder / ".geoclaims-output.json").is_file()
