"""The per-week reduction on Dask (local cluster of worker processes) gives the same cache."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import WEEKS, write_week

from analysis.facts import store
from analysis.facts.definitions import facts

pytest.importorskip("distributed", reason="Dask is optional: pip install 'dask[distributed]'")


@pytest.mark.slow
def test_dask_build_equals_serial_build(root: Path, tmp_path: Path, connect: object) -> None:
    from analysis.facts.distributed import build_distributed

    write_week(root, WEEKS[2], 13)
    serial, dask_cache = tmp_path / "serial", tmp_path / "dask"
    store.build(root, cache=serial)
    report = build_distributed(root, cache=dask_cache, workers=2)
    expected = 3 * len(facts("models")) + len(facts("datasets"))
    assert len(report.computed) == expected
    assert len(report.files_read) == 4
    a = sorted(p.relative_to(serial) for p in serial.rglob("*.parquet"))
    b = sorted(p.relative_to(dask_cache) for p in dask_cache.rglob("*.parquet"))
    assert a == b and len(a) == expected
    for rel in a:  # same rows (a fact without ORDER BY may list them in another order)
        rows = [sorted(map(repr, pq.read_table(c / rel).to_pylist())) for c in (serial, dask_cache)]
        assert rows[0] == rows[1], rel
    again = build_distributed(root, cache=dask_cache)
    assert again.computed == [] and again.reused == expected
