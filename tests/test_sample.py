"""The generated sample: bit-for-bit regeneration, real schema per era, repeats, renames, lineage tags."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis import paths
from analysis.errors import SnapshotError
from analysis.sample import SampleParams, ensure_sample, generate_sample, verify_sample
from analysis.sample.verify import digests_document, digests_path
from analysis.sample.write import checksums_text, parse_checksums
from analysis.schema import KINDS, arrow_schema, file_path

DEFAULT = SampleParams()


@pytest.fixture(scope="session")
def default_sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("default") / "sample"
    generate_sample(root, DEFAULT)
    yield root


def _read(root: Path, kind: str, week: dt.date, columns: list[str] | None = None) -> pa.Table:
    return pq.read_table(root / file_path(kind, week), columns=columns)


def test_default_sample_matches_committed_checksums(default_sample: Path) -> None:
    """Regenerating with the default parameters gives exactly the committed checksums."""
    committed = parse_checksums(paths.SAMPLE_CHECKSUMS)
    regenerated = parse_checksums_text(checksums_text(default_sample, committed))
    assert regenerated == committed
    digests = json.loads(digests_path(paths.SAMPLE_CHECKSUMS).read_text())
    assert digests == json.loads(json.dumps(digests_document(default_sample, committed)))
    listed = {str(p.relative_to(default_sample)) for p in default_sample.rglob("*") if p.is_file()}
    assert listed == set(committed), "the checksum file lists exactly the sample's files"


def parse_checksums_text(text: str) -> dict[str, str]:
    return {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in text.splitlines()}


def test_default_sample_size_and_span(default_sample: Path) -> None:
    size = sum(p.stat().st_size for p in default_sample.rglob("*") if p.is_file())
    assert size < 25_000_000
    weeks = sorted(p.name for p in (default_sample / "models").iterdir())
    assert len(weeks) >= 26
    dates = [dt.date.fromisoformat(w) for w in weeks]
    assert all((b - a).days == 7 for a, b in itertools.pairwise(dates))
    assert all(d.weekday() == 2 for d in dates)
    text = (default_sample / "SAMPLE.md").read_text()
    assert "GENERATED SAMPLE" in text and DEFAULT.revision in text


def test_regeneration_is_bit_for_bit(tmp_path: Path) -> None:
    params = SampleParams(weeks=5, models=800, seed=7)
    a = generate_sample(tmp_path / "a", params)
    b = generate_sample(tmp_path / "b", params)
    assert a == b
    for rel in a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    other = generate_sample(tmp_path / "c", SampleParams(weeks=5, models=800, seed=8))
    assert (tmp_path / "c" / other[0]).read_bytes() != (tmp_path / "a" / a[0]).read_bytes()


def test_schema_follows_the_eras(default_sample: Path) -> None:
    for week in (
        dt.date(2024, 9, 4),
        dt.date(2024, 9, 25),
        dt.date(2024, 10, 2),
        dt.date(2025, 2, 19),
        dt.date(2025, 2, 26),
    ):
        for kind in KINDS:
            schema = pq.read_schema(default_sample / file_path(kind, week))
            assert schema.remove_metadata() == arrow_schema(kind, week), (kind, week)
    first = pq.read_schema(default_sample / file_path("models", dt.date(2024, 9, 4)))
    assert "trendingScore" not in first.names and "downloadsAllTime" not in first.names


def test_repeated_weeks_are_byte_identical(default_sample: Path) -> None:
    dates = DEFAULT.week_dates
    assert len(DEFAULT.repeated) >= 2
    for w in range(1, len(dates)):
        for kind in KINDS:
            same = (default_sample / file_path(kind, dates[w])).read_bytes() == (
                default_sample / file_path(kind, dates[w - 1])
            ).read_bytes()
            if w in DEFAULT.repeated:
                assert same, (kind, dates[w])
            elif kind != "daily_papers":
                assert not same, (kind, dates[w])


def test_renames_keep_id_and_deletions_happen(default_sample: Path) -> None:
    dates = DEFAULT.week_dates
    renames = deletions = 0
    for kind in ("models", "datasets", "spaces"):
        for a, b in itertools.pairwise(dates):
            ta = _read(default_sample, kind, a, ["_id", "id"]).to_pydict()
            tb = _read(default_sample, kind, b, ["_id", "id"]).to_pydict()
            for t in (ta, tb):
                assert len(set(t["_id"])) == len(t["_id"])
                assert len({i.lower() for i in t["id"]}) == len(t["id"])
            ida = dict(zip(ta["_id"], ta["id"], strict=True))
            idb = dict(zip(tb["_id"], tb["id"], strict=True))
            for oid, new in idb.items():
                if oid in ida and ida[oid] != new:
                    renames += 1
                    assert ida[oid] not in set(tb["id"]), "the old id vanishes"
            deletions += len(set(ida) - set(idb))
    assert renames >= 5
    assert deletions >= 5


def _models(root: Path, week: dt.date) -> dict[str, list]:
    return _read(
        root, "models", week, ["_id", "id", "tags", "baseModels", "downloads", "likes", "cardData"]
    ).to_pydict()


def test_tags_agree_with_base_models(default_sample: Path) -> None:
    t = _models(default_sample, DEFAULT.week_dates[-1])
    linked = 0
    for tags, bm in zip(t["tags"], t["baseModels"], strict=True):
        plain = {
            x[len("base_model:") :]
            for x in tags
            if x.startswith("base_model:") and x.count(":") == 1
        }
        with_rel = {x for x in tags if x.startswith("base_model:") and x.count(":") == 2}
        if bm is None:
            assert not plain and not with_rel
            continue
        linked += 1
        ids = [m["id"] for m in bm["models"]]
        assert plain == set(ids)
        assert with_rel == {f"base_model:{bm['relation']}:{i}" for i in ids}
        assert bm["relation"] in ("finetune", "quantized", "adapter", "merge")
        assert "region:us" in tags and any(x.startswith("license:") for x in tags)
    assert linked > len(t["_id"]) // 4


def test_lineage_shapes(default_sample: Path) -> None:
    t = _models(default_sample, DEFAULT.week_dates[-1])
    parents = {
        oid: [m["_id"] for m in bm["models"]] if bm else []
        for oid, bm in zip(t["_id"], t["baseModels"], strict=True)
    }
    relation = {
        oid: bm["relation"] if bm else None
        for oid, bm in zip(t["_id"], t["baseModels"], strict=True)
    }
    assert any(oid in ps for oid, ps in parents.items()), "a self-referencing base model"
    assert any(p != oid and oid in parents.get(p, []) for oid, ps in parents.items() for p in ps), (
        "a two-model cycle"
    )
    assert (
        sum(1 for oid, ps in parents.items() if relation[oid] == "merge" and len(ps) >= 2) >= 10
    ), "merges with several parents"

    def depth(oid: str) -> int:
        d, seen = 0, {oid}
        while parents.get(oid) and parents[oid][0] not in seen and parents[oid][0] in parents:
            oid = parents[oid][0]
            seen.add(oid)
            d += 1
        return d

    assert max(depth(o) for o in parents) >= 4, "trees several generations deep"
    assert {"finetune", "quantized", "adapter", "merge"} <= set(relation.values())


def test_hostile_strings_are_present_but_rare(default_sample: Path) -> None:
    t = _models(default_sample, DEFAULT.week_dates[-1])
    cards = [c for c in t["cardData"] if c]
    hostile = [c for c in cards if "<script>" in c or "{{<" in c or "javascript:" in c]
    assert 1 <= len(hostile) <= 10
    d = (
        _read(default_sample, "datasets", DEFAULT.week_dates[-1], ["description"])
        .column(0)
        .to_pylist()
    )
    assert any(
        x and ("{{<" in x or "<script>" in x or "javascript:" in x or "#set" in x) for x in d
    )


def test_heavy_tails(default_sample: Path) -> None:
    d = np.array(_models(default_sample, DEFAULT.week_dates[-1])["downloads"])
    assert (d == 0).mean() > 0.7
    top = np.sort(d)[::-1][: max(1, len(d) // 100)]
    assert top.sum() / d.sum() > 0.5
    ds = _read(
        default_sample, "datasets", DEFAULT.week_dates[-1], ["downloads", "paperswithcode_id"]
    ).to_pydict()
    order = np.argsort(ds["downloads"])[::-1][:5]
    assert all(ds["paperswithcode_id"][i] for i in order), (
        "the most downloaded datasets are benchmarks"
    )


def test_counts_accrue_week_to_week(default_sample: Path) -> None:
    dates = DEFAULT.week_dates
    a = _read(default_sample, "models", dates[-2], ["_id", "likes", "downloadsAllTime"]).to_pydict()
    b = _read(default_sample, "models", dates[-1], ["_id", "likes", "downloadsAllTime"]).to_pydict()
    la = dict(zip(a["_id"], zip(a["likes"], a["downloadsAllTime"], strict=True), strict=True))
    for oid, likes, total in zip(b["_id"], b["likes"], b["downloadsAllTime"], strict=True):
        if oid in la:
            assert likes >= la[oid][0] and total >= la[oid][1]
    assert len(b["_id"]) > len(a["_id"]) * 0.98


def test_organizations_mapping(default_sample: Path) -> None:
    import csv

    rows = list(csv.DictReader((default_sample / "organizations.csv").open()))
    assert set(rows[0]) == {"org", "kind", "country", "source", "note"}
    kinds = {r["kind"] for r in rows}
    assert {
        "company",
        "university",
        "research institute",
        "non-profit",
        "government",
        "individual",
    } <= kinds
    assert {r["source"] for r in rows} == {"generated sample"}
    assert len({r["country"] for r in rows if r["country"]}) >= 8
    orgs = {r["org"] for r in rows}
    papers = (
        _read(default_sample, "daily_papers", DEFAULT.week_dates[-1], ["organization"])
        .column(0)
        .to_pylist()
    )
    linked = [o for o in papers if o]
    assert linked and set(linked) <= orgs


def test_ensure_sample_generates_verifies_and_names_bad_files(tmp_path: Path) -> None:
    params = SampleParams(weeks=3, models=300, seed=3)
    root, sums = tmp_path / "s", tmp_path / "s.sha256"
    ensure_sample(root, sums, params)
    assert sums.is_file() and verify_sample(root, sums) == len(parse_checksums(sums))
    victim = root / file_path("models", params.week_dates[1])
    victim.write_bytes(victim.read_bytes()[:-10])
    with pytest.raises(SnapshotError, match=str(victim)):
        ensure_sample(root, sums, params)
    victim.unlink()
    ensure_sample(root, sums, params)  # a missing file: regenerated, then verified
    assert verify_sample(root, sums) > 0


def test_licences_sometimes_differ_from_the_parent(default_sample: Path) -> None:
    t = _read(
        default_sample, "models", DEFAULT.week_dates[-1], ["_id", "tags", "baseModels"]
    ).to_pydict()
    lic = {
        oid: next((x for x in tags if x.startswith("license:")), None)
        for oid, tags in zip(t["_id"], t["tags"], strict=True)
    }
    pairs = [
        (lic[oid], lic[bm["models"][0]["_id"]])
        for oid, bm in zip(t["_id"], t["baseModels"], strict=True)
        if bm and bm["models"][0]["_id"] in lic and bm["models"][0]["_id"] != oid
    ]
    same = sum(a == b for a, b in pairs)
    assert 0.5 * len(pairs) < same < len(pairs)


def test_times_are_consistent(default_sample: Path) -> None:
    for week in (DEFAULT.week_dates[0], DEFAULT.week_dates[-1]):
        end = dt.datetime.combine(week + dt.timedelta(days=7), dt.time())
        for kind in ("models", "datasets", "spaces"):
            t = _read(default_sample, kind, week, ["createdAt", "lastModified"]).to_pydict()
            for c, m in zip(t["createdAt"], t["lastModified"], strict=True):
                assert c <= m <= end, (kind, week, c, m)
