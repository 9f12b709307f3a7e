"""A tiny hand-built week for the search tests (tests/test_search.py and the browser tests):
four models (one with a hostile id) and one dataset, in the snapshot views' shape."""

from __future__ import annotations

import duckdb
import pandas as pd
from metrics_tables import build, ts

PWNED = 'evil/<img src=x onerror="window.__pwned=1">'
ORG_MAP = pd.DataFrame(
    {
        "org": ["acme"],
        "kind": ["company"],
        "country": ["US"],
        "source": ["https://example.com"],
        "note": ["fictional"],
    }
)


def week() -> duckdb.DuckDBPyConnection:
    """Models by downloads: acme/chat-7b 900, acme/whisper-fr 500, bob/speech-small 50, the
    hostile id 1; likes 1, 3, 7, 0; created 2024-03-01, 06-01, 09-01, 12-01. The dataset
    acme/speech-corpus: 30 downloads, 2 likes, created 2024-01-01."""
    w = "2025-01-01"
    models = [
        {
            "week": w,
            "_id": f"m{i}",
            "id": name,
            "author": name.split("/")[0],
            "createdAt": ts(f"{created}T00:00"),
            "lastModified": ts(f"{created}T00:00"),
            "downloads": dl,
            "likes": likes,
            "tags": tags,
            "pipeline_tag": task,
            "library_name": lib,
        }
        for i, (name, dl, likes, created, task, lib, tags) in enumerate(
            [
                (
                    "acme/whisper-fr",
                    500,
                    3,
                    "2024-06-01",
                    "automatic-speech-recognition",
                    "transformers",
                    ["fr"],
                ),
                (
                    "bob/speech-small",
                    50,
                    7,
                    "2024-09-01",
                    "automatic-speech-recognition",
                    "nemo",
                    [],
                ),
                (
                    "acme/chat-7b",
                    900,
                    1,
                    "2024-03-01",
                    "text-generation",
                    "transformers",
                    ["license:mit"],
                ),
                (PWNED, 1, 0, "2024-12-01", "text-generation", None, []),
            ]
        )
    ]
    datasets = [
        {
            "week": w,
            "_id": "d1",
            "id": "acme/speech-corpus",
            "author": "acme",
            "createdAt": ts("2024-01-01T00:00"),
            "downloads": 30,
            "likes": 2,
            "tags": ["task_categories:automatic-speech-recognition", "language:fr"],
        }
    ]
    return build({"models": models, "datasets": datasets})
