"""The fact cache on disk: one parquet file per (fact, kind, week, file checksum, fact code).

Layout: ``<cache>/<fact table>/<kind>-<week>-<sha256[:16]>-<code hash>.parquet``. A file's name
is its key: the week, the checksum of the snapshot file it was reduced from and the hash of
the fact's SQL. A file whose code hash is not the fact's current one is stale: never read,
removed by :func:`prune`. Files are written to a temporary name and moved into place with
``os.replace``, so a cache file is whole or absent.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.facts.definitions import Fact, facts
from analysis.paths import cache_dir

_NAME = re.compile(
    r"^(?P<kind>[a-z_]+)-(?P<week>\d{4}-\d{2}-\d{2})-(?P<sha>[0-9a-f]{16})-(?P<code>[0-9a-f]{16})\.parquet$"
)
TMP_SUFFIX = ".tmp"


def default_cache() -> Path:
    """The default fact cache: ``<HUBOBS_CACHE or data/cache>/facts``."""
    return cache_dir() / "facts"


def fact_path(cache: Path, fact: Fact, week: dt.date, sha256: str) -> Path:
    """Where the fact of one week's file is cached."""
    if len(sha256) < 16:
        raise ValueError(
            f"sha256 {sha256!r} of {fact.kind} week {week} is too short to key the cache"
        )
    name = f"{fact.kind}-{week.isoformat()}-{sha256[:16].lower()}-{fact.code_hash}.parquet"
    return cache / fact.table / name


def write_atomic(table: pa.Table, path: Path, metadata: dict[str, str]) -> None:
    """Write ``table`` to ``path`` through a temporary file and ``os.replace``: whole or absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}{TMP_SUFFIX}")
    merged = dict(table.schema.metadata or {})
    merged.update({f"hubobs.{k}".encode(): v.encode() for k, v in metadata.items()})
    try:
        pq.write_table(table.replace_schema_metadata(merged), tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class CacheEntry:
    path: Path
    table: str
    kind: str
    week: dt.date
    sha16: str
    code_hash: str


def entries(cache: Path) -> list[CacheEntry]:
    """Every well-named cache file under ``cache`` (current or stale)."""
    out: list[CacheEntry] = []
    if not cache.is_dir():
        return out
    for folder in sorted(p for p in cache.iterdir() if p.is_dir()):
        for f in sorted(folder.iterdir()):
            m = _NAME.match(f.name)
            if m:
                out.append(
                    CacheEntry(
                        f,
                        folder.name,
                        m["kind"],
                        dt.date.fromisoformat(m["week"]),
                        m["sha"],
                        m["code"],
                    )
                )
    return out


def stale(cache: Path) -> list[Path]:
    """Cache files no current fact would read: old code hash, removed fact, or leftover temp files."""
    current = {f.table: f.code_hash for f in facts()}
    out = [e.path for e in entries(cache) if current.get(e.table) != e.code_hash]
    if cache.is_dir():
        out += sorted(p for p in cache.glob(f"*/*{TMP_SUFFIX}"))
    return out


def prune(cache: Path) -> list[Path]:
    """Delete the stale files (see :func:`stale`) and empty fact folders; return what was removed."""
    removed = stale(cache)
    for p in removed:
        p.unlink(missing_ok=True)
    if cache.is_dir():
        for folder in cache.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    return removed
