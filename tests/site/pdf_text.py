"""Just enough of a PDF reader for the paper's Typst PDF: its text and its outline (headings).

Typst writes every object uncompressed at top level (no object streams) and its page content as
deflated (``/FlateDecode``) streams, text as glyph ids decoded by each font's ``/ToUnicode`` CMap. This reads that and
nothing more (no encryption, no object streams): the tests need no PDF library.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_REF = rb"(\d+) 0 R"
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|/[^\s/\[\]()<>]+|-?\d*\.?\d+|[A-Za-z'\"*]+|\[|\]", re.S
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


@dataclass
class Heading:
    title: str
    level: int
    page: int  # 0-based
    y: float  # from the page's bottom, in points


class Pdf:
    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        self.objects = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
        pages_root = next(n for n, v in self.objects.items() if re.search(rb"/Type\s*/Pages\b", v))
        self.pages = self._kids(pages_root)
        self._cmaps: dict[int, dict[bytes, str]] = {}

    def _kids(self, n: int) -> list[int]:
        obj = self.objects[n]
        if not re.search(rb"/Type\s*/Pages\b", obj):
            return [n]
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", obj)
        return [
            p for k in re.findall(_REF, kids.group(1) if kids else b"") for p in self._kids(int(k))
        ]

    def _ref(self, obj: bytes, key: bytes) -> int | None:
        m = re.search(rb"/" + key + rb"\s+" + _REF, obj)
        return int(m.group(1)) if m else None

    def stream(self, n: int) -> bytes:
        head, _, rest = self.objects[n].partition(b"stream")
        body = rest[2:] if rest.startswith(b"\r\n") else rest[1:]
        body = body[: body.rindex(b"endstream")]
        return zlib.decompress(body) if b"FlateDecode" in head else body

    def _dict(self, obj: bytes, key: bytes) -> dict[bytes, int]:
        """A sub-dictionary of names to references (``/Font << /F0 25 0 R >>``), inline or not."""
        m = re.search(rb"/" + key + rb"\s*(<<.*?>>|" + _REF + rb")", obj, re.S)
        if not m:
            return {}
        body = m.group(1)
        if m.group(2):
            body = self.objects[int(m.group(2))]
        return {k: int(v) for k, v in re.findall(rb"/([^\s/<>]+)\s+" + _REF, body)}

    def _cmap(self, font: int) -> dict[bytes, str]:
        if font not in self._cmaps:
            cmap: dict[bytes, str] = {}
            ref = self._ref(self.objects[font], b"ToUnicode")
            text = self.stream(ref) if ref else b""
            for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
                for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
                    cmap[bytes.fromhex(src.decode())] = bytes.fromhex(dst.decode()).decode(
                        "utf-16-be"
                    )
            for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
                for lo, hi, dst in re.findall(
                    rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
                ):
                    a, b, d = int(lo, 16), int(hi, 16), int(dst, 16)
                    for i in range(a, b + 1):
                        cmap[(i).to_bytes(len(lo) // 2, "big")] = chr(d + i - a)
            self._cmaps[font] = cmap
        return self._cmaps[font]

    @staticmethod
    def _bytes(token: bytes) -> bytes:
        if token.startswith(b"<"):
            return bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode())
        out, i, s = bytearray(), 0, token[1:-1]
        while i < len(s):
            c = s[i : i + 1]
            if c != b"\\":
                out += c
                i += 1
                continue
            nxt = s[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", s[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8) & 0xFF)
                i += 1 + len(octal.group(0))
            else:
                out += _ESCAPES.get(nxt, nxt)
                i += 2
        return bytes(out)

    def _text(self, content: bytes, resources: bytes, depth: int = 0) -> list[str]:
        fonts = self._dict(resources, b"Font")
        xobjects = self._dict(resources, b"XObject")
        chunks: list[str] = []
        current: list[str] = []
        cmap: dict[bytes, str] = {}
        widths: dict[int, int] = {}
        operands: list[bytes] = []
        for token in _TOKEN.findall(content):
            if (
                token[:1] in b"(<"
                or token == b"["
                or token == b"]"
                or token[:1] == b"/"
                or re.match(rb"-?\d*\.?\d+$", token)
            ):
                operands.append(token)
                continue
            if token == b"Tf" and len(operands) >= 2 and operands[-2][1:] in fonts:
                font = fonts[operands[-2][1:]]
                cmap = self._cmap(font)
                # composite (Type0) fonts take two bytes a glyph (Typst: Identity-H)
                widths[id(cmap)] = 2 if re.search(rb"/Subtype\s*/Type0", self.objects[font]) else 1
            elif token in (b"Tj", b"TJ", b"'", b'"'):
                for op in operands:
                    if op[:1] in b"(<":
                        raw = self._bytes(op)
                        width = widths.get(id(cmap), 1)
                        current += [
                            cmap.get(raw[i : i + width], "") for i in range(0, len(raw), width)
                        ]
            elif token == b"ET":
                chunks.append("".join(current))
                current = []
            elif token == b"Do" and operands and operands[-1][1:] in xobjects and depth < 8:
                n = xobjects[operands[-1][1:]]
                if re.search(rb"/Subtype\s*/Form", self.objects[n]):
                    chunks += self._text(self.stream(n), self.objects[n], depth + 1)
            operands = []
        return chunks

    def page_text(self, index: int) -> list[str]:
        """The text of a page, one string per text object (a line or part of one)."""
        page = self.objects[self.pages[index]]
        resources = self.objects.get(self._ref(page, b"Resources") or -1, page)
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|" + _REF + rb")", page, re.S)
        refs = [int(r) for r in re.findall(_REF, contents.group(1))] if contents else []
        return [c for r in refs for c in self._text(self.stream(r), resources)]

    def text(self) -> str:
        return "\n".join(c for i in range(len(self.pages)) for c in self.page_text(i))

    def headings(self) -> list[Heading]:
        """The outline (bookmarks: Typst writes one per heading), in document order."""
        root = next(
            (n for n, v in self.objects.items() if re.search(rb"/Type\s*/Outlines", v)), None
        )
        out: list[Heading] = []

        def walk(n: int | None, level: int) -> None:
            while n is not None:
                obj = self.objects[n]
                title = re.search(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)", obj)
                raw = self._bytes(title.group(1)) if title else b""
                name = (
                    raw[2:].decode("utf-16-be")
                    if raw.startswith(b"\xfe\xff")
                    else raw.decode("latin-1")
                )
                dest = re.search(rb"/Dest\s*(\[[^\]]*\]|" + _REF + rb")", obj)
                body = dest.group(1) if dest else b""
                if dest and dest.group(2):
                    body = self.objects[int(dest.group(2))]
                page = re.search(_REF, body)
                y = re.search(rb"/XYZ\s+\S+\s+(-?[\d.]+)", body)
                out.append(
                    Heading(
                        name,
                        level,
                        self.pages.index(int(page.group(1))) if page else -1,
                        float(y.group(1)) if y else 0.0,
                    )
                )
                walk(self._ref(obj, b"First"), level + 1)
                n = self._ref(obj, b"Next")

        if root is not None:
            walk(self._ref(self.objects[root], b"First"), 1)
        return out


def empty_headings(pdf: Pdf) -> list[str]:
    """Headings followed by no text of their own: the next heading (not one of their
    subheadings) comes right after them, or nothing does."""
    chunks: list[tuple[int, str]] = [
        (i, c.strip()) for i in range(len(pdf.pages)) for c in pdf.page_text(i) if c.strip()
    ]
    headings = pdf.headings()
    found = []
    cursor = 0
    for k, h in enumerate(headings):
        at = next(
            (
                j
                for j in range(cursor, len(chunks))
                if chunks[j][0] >= h.page and chunks[j][1] == h.title
            ),
            None,
        )
        if at is None:
            found.append(f"{h.title!r} (page {h.page + 1}): not found in the text")
            continue
        cursor = at + 1
        nxt = headings[k + 1] if k + 1 < len(headings) else None
        if nxt is not None and nxt.level > h.level:
            continue  # its subsections are its content
        end = next(
            (
                j
                for j in range(cursor, len(chunks))
                if nxt is not None and chunks[j][0] >= nxt.page and chunks[j][1] == nxt.title
            ),
            len(chunks),
        )
        body = [c for _, c in chunks[cursor:end] if not re.fullmatch(r"[\d.]+", c)]
        if not body:
            found.append(f"{h.title!r} (page {h.page + 1})")
    return found
