"""Hub text is hostile: each escape must show it literally, never as markup, script or a command."""

from __future__ import annotations

import html.parser
import json
import re

import pytest

from analysis import escape

HOSTILE = [
    "<script>alert(1)</script>",
    "{{< include /etc/passwd >}}",
    "{{< meta title >}} and {{% shortcode %}}",
    "[x](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    '<img src=x onerror="alert(1)">',
    '#import "evil.typ": * #read("/etc/passwd")',
    "$x^2$ *bold* _it_ @ref <label> [c] // comment /* c */ `code`",
    "# heading\n- list\n1. item\n| a | b |\n```\ncode\n```",
    "a & b &amp; &lt; &#123; \\ backslash \\{",
    "'single' \"double\" ... -- ~ = + : . ! ^",
    "naïve façade 模型 🤗 e\u0301",
]

CONTROL = "a\x00b\x07c\x1bd\x7fe\x85f\u202eg\u2066h\ufeffi\r\nj"


def test_strip_control_removes_controls_and_bidi_overrides_keeps_text() -> None:
    assert escape.strip_control(CONTROL) == "abcdefghi\nj"
    assert escape.strip_control("tab\tkept") == "tab\tkept"
    assert escape.strip_control(None) == ""
    assert escape.strip_control(42) == "42"
    # emoji sequences with zero-width joiners survive
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert escape.strip_control(family) == family


def test_bound_truncates_with_ellipsis() -> None:
    long = "x" * 10_000
    out = escape.bound(long, 50)
    assert len(out) == 50 and out.endswith("\u2026")
    assert escape.bound("short", 50) == "short"
    assert escape.bound("word " * 20, 11) == "word word\u2026"  # no space before the ellipsis
    assert escape.bound(long, None) == long
    assert escape.bound("abcdef", 4, ellipsis="...") == "a..."
    with pytest.raises(ValueError, match="too small"):
        escape.bound("abcdef", 1)


@pytest.mark.parametrize("fn", [escape.html, escape.markdown, escape.typst])
def test_every_escape_bounds_long_strings(fn: object) -> None:
    assert callable(fn)
    out = fn("y" * 100_000)
    assert len(out) <= escape.DEFAULT_LIMIT
    assert fn("y" * 100_000, limit=10) == "y" * 9 + "\u2026"


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(fragment: str) -> _Text:
    p = _Text()
    p.feed(fragment)
    p.close()
    return p


@pytest.mark.parametrize("text", HOSTILE)
def test_html_escape_is_literal_text(text: str) -> None:
    out = escape.html(text, limit=None)
    parsed = _parse(f"<p>{out}</p>")
    assert parsed.tags == ["p"], out
    assert "".join(parsed.text) == escape.clean(text, None)
    assert "{{" not in out and "<" not in out and '"' not in out
    # safe inside a quoted attribute too
    attr = _parse(f'<a title="{out}">t</a>')
    assert attr.tags == ["a"]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_has_no_active_syntax(text: str) -> None:
    out = escape.markdown(text, limit=None)
    assert "\n" not in out
    assert "{{" not in out
    # every ASCII punctuation character is preceded by a backslash
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", out)
    assert not re.search(r"[!-/:-@\[-`{-~]", unescaped), out


def _pandoc_text(markdown_src: str) -> tuple[str, list[str]]:
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc (pandoc) is not installed")
    html_out = pypandoc.convert_text(
        markdown_src, "html", format="markdown", extra_args=["--wrap=none"]
    )
    parsed = _parse(html_out)
    return "".join(parsed.text).strip(), parsed.tags


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_renders_literally_with_pandoc(text: str) -> None:
    out = escape.markdown(text, limit=None)
    rendered, tags = _pandoc_text(f"Before {out} after.")
    assert tags == ["p"], (out, tags)
    assert rendered == f"Before {escape.inline(text, None)} after."


def test_unescaped_markdown_would_be_active() -> None:
    """The pandoc check can fail: the same text unescaped does produce markup."""
    _rendered, tags = _pandoc_text("Before [x](javascript:alert(1)) *b* after.")
    assert "a" in tags and "em" in tags


@pytest.mark.parametrize("text", HOSTILE)
def test_typst_escape_compiles_to_the_literal_text(text: str) -> None:
    typst = pytest.importorskip("typst", reason="the typst Python package is not installed")
    out = escape.typst(text, limit=None)
    assert "\n" not in out
    result = json.loads(typst.query(f"#[{out}] <probe>\n".encode(), "<probe>"))

    def flat(o: object) -> str:
        if isinstance(o, list):
            return "".join(flat(x) for x in o)
        if isinstance(o, dict):
            if o.get("func") in ("text", "symbol"):
                return str(o["text"])
            if o.get("func") == "space":
                return " "
            return "".join(flat(o[k]) for k in ("children", "body", "child") if k in o)
        return ""

    assert flat(result) == escape.inline(text, None)


def test_typst_unescaped_import_would_run() -> None:
    typst = pytest.importorskip("typst", reason="the typst Python package is not installed")
    with pytest.raises(Exception, match=r"(?i)file not found|not found|failed"):
        typst.query(b'#import "evil.typ": *\n', "<probe>")


def test_typst_string_literal() -> None:
    assert escape.typst_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


def test_script_json_cannot_close_script_or_form_shortcodes() -> None:
    obj = {
        "b": ["</script><!--", "{{< include x >}}", "it's & \u2028"],
        "a": 1.5,
        "c": None,
        "d": True,
    }
    out = escape.script_json(obj)
    assert json.loads(out) == obj
    for bad in ("</", "<!--", "{{", "'", "&", "\u2028"):
        assert bad not in out
    assert out.index('"a"') < out.index('"b"')  # keys sorted: deterministic
    with pytest.raises(ValueError, match="non-finite"):
        escape.script_json({"x": float("nan")})
    with pytest.raises(TypeError, match="set"):
        escape.script_json({"x": {1, 2}})
