"""A leaf module (it imports nothing from artlint): the cached property documents and topics use."""

from __future__ import annotations


class cached_property:  # noqa: N801 - named and used like functools.cached_property
    """:func:`functools.cached_property` without the lock Python 3.11 takes on every first read.

    A document is built and read by one thread, so the lock buys nothing, and rules make tens of
    these first reads per block (Python 3.12 dropped the lock too).
    """

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)  # the instance's value hides this from now on
        return value
