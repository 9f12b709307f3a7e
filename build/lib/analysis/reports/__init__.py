"""The "State of the Hub" reports: headline numbers of a week and versioned report folders."""

from analysis.reports.summary import (
    Headline,
    headline,
    headline_markdown,
    models_attention,
    weekly_repos,
)
from analysis.reports.versions import (
    Published,
    ReportError,
    ReportVersion,
    front_matter,
    publish,
    write_tables,
)

__all__ = [
    "Headline",
    "Published",
    "ReportError",
    "ReportVersion",
    "front_matter",
    "headline",
    "headline_markdown",
    "models_attention",
    "publish",
    "weekly_repos",
    "write_tables",
]
