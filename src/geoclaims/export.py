"""Exports of the findings in the formats fact-checkers publish: schema.org ClaimReview.

``claimreview()`` returns one JSON-LD object per checked claim, following schema.org's
``ClaimReview`` and Google's fact-check markup documentation
(https://developers.google.com/search/docs/appearance/structured-data/factcheck):
``claimReviewed`` is the quote, ``itemReviewed`` a ``Claim`` whose ``appearance`` is the DW
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

from .article import ARTICLE_PUBLISHER, ARTICLE_TITLE
from .findings import RATING_SCORES, Finding
from .registry import get_claim
from .sources import load_sources

#: the article's publication date as far as it is established (see events.csv): January 2014
ARTICLE_DATE = "2014-01"


def claimreview(findings: Sequence[Finding], *, author: str = "geoclaims",
                author_url: str = "https://github.com/geoclaims/geoclaims",
                url_base: str = "https://geoclaims.github.io/report/index.html",
                date_published: str | None = None) -> list[dict]:
    """ClaimReview JSON-LD objects for the checked findings (see the module docstring)."""
    article_url = load_sources().at["dw-article", "url"]
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
            "claimReviewed": get_claim(f.claim_id).quote,
            "datePublished": reviewed,
            "author": {"@type": "Organization", "name": author, "url": author_url},
            "reviewRating": rating,
            "reviewBody": f.rule,
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": ARTICLE_PUBLISHER},
                "datePublished": ARTICLE_DATE,
                "appearance": {
                    "@type": "NewsArticle",
                    "headline": ARTICLE_TITLE,
                    "url": article_url,
                    "datePublished": ARTICLE_DATE,
                    "publisher": {"@type": "Organization", "name": ARTICLE_PUBLISHER},
                },
            },
        })
    return out


def write_text_atomically(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves nothing half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def claimreview_json(findings: Sequence[Finding], **options) -> str:
    """The ClaimReview list as indented JSON text."""
    return json.dumps(claimreview(findings, **options), ensure_ascii=False, indent=2)
