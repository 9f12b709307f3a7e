"""A snapshot root: weeks per kind, manifest, repeated weeks, DuckDB views, renames.

See CONTRIBUTING.md, "Snapshot views", for what :func:`connect` creates.
"""

from analysis.snapshots.manifest import Entry, Manifest, load_manifest, refresh_manifest, verify
from analysis.snapshots.renames import follow_renames, model_names
from analysis.snapshots.revision import Revision, read_revision, write_revision
from analysis.snapshots.root import Gap, Problem, SnapshotRoot, select_weeks
from analysis.snapshots.sources import provenance
from analysis.snapshots.views import connect, run

__all__ = [
    "Entry",
    "Gap",
    "Manifest",
    "Problem",
    "Revision",
    "SnapshotRoot",
    "connect",
    "follow_renames",
    "load_manifest",
    "model_names",
    "provenance",
    "read_revision",
    "refresh_manifest",
    "run",
    "select_weeks",
    "verify",
    "write_revision",
]
