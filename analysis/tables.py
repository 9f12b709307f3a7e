"""Tables as published: data files safe to open, and tables formatted for readers.

:func:`write_data` writes the data behind a chart or report table, whole or not at all:

- ``<name>.csv``: text cells that a spreadsheet would read as a formula (beginning with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return: the OWASP CSV-injection rule) get a leading
  apostrophe (:func:`neutralize`); numbers are written as numbers;
- ``<name>.parquet``: the same table with the text exactly as it is;
- ``<name>.csv-metadata.json``: a CSV on the Web (W3C CSVW) description: title, description,
  source line, licence (ODbL) and every column's meaning, from the analysis' definitions file.

:func:`markdown` formats a DataFrame as a Markdown table for a page: thousands separators, ISO
dates, shares as percentages, missing values as an en dash, no index column, and Hub text
escaped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import cast

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis import atomic, escape, fmt
from analysis.schema import ATTRIBUTION

ODBL_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
#: A cell beginning with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """A text cell made inert for spreadsheets (a leading apostrophe); other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [
        str(c)
        for c in frame.columns
        if pd.api.types.is_object_dtype(frame[c]) or pd.api.types.is_string_dtype(frame[c])
    ]


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The CSV of ``frame`` (no index, LF line ends) with formula-like text neutralized.

    Every text field is quoted, so a carriage return or newline inside Hub text stays inside its
    field whatever reads the file."""
    out = frame.copy()
    for c in _text_columns(out):
        out[c] = out[c].map(neutralize)
    text = out.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    return cast(str, text).encode("utf-8")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def _datatype(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    return "string"


def metadata(
    frame: pd.DataFrame,
    name: str,
    *,
    title: str,
    description: str,
    source_line: str,
    columns: Mapping[str, str] | None = None,
) -> dict[str, object]:
    """The CSVW description of ``<name>.csv``."""
    docs = dict(columns or {})
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": f"{name}.csv",
        "dc:title": title,
        "dc:description": description,
        "dc:source": source_line,
        "dc:license": {"@id": ODBL_URL},
        "dc:rights": ATTRIBUTION,
        "tableSchema": {
            "columns": [
                {
                    "name": str(c),
                    "titles": str(c),
                    "datatype": _datatype(frame[c]),
                    **({"dc:description": docs[str(c)]} if str(c) in docs else {}),
                }
                for c in frame.columns
            ]
        },
    }


def check_columns(frame: pd.DataFrame, columns: Mapping[str, str], what: str) -> None:
    """Every column of ``frame`` documented in ``columns`` and every documented column present."""
    have, documented = [str(c) for c in frame.columns], set(columns)
    undocumented = [c for c in have if c not in documented]
    absent = sorted(documented - set(have))
    if undocumented or absent:
        parts = []
        if undocumented:
            parts.append(f"columns without a description: {', '.join(undocumented)}")
        if absent:
            parts.append(f"documented columns the data lacks: {', '.join(absent)}")
        raise ValueError(f"{what}: {'; '.join(parts)} (see its definitions file)")


def write_data(
    frame: pd.DataFrame,
    folder: Path,
    name: str,
    *,
    title: str,
    description: str,
    source_line: str,
    columns: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write ``<name>.csv``, ``<name>.parquet`` and ``<name>.csv-metadata.json`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = metadata(
        frame,
        name,
        title=title,
        description=description,
        source_line=source_line,
        columns=columns,
    )
    files = {
        folder / f"{name}.csv": csv_bytes(frame),
        folder / f"{name}.parquet": parquet_bytes(frame),
        folder / f"{name}.csv-metadata.json": (
            json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        ).encode("utf-8"),
    }
    for path, data in files.items():
        atomic.write_bytes(path, data)
    return list(files)


def markdown(
    frame: pd.DataFrame,
    formats: Mapping[str, str] | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    align: Sequence[str] | None = None,
) -> str:
    """``frame`` as a Markdown pipe table for readers.

    ``formats[column]`` is a :func:`analysis.fmt.cell` kind ('number', 'percent', 'change',
    'date', 'text'); other columns are formatted by their values' types. Cells already
    :class:`~analysis.fmt.Formatted` go in as they are; other text is escaped. ``headers``
    renames columns (our own words). Numbers are right-aligned unless ``align`` says otherwise.
    """
    kinds = dict(formats or {})
    names = dict(headers or {})
    cols = [str(c) for c in frame.columns]

    def is_numeric(c: str) -> bool:
        if c in kinds:
            return kinds[c] in ("number", "percent", "change")
        s = frame[c]
        return pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)

    aligns = (
        list(align) if align is not None else ["right" if is_numeric(c) else "left" for c in cols]
    )
    lines = [
        "| " + " | ".join(escape.markdown(names.get(c, c), None) for c in cols) + " |",
        "|" + "|".join("---:" if a == "right" else ":---" for a in aligns) + "|",
    ]
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for c, v in zip(cols, row, strict=True):
            text = fmt.cell(v, kinds.get(c, "auto"))
            # our own formatting goes in as it is; any other text (Hub text) is escaped
            cells.append(text if isinstance(text, fmt.Formatted) else escape.markdown(text))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def show(
    frame: pd.DataFrame,
    formats: Mapping[str, str] | None = None,
    *,
    headers: Mapping[str, str] | None = None,
) -> object:
    """:func:`markdown` as an ``IPython.display.Markdown`` (what a notebook cell shows: a
    formatted table, never a raw DataFrame)."""
    from IPython.display import Markdown

    return Markdown(markdown(frame, formats, headers=headers))


__all__ = [
    "FORMULA_START",
    "check_columns",
    "csv_bytes",
    "markdown",
    "metadata",
    "neutralize",
    "parquet_bytes",
    "show",
    "write_data",
]
