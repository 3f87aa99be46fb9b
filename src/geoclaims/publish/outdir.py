"""Output folders that geoclaims owns: never a user's file removed, overwritten or truncated.

The one policy for every folder geoclaims writes (the report, the figures): a folder holds a
marker file, :data:`MARKER`, listing the files geoclaims wrote there with the SHA-256 of each.
:func:`claim_folder` accepts a new folder, an empty one, or one with a sound marker; any other
existing folder or file, a symlinked folder, or a marker that names anything outside the folder
or through a link, is refused with :class:`OutputError` naming it. A listed file whose content
no longer matches its recorded hash was edited by someone: it is refused too, naming the file,
unless ``force``. :func:`install` moves freshly built files into place after checking every
target first; files the marker does not list are never touched, and a replaced file keeps its
mode. Files are left readable by all (``0o666`` less the umask), as a report or a figure is
meant to be read.

A run killed at any point leaves the old output or the new one, never a mix: before replacing
anything, :func:`install` writes a journal (:data:`JOURNAL`) and keeps hard links to the files it
will replace or remove; the next run that claims the folder rolls an unfinished install back.
Building folders of runs that are no longer alive are removed by the next run (:func:`staging_folder`).
"""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
import os
import re
import shutil
import tempfile
from pathlib import Path

from ..errors import OutputError

MARKER = ".geoclaims-output.json"
JOURNAL = ".geoclaims-install.json"
BACKUP = ".geoclaims-backup"
#: inside the backup folder: the sign that geoclaims made it (a folder of that name without it is a user's)
BACKUP_SIGN = ".made-by-geoclaims"
#: held (flock) by the run installing into the folder: a second run waits, and never takes a live
#: install for a killed one; the kernel releases it when a run dies
LOCK = ".geoclaims-lock"
#: the folder's own bookkeeping files (never a user's)
OWN = (MARKER, JOURNAL, BACKUP, LOCK)


