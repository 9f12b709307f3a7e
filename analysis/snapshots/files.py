"""Small file helpers: atomic writes (temp file + ``os.replace``) and sha256 of a file."""

from __future__ import annotations

import hashlib
import os

from analysis import atomic

CHUNK = 8 * 1024 * 1024


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a reader never sees half a file)."""
    atomic.write_text(path, text)


def sha256_file(path: str | os.PathLike[str]) -> str:
    """The hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
