"""Checksums of files: the one sha256 every layer uses."""

from __future__ import annotations

import hashlib
import os

CHUNK = 8 * 1024 * 1024


def sha256_file(path: str | os.PathLike[str]) -> str:
    """The hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


__all__ = ["sha256_file"]
