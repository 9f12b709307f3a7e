"""Downloading one file: resume a partial download, verify its checksum, place it atomically.

Bytes go to ``<root>/.partial/<kind>/<week>/<kind>.parquet.<sha256 prefix>.part`` through
``huggingface_hub``'s ``http_get`` (which sends ``Range`` from the partial size and retries
transient drops). Only a file whose sha256 matches the Hub's LFS oid is moved, with
``os.replace``, to ``<root>/<kind>/<week>/<kind>.parquet``: a file is in the root whole or not
at all. An interrupted download leaves only its ``.part``, which the next run resumes.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from analysis.errors import FetchError
from analysis.fetch.hub import Hub, RemoteFile, hub_errors

PARTIAL_DIR = ".partial"
_CHUNK = 8 * 1024 * 1024


def content_digest(path: Path, remote: RemoteFile) -> tuple[str, str]:
    """``(algorithm, hex digest)`` of ``path`` comparable with the Hub's: sha256 (LFS) or git blob sha1."""
    if remote.sha256 is not None:
        h = hashlib.sha256()
        algo = "sha256"
    else:
        h = hashlib.sha1(usedforsecurity=False)
        h.update(f"blob {path.stat().st_size}\0".encode())
        algo = "git-sha1"
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return algo, h.hexdigest()


def expected_digest(remote: RemoteFile) -> str:
    return remote.sha256 if remote.sha256 is not None else remote.blob_id


def partial_path(root: Path, remote: RemoteFile) -> Path:
    return Path(root) / PARTIAL_DIR / f"{remote.path}.{expected_digest(remote)[:16]}.part"


def is_placed(root: Path, remote: RemoteFile) -> bool:
    """Whether the root already holds exactly this file (size, then checksum)."""
    target = Path(root) / remote.path
    if not target.is_file() or target.stat().st_size != remote.size:
        return False
    return content_digest(target, remote)[1] == expected_digest(remote)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def download(
    hub: Hub,
    remote: RemoteFile,
    revision: str,
    root: Path,
    *,
    tqdm_class: Any = None,
) -> Path:
    """Fetch ``remote`` at ``revision`` into ``root`` (resuming a partial download); return its final path."""
    from huggingface_hub.file_download import http_get

    root = Path(root)
    target = root / remote.path
    part = partial_path(root, remote)
    part.parent.mkdir(parents=True, exist_ok=True)
    have = part.stat().st_size if part.exists() else 0
    if have > remote.size:  # not a prefix of this file: start again
        part.unlink()
        have = 0
    url = hub.file_url(remote.path, revision)
    with part.open("r+b" if part.exists() else "wb") as f:
        f.seek(have)
        f.truncate()
        try:
            with hub_errors(f"download {remote.path} at revision {revision[:12]}", hub.endpoint):
                http_get(
                    url,
                    f,
                    resume_size=have,
                    headers=hub.headers(),
                    expected_size=remote.size,
                    displayed_filename=remote.path,
                    tqdm_class=tqdm_class,
                )
        except FetchError as exc:
            f.flush()
            raise FetchError(
                f"{exc} ({f.tell()} of {remote.size} bytes of {remote.path} are kept in {part}; "
                "run the same command again to resume)"
            ) from exc.__cause__
        except OSError as exc:  # huggingface_hub's size consistency check
            f.flush()
            got = f.tell()
            if got > remote.size:
                f.close()
                part.unlink(missing_ok=True)
            raise FetchError(
                f"download of {remote.path} stopped at {got} of {remote.size} bytes ({exc}); "
                "run the same command again to resume."
            ) from exc
        f.flush()
        os.fsync(f.fileno())

    algo, got_digest = content_digest(part, remote)
    want = expected_digest(remote)
    if got_digest != want:
        part.unlink(missing_ok=True)
        raise FetchError(
            f"checksum mismatch for {remote.path} at revision {revision[:12]}: expected {algo} {want}, "
            f"got {got_digest} ({remote.size} bytes). Nothing was placed in {root}; the corrupt "
            "download was removed. Run again to download it afresh."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(part, target)
    _fsync_dir(target.parent)
    return target


def clean_partial_dirs(root: Path) -> None:
    """Remove empty folders left under ``<root>/.partial`` (never a ``.part`` file)."""
    base = Path(root) / PARTIAL_DIR
    if not base.is_dir():
        return
    for d in sorted(
        (p for p in base.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True
    ):
        if not any(d.iterdir()):
            d.rmdir()
    if not any(base.iterdir()):
        base.rmdir()
