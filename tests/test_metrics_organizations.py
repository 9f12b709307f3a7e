"""Organizations and the organization mapping loader; expected values by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from metrics_tables import build, ts

from analysis import organizations, orgmap
from analysis.errors import HubObsError
from analysis.paths import ORGANIZATIONS_CSV

T = pd.Timestamp
ORG_MAP = pd.DataFrame(
    {
        "org": ["BigLab", "acme"],
        "kind": ["academic", "company"],
        "country": ["DE", "US"],
        "source": ["https://example.org/biglab", "https://example.com"],
        "note": ["", "fictional"],
    }
)


def m(week: str, uid: str, name: str, created: str) -> dict[str, object]:
    return {
        "week": week,
        "_id": uid,
        "id": name,
        "author": name.split("/")[0],
        "createdAt": ts(created),
        "lastModified": ts(created),
        "downloads": 10,
        "likes": 1,
        "tags": [],
    }


# W1 2024-07-24: biglab/m1..m3 (old), acme/x (old), solo/y (created 07-25: in W1)
# W2 2024-07-31: biglab/m1..m5 (m4, m5 created in W2), acme/x2 (created in W2),
#                solo/x: acme/x renamed to solo/x (same _id X), solo/y
# W3 2024-08-07: repeats W2 byte for byte.
OLD = "2024-07-01T00:00"
W1 = [
    *(m("2024-07-24", f"M{i}", f"biglab/m{i}", OLD) for i in (1, 2, 3)),
    m("2024-07-24", "X", "acme/x", OLD),
    m("2024-07-24", "Y", "solo/y", "2024-07-25T00:00"),
]


def w2(week: str) -> list[dict[str, object]]:
    return [
        *(m(week, f"M{i}", f"biglab/m{i}", OLD) for i in (1, 2, 3)),
        m(week, "M4", "biglab/m4", "2024-08-01T00:00"),
        m(week, "M5", "biglab/m5", "2024-08-02T00:00"),
        m(week, "X2", "acme/x2", "2024-08-03T00:00"),
        m(week, "X", "solo/x", OLD),
        m(week, "Y", "solo/y", "2024-07-25T00:00"),
    ]


@pytest.fixture()
def con():
    ds = [
        {
            "week": "2024-07-31",
            "_id": "D",
            "id": "acme/data",
            "author": "acme",
            "createdAt": ts(OLD),
            "tags": [],
        }
    ]
    return build(
        {"models": W1 + w2("2024-07-31") + w2("2024-08-07"), "datasets": ds},
        repeats={("models", "2024-08-07"): "2024-07-31"},
    )


def test_top_contributors(con) -> None:
    df = organizations.top_contributors(con, "models", org_map=ORG_MAP)
    # latest week W3 (= W2's content): biglab 5, solo 2 (x arrived by rename), acme 1; 8 in all
    assert list(df["author"]) == ["biglab", "solo", "acme"]
    assert list(df["repos"]) == [5, 2, 1]
    assert df["share_of_repos"].tolist() == pytest.approx([5 / 8, 2 / 8, 1 / 8])
    # created over the non-repeated weeks W1, W2: biglab m4, m5; solo y; acme x2
    assert list(df["created_in_range"]) == [2, 1, 1]
    # BigLab in the mapping matches biglab (case-insensitive); solo is not mapped
    assert list(df["org_kind"]) == ["academic", "unmapped", "company"]
    assert list(df["country"]) == ["DE", "unmapped", "US"]
    assert list(organizations.top_contributors(con, "models", org_map=ORG_MAP, n=1)["author"]) == [
        "biglab"
    ]
    # the first week: biglab 3, acme 1, solo 1 (tie broken by name)
    first = organizations.top_contributors(con, "models", org_map=ORG_MAP, week="2024-07-24")
    assert list(first["author"]) == ["biglab", "acme", "solo"]


def test_contributions_by_kind_and_country(con) -> None:
    by_kind = organizations.contributions(con, org_map=ORG_MAP, week="2024-07-31")
    models = by_kind[by_kind["repo_kind"] == "models"].set_index("org_kind")
    assert models["repos"].to_dict() == {"academic": 5, "unmapped": 2, "company": 1}
    assert models.loc["academic", "share"] == pytest.approx(5 / 8)
    datasets = by_kind[by_kind["repo_kind"] == "datasets"]
    assert datasets[["org_kind", "repos", "share"]].values.tolist() == [["company", 1, 1.0]]
    by_country = organizations.contributions(con, org_map=ORG_MAP, by="country", week="2024-07-31")
    assert by_country.query("repo_kind == 'models'").set_index("country")["repos"].to_dict() == {
        "DE": 5,
        "unmapped": 2,
        "US": 1,
    }


def test_heatmap(con) -> None:
    df = organizations.heatmap(con, "models", org_map=ORG_MAP, n=2)
    # created over W1+W2: biglab 2, then acme and solo 1 each (tie broken by name: acme)
    assert df["author"].unique().tolist() == ["biglab", "acme"]
    big = df[df["author"] == "biglab"].set_index("week")
    assert big.loc[T("2024-07-24"), "created"] == 0
    assert big.loc[T("2024-07-31"), "created"] == 2
    assert pd.isna(big.loc[T("2024-08-07"), "created"])  # repeated week: missing, not zero
    assert bool(big.loc[T("2024-08-07"), "is_repeat"])
    acme = df[df["author"] == "acme"].set_index("week")
    assert acme["created"].iloc[:2].tolist() == [0, 1]
    assert set(df["org_kind"]) == {"academic", "company"}


def test_unknown_kind_and_week(con) -> None:
    with pytest.raises(HubObsError, match="'papers'"):
        organizations.top_contributors(con, "papers", org_map=ORG_MAP)
    with pytest.raises(HubObsError, match="2020-01-01"):
        organizations.top_contributors(con, "models", org_map=ORG_MAP, week="2020-01-01")


# --- the mapping file ---------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "organizations.csv"
    p.write_text(text, encoding="utf-8")
    return p


HEADER = "org,kind,country,source,note\n"


def test_bundled_mapping_is_valid() -> None:
    df = orgmap.load(ORGANIZATIONS_CSV)
    assert len(df) >= 30
    assert set(df["kind"]) <= set(orgmap.ORG_KINDS)
    assert (df["source"].str.startswith("https://")).all()


@pytest.mark.parametrize(
    ("line", "column", "value"),
    [
        ("acme,startup,US,https://acme.example.com,", "kind", "startup"),
        ("acme,company,USA,https://acme.example.com,", "country", "USA"),
        ("acme,company,US,www.acme.com,", "source", "www.acme.com"),
        ("acme/x,company,US,https://acme.example.com,", "org", "acme/x"),
    ],
)
def test_bad_values_named(tmp_path: Path, line: str, column: str, value: str) -> None:
    p = write(tmp_path, HEADER + "ok,academic,unknown,https://ok.example.org,\n" + line + "\n")
    with pytest.raises(HubObsError) as err:
        orgmap.load(p)
    msg = str(err.value)
    assert str(p) in msg and "line 3" in msg and repr(column) in msg and repr(value) in msg


def test_duplicate_and_columns(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        HEADER + "Acme,company,US,https://a.example.com,\nacme,company,US,https://a.example.com,\n",
    )
    with pytest.raises(HubObsError, match="repeats line 2"):
        orgmap.load(p)
    with pytest.raises(HubObsError, match="expected"):
        orgmap.load(write(tmp_path, "org,kind,country\nacme,company,US\n"))
    with pytest.raises(HubObsError, match="line 2: 4 fields"):
        orgmap.load(write(tmp_path, HEADER + "acme,company,US,https://a.example.com\n"))


def test_aliases_read_as_academic(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        HEADER
        + "uni,university,DE,generated sample,\nlab,research institute,CH,https://l.example.org,\n",
    )
    assert orgmap.load(p)["kind"].tolist() == ["academic", "academic"]


def test_resolve_prefers_the_roots_own_mapping(tmp_path: Path) -> None:
    write(tmp_path, HEADER + "fictional-lab,academic,unknown,https://lab.example.org,generated\n")
    assert orgmap.resolve_map(None, tmp_path)["org"].tolist() == ["fictional-lab"]
    assert len(orgmap.resolve_map(None, tmp_path / "elsewhere")) == len(
        orgmap.load(ORGANIZATIONS_CSV)
    )
