"""The offline guarantee: nothing in the run reaches the network."""

from __future__ import annotations

import socket
import subprocess
import sys
import warnings

import pytest


def test_outside_connections_are_blocked_in_the_test_process():
    with pytest.raises(OSError, match="network access blocked"):
        socket.create_connection(("93.184.216.34", 80), timeout=1)


def test_subprocesses_are_blocked_too():
    # notebook kernels are subprocesses: they inherit the block through PYTHONPATH
    code = "import socket\ntry:\n    socket.create_connection(('1.1.1.1', 53), timeout=1)\nexcept OSError as e:\n    print(e)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert "network access blocked" in out


def test_a_cartopy_download_would_fail_rather_than_happen(tmp_path, monkeypatch):
    # cartopy fetches Natural Earth files on first use of its features; geoclaims never asks it to,
    # and under the block an accidental use fails instead of downloading
    import cartopy
    import cartopy.feature as cfeature

    monkeypatch.setitem(cartopy.config, "data_dir", str(tmp_path))
    monkeypatch.setitem(cartopy.config, "pre_existing_data_dir", str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cartopy warns that it is downloading, then tries
        with pytest.raises(OSError, match="network access blocked"):
            list(cfeature.NaturalEarthFeature("physical", "coastline", "110m").geometries())
    assert not any(tmp_path.rglob("*.shp"))
