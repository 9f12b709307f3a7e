"""The "State of the Hub" reports as published: one frozen, citable folder per week and version
(:mod:`~analysis.reports.versions`). Their numbers come from :mod:`analysis.week`."""

from analysis.reports.versions import (
    Published,
    ReportError,
    ReportVersion,
    front_matter,
    publish,
)

__all__ = ["Published", "ReportError", "ReportVersion", "front_matter", "publish"]
