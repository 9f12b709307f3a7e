"""Errors shared across the project. Messages name the file, column or value at fault.

Text that comes from the data (ids, names, values, file and folder names) can hold control
characters and terminal escape sequences; :func:`printable` shows them as visible escapes
(``\\x1b``, ``\\x00``, ``\\u202e``), so that nothing printed to a terminal can move the cursor,
recolour it or reorder the text, and nothing of the value is lost.
"""

from __future__ import annotations


class HubObsError(Exception):
    """Base class: an error a user can act on (the CLI prints it without a traceback).

    ``details`` (optional) is a longer account, such as a notebook kernel's traceback: the CLI
    prints it after the message only when asked to (``--verbose``).
    """

    def __init__(self, *args: object, details: str | None = None) -> None:
        super().__init__(*args)
        self.details = details


class SnapshotError(HubObsError):
    """A snapshot file or root is missing, corrupt, truncated or of an unexpected schema."""


class FetchError(HubObsError):
    """Downloading from the Hub failed (unreachable, wrong revision, checksum mismatch)."""


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with every character that is not printable shown as its Python escape.

    Control characters (C0, DEL, C1: ``ESC`` begins every terminal escape sequence), format
    characters (bidirectional overrides such as U+202E) and line or paragraph separators
    become ``\\x1b``, ``\\u202e`` and so on; with ``keep_newlines`` a ``\\n`` stays a line
    break (for messages laid out on several lines), else it becomes ``\\n`` too.
    """
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() or (keep_newlines and c == "\n") else repr(c)[1:-1] for c in text
    )
