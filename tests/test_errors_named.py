"""Errors that name what broke (issue 9, part 3): one message naming the file, week, fact or
metric and column, with every control character from the data shown as an escape.

The faulty inputs are built here with pyarrow (tests/hostile_files.py): a value of the wrong type
carrying terminal escapes, NUL and a bidi override; a damaged data page; a truncated file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from hostile_files import HOSTILE, HOSTILE_SHOWN, damage_page, truncate, write
from snapshots_helpers import W1, W2, W3, model, schema_with, write_week

from analysis import errors
from analysis.cli import main
from analysis.concentration.metrics import SQL as CONCENTRATION_SQL
from analysis.facts import store
from analysis.facts.definitions import facts
from analysis.sqlerrors import DAMAGED_HINT, QueryError, naming

#: The hostile value as DuckDB's message carries it: DuckDB writes the NUL as \0 itself.
IN_DUCKDB = HOSTILE_SHOWN.replace("\\x00", "\\0")
WRONG_TYPE = (
    f"Conversion Error: Could not convert string '{IN_DUCKDB}' to INT64 "
    "when casting from source column downloads"
)
SNAPPY = "Snappy decompression failure"


def _wrong_type_root(tmp_path: Path) -> Path:
    """Week W2's downloads are text, one value hostile (the views cast it to BIGINT)."""
    root = tmp_path / "root"
    write_week(root, "models", W1, [model(1), model(2)])
    write_week(
        root,
        "models",
        W2,
        [model(1, downloads="12"), model(2, downloads=HOSTILE)],
        schema_with("models", W2, downloads=pa.string()),
    )
    return root


def _fact(name: str) -> list:  # type: ignore[type-arg]
    return [f for f in facts("models") if f.name == name]


def _first_fact_reading(column: str) -> str:
    """The first models fact (in build order) whose SQL names ``column``: the one that fails."""
    return next(
        f.table for f in facts("models") if not f.reads and column in f.sql.replace("\n", " ")
    )


def test_a_wrong_typed_value_names_file_week_fact_and_column(tmp_path: Path) -> None:
    root = _wrong_type_root(tmp_path)
    wf = next(w for w in store.select_files(root) if w.week == W2)
    with pytest.raises(QueryError) as err:
        store.reduce_week(root, wf, _fact("counts"), tmp_path / "cache")
    path = root / "models/2024-10-02/models.parquet"
    assert str(err.value) == (
        f"{path}: week 2024-10-02, fact fact_models__counts, column downloads: {WRONG_TYPE}"
    )
    assert err.value.context == {
        "file": str(path),
        "week": "2024-10-02",
        "fact": "fact_models__counts",
        "column": "downloads",
    }
    assert isinstance(err.value.__cause__, duckdb.ConversionException)  # nothing lost


