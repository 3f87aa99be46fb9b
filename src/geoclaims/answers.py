"""Answers of commands kept in the disk cache (:mod:`geoclaims.cache`), each under a hash of
everything it was computed from: the command's arguments, the bytes of the data files it read (as
the table layer noted them: :func:`record_read`), geoclaims' code, and the Python and package
versions. Standard library only, so a kept answer is printed before any data stack loads."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from .cache import _OWN_FILE, FORMAT, _keep, _source_digest, _versions, _warn, cache_dir


#: name -> SHA-256 of the bytes of each data file the table layer has read since the caches were
#: cleared; ``""`` when it read two different versions (then no answer is filed under either)
_READ: dict[str, str] = {}


def record_read(name: str, raw: bytes) -> None:
    """Note the bytes of data file ``name`` as the table layer reads them (:func:`read_digest`); a
    second read of other bytes under the same name marks it as read in two versions."""
    digest = hashlib.sha256(raw).hexdigest()
    _READ[name] = digest if _READ.get(name, digest) == digest else ""


def forget_reads() -> None:
    """Forget what :func:`record_read` noted (the table caches were cleared)."""
    _READ.clear()


def read_digest(name: str) -> str | None:
    """The SHA-256 (hex) of the bytes of data file ``name`` as this process read them (what every
    table loaded from it holds); ``None`` if it has not read it since the caches were cleared, or
    has read two versions of it (tables built from either may be in use)."""
    return _READ.get(name) or None


def file_digest(path: Path) -> str:
    """The SHA-256 (hex) of a file's bytes as they are now."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: the packages whose versions an answer depends on besides geoclaims' own code and its data files
ANSWER_PACKAGES = ("searoute", "basemap-data-hires", "pyproj", "shapely", "scipy", "numpy", "pandas", "geopy")


def answer_file(parts, digests: Iterable[str]) -> Path | None:
    """The file keeping the answer of a command whose output depends only on ``parts`` (its
    arguments, the terminal width), ``digests`` (SHA-256 of the bytes of the data files it
    reads), the source of every geoclaims module, the Python version and the versions of
    :data:`ANSWER_PACKAGES`; ``None`` when caching is off. A command looks its answer up under the
    digests of the files as they are, and keeps it under the digests of the bytes it actually
    read (:func:`read_digest`), so an answer is only ever filed under its inputs."""
    root = cache_dir()
    if root is None:
        return None
    from . import __version__

    digest = hashlib.sha256(repr((parts, tuple(digests), sys.version_info[:3])).encode())
    digest.update(_source_digest("**/*.py").encode())
    digest.update(_versions(ANSWER_PACKAGES).encode())
    path = root / f"answer{digest.hexdigest()[:16]}-g{__version__}-f{FORMAT}.txt"
    if not _OWN_FILE.match(path.name):
        raise ValueError(f"{path.name} is not a cache file name clear() recognises")
    return path


#: the first line of a kept answer: this tag and the SHA-256 of the text that follows
_ANSWER_TAG = "geoclaims-answer"
#: kept answers beyond this many are removed, oldest first, when a new one is kept
MAX_ANSWERS = 200


def read_answer(path: Path | None) -> str | None:
    """A kept answer, or ``None`` (missing, unreadable, truncated or altered: then recomputed)."""
    if path is None:  # caching is off
        return None
    try:
        head, _, text = path.read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if head != _answer_head(path, text):
        if path is not None and path.is_file():
            _warn(path, "its text does not match its checksum")
        return None
    try:
        os.utime(path)  # pruning removes the answers asked for least recently
    except OSError:
        pass
    return text


def _answer_head(path: Path, text: str) -> str:
    """The first line of a kept answer: the tag, and a hash of the file's key (its name) and text."""
    return f"{_ANSWER_TAG} {hashlib.sha256((path.stem + chr(0) + text).encode()).hexdigest()}"


def save_answer(path: Path | None, text: str) -> None:
    """Keep an answer atomically (:func:`_keep`), under a first line holding its checksum; the
    oldest kept answers beyond :data:`MAX_ANSWERS` are removed."""
    if path is None:
        return
    _keep(path, "w", lambda fh: fh.write(f"{_answer_head(path, text)}\n{text}"))
    try:  # another process may prune at the same time, or the folder be read-only: pruning is best effort
        ages = {}
        for old in path.parent.glob("answer*.txt"):
            try:
                ages[old] = old.stat().st_mtime
            except OSError:
                continue
        for old in sorted(ages, key=ages.get)[:-MAX_ANSWERS]:
            if _OWN_FILE.match(old.name):
                old.unlink(missing_ok=True)
    except OSError:
        pass
