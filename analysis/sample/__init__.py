"""The deterministic generator of the bundled sample and of benchmark-size weeks.

Everything it writes is fictional data in the real schema of ``hfmlsoc/hub_weekly_snapshots``
(see :mod:`analysis.schema`), labelled as generated wherever it is shown.
"""

from __future__ import annotations

from analysis.sample.generate import ensure_sample, generate_full_week, generate_sample
from analysis.sample.params import SampleParams
from analysis.sample.verify import verify_sample

__all__ = [
    "SampleParams",
    "ensure_sample",
    "generate_full_week",
    "generate_sample",
    "verify_sample",
]
