"""Search by capability (``explorers/search/``): a BM25 index of the latest week's models and
datasets, built at site-build time and searched in the reader's browser.

* :mod:`~analysis.search.bm25`: the tokenizer, the weights, the reference ranking;
* :mod:`~analysis.search.documents`: what a repository contributes (facets, words, card summary);
* :mod:`~analysis.search.index`: building the index of a week, its compressed JSON and its CSV;
* :mod:`~analysis.search.page`: the page (``assets/search/search.js`` and ``search.css``).

Its words are in ``analysis/explorers/definitions.yml`` (``search``).
"""

from __future__ import annotations

from analysis.search.bm25 import tokenize
from analysis.search.documents import hub_url, size_band
from analysis.search.index import MAX_DATASETS, MAX_MODELS, SearchIndex, build_index, write_index
from analysis.search.page import index_provenance, search_page

__all__ = [
    "MAX_DATASETS",
    "MAX_MODELS",
    "SearchIndex",
    "build_index",
    "hub_url",
    "index_provenance",
    "search_page",
    "size_band",
    "tokenize",
    "write_index",
]
