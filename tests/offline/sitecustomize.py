"""Blocks network access in every Python process of the test run (notebook kernels included).

Put on PYTHONPATH by tests/conftest.py together with GEOCLAIMS_BLOCK_NETWORK=1. Loopback and
Unix sockets stay open: Jupyter kernels talk to the test process over 127.0.0.1.
"""

import os
import socket

if os.environ.get("GEOCLAIMS_BLOCK_NETWORK") == "1":
    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
    _LOCAL = ("127.", "::1", "localhost", "0.0.0.0")

    def _allowed(sock, address) -> bool:
        if sock.family == getattr(socket, "AF_UNIX", None):
            return True
        host = address[0] if isinstance(address, tuple) else str(address)
        return str(host).startswith(_LOCAL)

    def connect(self, address):
        if not _allowed(self, address):
            raise OSError(f"network access blocked during tests: {address!r}")
        return _connect(self, address)

    def connect_ex(self, address):
        if not _allowed(self, address):
            raise OSError(f"network access blocked during tests: {address!r}")
        return _connect_ex(self, address)

    _getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not str(host).startswith(_LOCAL):
            raise OSError(f"network access blocked during tests: name lookup of {host!r}")
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.getaddrinfo = getaddrinfo
