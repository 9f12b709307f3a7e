"""Vectorized helpers that build arrow arrays from numpy arrays (no Python loop per row)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

StrLike: TypeAlias = "pa.Array | pa.ChunkedArray | str"


def _one(a: pa.Array | pa.ChunkedArray) -> pa.Array:
    """A single contiguous array (pyarrow may return chunks for large inputs)."""
    return a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a


def vocab(words: Sequence[str], idx: np.ndarray) -> pa.Array:
    """``words[idx]`` as a string array; a negative index gives null."""
    idx = np.asarray(idx, dtype=np.int64)
    mask = idx < 0
    if mask.any():
        return pa.array(list(words), pa.string()).take(pa.array(np.where(mask, 0, idx), mask=mask))
    return pa.array(list(words), pa.string()).take(pa.array(idx))


def cat(*parts: StrLike) -> pa.Array:
    """Element-wise concatenation of string arrays and constant strings (a null part gives null)."""
    arrays = [p if not isinstance(p, str) else pa.scalar(p, pa.string()) for p in parts]
    out = pc.binary_join_element_wise(*arrays, "")
    return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out


def cat_skip(*parts: StrLike) -> pa.Array:
    """Like :func:`cat` but a null part counts as the empty string."""
    arrays = [p if not isinstance(p, str) else pa.scalar(p, pa.string()) for p in parts]
    out = pc.binary_join_element_wise(*arrays, "", null_handling="replace", null_replacement="")
    return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out


def where(mask: np.ndarray, a: StrLike, b: StrLike) -> pa.Array:
    """``a`` where ``mask`` else ``b``."""
    av = a if not isinstance(a, str) else pa.scalar(a, pa.string())
    bv = b if not isinstance(b, str) else pa.scalar(b, pa.string())
    out = pc.if_else(pa.array(np.asarray(mask, dtype=bool)), av, bv)
    return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out


def null_unless(mask: np.ndarray, a: StrLike) -> pa.Array:
    """``a`` where ``mask``, else null."""
    av = a if not isinstance(a, str) else pa.scalar(a, pa.string())
    out = pc.if_else(pa.array(np.asarray(mask, dtype=bool)), av, pa.scalar(None, pa.string()))
    return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out


def int_str(values: np.ndarray) -> pa.Array:
    """Integers as decimal strings."""
    return pc.cast(pa.array(np.asarray(values, dtype=np.int64)), pa.string())


def lists(n: int, parts: Sequence[tuple[np.ndarray, pa.Array]]) -> pa.ListArray:
    """A list<string> array of ``n`` rows from (row index, value) parts, kept in part order.

    Within a row, values come in the order of ``parts`` and, within a part, in input order.
    """
    rows = (
        np.concatenate([np.asarray(r, dtype=np.int64) for r, _ in parts])
        if parts
        else np.zeros(0, np.int64)
    )
    values = (
        pa.concat_arrays([v.cast(pa.string()) for _, v in parts])
        if parts
        else pa.array([], pa.string())
    )
    order = np.argsort(rows, kind="stable")
    counts = np.bincount(rows, minlength=n)
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), values.take(pa.array(order)))


def json_list(arr: pa.ListArray) -> pa.Array:
    """Each list of safe strings (no quotes or backslashes) as a JSON array text."""
    quoted = cat('"', arr.values, '"') if len(arr.values) else pa.array([], pa.string())
    inner = pa.ListArray.from_arrays(arr.offsets, quoted)
    joined = pc.binary_join(inner, ",")
    return cat("[", joined, "]")


def mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64 finalizer: a fixed, well-mixed function of uint64 values."""
    z = np.asarray(x, dtype=np.uint64).copy()
    with np.errstate(over="ignore"):
        z += np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return z


_HEX = np.array([f"{i:02x}".encode() for i in range(256)], dtype="S2")


def hex_words(words: Sequence[np.ndarray]) -> pa.Array:
    """Big-endian hex text of the concatenated uint64 columns ``words`` (16 hex digits each)."""
    cols = [np.asarray(w, dtype=">u8").reshape(-1, 1).view(np.uint8) for w in words]
    b = np.concatenate(cols, axis=1)
    hexed = np.ascontiguousarray(_HEX[b]).view(f"S{2 * b.shape[1]}").ravel()
    return _one(pc.cast(_one(pa.array(hexed, pa.binary())), pa.string()))


def object_ids(created_s: np.ndarray, counter: np.ndarray, machine: np.ndarray) -> pa.Array:
    """MongoDB-like ObjectIds: 8 hex digits of the creation second, 10 of a machine id, 6 of a counter."""
    hi = (np.asarray(created_s, dtype=np.uint64) & np.uint64(0xFFFFFFFF)) << np.uint64(32)
    hi |= (np.asarray(machine, dtype=np.uint64) >> np.uint64(8)) & np.uint64(0xFFFFFFFF)
    lo = (np.asarray(machine, dtype=np.uint64) & np.uint64(0xFF)) << np.uint64(56)
    lo |= (np.asarray(counter, dtype=np.uint64) & np.uint64(0xFFFFFF)) << np.uint64(32)
    return _one(pc.utf8_slice_codeunits(hex_words([hi, lo]), 0, 24))


def timestamps(us: np.ndarray) -> pa.Array:
    return pa.array(np.asarray(us, dtype=np.int64), pa.timestamp("us"))


def _suffix_repeats(both: pa.Array) -> tuple[pa.Array, bool]:
    lower = pc.utf8_lower(both)  # the Hub treats ids case-insensitively
    codes = pc.dictionary_encode(lower).indices.to_numpy(zero_copy_only=False)
    order = np.argsort(codes, kind="stable")
    sc = codes[order]
    start = np.flatnonzero(np.r_[True, sc[1:] != sc[:-1]])
    rank_sorted = np.arange(len(sc)) - np.repeat(start, np.diff(np.r_[start, len(sc)]))
    rank = np.empty(len(sc), dtype=np.int64)
    rank[order] = rank_sorted
    if not (rank > 0).any():
        return both, False
    return cat(both, where(rank > 0, cat("-", int_str(rank + 1)), "")), True


def unique_ids(id0: pa.Array, id1: pa.Array, renamed: np.ndarray) -> tuple[pa.Array, pa.Array]:
    """Make every id (before and after renames) unique, ignoring case, by suffixing repeats with -2, -3, ..."""
    n = len(id0)
    ren = np.flatnonzero(renamed)
    both = pa.concat_arrays([id0, id1.take(pa.array(ren))])
    for _ in range(16):
        both, changed = _suffix_repeats(both)
        if not changed:
            break
    new0 = both.slice(0, n)
    pos = np.full(n, 0, dtype=np.int64)
    pos[ren] = np.arange(len(ren))
    new1 = where(renamed, both.slice(n).take(pa.array(pos)), new0) if len(ren) else new0
    return new0, new1
