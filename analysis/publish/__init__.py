"""Publishing charts: what every notebook calls to show a figure.

:func:`figure` publishes a chart an analysis defines by name (``"growth.existing"``: the builder
``analysis/growth/figures.py:existing`` and the title, description and column docs of
``analysis/growth/definitions.yml``); :func:`publish` is the general form it uses. The modules:
:mod:`~analysis.publish.chart` (shaping the spec, writing the data files),
:mod:`~analysis.publish.figure` (the HTML and SVG a reader gets), :mod:`~analysis.publish.tooltips`,
:mod:`~analysis.publish.static` (the offline SVG).
"""

from __future__ import annotations

from analysis.publish.chart import MAX_ROWS, ChartLike, figure, publish
from analysis.publish.figure import VENDOR_DIR, VENDOR_FILES, Figure
from analysis.publish.tooltips import ChartError, tooltips

__all__ = [
    "MAX_ROWS",
    "VENDOR_DIR",
    "VENDOR_FILES",
    "ChartError",
    "ChartLike",
    "Figure",
    "figure",
    "publish",
    "tooltips",
]
