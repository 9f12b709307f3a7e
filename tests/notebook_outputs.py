"""Reading what an executed notebook shows: the data inside a published figure's output."""

from __future__ import annotations

import json
import re
from typing import Any

import nbformat
import pandas as pd

_SPEC = re.compile(
    r'<script type="application/json" class="hubobs-chart-spec">(.*?)</script>', re.S
)


def figure_spec(nb: nbformat.NotebookNode, name: str) -> dict[str, Any]:
    """The Vega-Lite spec of the figure ``name`` (its file name stem) in ``nb``'s outputs."""
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            html = "".join(out.get("data", {}).get("text/html", ""))
            if f'id="hubobs-{name}-' in html:
                m = _SPEC.search(html)
                assert m, f"figure {name}: no spec in its output"
                spec: dict[str, Any] = json.loads(m.group(1))
                return spec
    raise AssertionError(f"no figure {name} in the notebook's outputs")


def figure_data(nb: nbformat.NotebookNode, name: str) -> pd.DataFrame:
    """The data the figure ``name`` draws (text cleaned as the chart shows it)."""
    spec = figure_spec(nb, name)
    datasets = spec.get("datasets") or {}
    values = next(iter(datasets.values())) if datasets else spec["data"]["values"]
    return pd.DataFrame(values)
