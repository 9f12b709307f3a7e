"""The facts of the growth, organizations, datasets, concentration and licences analyses keep `week` as a key: over two weeks they equal the
union of each week alone (the fact store computes them week by week)."""

from __future__ import annotations

import pandas as pd
import pytest
from metrics_tables import build, ts

MINE = [
    "fact_models__authors",
    "fact_datasets__authors",
    "fact_spaces__authors",
    "fact_models__created_daily",
    "fact_datasets__created_daily",
    "fact_models__concentration",
    "fact_models__licences",
    "fact_datasets__licences",
    "fact_datasets__tasks",
    "fact_datasets__domains",
    "fact_datasets__top",
    "fact_models__dataset_refs",
]


def rows(week: str, n: int) -> dict[str, list[dict[str, object]]]:
    models = [
        {
            "week": week,
            "_id": f"M{i}",
            "id": f"o{i % 3}/m{i}",
            "author": f"o{i % 3}",
            "createdAt": ts("2024-07-20T00:00") + pd.Timedelta(days=i),
            "downloads": i * i % 7,
            "likes": i % 2,
            "tags": [f"license:{'mit' if i % 2 else 'apache-2.0'}", f"dataset:d/x{i % 2}"],
        }
        for i in range(n)
    ]
    datasets = [
        {
            "week": week,
            "_id": f"D{i}",
            "id": f"d/x{i}",
            "author": "d",
            "downloads": 10 - i,
            "createdAt": ts("2024-07-25T00:00"),
            "tags": ["task_categories:robotics", "finance"][: i % 3],
        }
        for i in range(n)
    ]
    spaces = [
        {"week": week, "_id": f"S{i}", "id": f"s/s{i}", "author": "s", "likes": i} for i in range(n)
    ]
    return {"models": models, "datasets": datasets, "spaces": spaces}


def frame(con, table: str) -> pd.DataFrame:
    df = con.table(table).df()
    return df.sort_values(list(df.columns)).reset_index(drop=True)


@pytest.mark.parametrize("table", MINE)
def test_two_weeks_equal_the_union_of_each_week(table: str) -> None:
    a, b = rows("2024-07-24", 5), rows("2024-07-31", 8)
    both = build({k: a[k] + b[k] for k in a})
    one, two = build(a), build(b)
    union = pd.concat([frame(one, table), frame(two, table)], ignore_index=True)
    expected = union.sort_values(list(union.columns)).reset_index(drop=True)
    got = frame(both, table)
    assert len(got) > 0
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
