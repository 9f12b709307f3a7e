"""Remote queries (DuckDB over HfFileSystem) against the local stand-in Hub."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hubstand import SHA_A, FakeHub, make_parquet

from analysis.errors import FetchError
from analysis.remote import remote_connect, remote_provenance

pytestmark = pytest.mark.timeout(60)

BIG = "models/2025-01-08/models.parquet"


@pytest.fixture
def big_hub(fake_hub: FakeHub) -> FakeHub:
    """The 2025-01-08 models week replaced by a larger file whose cardData dominates its size."""
    fake_hub.commits[SHA_A][BIG] = make_parquet("models", dt.date(2025, 1, 8), 400, big=True)
    return fake_hub


def test_remote_query_reads_only_needed_columns(big_hub: FakeHub) -> None:
    data = big_hub.commits[SHA_A][BIG]
    table = pq.read_table(io.BytesIO(data))
    expected = sum(table.column("downloads").to_pylist())
    con = remote_connect("2025-01-08", ("models",), endpoint=big_hub.url, block_size=16 * 1024)
    served_before = big_hub.bytes_served(BIG)
    got = con.execute(
        "SELECT sum(downloads), count(*), min(week), max(week) FROM models"
    ).fetchone()
    assert got == (expected, 400, dt.date(2025, 1, 8), dt.date(2025, 1, 8))
    served = big_hub.bytes_served(BIG)
    assert served > served_before  # the query itself fetched column chunks
    assert served - served_before < len(data) / 8, (
        served,
        served_before,
        len(data),
    )  # not cardData
    assert served < len(data) / 2, (served, len(data))  # footers included, still far from all of it
    ranges = [g["range"] for g in big_hub.gets(BIG)]
    assert ranges and all(r and r.startswith("bytes=") for r in ranges)  # range requests only

    # Every known column is in the view; the 2025-01-08 file predates downloadsAllTime: typed NULL, listed.
    cols = [r[0] for r in con.execute("DESCRIBE models").fetchall()]
    assert cols[-1] == "week" and "downloadsAllTime" in cols and "trendingScore" in cols
    assert con.execute("SELECT count(downloadsAllTime) FROM models").fetchone() == (0,)
    assert con.execute("SELECT column_name FROM missing_columns").fetchall() == [
        ("downloadsAllTime",)
    ]
    row = con.execute(
        "SELECT kind, week, revision, bytes, rows, era, repeat_of FROM weeks"
    ).fetchone()
    assert row == ("models", dt.date(2025, 1, 8), SHA_A, len(data), 400, "base+trendingScore", None)
    prov = remote_provenance(con)
    assert prov.revision == SHA_A and prov.weeks == (dt.date(2025, 1, 8),) and not prov.generated
    # Pinned: every read named the commit, never a branch.
    assert all(f"/resolve/{SHA_A}/" in g["path"] for g in big_hub.gets(BIG))


def test_remote_several_weeks_and_kinds(fake_hub: FakeHub) -> None:
    con = remote_connect(
        ["2025-01-01", "2025-01-15"], ("models", "datasets"), endpoint=fake_hub.url
    )
    weeks = con.execute(
        "SELECT week, count(*) FROM datasets GROUP BY week ORDER BY week"
    ).fetchall()
    assert weeks == [(dt.date(2025, 1, 1), 40), (dt.date(2025, 1, 15), 40)]
    ids = con.execute(
        "SELECT id FROM models WHERE week = DATE '2025-01-15' ORDER BY id LIMIT 1"
    ).fetchone()
    table = pq.read_table(io.BytesIO(fake_hub.commits[SHA_A]["models/2025-01-15/models.parquet"]))
    assert ids == (min(table.column("id").to_pylist()),)
    assert con.execute("SELECT count(*) FROM weeks").fetchone() == (4,)


def test_remote_repeat_is_marked(fake_hub: FakeHub) -> None:
    files = fake_hub.commits[SHA_A]
    files["models/2025-01-15/models.parquet"] = files["models/2025-01-08/models.parquet"]
    con = remote_connect("2025-01-15", endpoint=fake_hub.url)
    assert con.execute("SELECT repeat_of FROM weeks").fetchone() == (dt.date(2025, 1, 8),)


def test_remote_missing_week_and_unreachable(fake_hub: FakeHub, closed_port_url: str) -> None:
    with pytest.raises(
        FetchError,
        match=r"week 2025-01-09 of models is not in .* nearest available weeks: 2025-01-01, 2025-01-08, 2025-01-15",
    ):
        remote_connect("2025-01-09", endpoint=fake_hub.url)
    with pytest.raises(FetchError, match="cannot be reached"):
        remote_connect("2025-01-08", endpoint=closed_port_url)


def test_cli_query(fake_hub: FakeHub, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from analysis.cli import main

    code = main(
        [
            "query",
            "--week",
            "2025-01-01",
            "--endpoint",
            fake_hub.url,
            "--csv",
            "SELECT count(*) AS n FROM models",
        ]
    )
    assert code == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["n", "40"]
    assert f"revision {SHA_A[:12]}" in captured.err and "ODbL" in captured.err
    code = main(
        ["query", "--week", "2025-01-01", "--endpoint", fake_hub.url, "SELECT nope FROM models"]
    )
    assert code == 2 and "query failed" in capsys.readouterr().err
