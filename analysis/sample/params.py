"""The generator's parameters, and the revision string derived from them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field

from analysis.schema import era

#: Bumped whenever the generator's output changes for the same parameters.
GENERATOR_VERSION = 3

DEFAULT_START = dt.date(2024, 9, 4)
DEFAULT_WEEKS = 36
DEFAULT_MODELS = 4000
DEFAULT_SEED = 20240904


@dataclass(frozen=True)
class SampleParams:
    start: dt.date = DEFAULT_START
    weeks: int = DEFAULT_WEEKS
    models: int = DEFAULT_MODELS  # model repositories created by the last week (before deletions)
    seed: int = DEFAULT_SEED
    datasets: int | None = None  # default: models // 5
    spaces: int | None = None  # default: models // 5
    papers: int | None = None  # default: models // 10, at most 30,000
    repeat: tuple[int, ...] | None = field(default=None)  # week indices repeating the previous week

    def __post_init__(self) -> None:
        if self.start.weekday() != 2:
            raise ValueError(
                f"start {self.start.isoformat()} is not a Wednesday (week labels are Wednesdays)"
            )
        if self.weeks < 1:
            raise ValueError(f"weeks must be at least 1, got {self.weeks}")
        if self.models < 100:
            raise ValueError(f"models must be at least 100, got {self.models}")

    @property
    def week_dates(self) -> tuple[dt.date, ...]:
        return tuple(self.start + dt.timedelta(days=7 * i) for i in range(self.weeks))

    @property
    def n_datasets(self) -> int:
        return self.datasets if self.datasets is not None else max(200, self.models // 5)

    @property
    def n_spaces(self) -> int:
        return self.spaces if self.spaces is not None else max(200, self.models // 5)

    @property
    def n_papers(self) -> int:
        return self.papers if self.papers is not None else max(100, min(30_000, self.models // 10))

    @property
    def repeated(self) -> tuple[int, ...]:
        """Week indices whose files repeat the previous week byte for byte.

        By default two weeks about a third and a half of the way through, never a week where
        the schema era changes (so each era's first file is really of that era).
        """
        if self.repeat is not None:
            return tuple(sorted(set(self.repeat)))
        dates = self.week_dates
        ok = [
            i
            for i in range(2, len(dates))
            if all(era(k, dates[i]) == era(k, dates[i - 1]) for k in ("models", "datasets"))
        ]
        if len(ok) < 6:
            return ()
        return (ok[len(ok) // 3], ok[len(ok) // 2])

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["start"] = self.start.isoformat()
        d["repeat"] = list(self.repeated)
        d["datasets"], d["spaces"], d["papers"] = self.n_datasets, self.n_spaces, self.n_papers
        d["generator_version"] = GENERATOR_VERSION
        return d

    @property
    def revision(self) -> str:
        """``generated-sample-v1-<hash of the parameters>``: names exactly what was generated."""
        text = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
        return f"generated-sample-v{GENERATOR_VERSION}-{hashlib.sha256(text.encode()).hexdigest()[:10]}"
