"""The generated partials the site's pages include: the Home page's numbers, the row checks,
the Methods page's analysis sections, and the generated sample's banner and notice."""

from __future__ import annotations

import html

from analysis import atomic
from analysis.build.options import BuildOptions

GENERATED_DIR = "_generated"
HEADLINE_FILE = f"{GENERATED_DIR}/headline.md"
BANNER_FILE = f"{GENERATED_DIR}/sample-banner.html"
#: The same notice in Markdown (a callout in HTML, a quoted block in PDF), for pages that are also
#: rendered to PDF (the paper): ``{{< include >}}`` it. Empty for real data.
NOTICE_FILE = f"{GENERATED_DIR}/sample-notice.md"
#: Every analysis' definitions as sections of the Methods page (``methods.qmd`` includes it).
METHODS_FILE = f"{GENERATED_DIR}/methods.md"
#: The row checks' counts over every week (``data.qmd`` includes it).
QUALITY_FILE = f"{GENERATED_DIR}/quality.md"

BANNER_HTML = (
    '<div class="sample-banner" role="note" aria-label="Generated sample">'
    "<strong>Generated sample.</strong> This site was built from the bundled "
    "<em>generated</em> sample: fictional organizations and models in the real schema of "
    "{repo}. No number, name or chart here is a fact about the Hugging Face Hub."
    "</div>\n"
)

NOTICE_TEXT = """\
This document was built from the bundled *generated* sample: fictional organizations and models
in the real schema of {repo}. No number, name or figure here is a fact about the Hugging Face
Hub."""
#: A callout in HTML; in other formats (the paper's Typst PDF) a plain quoted block: Quarto 1.7's
#: Typst callouts import the Typst package ``@preview/fontawesome``, which Typst downloads when
#: it is not in its package cache, so that an offline render would fail.
NOTICE_MD = """\
::: {{.content-visible when-format="html"}}
::: {{.callout-important .sample-notice title="Generated sample"}}
{text}
:::
:::

::: {{.content-visible unless-format="html"}}
> **Generated sample.** {text}
:::
"""


def sample_notice_markdown(generated: bool) -> str:
    """The Markdown of :data:`NOTICE_FILE`: a callout when the root is the generated sample, else
    empty (a blank line, so that the include leaves the document's blocks apart)."""
    from analysis import escape
    from analysis.schema import REPO_ID

    text = NOTICE_TEXT.format(repo=escape.markdown(REPO_ID))
    return "\n" + NOTICE_MD.format(text=text) if generated else "\n"


def write_partials(opts: BuildOptions) -> bool:
    """Write the Home page's numbers, the sample banner and notice, and the Methods page's
    analysis sections; return whether the root is generated."""
    from analysis import definitions, week
    from analysis.data import open_data
    from analysis.facts.quality import summary_markdown
    from analysis.schema import REPO_ID

    data = open_data(opts.root)
    try:
        s = week.summary(data.con)
        prov = data.provenance_of(weeks=[s.week])
        text = week.headline(s, prov)
        quality = summary_markdown(data.con)
        generated = prov.generated
    finally:
        data.close()
    atomic.write_text(opts.project / HEADLINE_FILE, text)
    atomic.write_text(opts.project / QUALITY_FILE, quality)
    atomic.write_text(opts.project / METHODS_FILE, definitions.methods_page_markdown())
    atomic.write_text(
        opts.project / BANNER_FILE,
        BANNER_HTML.format(repo=html.escape(REPO_ID)) if generated else "",
    )
    atomic.write_text(opts.project / NOTICE_FILE, sample_notice_markdown(generated))
    opts.log(
        f"build: Home numbers for week {s.week}, the row checks, the Methods sections and the "
        f"{'sample' if generated else 'empty'} banner written"
    )
    return generated
