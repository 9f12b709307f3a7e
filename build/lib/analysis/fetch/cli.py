"""``hubobs fetch``: download weeks of the Hub snapshot dataset into a snapshot root."""

from __future__ import annotations

import argparse
from typing import Any

from analysis.paths import resolve
from analysis.schema import KINDS, REPO_ID

#: Where ``hubobs fetch`` puts real Hub weeks unless told otherwise.
DEFAULT_ROOT = "data/hub"

EPILOG = f"""\
examples:
  hubobs fetch --week latest --kind models
  hubobs fetch --week 2025-01-01 --week 2025-01-08 --kind models --kind datasets
  hubobs fetch --start 2025-01-01 --end 2025-03-26 --revision <commit sha>
  hubobs fetch --week latest --dry-run        # list what would be downloaded

Files land in <root>/<kind>/<YYYY-MM-DD>/<kind>.parquet, each verified against the sha256 the
Hub lists for it before it is moved into place; an interrupted fetch resumes when run again.
The dataset revision (commit sha) is resolved once and recorded in <root>/REVISION. The Hub
endpoint is HF_ENDPOINT (or --endpoint); a token, if any, comes from huggingface_hub
(HF_TOKEN or `hf auth login`). Data: {REPO_ID}, ODbL-1.0.
"""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "fetch",
        help="download weeks of the Hub snapshot dataset (pinned revision, resumable, verified)",
        description=f"Download chosen weeks and kinds of {REPO_ID} into a snapshot root.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--root",
        default=DEFAULT_ROOT,
        help="snapshot root to fill, relative to the project (default: %(default)s)",
    )
    p.add_argument(
        "--week",
        action="append",
        default=[],
        metavar="DATE|latest",
        help="a week label (YYYY-MM-DD) or 'latest' (the newest week every chosen kind has); repeatable",
    )
    p.add_argument("--start", metavar="DATE", help="first week of a range (inclusive)")
    p.add_argument("--end", metavar="DATE", help="last week of a range (inclusive)")
    p.add_argument(
        "--kind",
        action="append",
        choices=KINDS,
        help="kind to fetch; repeatable (default: all four)",
    )
    p.add_argument(
        "--revision", help="commit sha, branch or tag of the dataset repo (default: current)"
    )
    p.add_argument(
        "--endpoint", help="Hub endpoint (default: HF_ENDPOINT or https://huggingface.co)"
    )
    p.add_argument(
        "--allow-mixed-revisions",
        action="store_true",
        help="allow files of another revision in the same root (recorded as 'mixed')",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="list the files and sizes, download nothing"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.fetch.plan import WeekSelection
    from analysis.fetch.run import fetch, human_bytes

    selection = WeekSelection.parse(args.week, args.start, args.end)
    root = resolve(args.root)
    result = fetch(
        root,
        selection,
        tuple(args.kind or KINDS),
        revision=args.revision,
        endpoint=args.endpoint,
        allow_mixed_revisions=args.allow_mixed_revisions,
        dry_run=args.dry_run,
        progress=not args.no_progress,
    )
    if result.dry_run:
        print(
            f"dry run: {len(result.files)} file(s), {human_bytes(result.bytes_total)} at revision {result.revision}"
        )
    else:
        print(
            f"{root}: {len(result.placed)} file(s) downloaded, {len(result.present)} already present; "
            f"revision {result.revision}"
        )
    return 0
