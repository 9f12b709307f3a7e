"""Writing files whole or not at all: a temporary file beside the target, then ``os.replace``.

A reader (or a crash) never sees half a file, and a failed write leaves the previous file as it
was. Every writer in the project that publishes a single file goes through here, except three
that keep whole-or-nothing in their own way: the fact cache (its own suffix, so that
``hubobs facts prune`` finds leftovers), downloads (a resumable partial file, checked before it
is placed) and folders built whole then renamed into place (the generated sample, report
versions).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def temp_beside(path: str | os.PathLike[str]) -> Path:
    """A new empty temporary file in ``path``'s folder (created if needed), for :func:`place`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return Path(name)


def place(tmp: Path, path: str | os.PathLike[str]) -> None:
    """Make the finished temporary file ``tmp`` the file ``path`` (world-readable, as
    published files are: mkstemp makes 0600)."""
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds it becomes ``path``,
    when it raises it is removed."""
    tmp = temp_beside(path)
    try:
        yield tmp
        place(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with replacing(path) as tmp, open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` whole or not at all."""
    write_bytes(path, text.encode("utf-8"))
