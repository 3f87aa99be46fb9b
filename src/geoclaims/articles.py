"""The articles under analysis: one folder each in ``data/articles/<slug>/``.

A folder holds ``article.toml`` (title, publisher, source id, the stored text's file name
and SHA-256, the publication date or window) and ``claims.csv``. The stored text is either
the whole article or, where its licence does not allow a copy, the quoted sentences; its
SHA-256 is checked on load so that claims are never checked against a changed text.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .data import cached_loader, load_sources
from .errors import DataError, InputError, UnknownArticleError
from .paths import DEFAULT_ARTICLE, data_dir, notebooks_dir
from .schemas import SLUG

_REQUIRED = ("title", "publisher", "source_id", "text", "sha256", "published", "publication_window")


@dataclass(frozen=True)
class Article:
    """One article: metadata from ``article.toml`` and its stored text."""

    slug: str
    title: str
    publisher: str
    url: str
    source_id: str
    published: str  # ISO date or month, as far as established
    earliest: pd.Timestamp  # publication window
    latest: pd.Timestamp
    window_sources: str
    text: str
    #: (family, notebook stem) where the article has notebooks of its own (``[notebooks]`` in
    #: article.toml; ``scorecard`` for any family not listed); otherwise the families' own
    notebooks: tuple[tuple[str, str], ...] = ()

    @property
    def window(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """Earliest and latest possible publication day."""
        return self.earliest, self.latest


#: a notebook is named, never given as a path: letters, digits, ``-`` and ``_`` (no dots, no slashes)
_NOTEBOOK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def notebook_path(stem: str, where: str = "notebook") -> Path:
    """The notebook called ``stem`` in the project's ``notebooks/`` folder.

    An article folder is data a user may have received from someone else, so it may name
    a notebook but never point at one: ``stem`` must be a plain name, and the file it names
    must be a regular file that resolves inside ``notebooks/`` (no link leading out).

    Raises
    ------
    DataError
        naming ``where`` and the refused value.
    """
    if not isinstance(stem, str) or not _NOTEBOOK_NAME.fullmatch(stem):
        raise DataError(f"{where}: a notebook is named by its stem from notebooks/ (letters, digits, - and _), "
                        f"not a path: {stem!r}")
    folder = notebooks_dir().resolve()
    path = folder / f"{stem}.ipynb"
    if not path.is_file() or path.resolve().parent != folder:
        raise DataError(f"{where}: no notebook {stem!r} in notebooks/")
    return path


def inside(folder: Path, name: str, where: str) -> Path:
    """``folder/name`` for a file name read from data, refused if it leaves ``folder``
    (an absolute path, ``..``, or a link pointing out)."""
    if not isinstance(name, str) or not name or "/" in name or "\\" in name or name in (".", ".."):
        raise DataError(f"{where}: must be a file name inside {folder.name}/, not a path: {name!r}")
    path = folder / name
    if not path.resolve().is_relative_to(folder.resolve()):
        raise DataError(f"{where}: {name!r} leads outside {folder.name}/")
    return path


def current_article() -> str:
    """The article a notebook shows: ``GEOCLAIMS_ARTICLE`` (the report sets it when it executes an
    article's notebooks), else :data:`DEFAULT_ARTICLE`; so one generic notebook serves any article."""
    import os

    return os.environ.get("GEOCLAIMS_ARTICLE") or DEFAULT_ARTICLE


def article_slugs() -> list[str]:
    """Every article with a folder in ``data/articles/``, sorted."""
    root = data_dir() / "articles"
    return sorted(p.name for p in root.iterdir() if (p / "article.toml").is_file()) if root.is_dir() else []


def _day(value, where: str) -> pd.Timestamp:
    text = str(value)
    try:
        if len(text) != 10:
            raise ValueError
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except ValueError:
        raise DataError(f"{where}: not a date (YYYY-MM-DD): {text!r}") from None


def _text(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{name}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None


@cached_loader
def load_article(slug: str | None = None) -> Article:
    """The article ``slug`` (default :data:`DEFAULT_ARTICLE`), its text checked against its SHA-256.

    Raises
    ------
    UnknownArticleError
        naming the known slugs; :class:`DataError` for a malformed folder or a changed text.
    """
    slug = DEFAULT_ARTICLE if slug is None else slug
    if not isinstance(slug, str) or not slug.strip():
        raise InputError(f"article must be a slug such as {DEFAULT_ARTICLE!r}, got {slug!r}")
    folder = data_dir() / "articles" / slug
    meta_path = folder / "article.toml"
    if "/" in slug or slug.startswith(".") or not meta_path.is_file():
        raise UnknownArticleError(f"unknown article {slug!r}; known: {', '.join(article_slugs()) or 'none'}")
    where = f"articles/{slug}/article.toml"
    if not re.fullmatch(SLUG, slug):  # a slug names folders, files and links of the report
        raise DataError(f"articles/{slug}: an article folder is named by lower-case words and digits joined by "
                        "hyphens")
    if not meta_path.resolve().is_relative_to((data_dir() / "articles").resolve()):
        raise DataError(f"{where}: the article folder leads outside data/articles/ (a link); refused")
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{where}: not readable TOML ({exc})") from None
    missing = [k for k in _REQUIRED if k not in meta]
    notebooks = meta.get("notebooks", {})
    if not isinstance(notebooks, dict):
        raise DataError(f"{where}: [notebooks] must be a table of family = notebook name")
    if notebooks and "scorecard" not in notebooks:
        missing.append("notebooks.scorecard")
    if missing:
        raise DataError(f"{where}: missing {', '.join(missing)}")
    for family, stem in notebooks.items():
        notebook_path(stem, f"{where}, notebooks.{family}")
    if not isinstance(meta["publication_window"], dict):
        raise DataError(f"{where}: publication_window must be a table with earliest and latest")
    window = meta["publication_window"]
    earliest, latest = _day(window.get("earliest"), where), _day(window.get("latest"), where)
    if latest < earliest:
        raise DataError(f"{where}: publication_window ends before it begins")
    text_path = inside(folder, meta["text"], f"{where}, text")
    if not text_path.is_file():
        raise DataError(f"{where}: text file not found: {text_path.name}")
    raw = text_path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != meta["sha256"]:
        raise DataError(f"{text_path.name}: SHA-256 is {digest}, expected {meta['sha256']}; "
                        "the article text has changed since the claims were encoded")
    sources = load_sources()
    if meta["source_id"] not in sources.index:
        raise DataError(f"{where}: source_id {meta['source_id']!r} is not in sources.csv")
    return Article(slug, str(meta["title"]), str(meta["publisher"]), str(sources.at[meta["source_id"], "url"]),
                   str(meta["source_id"]), str(meta["published"]), earliest, latest,
                   str(window.get("source_ids", meta["source_id"])), _text(raw, text_path.name),
                   tuple((str(k), str(v)) for k, v in notebooks.items()))


#: number words that make a sentence checkable by the audit (with any digit)
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred",
                "thousand", "million", "billion", "first", "second", "third", "fourth", "fifth", "decade", "decades",
                "couple", "half", "double", "several", "number of")


def sentences(text: str) -> list[str]:
    """The sentences of a stored text, split at a full stop, question or exclamation mark
    followed by a space, and at line breaks (headings and captions are lines of their own)."""
    return [s.strip() for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+|\n+", text) if s.strip()]


def has_number(sentence: str) -> bool:
    """Whether a sentence holds a digit or a number word (the audit must account for it)."""
    lower = f" {sentence.lower()} "
    return any(ch.isdigit() for ch in sentence) or any(re.search(rf"\b{w}\b", lower) for w in NUMBER_WORDS)
