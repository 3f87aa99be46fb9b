"""Blocks network access in every Python process of the test run (notebook kernels included).

Put on PYTHONPATH by tests/conftest.py together with GEOCLAIMS_BLOCK_NETWORK=1. This is the
second wall: `make test` first runs the whole suite in a network namespace with only loopback
up, where the platform allows it (then even `python -I` subprocesses, which skip this file,
have no route out). Here every way out through ``_socket`` is checked: name resolution of
every kind, connect/connect_ex, sendto/sendmsg (UDP), IPv4 and IPv6; only exact loopback
addresses (127.0.0.0/8, ::1, "localhost") and Unix sockets pass — Jupyter kernels talk to the
test process over 127.0.0.1.
"""

import ipaddress
import os

if os.environ.get("GEOCLAIMS_BLOCK_NETWORK") == "1":
    import _socket
    import socket

    def _loopback(host) -> bool:
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if host is None or host == "localhost":
            return True
        try:
            return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
        except ValueError:
            return False

    def _refuse(what):
        raise OSError(f"network access blocked during tests: {what!r}")

    def _check(sock, address):
        if sock.family == getattr(_socket, "AF_UNIX", None):
            return
        host = address[0] if isinstance(address, tuple) else address
        if not _loopback(host):
            _refuse(address)

    _base = _socket.socket
    _originals = {name: getattr(_base, name) for name in ("connect", "connect_ex", "sendto", "sendmsg")}

    def _guarded(name):
        original = _originals[name]

        def method(self, *args):
            if name in ("connect", "connect_ex"):
                _check(self, args[0])
            elif name == "sendto":
                _check(self, args[-1])
            elif name == "sendmsg" and len(args) >= 4 and args[3] is not None:
                _check(self, args[3])
            return original(self, *args)

        method.__name__ = name
        return method

    class _GuardedSocket(_base):
        """``_socket.socket`` with every way out checked (for code that uses _socket directly)."""

    for _name in _originals:
        setattr(_GuardedSocket, _name, _guarded(_name))
        setattr(socket.socket, _name, _guarded(_name))
    _socket.socket = _GuardedSocket
    _socket.SocketType = _GuardedSocket

    def _resolver(module, name):
        original = getattr(module, name)

        def lookup(host, *args, **kwargs):
            target = host[0] if name == "getnameinfo" and isinstance(host, tuple) else host
            if not _loopback(target):
                _refuse(f"name lookup of {target!r}")
            return original(host, *args, **kwargs)

        lookup.__name__ = name
        return lookup

    for _module in (_socket, socket):
        for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo"):
            if hasattr(_module, _name):
                setattr(_module, _name, _resolver(_module, _name))
