"""Escaping text from the Hub (ids, names, tags, card data) for every place it is shown.

Everything written on the Hub is hostile until escaped: it must appear *literally*, never as
markup, script, a Quarto shortcode or a Typst command. Each function here takes any value
(``None`` becomes the empty string), removes control characters, bounds the length, then escapes
for one output language:

- :func:`html`: HTML text and attribute values (``& < > " '``, plus ``{ }`` as character
  references so that ``{{< ... >}}`` cannot reach Quarto's shortcode processor);
- :func:`markdown`: inline Pandoc/Quarto Markdown (every ASCII punctuation character is
  backslash-escaped, which Pandoc reads literally; newlines become spaces so no block can start);
- :func:`typst`: Typst markup (every ASCII punctuation character backslash-escaped, which the
  Typst lexer reads as a literal character); :func:`typst_string` for a Typst string literal;
- :func:`script_json`: JSON safe to place inside an HTML ``<script>`` element (and inside
  Quarto documents): ``< > & ' { }`` and line separators inside strings become ``\\uXXXX``.

:func:`clean` (control characters out, length bounded) is the first step of all of them.
"""

from __future__ import annotations

import html as _html
import json
import math
import numbers
import re
import string
from collections.abc import Mapping, Sequence
from typing import Any

#: Default bound on the length of one piece of Hub text, in characters (ellipsis included).
DEFAULT_LIMIT = 200
ELLIPSIS = "\u2026"

# C0 controls except TAB and LF, DEL, C1 controls; bidirectional embeddings, overrides and
# isolates (they reorder what a reader sees, "Trojan source"); zero-width joiners are kept
# (emoji), BOM and lone surrogates are removed.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\ud800-\udfff]"
)
_NEWLINES = re.compile(r"[\t\n\u2028\u2029\x85]+")
_PUNCT = frozenset(string.punctuation)


def strip_control(value: object) -> str:
    """``value`` as text without control characters (CR LF and CR become LF; tabs are kept)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def bound(text: str, limit: int | None = DEFAULT_LIMIT, ellipsis: str = ELLIPSIS) -> str:
    """``text`` cut to at most ``limit`` characters, the last being ``ellipsis`` when cut.

    ``limit=None`` means no bound. The cut never leaves a trailing space before the ellipsis.
    """
    if limit is None or len(text) <= limit:
        return text
    if limit < len(ellipsis) + 1:
        raise ValueError(f"limit {limit} is too small to hold any text and {ellipsis!r}")
    return text[: limit - len(ellipsis)].rstrip() + ellipsis


def clean(value: object, limit: int | None = DEFAULT_LIMIT) -> str:
    """Control characters removed, then length bounded: the first step of every escape."""
    return bound(strip_control(value), limit)


def inline(value: object, limit: int | None = DEFAULT_LIMIT) -> str:
    """:func:`clean`, with line breaks and tabs folded into single spaces (for one-line contexts)."""
    return bound(_NEWLINES.sub(" ", strip_control(value)), limit)


def html(value: object, limit: int | None = DEFAULT_LIMIT) -> str:
    """Text safe as HTML element content or a quoted attribute value; shortcodes neutralized."""
    text = _html.escape(clean(value, limit), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;")


def _backslash_punct(text: str) -> str:
    return "".join("\\" + ch if ch in _PUNCT else ch for ch in text)


def markdown(value: object, limit: int | None = DEFAULT_LIMIT) -> str:
    """Text safe inline in Pandoc/Quarto Markdown: shown literally, never as markup.

    Every ASCII punctuation character (``* _ [ ] ( ) # < > ! | ` { } \\`` and the rest) is
    backslash-escaped: Pandoc reads a backslash-escaped punctuation character as that
    character, and ``{{<`` can no longer appear, so no shortcode or include is processed.
    Line breaks become spaces so the text cannot start a heading, list, table or code block.
    """
    return _backslash_punct(inline(value, limit))


def typst(value: object, limit: int | None = DEFAULT_LIMIT) -> str:
    """Text safe in Typst markup: ``# $ * _ @ < > \\ ` [ ] / = - + ~ '`` etc. backslash-escaped.

    The Typst lexer reads a backslash followed by any non-space character as that character
    literally (``\\#`` is ``#``, ``\\/`` is ``/`` so ``//`` cannot open a comment). Line
    breaks become spaces (a blank line would start a paragraph).
    """
    return _backslash_punct(inline(value, limit))


def typst_string(value: object, limit: int | None = DEFAULT_LIMIT) -> str:
    """A Typst string literal (with its quotes) holding the cleaned text."""
    text = clean(value, limit)
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{out}"'


_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "{": "\\u007b",
    "}": "\\u007d",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE_RE = re.compile("[<>&'{}\u2028\u2029]")


def _json_string(text: str) -> str:
    return _SCRIPT_UNSAFE_RE.sub(
        lambda m: _SCRIPT_UNSAFE[m.group(0)], json.dumps(text, ensure_ascii=False)
    )


def script_json(obj: Any) -> str:
    """Compact, key-sorted JSON of ``obj`` that is safe inside ``<script>`` in HTML and Quarto.

    Inside strings ``< > & ' { }`` (and U+2028/2029) are written as ``\\uXXXX`` escapes, so the
    text cannot close the script element, open a comment or form ``{{<``; the JSON value is
    unchanged. Non-finite floats are refused (they are not JSON).
    """
    parts: list[str] = []

    def enc(o: Any) -> None:
        if o is None or isinstance(o, bool):
            parts.append(json.dumps(o))
        elif isinstance(o, str):
            parts.append(_json_string(o))
        elif isinstance(o, numbers.Integral):
            parts.append(str(int(o)))
        elif isinstance(o, numbers.Real):
            f = float(o)
            if not math.isfinite(f):
                raise ValueError(f"cannot write the non-finite number {o!r} as JSON")
            parts.append(json.dumps(f))
        elif isinstance(o, Mapping):
            parts.append("{")
            for i, key in enumerate(sorted(o, key=str)):
                if i:
                    parts.append(",")
                parts.append(_json_string(str(key)))
                parts.append(":")
                enc(o[key])
            parts.append("}")
        elif isinstance(o, Sequence) and not isinstance(o, bytes | bytearray):
            parts.append("[")
            for i, item in enumerate(o):
                if i:
                    parts.append(",")
                enc(item)
            parts.append("]")
        else:
            raise TypeError(f"cannot write a {type(o).__name__} as JSON: {o!r}")

    enc(obj)
    return "".join(parts)
