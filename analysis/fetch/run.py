"""A whole fetch: resolve the revision once, list, choose, check the root, download, record."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.fetch import download as dl
from analysis.fetch.hub import Hub, RemoteFile
from analysis.fetch.plan import WeekSelection, select
from analysis.fetch.revision import check_root, record_file, record_revision
from analysis.schema import KINDS


@dataclass(frozen=True)
class FetchResult:
    revision: str  # the commit sha every file was fetched at
    root: Path
    files: tuple[RemoteFile, ...]  # the files chosen
    placed: tuple[str, ...] = field(default=())  # downloaded now (paths relative to root)
    present: tuple[str, ...] = field(default=())  # already in the root, checksum verified
    dry_run: bool = False

    @property
    def bytes_total(self) -> int:
        return sum(f.size for f in self.files)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def fetch(
    root: str | Path,
    selection: WeekSelection,
    kinds: Sequence[str] = KINDS,
    *,
    revision: str | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
    allow_mixed_revisions: bool = False,
    dry_run: bool = False,
    progress: bool = True,
    say: Callable[[str], None] = _say,
) -> FetchResult:
    """Download the chosen weeks and kinds of the snapshot dataset into ``root`` at one revision.

    ``revision`` (a commit sha, branch or tag; ``None``: the current one) is resolved once to a
    commit sha, which every request then uses and which is recorded in the root.
    """
    root = Path(root)
    kinds = tuple(dict.fromkeys(kinds))
    hub = Hub(endpoint, token=token)
    sha = hub.resolve_revision(revision)
    say(f"{hub.repo_id} at revision {sha} ({hub.endpoint})")
    files = select(hub.list_files(kinds, sha), kinds, selection, sha)
    check_root(root, sha, allow_mixed=allow_mixed_revisions)
    say(f"{len(files)} file(s), {human_bytes(sum(f.size for f in files))}")
    if dry_run:
        for f in files:
            say(f"  {f.path}  {human_bytes(f.size)}  sha256 {f.sha256 or '-'}")
        return FetchResult(sha, root, tuple(files), dry_run=True)

    tqdm_class = _progress_class(progress)
    placed: list[str] = []
    present: list[str] = []
    record_revision(root, sha)  # before the first file lands: no file in the root without a record
    for i, f in enumerate(files, 1):
        prefix = f"[{i}/{len(files)}] {f.path}"
        if dl.is_placed(root, f):
            say(f"{prefix}: already present, checksum verified")
            present.append(f.path)
        else:
            say(f"{prefix}: {human_bytes(f.size)}")
            dl.download(hub, f, sha, root, tqdm_class=tqdm_class)
            placed.append(f.path)
        record_file(root, f.path, revision=sha, sha256=dl.expected_digest(f), size=f.size)
    dl.clean_partial_dirs(root)
    return FetchResult(sha, root, tuple(files), tuple(placed), tuple(present))


def _progress_class(progress: bool) -> Any:
    from tqdm.auto import tqdm

    if progress:
        return tqdm

    class _Silent(tqdm):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)

    return _Silent
