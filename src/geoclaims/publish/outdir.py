"""Output folders that geoclaims owns: never a user's file removed, overwritten or truncated.

The one policy for every folder geoclaims writes (the report, the figures): a folder holds a
marker file, :data:`MARKER`, listing the files geoclaims wrote there. :func:`claim_folder`
accepts a new folder, an empty one, or one with a sound marker; any other existing folder or
file, a symlinked folder, or a marker that names anything outside the folder or through a
link, is refused with :class:`OutputError` naming it. :func:`install` moves freshly built
files into place one by one (``os.replace``, atomic per file) after checking every target
first; files the marker does not list are never touched. Files are left readable by all
(``0o666`` less the umask), as a report or a figure is meant to be read.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import OutputError

MARKER = ".geoclaims-output.json"


def readable(path: Path) -> None:
    """Give a file made by ``mkstemp`` (mode 0600) the mode an ordinary new file gets."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _inside(folder: Path, name: str) -> bool:
    """Whether ``folder/name`` stays inside ``folder`` with no link on the way."""
    if not name or name.startswith("/") or ".." in name.split("/"):
        return False
    path = folder
    for part in name.split("/"):
        path = path / part
        if path.is_symlink():
            return False
    return True


def owned(folder: Path) -> list[str]:
    """The files the folder's marker lists ([] without a marker); :class:`OutputError` if it is damaged."""
    marker = folder / MARKER
    if not marker.exists():
        return []
    try:
        listed = json.loads(marker.read_text(encoding="utf-8"))["files"]
        if not isinstance(listed, list) or not all(isinstance(n, str) and _inside(folder, n) for n in listed):
            raise ValueError
        return listed
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(f"{marker} is damaged or names files outside {folder}; remove it yourself "
                          "or choose another --out") from None


def claim_folder(out: Path, what: str) -> None:
    """Raise :class:`OutputError` unless ``out`` may be written by ``what`` (see the module docstring)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputError(f"--out {out} exists and is not a folder (or is a link); {what} writes a folder")
    if out.exists():
        if any(p.name != MARKER for p in out.iterdir()) and not (out / MARKER).is_file():
            raise OutputError(f"--out {out} holds files geoclaims did not write; choose a new or empty folder")
        owned(out)
    elif not out.parent.is_dir():
        blocking = next((p for p in out.parents if p.exists()), None)
        if blocking is not None and not blocking.is_dir():
            raise OutputError(f"--out {out}: {blocking} is a file, not a folder")
        raise OutputError(f"--out {out}: its parent folder {out.parent} does not exist")
    if not os.access(out if out.exists() else out.parent, os.W_OK):
        raise OutputError(f"--out {out} is not writable")


def staging_folder(out: Path) -> Path:
    """A private temporary folder beside ``out`` (same file system, so renames are atomic)."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot write beside {out}: {exc.strerror}") from None


def install(staging: Path, out: Path, *, keep_others: bool = False) -> None:
    """Move every file of ``staging`` into ``out``; remove ``staging``.

    Files the previous marker listed and this build did not write are removed, unless
    ``keep_others`` (a partial build, such as one figure) keeps them listed. Every target is
    checked before anything moves: a target that exists unlisted, is a folder or a link, or
    sits under a file or a link, refuses the whole install.
    """
    try:
        new = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
        for name in new:
            readable(staging / name)
        if not out.exists():
            (staging / MARKER).write_text(json.dumps({"files": new}, indent=1) + "\n", encoding="utf-8")
            staging.chmod(0o755)  # mkdtemp makes it private; outputs are for reading
            staging.rename(out)
            return
        old = owned(out)
        for name in new:
            target = out / name
            blocked = [p for p in target.parents if out in p.parents and (p.is_symlink() or p.is_file())]
            if (not _inside(out, name) or blocked or target.is_dir()
                    or (target.exists() and name not in old)):
                raise OutputError(f"{target} exists and was not written by geoclaims (or lies under a file or "
                                  "a link); nothing was replaced")
        for name in new:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, out / name)
        listed = sorted(set(new) | set(old)) if keep_others else new
        if not keep_others:
            for name in set(old) - set(new):
                if _inside(out, name) and (out / name).is_file():  # a folder put there is the user's
                    (out / name).unlink()
        tmp = staging / MARKER
        tmp.write_text(json.dumps({"files": listed}, indent=1) + "\n", encoding="utf-8")
        readable(tmp)
        os.replace(tmp, out / MARKER)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
