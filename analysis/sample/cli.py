"""``hubobs sample``: generate the bundled sample or a benchmark-size week, verify checksums."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.errors import HubObsError
from analysis.schema import KINDS


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from exc


def _generate(args: argparse.Namespace) -> int:
    from analysis.sample.generate import generate_sample
    from analysis.sample.params import SampleParams

    try:
        params = SampleParams(
            start=args.start, weeks=args.weeks, models=args.models, seed=args.seed
        )
    except ValueError as exc:
        raise HubObsError(str(exc)) from exc
    root = Path(args.root).resolve()
    checksums = args.checksums
    if checksums is None and root == paths.SAMPLE_ROOT.resolve():
        checksums = paths.SAMPLE_CHECKSUMS
    t = time.perf_counter()
    files = generate_sample(root, params, checksums=checksums)
    size = sum((root / f).stat().st_size for f in files)
    print(
        f"generated {len(files)} files ({size / 1e6:.1f} MB) in {root} in {time.perf_counter() - t:.1f} s; revision {params.revision}"
    )
    if checksums is not None:
        print(f"checksums written to {checksums}")
    return 0


def _full_week(args: argparse.Namespace) -> int:
    from analysis.sample.generate import generate_full_week

    if args.models < 100:
        raise HubObsError(f"--models must be at least 100, got {args.models}")
    if args.week.weekday() != 2:
        raise HubObsError(
            f"--week {args.week.isoformat()} is not a Wednesday (week labels are Wednesdays)"
        )
    t = time.perf_counter()
    written = generate_full_week(
        args.out,
        models=args.models,
        week=args.week,
        seed=args.seed,
        kinds=args.kinds,
        text_profile=args.text_profile,
    )
    for p in written:
        print(f"wrote {p} ({p.stat().st_size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - t:.1f} s")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from analysis.sample.generate import ensure_sample
    from analysis.sample.verify import verify_sample

    if args.generate_if_missing:
        ensure_sample(args.root, args.checksums)
    n = verify_sample(args.root, args.checksums)
    print(f"{n} files match {args.checksums}")
    return 0


def register(subparsers: Any) -> None:
    from analysis.sample.params import DEFAULT_MODELS, DEFAULT_SEED, DEFAULT_START, DEFAULT_WEEKS

    p = subparsers.add_parser(
        "sample",
        help="generate the bundled sample (fictional data in the real schema) or a benchmark-size week",
        description="Generate the bundled sample or a benchmark-size week, deterministically; verify the sample's checksums.",
    )
    sub = p.add_subparsers(dest="sample_command", metavar="<subcommand>")
    g = sub.add_parser(
        "generate", help="generate the multi-week sample (replaces a previous generated sample)"
    )
    g.add_argument(
        "--root",
        default=str(paths.SAMPLE_ROOT),
        help="snapshot root to write (default: %(default)s)",
    )
    g.add_argument(
        "--start",
        type=_date,
        default=DEFAULT_START,
        help="first week label, a Wednesday (default: %(default)s)",
    )
    g.add_argument(
        "--weeks",
        type=int,
        default=DEFAULT_WEEKS,
        help="number of consecutive weeks (default: %(default)s)",
    )
    g.add_argument(
        "--models",
        type=int,
        default=DEFAULT_MODELS,
        help="model repositories by the last week (default: %(default)s)",
    )
    g.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed (default: %(default)s)"
    )
    g.add_argument(
        "--checksums",
        default=None,
        help="write sha256sum lines here (default: data/sample.sha256 for the default root)",
    )
    g.set_defaults(func=_generate)
    f = sub.add_parser(
        "full-week", help="generate one benchmark-size week (up to millions of models)"
    )
    f.add_argument(
        "--models",
        type=int,
        default=3_000_000,
        help="model rows in the week (default: %(default)s)",
    )
    f.add_argument("--out", required=True, help="snapshot root to write the week into")
    f.add_argument(
        "--week",
        type=_date,
        default=dt.date(2025, 4, 30),
        help="week label, a Wednesday (default: %(default)s)",
    )
    f.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed (default: %(default)s)"
    )
    f.add_argument(
        "--kinds",
        nargs="+",
        choices=KINDS,
        default=["models"],
        help="kinds to write (default: models)",
    )
    f.add_argument(
        "--text-profile",
        choices=("realistic", "compact"),
        default="realistic",
        help="models' card text: realistic sizes (about 450 bytes a row on disk) or the sample's "
        "compact cards (default: %(default)s)",
    )
    f.set_defaults(func=_full_week)
    v = sub.add_parser("verify", help="check the sample's files against its committed checksums")
    v.add_argument(
        "--root", default=str(paths.SAMPLE_ROOT), help="snapshot root (default: %(default)s)"
    )
    v.add_argument(
        "--checksums",
        default=str(paths.SAMPLE_CHECKSUMS),
        help="sha256sum file (default: %(default)s)",
    )
    v.add_argument(
        "--generate-if-missing",
        action="store_true",
        help="generate the sample first when files are missing (a differing file is still an error)",
    )
    v.set_defaults(func=_verify)

    def _help(args: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=_help)
