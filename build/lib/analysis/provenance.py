"""Where a result came from: snapshot weeks, dataset revision and files. Carried by every figure and table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from analysis.schema import ATTRIBUTION, REPO_ID


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the snapshot root, e.g. models/2025-01-01/models.parquet
    sha256: str
    bytes: int
    rows: int


@dataclass(frozen=True)
class Provenance:
    """The snapshot weeks and dataset revision a result was computed from."""

    weeks: tuple[dt.date, ...]
    revision: str
    generated: bool  # True for the bundled generated sample: never facts about the Hub
    repo_id: str = REPO_ID
    files: tuple[SourceFile, ...] = field(default=(), compare=False)

    @property
    def first_week(self) -> dt.date:
        return min(self.weeks)

    @property
    def last_week(self) -> dt.date:
        return max(self.weeks)

    def weeks_text(self) -> str:
        if not self.weeks:
            return "no weeks"
        if len(self.weeks) == 1:
            return f"week of {self.first_week.isoformat()}"
        return f"weeks {self.first_week.isoformat()} to {self.last_week.isoformat()} ({len(self.weeks)} weeks)"

    def source_line(self) -> str:
        """The one-line source note every chart and table carries."""
        what = (
            "GENERATED SAMPLE (fictional data in the real schema, not facts about the Hub)"
            if self.generated
            else self.repo_id
        )
        return f"Source: {what}, {self.weeks_text()}, revision {self.short_revision}. {ATTRIBUTION}"

    @property
    def short_revision(self) -> str:
        """A commit sha cut to 12 hex digits (as git shows it); any other revision name whole."""
        rev = self.revision
        return rev[:12] if len(rev) == 40 and all(c in "0123456789abcdef" for c in rev) else rev