def test_the_facts_cli_prints_one_escaped_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _wrong_type_root(tmp_path)
    argv = ["facts", "build", "--root", str(root), "--cache", str(tmp_path / "c"), "--quiet"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == (
        f"hubobs facts: error: {root}/models/2024-10-02/models.parquet: week 2024-10-02, "
        f"fact {_first_fact_reading('downloads')}, column downloads: {WRONG_TYPE}\n"
    )
    assert "\x1b" not in err and "\x00" not in err and "\u202e" not in err


@pytest.mark.parametrize("strategy", ["direct", "once"])
def test_a_damaged_data_page_names_the_file_and_week(tmp_path: Path, strategy: str) -> None:
    root = tmp_path / "root"
    write_week(root, "models", W1, [model(i) for i in range(300)])
    path = damage_page(write_week(root, "models", W2, [model(i) for i in range(300)]), "id")
    wf = next(w for w in store.select_files(root) if w.week == W2)
    with pytest.raises(QueryError) as err:
        store.reduce_week(root, wf, _fact("counts") + _fact("edges"), tmp_path / "c", strategy)
    where = (
        # every fact over the checked view reads `id` (its row checks key on it): the first fails
        "fact fact_models__counts"
        if strategy == "direct"
        else ("step copying the columns the facts read")
    )
    assert str(err.value) == (
        f"{path}: week 2024-10-02, {where}: Invalid Input Error: Failed to read file "
        f'"{path}": {SNAPPY} {DAMAGED_HINT}'
    )


def test_a_truncated_file_is_named_before_any_fact_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    write_week(root, "models", W1, [model(1)])
    path = truncate(write_week(root, "models", W3, [model(i) for i in range(300)]))
    assert main(["facts", "build", "--root", str(root), "--cache", str(tmp_path / "c")]) == 2
    assert capsys.readouterr().err == (
        f"hubobs facts: error: 1 unreadable file(s) in {root}:\n"
        f"  {path}: not a readable parquet file (corrupt or truncated?): Parquet magic bytes "
        "not found in footer. Either the file is corrupted or this is not a parquet file.\n"
    )


def test_a_metric_error_names_the_metric_and_its_sql(tmp_path: Path) -> None:
    """A metric's SQL over a fact view whose file has a damaged page (analysis.query)."""
    n = 300
    ints = pa.array(range(n), pa.int64())
    table = pa.table(
        {
            "week": pa.array([dt.date(2025, 1, 1)] * n, pa.date32()),
            "measure": pa.array([f"measure-{i}" for i in range(n)]),
            "rows": ints,
            "n": ints,
            "n_zero": ints,
            "total": ints,
            "top1_n": ints,
            "top1_total": ints,
            "gini": pa.array([0.5] * n),
        }
    )
    path = damage_page(write(tmp_path / "fact.parquet", table), "measure")
    con = duckdb.connect()
    con.read_parquet(str(path)).create_view("fact_models__concentration")
    con.execute("CREATE TABLE weeks (kind VARCHAR, week DATE, repeat_of DATE)")
    params = {"measure": None, "start": None, "end": None}
    for run in (CONCENTRATION_SQL.df, CONCENTRATION_SQL.rows):
        with pytest.raises(QueryError) as err:
            run(con, "weekly", params)  # type: ignore[operator]
        assert str(err.value) == (
            f"{path}: metric concentration.weekly (analysis/concentration/sql/weekly.sql): "
            f'Invalid Input Error: Failed to read file "{path}": {SNAPPY} {DAMAGED_HINT}'
        )


def test_a_metric_conversion_error_names_the_column() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (v VARCHAR)")
    con.execute("INSERT INTO t VALUES (?)", [HOSTILE])
    with pytest.raises(QueryError) as err, naming(metric="m", sql="analysis/metrics/sql/m.sql"):
        con.execute("SELECT CAST(v AS INTEGER) FROM t").fetchall()
    assert str(err.value) == (
        "metric m (analysis/metrics/sql/m.sql), column v: Conversion Error: Could not convert "
        f"string '{IN_DUCKDB}' to INT32 when casting from source column v"
    )


def test_nested_blocks_fill_in_what_they_know() -> None:
    with (
        pytest.raises(QueryError) as err,
        naming(file="f.parquet", week="2025-01-01"),
        naming(fact="fact_x", column="c"),
    ):
        raise duckdb.Error("don't know what type: \r")
    assert str(err.value) == (
        "f.parquet: week 2025-01-01, fact fact_x, column c: don't know what type: \\r "
        + DAMAGED_HINT
    )
    # pickled across processes (the Dask runner) with its context
    import pickle

    again = pickle.loads(pickle.dumps(err.value))
    assert str(again) == str(err.value) and again.context == err.value.context


def test_an_interrupted_query_stays_an_interrupt() -> None:
    with pytest.raises(KeyboardInterrupt), naming(fact="f"):
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")


def test_printable() -> None:
    assert errors.printable(HOSTILE) == HOSTILE_SHOWN
    assert errors.printable("a\nb\tc\r") == "a\nb\\tc\\r"
    assert errors.printable("a\nb", keep_newlines=False) == "a\\nb"
    assert errors.printable("naïve, 日本") == "naïve, 日本"  # printable text is left as it is


def _cli_raising(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    from analysis.snapshots import cli as snapshots_cli

    def boom(args: object) -> int:
        raise exc

    monkeypatch.setattr(snapshots_cli, "cmd_verify", boom)


def test_cli_escapes_every_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _cli_raising(monkeypatch, errors.SnapshotError(f"bad {HOSTILE}\nsecond line", details="d"))
    assert main(["verify"]) == 2
    assert capsys.readouterr().err == (
        f"hubobs verify: error: bad {HOSTILE_SHOWN}\nsecond line\n"
        "(hubobs --verbose verify ... prints the details)\n"
    )
    assert main(["--verbose", "verify"]) == 2  # details only when asked for
    assert capsys.readouterr().err == (
        f"hubobs verify: error: bad {HOSTILE_SHOWN}\nsecond line\nd\n"
    )
    # a bug: its traceback, escaped too, and exit 1
    _cli_raising(monkeypatch, ValueError(f"unexpected {HOSTILE}"))
    assert main(["verify"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert err.endswith(
        f"ValueError: unexpected {HOSTILE_SHOWN}\n"
        "hubobs verify: internal error (a bug: the traceback above says where)\n"
    )
    assert "\x1b" not in err and "\x00" not in err
    _cli_raising(monkeypatch, KeyboardInterrupt())
    assert main(["verify"]) == 130
    assert capsys.readouterr().err == "hubobs verify: interrupted\n"
