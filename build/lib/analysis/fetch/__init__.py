"""Downloading weeks of ``hfmlsoc/hub_weekly_snapshots`` from the Hub into a snapshot root.

Pinned revision (resolved once, recorded), resume after interruption, sha256 verification
against the Hub's LFS oid, atomic placement. See ``hubobs fetch --help``.
"""

from __future__ import annotations

from analysis.fetch.hub import Hub, RemoteFile, hub_errors
from analysis.fetch.plan import WeekSelection, nearest_weeks, select
from analysis.fetch.revision import RootRevision, read_root_revision
from analysis.fetch.run import FetchResult, fetch

__all__ = [
    "FetchResult",
    "Hub",
    "RemoteFile",
    "RootRevision",
    "WeekSelection",
    "fetch",
    "hub_errors",
    "nearest_weeks",
    "read_root_revision",
    "select",
]
