"""A small error hierarchy. Messages say what to do, and each carries a code a user can search for."""
from __future__ import annotations


class SitrepError(Exception):
    """Base class; `code` is stable and shows in the CLI (e.g. SR101)."""
    code = "SR100"


class UsageError(SitrepError):
    """The user asked for something that cannot be done as asked (bad path, unknown format)."""
    code = "SR101"


class InputRejected(SitrepError):
    """One input cannot be read; the run goes on and the input becomes a quarantine row."""
    code = "SR200"

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class StoreError(SitrepError):
    """The database cannot be opened or is of a newer schema than this sitrep knows."""
    code = "SR300"


class GazetteerError(SitrepError):
    """A gazetteer file cannot be read or imported."""
    code = "SR400"
