"""Draft EU training-content summaries of models, from Hub metadata.

The draft of one model in :mod:`~analysis.eusummary.metrics` (SQL in ``sql/``; family trees
from :mod:`analysis.lineage`), written as Markdown and JSON by :mod:`~analysis.eusummary.render`,
one page per tracked model (``tracked.yml``) by :mod:`~analysis.eusummary.pages`; every word in
``definitions.yml``.
"""

from __future__ import annotations

from analysis.eusummary.metrics import Draft, Field, Origin, draft
from analysis.eusummary.render import as_json, markdown

__all__ = ["Draft", "Field", "Origin", "as_json", "draft", "markdown"]
