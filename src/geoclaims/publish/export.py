"""Exports of the findings in the formats fact-checkers publish: schema.org ClaimReview.

``claimreview()`` returns one JSON-LD object per checked claim, following schema.org's
``ClaimReview`` and Google's fact-check markup documentation
(https://developers.google.com/search/docs/appearance/structured-data/factcheck):
``claimReviewed`` is the claim as a sentence (``statement`` in claims.csv), ``itemReviewed`` a
``Claim`` whose ``author`` is its speaker (the publication for its narration, a person quoted) and
whose ``appearance`` is the article (a ``NewsArticle`` with publisher and date), ``reviewRating`` a ``Rating`` whose
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
from ..errors import InputError, OutputError
from ..findings import RATING_SCORES, Finding, require_findings
from ..scorecard import claim_of
from .outdir import readable


#: schema.org's publisher of the structured data: the tool that wrote it, which also tells
#: geoclaims which files it may replace
SD_PUBLISHER = {"@type": "SoftwareApplication", "name": "geoclaims"}
#: what a draft export says where the reviewing organisation belongs
DRAFT = {"author": "geoclaims (draft: not for publication)", "author_url": "https://example.invalid/",
         "url_base": "https://example.invalid/report/index.html"}


def publisher_config() -> dict:
    """The reviewing organisation from ``publisher.toml`` in ``$XDG_CONFIG_HOME/geoclaims``
    (else ``~/.config/geoclaims``): keys ``author``, ``author_url``, ``url_base``; ``{}`` if absent.

    Raises
    ------
    InputError
        naming the file when it is not readable TOML of those keys.
    """
    import tomllib

    home = os.environ.get("XDG_CONFIG_HOME") or (os.path.join(os.environ["HOME"], ".config") if os.environ.get("HOME")
                                                  else "")
    path = Path(home) / "geoclaims" / "publisher.toml" if home else None
    if path is None or not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not readable TOML ({exc})") from None
    unknown = set(data) - set(DRAFT)
    if unknown or not all(isinstance(v, str) and v.strip() for v in data.values()):
        raise InputError(f"{path}: expected text values for {', '.join(DRAFT)}, got {sorted(data)}")
    return data


def reviewer(author: str | None = None, author_url: str | None = None, url_base: str | None = None,
             draft: bool = False) -> dict:
    """The reviewing organisation: options, else ``publisher.toml``, else (only with ``draft``)
    the :data:`DRAFT` placeholders.

    Raises
    ------
    InputError
        naming what is missing when neither options nor the file give it and ``draft`` is off.
    """
    given = {k: v for k, v in (("author", author), ("author_url", author_url), ("url_base", url_base)) if v}
    merged = {**publisher_config(), **given}
    missing = [k for k in DRAFT if k not in merged]
    if missing and not draft:
        raise InputError(f"ClaimReview needs the reviewing organisation: give --{' --'.join(m.replace('_', '-') for m in missing)} "
                         "(or write them in ~/.config/geoclaims/publisher.toml), or --draft to export with placeholders")
    for key in ("author_url", "url_base"):
        if key in merged and not merged[key].lower().startswith(("http://", "https://")):
            raise InputError(f"--{key.replace('_', '-')} must be an http(s) address, got {merged[key]!r}")
    return {**DRAFT, **merged}


def claimreview(findings: Sequence[Finding], *, author: str, author_url: str, url_base: str,
                date_published: str | None = None, article: str | None = None) -> list[dict]:
    """ClaimReview JSON-LD objects for the checked findings (see the module docstring).

    Raises
    ------
    InputError
        for findings that are not :class:`Finding` objects, a ``date_published`` that is not a
        real ``YYYY-MM-DD`` day, or a reviewer value that is not text.
    """
    findings = require_findings(findings)
    for key, value in (("author", author), ("author_url", author_url), ("url_base", url_base)):
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{key} must be non-empty text, got {value!r}")
    if date_published is not None:
        try:
            if not isinstance(date_published, str) or len(date_published) != 10:
                raise ValueError
            date.fromisoformat(date_published)
        except ValueError:
            raise InputError(f"date_published must be a real day YYYY-MM-DD, got {date_published!r}") from None
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
            "sdPublisher": SD_PUBLISHER,
            "url": f"{url_base}#{f.claim_id}",
            "claimReviewed": claim_of(f, art.slug).statement,
            "datePublished": reviewed,
            "author": {"@type": "Organization", "name": author, "url": author_url},
            "reviewRating": rating,
            "reviewBody": f.rule,
            "itemReviewed": {
                "@type": "Claim",
                "author": _speaker(claim_of(f, art.slug).speaker, art.publisher),
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


def _speaker(speaker: str, publisher: str) -> dict:
    """Who made the claim: the publication for its own narration, else the person quoted."""
    if speaker == "narration":
        return {"@type": "Organization", "name": publisher}
    return {"@type": "Person", "name": speaker}


def _is_claimreview_file(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (isinstance(data, list) and bool(data)
            and all(isinstance(d, dict) and d.get("sdPublisher") == SD_PUBLISHER for d in data))


def write_text_atomically(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves nothing
    half-written. The parent folder must exist; an existing file is replaced only when this
    module wrote it (each review names geoclaims as its ``sdPublisher``), never a folder, a
    link or other data.

    Raises
    ------
    OutputError
        naming the path and the reason.
    """
    if not isinstance(path, (str, Path)) or not str(path).strip():
        raise InputError(f"path must be a file path, got {path!r}")
    if not isinstance(text, str):
        raise InputError(f"text must be text, got {type(text).__name__}")
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
        readable(Path(tmp))
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
