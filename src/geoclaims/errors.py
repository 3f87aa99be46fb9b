"""The package's exception hierarchy.

Every error geoclaims raises on purpose derives from :class:`GeoclaimsError`, and each
subclass also derives from the built-in it resembles, so callers may catch either
(``except geoclaims.DataError`` or ``except ValueError``).
"""

from __future__ import annotations


class GeoclaimsError(Exception):
    """Base class of every error raised by geoclaims."""


class DataError(GeoclaimsError, ValueError):
    """A data file is missing, malformed, or disagrees with itself or its source."""


class NotPublishedThenError(DataError):
    """The evidence a claim needs exists only in rows published after the article (or undated):
    a run rates that claim ``unverifiable``, naming what is missing, and goes on with the others;
    ``later`` (sentences) is that later evidence, which the finding shows apart."""

    def __init__(self, message: str, later: tuple[str, ...] = ()):
        super().__init__(message)
        self.later = tuple(later)


class InputError(GeoclaimsError, ValueError):
    """An argument is out of range or of the wrong form (the message names the value)."""


class OutputError(GeoclaimsError, OSError):
    """An output path that cannot be written, or that holds files geoclaims did not write."""


class RouteError(GeoclaimsError, ValueError):
    """No route along the corridor asked for, or a route that does not pass its corridor."""


class _PlainMessage:
    """KeyError prints its argument's repr (with quotes); these errors print the message."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownClaimError(_PlainMessage, GeoclaimsError, KeyError):
    """A claim id that is not in the article's ``claims.csv``."""


class UnknownStraitError(_PlainMessage, GeoclaimsError, KeyError):
    """A strait name that is not in ``data/straits.csv``."""


class UnknownPortError(_PlainMessage, GeoclaimsError, KeyError):
    """A port code or name that is not in searoute's port list (the message lists close matches)."""


class UnknownArticleError(_PlainMessage, GeoclaimsError, KeyError):
    """An article slug that has no folder in ``data/articles/``."""


class AmbiguousPortError(_PlainMessage, GeoclaimsError, KeyError):
    """A port name that belongs to several ports (the message lists them with their codes)."""
