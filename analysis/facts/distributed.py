"""The per-week reduction on Dask: each (kind, week) file is one independent task.

Same plan, same fact SQL, same cache files as :func:`analysis.facts.store.build`; only where the
work runs changes. Each task opens its week through the snapshot layer, runs the facts with
DuckDB inside the worker and writes its cache files atomically, so the driver never holds the
data. Workers must see the snapshot root and the cache at the same paths (one machine, or a
shared filesystem) and have this package installed. Dask is optional (``pip install
"dask[distributed]"``); without a ``client`` a local cluster of worker processes is started.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from analysis.facts import cache as fcache
from analysis.facts.definitions import Fact
from analysis.facts.store import BuildReport, PathLike, WeekFile, reduce_week, start_build


def _task(root: str, wf: WeekFile, todo: list[Fact], cache: str) -> tuple[str, dt.date, list[str]]:
    reduce_week(root, wf, todo, Path(cache))
    return wf.kind, wf.week, [f.table for f in todo]


def build_distributed(
    root: PathLike,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    cache: PathLike | None = None,
    *,
    client: Any = None,
    workers: int = 2,
) -> BuildReport:
    """Like :func:`~analysis.facts.store.build`, with each week's reduction a Dask task."""
    from distributed import Client, LocalCluster

    cache_path = Path(cache) if cache is not None else fcache.default_cache()
    todo, report = start_build(root, start, end, cache_path)
    if not todo:
        return report
    own = client is None
    if own:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        futures = [
            client.submit(
                _task, str(Path(root).resolve()), wf, missing, str(cache_path.resolve()), pure=False
            )
            for wf, missing in todo.items()
        ]
        for kind, week, tables in client.gather(futures):
            report.files_read.append((kind, week))
            report.computed += [(t, week) for t in tables]
    finally:
        if own:
            client.close()
            cluster.close()
    report.files_read.sort()
    return report
