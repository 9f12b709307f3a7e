"""The sample is the same bytes on every CPU: no CPU-dispatched float math reaches a file.

Three guards: the generator's source calls no numpy or libm transcendental function (only
:mod:`analysis.sample.detmath`); detmath's results are fixed bit patterns; and the same weeks
generated with numpy's default dispatch and with every dispatched CPU feature turned off
(``NPY_DISABLE_CPU_FEATURES``, in a subprocess) are byte-identical.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis import paths
from analysis.errors import SnapshotError
from analysis.sample import SampleParams, detmath, generate_sample, verify_sample
from analysis.sample.verify import GENERATOR_AT_FAULT, digests_path, first_difference
from analysis.sample.write import parse_checksums
from analysis.schema import file_path

SAMPLE_PKG = paths.PROJECT_ROOT / "analysis" / "sample"
#: numpy functions whose code numpy picks by CPU feature (or that call the C library's).
UNPORTABLE = {
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "power", "float_power",
    "sin", "cos", "tan", "arcsin", "arccos", "arctan", "arctan2", "sinh", "cosh", "tanh",
    "arcsinh", "arccosh", "arctanh", "cbrt", "hypot", "logaddexp", "logaddexp2", "mean",
    "std", "var", "average", "default_rng",
}  # fmt: skip
MATH_UNPORTABLE = UNPORTABLE | {"pow", "gamma", "lgamma", "erf", "erfc"}


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Attribute):
            base = node.value
            names = []
            while isinstance(base, ast.Attribute):
                names.append(base.attr)
                base = base.value
            root = base.id if isinstance(base, ast.Name) else None
            if root == "np" and node.attr in UNPORTABLE:
                out.append(f"{where}: np.{'.'.join([*reversed(names), node.attr])}")
            if root == "math" and node.attr in MATH_UNPORTABLE:
                out.append(f"{where}: math.{node.attr}")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            exponent_int = isinstance(node.right, ast.Constant) and isinstance(
                node.right.value, int
            )
            base_int = isinstance(node.left, ast.Constant) and isinstance(node.left.value, int)
            if not (exponent_int or base_int):
                out.append(f"{where}: ** with a non-integer exponent (use detmath.power)")
    return out


def test_generator_source_uses_only_portable_float_math() -> None:
    files = sorted(p for p in SAMPLE_PKG.glob("*.py") if p.name != "detmath.py")
    assert len(files) > 10
    problems = [p for f in files for p in _problems(f)]
    assert not problems, "CPU-dependent float math in the generator:\n" + "\n".join(problems)


def test_the_source_check_finds_what_it_forbids(tmp_path: Path) -> None:
    bad = tmp_path / "probe.py"
    bad.write_text(
        "import math\nimport numpy as np\n"
        "a = np.exp(1.0)\nb = np.random.default_rng(1)\nc = 2.0 ** 0.5\nd = math.log(2)\n"
        "e = x ** 2\nf = 2 ** n\n"
    )
    found = sorted(p.split(": ", 1)[1].split(" ")[0] for p in _problems(bad))
    assert found == ["**", "math.log", "np.exp", "np.random.default_rng"]


# Bit patterns of detmath's results: built from IEEE-exact operations only, so every machine
# must give exactly these. A change of algorithm changes them (and the sample's checksums).
GOLDEN = {
    "exp": ([-700.5, -3.25, -1e-9, 0.0, 0.5, 1.0, 10.0, 700.25], detmath.exp),
    "expm1": ([-2.0, -0.3, -1e-12, 1e-12, 0.25, 0.49, 3.0], detmath.expm1),
    "log": ([1e-300, 0.001, 0.7, 1.0, 1.3, 2.0, 1234.5, 1e300], detmath.log),
    "log1p": ([-0.5, -1e-10, 1e-10, 0.3, 7.0], detmath.log1p),
    "normal_quantile": ([1e-9, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-9], detmath.normal_quantile),
}
BITS_FILE = Path(__file__).parent / "data" / "detmath_bits.json"


def _hex(values: np.ndarray) -> list[str]:
    return [float(v).hex() for v in values]


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_detmath_is_accurate(name: str) -> None:
    xs, fn = GOLDEN[name]
    ref = {
        "exp": math.exp,
        "expm1": math.expm1,
        "log": math.log,
        "log1p": math.log1p,
        "normal_quantile": None,
    }[name]
    got = fn(np.array(xs))
    if ref is None:
        from statistics import NormalDist

        want = [NormalDist().inv_cdf(x) for x in xs]
        assert np.allclose(got, want, rtol=2e-9, atol=0)
    else:
        want = [ref(x) for x in xs]
        assert np.allclose(got, want, rtol=1e-14, atol=0)


def test_detmath_bits_are_the_same_on_every_machine() -> None:
    """The recorded bit patterns (recorded once; any machine must reproduce them)."""
    recorded = json.loads(BITS_FILE.read_text())
    now = {name: _hex(fn(np.array(xs))) for name, (xs, fn) in GOLDEN.items()}
    rng = detmath.default_rng([20240904, 1])
    now["normal"] = _hex(rng.normal(3.0, 2.0, size=6))
    now["lognormal"] = _hex(rng.lognormal(0.0, 2.0, size=4))
    now["uniform"] = _hex(rng.uniform(0.1, 1.2, size=4))
    now["geometric"] = [str(int(x)) for x in rng.geometric(0.35, size=8)]
    now["power"] = _hex(
        detmath.power(np.array([8.0, 3.0, 0.25, 0.0]), np.array([1.05, 2.2, 0.5, 2.0]))
    )
    assert now == recorded


def test_detmath_special_values() -> None:
    with np.errstate(all="ignore"):
        assert _hex(detmath.exp(np.array([-np.inf, np.inf, -800.0, 800.0]))) == _hex(
            np.array([0.0, np.inf, 0.0, np.inf])
        )
        assert np.isnan(detmath.exp(np.nan)) and np.isnan(detmath.log(-1.0))
        assert detmath.log(0.0) == -np.inf and detmath.log1p(-1.0) == -np.inf
    rng = detmath.default_rng(1)
    with pytest.raises(NotImplementedError, match="bit-reproducible"):
        rng.exponential(1.0, size=3)
    with pytest.raises(NotImplementedError, match="bit-reproducible"):
        rng.poisson(3.0, size=3)


_CHILD = r"""
import datetime as dt, json, sys
from pathlib import Path
from numpy._core._multiarray_umath import __cpu_features__
from analysis.sample import SampleParams, generate_full_week, generate_sample
from analysis.schema import KINDS
out = Path(sys.argv[1])
# several weeks of every kind, across the 2025-02-26 schema era, with the compact cards ...
generate_sample(out / "weeks", SampleParams(start=dt.date(2025, 2, 12), weeks=3, models=2500))
# ... and one week of every kind with the realistic card text of the benchmarks
generate_full_week(out / "full", models=3000, kinds=KINDS, text_profile="realistic")
print(json.dumps({f: bool(__cpu_features__.get(f)) for f in sys.argv[2:]}))
"""


def _dispatched_features() -> list[str]:
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    return [f for f in __cpu_dispatch__ if __cpu_features__.get(f)]


def _generate(out: Path, disable: list[str]) -> dict[str, bool]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("NPY_DISABLE_CPU_FEATURES", None)
    if disable:
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(disable)
    probe = disable or _dispatched_features()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(out), *probe],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=paths.PROJECT_ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_sample_bytes_do_not_depend_on_cpu_dispatch(tmp_path: Path) -> None:
    features = _dispatched_features()
    default = _generate(tmp_path / "default", [])
    assert all(default[f] for f in features), default
    plain = _generate(tmp_path / "plain", features)
    assert not any(plain.values()), f"NPY_DISABLE_CPU_FEATURES had no effect: {plain}"
    a_files = sorted(
        p.relative_to(tmp_path / "default")
        for p in (tmp_path / "default").rglob("*")
        if p.is_file()
    )
    b_files = sorted(
        p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*") if p.is_file()
    )
    assert a_files == b_files and len(a_files) >= 4 * 4
    differ = []
    for rel in a_files:
        a, b = tmp_path / "default" / rel, tmp_path / "plain" / rel
        if a.read_bytes() != b.read_bytes():
            where = first_difference(a, b).describe() if rel.suffix == ".parquet" else "differs"
            differ.append(f"{rel}: {where}")
    assert not differ, (
        f"with CPU features {features} on and off the generator wrote other bytes "
        "(the generator is at fault):\n" + "\n".join(differ)
    )


def _rewrite_one_value(path: Path, column: str, row: int) -> None:
    """One timestamp moved by a microsecond: the defect once seen on AVX-512 machines."""
    table = pq.read_table(path)
    values = table.column(column).to_pylist()
    values[row] = values[row] + dt.timedelta(microseconds=1)
    i = table.schema.get_field_index(column)
    table = table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))
    pq.write_table(table, path, compression="zstd")


def test_verify_names_the_file_column_and_rows_and_blames_the_generator(tmp_path: Path) -> None:
    params = SampleParams(weeks=2, models=1500, seed=5)
    root, sums = tmp_path / "s", tmp_path / "s.sha256"
    generate_sample(root, params, checksums=sums)
    assert digests_path(sums).is_file()
    assert verify_sample(root, sums) == len(parse_checksums(sums))
    victim = root / file_path("models", params.week_dates[1])
    rows = pq.read_metadata(victim).num_rows
    assert rows > 1100
    _rewrite_one_value(victim, "lastModified", 1100)
    with pytest.raises(SnapshotError) as err:
        verify_sample(root, sums)
    text = str(err.value)
    last = min(1024 + 511, rows - 1)  # the block of 512 rows holding row 1100
    assert f"{victim}: column 'lastModified' differs first in rows 1024-{last}" in text
    assert "1 of " in text and GENERATOR_AT_FAULT in text
    assert "pyarrow" not in text.replace(GENERATOR_AT_FAULT, "")
    assert "Do not overwrite" in text and "regenerate" not in text.lower()


def test_verify_tells_a_writer_difference_from_a_value_difference(tmp_path: Path) -> None:
    params = SampleParams(weeks=2, models=400, seed=5)
    root, sums = tmp_path / "s", tmp_path / "s.sha256"
    generate_sample(root, params, checksums=sums)
    victim = root / file_path("spaces", params.week_dates[0])
    pq.write_table(pq.read_table(victim), victim, compression="snappy")  # same values, new bytes
    with pytest.raises(SnapshotError) as err:
        verify_sample(root, sums)
    text = str(err.value)
    assert "every value is as expected but the bytes differ" in text
    assert f"pyarrow {pa.__version__}" in text and GENERATOR_AT_FAULT not in text
