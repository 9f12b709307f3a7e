"""``hubobs facts build|status|prune``: reduce snapshot weeks to cached per-week fact tables."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.facts import cache as fcache
from analysis.facts import store
from analysis.paths import SAMPLE_ROOT, resolve


def _add_common(p: argparse.ArgumentParser, root: bool = True) -> None:
    if root:
        p.add_argument(
            "--root", default=str(SAMPLE_ROOT), help="snapshot root (default: the bundled sample)"
        )
    p.add_argument(
        "--cache",
        default=None,
        help="fact cache folder (default: $HUBOBS_CACHE/facts or data/cache/facts)",
    )


def _cache(args: argparse.Namespace) -> Path:
    return resolve(args.cache) if args.cache else fcache.default_cache()


def _build(args: argparse.Namespace) -> int:
    report = store.build(
        resolve(args.root), args.start, args.end, _cache(args), progress=not args.quiet
    )
    print(
        f"facts: computed {len(report.computed)} fact-weeks from {len(report.files_read)} file(s); "
        f"{report.reused} already cached"
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    rows = store.status(resolve(args.root), _cache(args))
    width = max((len(str(r["fact"])) for r in rows), default=4)
    print(f"{'fact':<{width}}  weeks  cached  stale")
    for r in rows:
        print(
            f"{r['fact']!s:<{width}}  {r['weeks']!s:>5}  {r['cached']!s:>6}  {r['stale_files']!s:>5}"
        )
    return 0


def _prune(args: argparse.Namespace) -> int:
    removed = fcache.prune(_cache(args))
    for p in removed:
        print(f"removed {p}")
    print(f"facts: pruned {len(removed)} stale file(s)", file=sys.stderr)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("facts", help="reduce snapshot weeks to cached per-week fact tables")
    sub = p.add_subparsers(dest="facts_command", metavar="<action>", required=True)
    b = sub.add_parser(
        "build", help="compute the facts missing from the cache (each week read once)"
    )
    _add_common(b)
    b.add_argument("--start", default=None, help="first week (YYYY-MM-DD), default: the first")
    b.add_argument("--end", default=None, help="last week (YYYY-MM-DD), default: the last")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=_build)
    s = sub.add_parser(
        "status", help="per fact: weeks in the root, weeks cached, stale cache files"
    )
    _add_common(s)
    s.set_defaults(func=_status)
    r = sub.add_parser("prune", help="delete cache files of old fact code and leftover temp files")
    _add_common(r, root=False)
    r.set_defaults(func=_prune)
