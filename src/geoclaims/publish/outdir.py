"""Output folders that geoclaims owns: never a user's file removed, overwritten or truncated.

A folder geoclaims writes a report into carries a marker file, :data:`MARKER`, listing the
files it wrote. :func:`claim_folder` accepts a new folder, an empty one, or one with the
marker; any other existing folder or file is refused with :class:`OutputError` naming it.
:func:`install` moves freshly built files into place one by one (``os.replace``, atomic per
file), removes the files the previous build listed and this one no longer writes, and
rewrites the marker; files the marker does not list are left alone.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import OutputError

MARKER = ".geoclaims-output.json"


def _owned(folder: Path) -> list[str]:
    marker = folder / MARKER
    try:
        listed = json.loads(marker.read_text(encoding="utf-8"))["files"]
        if not all(isinstance(n, str) and n and not n.startswith("/") and ".." not in n.split("/") for n in listed):
            raise ValueError
        return listed
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(f"{marker} is damaged; remove the folder {folder} yourself or choose another --out") from None


def claim_folder(out: Path, what: str) -> None:
    """Raise :class:`OutputError` unless ``out`` may be written by ``what`` (see the module docstring)."""
    if out.exists() or out.is_symlink():
        if not out.is_dir() or out.is_symlink():
            raise OutputError(f"--out {out} exists and is not a folder; {what} writes a folder")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise OutputError(f"--out {out} holds files geoclaims did not write; choose a new or empty folder")
        if (out / MARKER).is_file():
            _owned(out)
    elif not out.parent.is_dir():
        raise OutputError(f"--out {out}: its parent folder {out.parent} does not exist")
    if not os.access(out if out.exists() else out.parent, os.W_OK):
        raise OutputError(f"--out {out} is not writable")


def staging_folder(out: Path) -> Path:
    """A private temporary folder beside ``out`` (same file system, so renames are atomic)."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot write beside {out}: {exc.strerror}") from None


def install(staging: Path, out: Path) -> None:
    """Move every file of ``staging`` into ``out`` (see the module docstring); remove ``staging``."""
    try:
        new = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
        if not out.exists():
            (staging / MARKER).write_text(json.dumps({"files": new}, indent=1), encoding="utf-8")
            staging.chmod(0o755)  # mkdtemp makes it private; a report is for reading
            staging.rename(out)
            return
        old = _owned(out) if (out / MARKER).is_file() else []
        for name in new:
            target = out / name
            if target.is_dir() or (target.exists() and name not in old):
                raise OutputError(f"{target} exists and was not written by geoclaims; nothing was replaced")
        for name in new:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, out / name)
        for name in set(old) - set(new):
            (out / name).unlink(missing_ok=True)
        tmp = staging / MARKER
        tmp.write_text(json.dumps({"files": new}, indent=1), encoding="utf-8")
        os.replace(tmp, out / MARKER)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
