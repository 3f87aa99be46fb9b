"""Exports of the findings in the formats fact-checkers publish: schema.org ClaimReview.

``claimreview()`` returns one JSON-LD object per checked claim, following schema.org's
``ClaimReview`` and Google's fact-check markup documentation
(https://developers.google.com/search/docs/appearance/structured-data/factcheck):
``claimReviewed`` is the quote, ``itemReviewed`` a ``Claim`` whose ``appearance`` is the
article (a ``NewsArticle`` with publisher and date), ``reviewRating`` a ``Rating`` whose
``alternateName`` is the rating and whose ``ratingValue`` is on the 1–5 scale of
:data:`geoclaims.findings.RATING_SCORES` (5 accurate, 4 mostly-accurate, 3 misleading,
1 inaccurate; ``unverifiable`` carries no number), ``author`` the reviewing organisation,
and ``url`` the review's address per claim. Claims not yet checked are left out.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..articles import load_article
from ..errors import OutputError
from ..findings import RATING_SCORES, Finding
from ..registry import get_claim


def claimreview(findings: Sequence[Finding], *, author: str = "geoclaims",
                author_url: str = "https://github.com/geoclaims/geoclaims",
                url_base: str = "https://geoclaims.github.io/report/index.html",
                date_published: str | None = None, article: str | None = None) -> list[dict]:
    """ClaimReview JSON-LD objects for the checked findings (see the module docstring)."""
    art = load_article(article)
    reviewed = date_published or date.today().isoformat()
    out = []
    for f in findings:
        if not f.checked:
            continue
        rating = {"@type": "Rating", "alternateName": f.rating, "bestRating": 5, "worstRating": 1}
        if f.rating in RATING_SCORES:
            rating["ratingValue"] = RATING_SCORES[f.rating]
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{url_base}#{f.claim_id}",
            "claimReviewed": get_claim(f.claim_id, art.slug).quote,
            "datePublished": reviewed,
            "author": {"@type": "Organization", "name": author, "url": author_url},
            "reviewRating": rating,
            "reviewBody": f.rule,
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": art.publisher},
                "datePublished": art.published,
                "appearance": {
                    "@type": "NewsArticle",
                    "headline": art.title,
                    "url": art.url,
                    "datePublished": art.published,
                    "publisher": {"@type": "Organization", "name": art.publisher},
                },
            },
        })
    return out


def _is_claimreview_file(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, list) and all(isinstance(d, dict) and d.get("@type") == "ClaimReview" for d in data)


def write_text_atomically(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves nothing
    half-written. The parent folder must exist; an existing file is replaced only when it is
    a ClaimReview list such as this module writes, never a folder, a link or other data.

    Raises
    ------
    OutputError
        naming the path and the reason.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"--out {path}: its parent folder {path.parent} does not exist")
    if path.is_dir() or path.is_symlink() or (path.exists() and not path.is_file()):
        raise OutputError(f"--out {path} is a folder, link or device; give a file name")
    if path.is_file() and not _is_claimreview_file(path):
        raise OutputError(f"--out {path} exists and is not a ClaimReview file geoclaims wrote; choose a new file name")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"--out {path}: cannot write in {path.parent} ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"--out {path}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def claimreview_json(findings: Sequence[Finding], **options) -> str:
    """The ClaimReview list as indented JSON text."""
    return json.dumps(claimreview(findings, **options), ensure_ascii=False, indent=2)
