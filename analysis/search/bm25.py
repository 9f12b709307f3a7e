"""BM25 ranking: the tokenizer, the term weights written into the search index, and the
reference search the page's script (``assets/search/search.js``) mirrors.

A document is a bag of tokens (:func:`tokenize` of its fields' text). The weight of term ``t``
in document ``d`` is Okapi BM25's::

    w(t, d) = idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avglen))
    idf(t)  = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))

(``tf``: occurrences of ``t`` in ``d``; ``df``: documents holding ``t``; ``N``: documents),
with ``k1 = 1.2`` and ``b = 0.75``. The index stores each weight as an integer,
``round(w * SCALE)``, so the browser adds integers and ranks exactly as :func:`search` does.
A query's score for a document is the sum of the weights of its distinct tokens; the last
token also matches every term it begins (the reader is still typing), counting the best such
term once. Ties go to the more downloaded document, then to the lower document number.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

K1 = 1.2
B = 0.75
#: Weights are stored as round(weight * SCALE).
SCALE = 100
#: Tokens longer than this are cut (ids and tags can be long); shorter than 1 are dropped.
MAX_TOKEN = 40

# Letters and digits of any script: what the page's /[\p{L}\p{N}]+/gu matches.
_TOKEN = re.compile(r"[^\W_]+")


def tokenize(text: str) -> list[str]:
    """``text`` NFKC-normalized, lower-cased, split into runs of letters and digits."""
    norm = unicodedata.normalize("NFKC", text).lower()
    return [t[:MAX_TOKEN] for t in _TOKEN.findall(norm)]


def order(term: str) -> bytes:
    """The sort key of terms: UTF-16 code units, the order of JavaScript's string comparison."""
    return term.encode("utf-16-be")


def idf(n_docs: int, df: int) -> float:
    return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))


def weight(tf: int, doc_len: int, avg_len: float, idf_t: float) -> float:
    norm = K1 * (1.0 - B + B * doc_len / avg_len) if avg_len > 0 else K1
    return idf_t * tf * (K1 + 1.0) / (tf + norm)


@dataclass(frozen=True)
class Postings:
    """The inverted index: ``terms`` sorted (:func:`order`); for each, its documents (ascending) and weights."""

    terms: tuple[str, ...]
    docs: tuple[tuple[int, ...], ...]
    weights: tuple[tuple[int, ...], ...]
    n_docs: int


def postings(documents: Sequence[Sequence[str]]) -> Postings:
    """The BM25 postings of ``documents`` (each a list of tokens), weights scaled to integers."""
    counts = [Counter(d) for d in documents]
    lengths = [len(d) for d in documents]
    n = len(documents)
    avg = sum(lengths) / n if n else 0.0
    by_term: dict[str, list[tuple[int, int]]] = {}
    for i, c in enumerate(counts):
        for term, tf in c.items():
            by_term.setdefault(term, []).append((i, tf))
    terms = sorted(by_term, key=order)
    docs: list[tuple[int, ...]] = []
    weights: list[tuple[int, ...]] = []
    for term in terms:
        hits = by_term[term]
        idf_t = idf(n, len(hits))
        docs.append(tuple(i for i, _ in hits))
        weights.append(tuple(round(weight(tf, lengths[i], avg, idf_t) * SCALE) for i, tf in hits))
    return Postings(tuple(terms), tuple(docs), tuple(weights), n)


def _prefixed(p: Postings, prefix: str) -> range:
    lo = bisect.bisect_left(p.terms, order(prefix), key=order)
    hi = lo
    while hi < len(p.terms) and p.terms[hi].startswith(prefix):
        hi += 1
    return range(lo, hi)


def scores(p: Postings, query: str) -> dict[int, int]:
    """Each matching document's score (scaled integer) for ``query`` (see the module docstring)."""
    tokens = list(dict.fromkeys(tokenize(query)))
    if not tokens:
        return {}
    out: dict[int, int] = {}
    exact = set(tokens[:-1])
    for term in exact:
        j = bisect.bisect_left(p.terms, order(term), key=order)
        if j < len(p.terms) and p.terms[j] == term:
            for d, w in zip(p.docs[j], p.weights[j], strict=True):
                out[d] = out.get(d, 0) + w
    last = tokens[-1]
    if last in exact:
        return out
    best: dict[int, int] = {}
    for j in _prefixed(p, last):
        if p.terms[j] in exact:  # already counted whole
            continue
        for d, w in zip(p.docs[j], p.weights[j], strict=True):
            if w > best.get(d, -1):
                best[d] = w
    for d, w in best.items():
        out[d] = out.get(d, 0) + w
    return out


def search(
    p: Postings, query: str, downloads: Sequence[int], limit: int | None = None
) -> list[int]:
    """Document numbers matching ``query``, best first (ties: more downloads, lower number)."""
    s = scores(p, query)
    ranked = sorted(s, key=lambda d: (-s[d], -downloads[d], d))
    return ranked if limit is None else ranked[:limit]
