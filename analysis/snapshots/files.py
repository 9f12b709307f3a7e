"""Small file helpers: atomic writes (temp file + ``os.replace``) and sha256 of a file."""

from __future__ import annotations

import os

from analysis import atomic
from analysis.files import sha256_file


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a reader never sees half a file)."""
    atomic.write_text(path, text)


__all__ = ["atomic_write_text", "sha256_file"]
