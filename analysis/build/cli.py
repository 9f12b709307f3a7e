"""``hubobs build``: the steps in order (:func:`run`) and the command's arguments."""

from __future__ import annotations

import argparse
import datetime as dt
import os

from analysis.build.execute import execute_notebooks, execute_summary_pages
from analysis.build.options import BuildOptions, build_facts, ensure_root
from analysis.build.partials import write_partials
from analysis.build.render import render
from analysis.build.report_versions import choose_weeks, publish_reports
from analysis.paths import PROJECT_ROOT, SAMPLE_ROOT, resolve


def run(opts: BuildOptions) -> int:
    ensure_root(opts.root, opts.log)
    build_facts(opts.root, opts.log)
    if opts.notebooks:
        execute_notebooks(opts)
    # the summary pages are build outputs, not committed notebooks: built even when the
    # committed notebooks are not re-executed (skipped when nothing they depend on changed)
    execute_summary_pages(opts)
    publish_reports(opts, choose_weeks(opts.root, opts.reports, opts.report_weeks))
    write_partials(opts)
    if not opts.render:
        opts.log("build: done (render skipped: --no-render)")
        return 0
    return render(opts.project, opts.log)


def _week(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _main(args: argparse.Namespace) -> int:
    opts = BuildOptions(
        root=resolve(args.root),
        reports=args.reports,
        report_weeks=tuple(args.report_week or ()),
        new_version=args.new_version,
        notebooks=not args.skip_notebooks,
        force_notebooks=args.force_notebooks,
        render=not args.no_render,
    )
    return run(opts)


def _description() -> str:
    """The package's docstring: the steps of a build, in order."""
    from analysis import build

    return build.__doc__ or ""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "build",
        help="build the site: sample, facts, notebooks, report versions, then quarto render",
        description=_description(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--root",
        default=os.path.relpath(SAMPLE_ROOT, PROJECT_ROOT),
        help="snapshot root (default: the bundled sample)",
    )
    p.add_argument(
        "--reports",
        type=int,
        default=3,
        metavar="N",
        help="report versions for the latest N weeks (default 3)",
    )
    p.add_argument(
        "--report-week",
        type=_week,
        action="append",
        metavar="YYYY-MM-DD",
        help="report this week (repeatable; overrides --reports)",
    )
    p.add_argument(
        "--new-version",
        action="store_true",
        help="publish a new report version even when one with the same inputs exists",
    )
    p.add_argument(
        "--skip-notebooks",
        action="store_true",
        help="do not execute the committed notebooks (analyses, posts, explorers); the draft-summary pages are still built",
    )
    p.add_argument(
        "--force-notebooks",
        action="store_true",
        help="re-execute every notebook even if its inputs did not change",
    )
    p.add_argument("--no-render", action="store_true", help="stop before quarto render (exit 0)")
    p.set_defaults(func=_main)
