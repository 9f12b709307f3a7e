"""The week in numbers: what the Home page and each weekly "State of the Hub" report state,
from the same metrics as the analyses (:mod:`~analysis.week.metrics`), with the words of
``definitions.yml``.
"""

from __future__ import annotations

from analysis.week.findings import (
    findings,
    headline,
    history_markdown,
    history_table,
    repos_table,
    save_tables,
)
from analysis.week.metrics import (
    COUNTED_KINDS,
    HISTORY_WEEKS,
    Report,
    Summary,
    latest_week,
    open_report,
    summary,
)
from analysis.week.page import Page, page

__all__ = [
    "COUNTED_KINDS",
    "HISTORY_WEEKS",
    "Page",
    "Report",
    "Summary",
    "findings",
    "headline",
    "history_markdown",
    "history_table",
    "latest_week",
    "open_report",
    "page",
    "repos_table",
    "save_tables",
    "summary",
]