@contextmanager
def locked(out: Path):
    """Hold the folder's install lock (blocking) while the body runs."""
    import fcntl

    with open(out / LOCK, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


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


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _marker(folder: Path) -> dict:
    marker = folder / MARKER
    if not marker.exists():
        return {"files": [], "sha256": {}}
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        listed, hashes = data["files"], data.get("sha256", {})
        if (not isinstance(listed, list) or not isinstance(hashes, dict)
                or not all(isinstance(n, str) and _inside(folder, n) for n in listed)):
            raise ValueError
        return {"files": listed, "sha256": {k: v for k, v in hashes.items() if k in listed and isinstance(v, str)}}
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(f"{marker} is damaged or names files outside {folder}; remove it yourself "
                          "or choose another --out") from None


def owned(folder: Path) -> list[str]:
    """The files the folder's marker lists ([] without a marker); :class:`OutputError` if it is damaged."""
    return _marker(folder)["files"]


def edited(folder: Path) -> list[str]:
    """Listed files whose content differs from what geoclaims wrote (a marker of 0.2 has no hashes)."""
    data = _marker(folder)
    return [name for name, digest in data["sha256"].items()
            if (folder / name).is_file() and not (folder / name).is_symlink() and sha256(folder / name) != digest]


def claim_folder(out: Path, what: str, force: bool = False) -> None:
    """Raise :class:`OutputError` unless ``out`` may be written by ``what`` (see the module
    docstring); an install a killed run left unfinished is rolled back first."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputError(f"--out {out} exists and is not a folder (or is a link); {what} writes a folder")
    if out.exists():
        if (out / MARKER).is_file() or (out / JOURNAL).is_file():  # geoclaims' folder: never lock a user's
            with locked(out):
                roll_back(out)  # an install a killed run left (its lock died with it)
        if any(p.name not in OWN for p in out.iterdir()) and not (out / MARKER).is_file():
            raise OutputError(f"--out {out} holds files geoclaims did not write; choose a new or empty folder")
        changed = [] if force else edited(out)
        if changed:
            raise OutputError(f"{out / changed[0]} was changed after geoclaims wrote it; keep your edit elsewhere, "
                              "or pass --force to replace it")
    elif not out.parent.is_dir():
        blocking = next((p for p in out.parents if p.exists()), None)
        if blocking is not None and not blocking.is_dir():
            raise OutputError(f"--out {out}: {blocking} is a file, not a folder")
        raise OutputError(f"--out {out}: its parent folder {out.parent} does not exist")
    if not os.access(out if out.exists() else out.parent, os.W_OK):
        raise OutputError(f"--out {out} is not writable")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(folder: Path, prefix: str) -> None:
    """Remove ``folder/<prefix><pid>-…`` folders that geoclaims made for runs no longer alive."""
    pattern = re.compile(rf"{re.escape(prefix)}(\d+)-[A-Za-z0-9_]+")
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for path in entries:
        found = pattern.fullmatch(path.name)
        if found and path.is_dir() and not path.is_symlink() and int(found.group(1)) != os.getpid() \
                and not _alive(int(found.group(1))):
            shutil.rmtree(path, ignore_errors=True)


def staging_folder(out: Path) -> Path:
    """A private temporary folder beside ``out`` (same file system, so renames are atomic);
    building folders of earlier runs that were killed are removed first."""
    prefix = f".{out.name}-building-"
    remove_stale(out.parent, prefix)
    try:
        return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot write beside {out}: {exc.strerror}") from None


def roll_back(out: Path) -> bool:
    """Undo an install a killed run left unfinished (its journal is still there): restore the
    files it had replaced or removed and the old marker, remove what it had added; True if it did."""
    journal = out / JOURNAL
    if not journal.is_file():
        return False
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        added, marker = list(data["added"]), data["marker"]
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(f"{journal} is damaged: an earlier run was interrupted; remove the folder's "
                          "geoclaims files yourself or choose another --out") from None
    backup = out / BACKUP
    for name in added:
        if _inside(out, name) and (out / name).is_file():
            (out / name).unlink()
    if backup.is_dir() and not backup.is_symlink():
        for path in sorted(p for p in backup.rglob("*") if p.is_file() and p.name != BACKUP_SIGN):
            name = path.relative_to(backup).as_posix()
            if _inside(out, name):
                (out / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, out / name)
        shutil.rmtree(backup, ignore_errors=True)
    if marker is None:
        (out / MARKER).unlink(missing_ok=True)
    else:
        (out / MARKER).write_text(marker, encoding="utf-8")
    journal.unlink()
    return True


def _keep(path: Path, backup: Path) -> None:
    """A hard link to ``path`` in the backup folder (a copy where links are not possible)."""
    backup.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)


def install(staging: Path, out: Path, *, keep_others: bool = False, force: bool = False) -> None:
    """Move every file of ``staging`` into ``out``; remove ``staging``.

    Files the previous marker listed and this build did not write are removed, unless
    ``keep_others`` (a partial build, such as one figure) keeps them listed. Every target is
    checked before anything moves: a target that exists unlisted, is a folder or a link, sits
    under a file or a link, or was edited since geoclaims wrote it (unless ``force``), refuses
    the whole install.
    """
    try:
        new = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
        hashes = {}
        for name in new:
            readable(staging / name)
            hashes[name] = sha256(staging / name)
        if not out.exists():
            (staging / MARKER).write_text(json.dumps({"files": new, "sha256": hashes}, indent=1) + "\n",
                                          encoding="utf-8")
            staging.chmod(0o755)  # mkdtemp makes it private; outputs are for reading
            staging.rename(out)
            return
        with locked(out):
            _install_into(staging, out, new, hashes, keep_others, force)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _install_into(staging: Path, out: Path, new: list[str], hashes: dict, keep_others: bool, force: bool) -> None:
    """:func:`install` into an existing folder, under its lock (see the module docstring)."""
    roll_back(out)
    data = _marker(out)
    old = data["files"]
    for name in new:
        target = out / name
        blocked = [p for p in target.parents if out in p.parents and (p.is_symlink() or p.is_file())]
        if (not _inside(out, name) or blocked or target.is_dir()
                or (target.exists() and name not in old)):
            raise OutputError(f"{target} exists and was not written by geoclaims (or lies under a file or "
                              "a link); nothing was replaced")
    changed = edited(out)
    if changed and not force:
        raise OutputError(f"{out / changed[0]} was changed after geoclaims wrote it; keep your edit elsewhere, "
                          "or pass --force to replace it")
    # a file the new build no longer writes is removed, unless someone edited it: then it is left, unlisted
    gone = [] if keep_others else [n for n in set(old) - set(new) - set(changed)
                                   if _inside(out, n) and (out / n).is_file()]
    marker_text = (out / MARKER).read_text(encoding="utf-8") if (out / MARKER).is_file() else None
    backup = out / BACKUP
    if backup.is_symlink() or backup.exists() and not (backup / BACKUP_SIGN).is_file():
        raise OutputError(f"{backup} is not geoclaims' backup folder; remove it yourself")
    shutil.rmtree(backup, ignore_errors=True)  # a backup a run killed at its very end left behind
    backup.mkdir()
    (backup / BACKUP_SIGN).touch()
    for name in [n for n in new if (out / n).is_file()] + gone:
        _keep(out / name, backup / name)
    journal = {"added": [n for n in new if not (out / n).exists()], "marker": marker_text}
    tmp_journal = staging / JOURNAL
    tmp_journal.write_text(json.dumps(journal) + "\n", encoding="utf-8")
    os.replace(tmp_journal, out / JOURNAL)  # whole or absent, never half-written
    for name in new:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_file():
            os.chmod(staging / name, target.stat().st_mode & 0o7777)  # a replaced file keeps its mode
        os.replace(staging / name, target)
    for name in gone:
        (out / name).unlink()
    listed = sorted(set(new) | set(old)) if keep_others else new
    kept = {n: d for n, d in data["sha256"].items() if n in listed and n not in hashes}
    tmp = staging / MARKER
    tmp.write_text(json.dumps({"files": listed, "sha256": {**kept, **hashes}}, indent=1) + "\n", encoding="utf-8")
    readable(tmp)
    os.replace(tmp, out / MARKER)
    (out / JOURNAL).unlink()  # from here on the new output stands
    shutil.rmtree(backup, ignore_errors=True)
