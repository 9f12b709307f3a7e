"""The paper says it was built from the generated sample in its PDF too (not only in the HTML banner).

The HTML banner is an ``include-before-body`` of HTML formats, which Typst does not get; so the
build also writes ``_generated/sample-notice.md`` (empty for real data) and ``paper/index.qmd``
includes it: a callout in HTML, a plain quoted block in Typst (Quarto's Typst callouts import a
Typst package that an offline Typst cannot download).
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis import build
from analysis.paths import PROJECT_ROOT
from analysis.schema import REPO_ID

PAPER = PROJECT_ROOT / "paper" / "index.qmd"
_INCLUDE = re.compile(r"^\{\{<\s*include\s+(\S+)\s*>\}\}\s*$", re.M)


def _body(text: str) -> str:
    return text.split("---", 2)[2]


def test_notice_is_a_callout_in_html_a_quote_elsewhere_and_empty_for_real_data() -> None:
    md = build.sample_notice_markdown(True)
    html, _, other = md.partition('::: {.content-visible unless-format="html"}')
    assert '::: {.content-visible when-format="html"}' in html
    assert re.search(r"^::: \{\.callout-important[^}]*title=\"Generated sample\"", html, re.M)
    assert "callout" not in other and other.lstrip().startswith("> **Generated sample.**")
    assert other.count("*generated* sample") == 1
    assert md.rstrip().endswith(":::")
    assert "*generated* sample" in md
    assert "No number, name or figure here is a fact about the Hugging Face\nHub." in md
    assert REPO_ID.replace("/", "\\/").replace("_", "\\_") in md  # Markdown-escaped
    assert md.startswith("\n")  # the include never glues the callout to a preceding block
    assert build.sample_notice_markdown(False).strip() == ""


def test_paper_includes_the_notice_for_every_format() -> None:
    body = _body(PAPER.read_text(encoding="utf-8"))
    targets = [(m.start(), m.group(1)) for m in _INCLUDE.finditer(body)]
    notice = [
        pos
        for pos, target in targets
        if (PAPER.parent / target).resolve() == (PROJECT_ROOT / build.NOTICE_FILE).resolve()
    ]
    assert notice, f"paper/index.qmd does not include {build.NOTICE_FILE}"
    first_heading = re.search(r"^#{1,6} ", body, re.M)
    assert first_heading is not None and notice[0] < first_heading.start(), (
        "the notice comes before the text"
    )
    # at top level: not inside a div that limits it to some formats (content-visible/-hidden, etc.)
    before = body[: notice[0]]
    assert before.count("\n:::") % 2 == 0 and "content-" not in before


def test_build_writes_the_notice(tiny_root: Path, project: Path) -> None:
    opts = build.BuildOptions(
        root=tiny_root, project=project, notebooks=False, render=False, log=lambda m: None
    )
    assert build.write_partials(opts) is True  # the tiny root is generated
    text = (project / build.NOTICE_FILE).read_text(encoding="utf-8")
    assert text == build.sample_notice_markdown(True)
    assert "Generated sample" in (project / build.BANNER_FILE).read_text(encoding="utf-8")
    # the Data page's row checks: the tiny generated root holds no bad row (0 duplicates, etc.)
    quality = (project / build.QUALITY_FILE).read_text(encoding="utf-8").splitlines()
    assert quality[0] == "| Check | models | datasets | spaces |"
    dup = next(line for line in quality if line.startswith("| rows repeating an id"))
    assert dup.endswith("| 0 | 0 | 0 |")
