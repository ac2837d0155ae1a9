"""Loaded by test subprocesses: any attempt to open a network connection fails loudly."""

import socket


class _NoNetwork(OSError):
    pass


def _refuse(*args, **kwargs):
    raise _NoNetwork("network access attempted during an artlint run (tests forbid it)")


socket.socket.connect = _refuse  # type: ignore[method-assign]
socket.socket.connect_ex = _refuse  # type: ignore[method-assign]
socket.create_connection = _refuse  # type: ignore[assignment]
socket.getaddrinfo = _refuse  # type: ignore[assignment]
