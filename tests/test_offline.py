"""The offline guarantee: nothing in the run reaches the network, by any road."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import warnings

import pytest

OUTSIDE_V4, OUTSIDE_V6 = "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"

def _with(sock, action):
    try:
        action(sock)
    finally:
        sock.close()


LEAKS = {
    "create_connection": lambda: socket.create_connection((OUTSIDE_V4, 80), timeout=1).close(),
    "getaddrinfo": lambda: socket.getaddrinfo("example.com", 80),
    "gethostbyname": lambda: socket.gethostbyname("example.com"),
    "gethostbyname_ex": lambda: socket.gethostbyname_ex("example.com"),
    "gethostbyaddr": lambda: socket.gethostbyaddr(OUTSIDE_V4),
    "UDP sendto": lambda: _with(socket.socket(socket.AF_INET, socket.SOCK_DGRAM), lambda s: s.sendto(b"x", (OUTSIDE_V4, 53))),
    "IPv6 connect": lambda: _with(socket.socket(socket.AF_INET6), lambda s: s.connect((OUTSIDE_V6, 80, 0, 0))),
    "_socket.socket().connect": lambda: _with(__import__("_socket").socket(), lambda s: s.connect((OUTSIDE_V4, 80))),
    "a name that starts with localhost": lambda: socket.getaddrinfo("localhost.example.com", 80),
    "an address that starts with 127 but is not one": lambda: socket.getaddrinfo("127.example.com", 80),
}


@pytest.mark.parametrize("road", list(LEAKS))
def test_every_road_out_is_blocked_in_the_test_process(road):
    with pytest.raises(OSError):
        LEAKS[road]()


def test_loopback_stays_open():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with socket.create_connection(server.getsockname(), timeout=5):
        pass
    server.close()


CHILD = ("import socket\ntry:\n    socket.create_connection(('1.1.1.1', 53), timeout=2)\n    print('CONNECTED')\n"
         "except OSError as e:\n    print('blocked:', e)")


def test_subprocesses_are_blocked_too():
    # notebook kernels are subprocesses: they inherit the block through PYTHONPATH
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("blocked")


@pytest.mark.skipif(os.environ.get("GEOCLAIMS_NETNS") != "1",
                    reason="needs the network namespace `make test` sets up where the platform allows it")
@pytest.mark.parametrize("flag", ["-I", "-S"])
def test_isolated_subprocesses_have_no_route_out(flag):
    # `python -I`/`-S` skip sitecustomize; only the namespace stops them
    out = subprocess.run([sys.executable, flag, "-c", CHILD], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("blocked") and "CONNECTED" not in out


def test_a_cartopy_download_would_fail_rather_than_happen(tmp_path, monkeypatch):
    # cartopy fetches Natural Earth files on first use of its features; geoclaims never asks it to,
    # and under the block an accidental use fails instead of downloading
    import cartopy
    import cartopy.feature as cfeature

    monkeypatch.setitem(cartopy.config, "data_dir", str(tmp_path))
    monkeypatch.setitem(cartopy.config, "pre_existing_data_dir", str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cartopy warns that it is downloading, then tries
        with pytest.raises(OSError):
            list(cfeature.NaturalEarthFeature("physical", "coastline", "110m").geometries())
    assert not any(tmp_path.rglob("*.shp"))
