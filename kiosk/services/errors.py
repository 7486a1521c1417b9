"""Refusals that services raise and screens show: a translation key plus its parameters."""

from __future__ import annotations


class Refused(Exception):
    """A rule said no. ``key`` is in the translation table; ``params`` fill it in."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class StoreUnavailable(Exception):
    """The database could not be reached or written; the patient is sent to the desk."""
