"""Errors shared across the project. Messages name the file, column or value at fault."""

from __future__ import annotations


class HubObsError(Exception):
    """Base class: an error a user can act on (the CLI prints it without a traceback)."""


class SnapshotError(HubObsError):
    """A snapshot file or root is missing, corrupt, truncated or of an unexpected schema."""


class FetchError(HubObsError):
    """Downloading from the Hub failed (unreachable, wrong revision, checksum mismatch)."""
