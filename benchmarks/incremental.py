"""Adding week 105 to a 104-week history against recomputing all 105 weeks, with the fact store.

``python -m benchmarks.incremental <root> <week-105>`` (``root`` holds 105 small models weeks)
prints one JSON line: seconds to build 104 weeks into an empty cache, to add week 105 to that
cache, and to build all 105 weeks into another empty cache; and the fact-weeks computed by each.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from analysis.facts.store import build


def main(argv: list[str]) -> int:
    root, last = Path(argv[0]), dt.date.fromisoformat(argv[1])
    out: dict[str, float | int] = {}
    with (
        tempfile.TemporaryDirectory(dir=root.parent) as a,
        tempfile.TemporaryDirectory(dir=root.parent) as b,
    ):
        t = time.perf_counter()
        r = build(root, end=last - dt.timedelta(days=7), cache=a, progress=False)
        out["build_104_s"], out["build_104_fact_weeks"] = time.perf_counter() - t, len(r.computed)
        t = time.perf_counter()
        r = build(root, cache=a, progress=False)
        out["add_week_105_s"], out["add_week_105_fact_weeks"] = (
            time.perf_counter() - t,
            len(r.computed),
        )
        out["add_week_105_files_read"] = len(r.files_read)
        t = time.perf_counter()
        r = build(root, cache=a, progress=False)
        out["rebuild_nothing_changed_s"], out["rebuild_nothing_changed_fact_weeks"] = (
            time.perf_counter() - t,
            len(r.computed),
        )
        t = time.perf_counter()
        r = build(root, cache=b, progress=False)
        out["full_105_s"], out["full_105_fact_weeks"] = time.perf_counter() - t, len(r.computed)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
