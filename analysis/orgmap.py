"""The curated organization mapping: Hub organization → kind and country, each with a source.

File format (CSV, UTF-8, header required, columns in this order): ``org, kind, country, source,
note``.

* ``org``: the Hub owner name as written in repo ids (matched case-insensitively), unique.
* ``kind``: one of :data:`ORG_KINDS` (``academic`` covers universities and research institutes;
  ``university`` and ``research institute`` are accepted and read as ``academic``).
* ``country``: an ISO 3166-1 alpha-2 code (``US``, ``FR``...) or ``unknown`` (an empty cell is
  read as ``unknown``).
* ``source``: an ``https://`` URL supporting the entry (the organization's site or Hub page);
  ``generated sample`` for the fictional organizations of the generated sample.
* ``note``: free text, may be empty.

``unknown`` is the honest value where nobody knows; it is never guessed. The bundled real mapping
is ``data/organizations.csv``; the generated sample writes its own ``organizations.csv`` (fictional
organizations) inside the sample root.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TypeAlias

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.paths import ORGANIZATIONS_CSV, resolve

COLUMNS: tuple[str, ...] = ("org", "kind", "country", "source", "note")
ORG_KINDS: tuple[str, ...] = (
    "company",
    "academic",
    "non-profit",
    "government",
    "individual",
    "unknown",
)
#: Spellings accepted in a file and the kind they stand for (the issue's wording
#: "university or research institute" is one kind, ``academic``).
KIND_ALIASES: dict[str, str] = {"university": "academic", "research institute": "academic"}
#: The source a generated sample's fictional organizations carry instead of a URL.
GENERATED_SOURCE = "generated sample"
#: The label the metrics give authors absent from the mapping (not a kind a file may use).
UNMAPPED = "unmapped"

#: What a metric accepts as a mapping: a frame, a path, or None for the default.
OrgMap: TypeAlias = pd.DataFrame | str | os.PathLike[str] | None

_ORG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^\s]*)?$")


def _fail(path: str, line: int, column: str, value: str, why: str) -> HubObsError:
    return HubObsError(f"{path}, line {line}, column {column!r}: {value!r} {why}")


def validate(frame: pd.DataFrame, path: str = "<organization mapping>") -> pd.DataFrame:
    """Check a mapping frame (columns :data:`COLUMNS`, text values); return it with a clean index.

    Errors name the file, the line (header = line 1), the column and the value.
    """
    cols = tuple(str(c) for c in frame.columns)
    if cols != COLUMNS:
        raise HubObsError(
            f"{path}: columns are {list(cols)}, expected {list(COLUMNS)} in that order"
        )
    seen: dict[str, int] = {}
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        org, kind, country, source, note = (("" if pd.isna(v) else str(v)) for v in row)
        if not _ORG_RE.match(org):
            raise _fail(path, i, "org", org, "is not a Hub organization name")
        if org.lower() in seen:
            raise _fail(
                path,
                i,
                "org",
                org,
                f"repeats line {seen[org.lower()]} (names match case-insensitively)",
            )
        seen[org.lower()] = i
        if kind not in ORG_KINDS and kind not in KIND_ALIASES:
            allowed = ", ".join((*ORG_KINDS, *KIND_ALIASES))
            raise _fail(path, i, "kind", kind, f"is not one of {allowed}")
        if country not in ("unknown", "") and not _COUNTRY_RE.match(country):
            raise _fail(
                path,
                i,
                "country",
                country,
                "is not an ISO 3166-1 alpha-2 code (e.g. US) or 'unknown'",
            )
        if not (_URL_RE.match(source) or source == GENERATED_SOURCE):
            raise _fail(
                path, i, "source", source, f"is not an https:// URL (or {GENERATED_SOURCE!r})"
            )
        if len(note) > 500:
            raise _fail(path, i, "note", note[:40] + "...", "is longer than 500 characters")
    out = frame.astype("string").fillna("").reset_index(drop=True)
    out["kind"] = out["kind"].replace(KIND_ALIASES)
    out["country"] = out["country"].replace({"": "unknown"})
    return out


def load(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read and validate a mapping file (see the module docstring)."""
    p = Path(path)
    if not p.is_file():
        raise HubObsError(f"organization mapping {p} does not exist")
    with p.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows:
        raise HubObsError(f"{p}: empty file, expected the header {','.join(COLUMNS)}")
    header, body = rows[0], rows[1:]
    for i, r in enumerate(body, start=2):
        if len(r) != len(header):
            raise HubObsError(f"{p}, line {i}: {len(r)} fields, expected {len(header)}")
    return validate(pd.DataFrame(body, columns=header, dtype="string"), str(p))


def resolve_map(org_map: OrgMap, root: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The mapping to use: a frame (validated), a path (loaded), or when None the snapshot root's
    own ``organizations.csv`` if it has one (the generated sample does), else ``data/organizations.csv``."""
    if isinstance(org_map, pd.DataFrame):
        return validate(org_map)
    if org_map is not None:
        return load(resolve(org_map))
    if root is not None:
        local = resolve(root) / "organizations.csv"
        if local.is_file():
            return load(local)
    return load(ORGANIZATIONS_CSV)


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, org_map: pd.DataFrame) -> Iterator[None]:
    """Make ``org_map`` (org, kind, country) visible to the metric SQL as ``org_map`` while inside."""
    frame = org_map.loc[:, ["org", "kind", "country"]].astype(str)
    con.register("org_map", frame)
    try:
        yield
    finally:
        con.unregister("org_map")
