"""``hubobs build``: everything the site needs, then Quarto.

In order:

1. the snapshot root: the bundled sample is generated if missing (``analysis.sample``);
2. the per-week facts (``analysis.facts.store.build``, cached);
3. the analysis notebooks (``notebooks/*.ipynb``), notebook posts (``posts/*/index.ipynb``) and
   explorers (``explorers/*/index.ipynb``)
   executed in place with the root as parameter, skipped when nothing they depend on changed
   (their code, the snapshot files, the library code); then one draft-summary page per tracked
   model (``summaries/<slug>/index.ipynb``, :func:`execute_summary_pages`);
4. the "State of the Hub" report of each chosen week as a new version folder
   (``analysis.reports.versions.publish``: never overwriting a published version), then the
   versions' index, comparisons and feed (``analysis.reports.index.write_all``);
5. the generated partials of the site: ``_generated/headline.md`` (the Home page's numbers),
   ``_generated/sample-banner.html`` (the banner when the root is the generated sample,
   empty otherwise) and ``_generated/sample-notice.md`` (the same notice in Markdown, a callout
   in HTML and a plain block in the PDF, included by the paper so that its PDF says it too;
   empty otherwise);
6. ``quarto render`` if ``quarto`` is on PATH; otherwise it stops with exit code 3 and says
   that everything before the render is done; when the render fails, what it left beside the
   page sources (``index.typ``, ``index.html``, ``index_files/``) is removed;
7. the rendered pages made self-contained (:func:`finish_site`): Quarto adds RequireJS and
   jQuery from cdnjs.cloudflare.com to every page made from a notebook with an HTML or JavaScript
   output (it takes such outputs for JavaScript widgets); our outputs need neither, so those
   scripts are removed, and the build fails, naming the pages, if any page still loads
   anything (script, stylesheet, image, frame, CSS ``url()``) from a third-party host; the
   "cite this page" citation loses the list-item role Quarto gives it outside any list.
"""

from __future__ import annotations

from analysis.build.cli import register, run
from analysis.build.execute import execute_notebooks, execute_summary_pages, notebook_paths
from analysis.build.offline import (
    QUARTO_CITEAS_ROLE,
    QUARTO_WIDGET_SCRIPTS,
    finish_site,
    remote_loads,
)
from analysis.build.options import (
    DEFAULT_SITE_URL,
    BuildOptions,
    build_facts,
    ensure_root,
    root_parameter,
    site_url,
)
from analysis.build.partials import (
    BANNER_FILE,
    BANNER_HTML,
    GENERATED_DIR,
    HEADLINE_FILE,
    METHODS_FILE,
    NOTICE_FILE,
    QUALITY_FILE,
    sample_notice_markdown,
    write_partials,
)
from analysis.build.render import EXIT_NO_QUARTO, NO_QUARTO, output_dir, render
from analysis.build.report_versions import (
    REPORTS_DIR,
    TEMPLATE,
    check_reports_source,
    choose_weeks,
    publish_reports,
)

__all__ = [
    "BANNER_FILE",
    "BANNER_HTML",
    "DEFAULT_SITE_URL",
    "EXIT_NO_QUARTO",
    "GENERATED_DIR",
    "HEADLINE_FILE",
    "METHODS_FILE",
    "NOTICE_FILE",
    "NO_QUARTO",
    "QUALITY_FILE",
    "QUARTO_CITEAS_ROLE",
    "QUARTO_WIDGET_SCRIPTS",
    "REPORTS_DIR",
    "TEMPLATE",
    "BuildOptions",
    "build_facts",
    "check_reports_source",
    "choose_weeks",
    "ensure_root",
    "execute_notebooks",
    "execute_summary_pages",
    "finish_site",
    "notebook_paths",
    "output_dir",
    "publish_reports",
    "register",
    "remote_loads",
    "render",
    "root_parameter",
    "run",
    "sample_notice_markdown",
    "site_url",
    "write_partials",
]
