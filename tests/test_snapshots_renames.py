"""Following renamed repos across weeks by `_id`, falling back to `id` where `_id` is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshots_helpers import W1, W2, W3, W4, schema_with, write_week

from analysis.errors import SnapshotError
from analysis.schema import arrow_schema
from analysis.snapshots import connect, follow_renames, model_names


def _root(tmp_path: Path) -> Path:
    no_id = arrow_schema("models", W1).remove(arrow_schema("models", W1).get_field_index("_id"))
    # W1: an old file without `_id`
    write_week(
        tmp_path, "models", W1, [{"id": "alice/llm"}, {"id": "bob/gone"}, {"id": "carol/x"}], no_id
    )
    write_week(
        tmp_path, "models", W2, [{"_id": "A", "id": "alice/llm"}, {"_id": "C", "id": "carol/x"}]
    )
    # W3: alice renames her model; carol's repo disappears
    write_week(
        tmp_path, "models", W3, [{"_id": "A", "id": "alice/llm-v2"}, {"_id": "D", "id": "dave/new"}]
    )
    # W4: dave's file lacks `_id` again (a later era could drop it): resolved backwards
    write_week(
        tmp_path,
        "models",
        W4,
        [{"id": "alice/llm-v2"}, {"id": "dave/new"}],
        schema_with("models", W4).remove(schema_with("models", W4).get_field_index("_id")),
    )
    return tmp_path


def test_follow_renames(tmp_path: Path) -> None:
    con = connect(_root(tmp_path))
    df = follow_renames(con)
    got = [
        tuple(r)
        for r in df[["stable_id", "week", "id", "latest_id", "renamed", "id_inferred"]].itertuples(
            index=False
        )
    ]
    assert [
        (s, w.date() if hasattr(w, "date") else w, i, latest, bool(r), bool(inf))
        for s, w, i, latest, r, inf in got
    ] == [
        ("A", W1, "alice/llm", "alice/llm-v2", True, True),
        ("A", W2, "alice/llm", "alice/llm-v2", True, False),
        ("A", W3, "alice/llm-v2", "alice/llm-v2", True, False),
        ("A", W4, "alice/llm-v2", "alice/llm-v2", True, True),
        ("C", W1, "carol/x", "carol/x", False, True),
        ("C", W2, "carol/x", "carol/x", False, False),
        ("D", W3, "dave/new", "dave/new", False, False),
        ("D", W4, "dave/new", "dave/new", False, True),
        ("id:bob/gone", W1, "bob/gone", "bob/gone", False, True),
    ]


def test_model_names_table(tmp_path: Path) -> None:
    con = connect(_root(tmp_path), weeks=(W2, W3))
    rel = model_names(con)
    assert rel.columns == ["stable_id", "week", "id", "latest_id", "renamed", "id_inferred"]
    assert con.execute(
        "SELECT stable_id, list(id ORDER BY week) FROM model_names WHERE renamed GROUP BY stable_id"
    ).fetchall() == [("A", ["alice/llm", "alice/llm-v2"])]


def test_kinds_without_ids_refused(tmp_path: Path) -> None:
    con = connect(_root(tmp_path))
    with pytest.raises(SnapshotError, match="daily_papers"):
        follow_renames(con, "daily_papers")
