"""``hubobs run``: one notebook executed with parameters into a folder of its own (issue 9,
part 5): nothing beside the source notebook, the folder whole or not at all, the kernel in that
folder with HUBOBS_OUTPUT_DIR naming it, errors led by the kernel's exception."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from analysis import notebooks as nbs
from analysis.cli import main
from analysis.paths import PROJECT_ROOT, SAMPLE_ROOT

PARAMS = 'root = "data/sample"\nn = 1'


def _notebook(path: Path, *cells: str, params: str = PARAMS) -> Path:
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell(params)
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [parameters, *(nbformat.v4.new_code_cell(c) for c in cells)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


def _printed(path: Path) -> str:
    nb = nbformat.read(path, 4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


#: A notebook that writes as the chart layer does: a file into its working directory, one into
#: HUBOBS_OUTPUT_DIR, and prints where it ran.
WRITES = (
    "import os, pathlib\n"
    "pathlib.Path('chart.csv').write_text(f'{root},{n * 2}\\n')\n"
    "out = pathlib.Path(os.environ['HUBOBS_OUTPUT_DIR'])\n"
    "(out / 'figures').mkdir()\n"
    "(out / 'figures' / 'chart.vl.json').write_text('{}')\n"
    "print(os.getcwd() == str(out), out.name)"
)


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default folder of runs, in tmp (the project's runs/ is left alone)."""
    folder = tmp_path / "runs"
    monkeypatch.setattr(nbs.runs, "RUNS_DIR", folder)  # where run_notebook reads it
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_run_writes_every_output_into_its_own_folder(
    tmp_path: Path, runs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    nb = _notebook(src / "a.ipynb", WRITES)
    before = _tree(src)
    assert main(["run", str(nb), "-p", "n=21", "-p", "root=data/hub"]) == 0
    name = nbs.run_name(nb, {"n": 21, "root": "data/hub"})
    assert name.startswith("a-") and len(name) == len("a-") + 10
    folder = runs / name
    assert sorted(_tree(folder)) == ["a.ipynb", "chart.csv", "figures/chart.vl.json", "run.json"]
    assert (folder / "chart.csv").read_text() == "data/hub,42\n"
    # the kernel ran in the folder (then a temporary sibling), HUBOBS_OUTPUT_DIR naming it
    cwd_was_out, out_name = _printed(folder / "a.ipynb").split()
    assert cwd_was_out == "True" and out_name.startswith(f".{name}.partial-")
    assert json.loads((folder / "run.json").read_text()) == {
        "notebook": str(nb.resolve()),
        "parameters": {"n": 21, "root": "data/hub"},
    }
    assert _tree(src) == before  # nothing written beside the source notebook
    assert sorted(p.name for p in runs.iterdir()) == [name]  # no temporary folder left
    out = capsys.readouterr().out
    assert out.endswith(
        f"{folder}/: a.ipynb and 2 other file(s) (parameters: {{'n': 21, 'root': 'data/hub'}})\n"
    )


def test_the_same_run_replaces_its_folder_another_gets_its_own(tmp_path: Path, runs: Path) -> None:
    nb = _notebook(tmp_path / "a.ipynb", WRITES)
    first = nbs.run_notebook(nb, {"n": 1})
    (first / "stale.txt").write_text("from before")
    assert nbs.run_notebook(nb, {"n": 1}) == first
    assert not (first / "stale.txt").exists()  # replaced whole, not merged
    second = nbs.run_notebook(nb, {"n": 2})
    assert second != first and (second / "chart.csv").read_text() == "data/sample,4\n"
    # named after the folder for an index.ipynb (every post is one)
    post = tmp_path / "2025-01-01-a-post"
    post.mkdir()
    assert nbs.run_name(post / "index.ipynb", {}).startswith("2025-01-01-a-post-")


def test_out_chooses_the_folder_and_a_foreign_folder_is_refused(
    tmp_path: Path, runs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nb = _notebook(tmp_path / "a.ipynb", WRITES)
    out = tmp_path / "mine"
    assert main(["run", str(nb), "--out", str(out)]) == 0
    assert (out / "chart.csv").read_text() == "data/sample,2\n" and not runs.exists()
    capsys.readouterr()
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    assert main(["run", str(nb), "-o", str(foreign)]) == 2
    assert capsys.readouterr().err == (
        f"hubobs run: error: {foreign}: exists and is not the folder of an earlier run (it has "
        "no run.json); choose another --out\n"
    )
    assert _tree(foreign) == {"keep.txt": b"mine"}


FAILS_HALFWAY = (
    "import pathlib\npathlib.Path('part1.csv').write_text('written before the failure')",
    "raise ValueError(f'boom halfway, n={n}')",
    "pathlib.Path('part2.csv').write_text('never')",
)


def test_a_failing_notebook_leaves_nothing_and_says_why_first(
    tmp_path: Path, runs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nb = _notebook(tmp_path / "a.ipynb", *FAILS_HALFWAY)
    out = tmp_path / "out"
    assert main(["run", str(nb), "-o", str(out), "-p", "n=3"]) == 2
    assert capsys.readouterr().err == (
        f"hubobs run: error: {nb}: cell 3 of 4 raised ValueError: boom halfway, n=3\n"
        "(hubobs --verbose run ... prints the details)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ipynb"]  # nothing, not even part1
    # an earlier run's folder of the same name stays as it was
    good = _notebook(tmp_path / "b.ipynb", "print('fine')")
    assert main(["run", str(good), "-o", str(out)]) == 0
    before = _tree(out)
    assert main(["run", str(nb), "-o", str(out), "-p", "n=3", "--verbose"]) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0] == f"hubobs run: error: {nb}: cell 3 of 4 raised ValueError: boom halfway, n=3"
    assert "raise ValueError(f'boom halfway, n={n}')" in err  # the kernel's traceback follows
    assert lines[-1] == "ValueError: boom halfway, n=3"
    assert "\x1b" not in err
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ipynb", "b.ipynb", "out"]


def test_a_kernel_message_with_escapes_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Values from the data in an exception raised in the kernel (terminal escapes, NUL, a bidi
    override): shown as escapes, in the first line and in the --verbose traceback."""
    nb = _notebook(
        tmp_path / "a.ipynb", "raise ValueError('id ' + chr(27) + '[2J' + chr(0) + chr(0x202E))"
    )
    for verbose in ([], ["--verbose"]):
        assert main(["run", str(nb), "-o", str(tmp_path / "o"), *verbose]) == 2
        err = capsys.readouterr().err
        assert err.splitlines()[0] == (
            f"hubobs run: error: {nb}: cell 2 of 2 raised ValueError: id \\x1b[2J\\x00\\u202e"
        )
        assert "\x1b" not in err and "\x00" not in err and "\u202e" not in err


def test_run_refuses_an_undeclared_parameter(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    nb = _notebook(tmp_path / "a.ipynb", "print(root)")
    assert main(["run", str(nb), "-p", "weeks=3", "-o", str(tmp_path / "o")]) == 2
    assert "'weeks' is not declared" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_execute_notebook_sets_the_output_dir_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site build executes in place with no HUBOBS_OUTPUT_DIR (figures' data then goes to
    data/derived/), never a value inherited from the caller's environment; report versions name
    their own folder."""
    monkeypatch.setenv("HUBOBS_OUTPUT_DIR", str(tmp_path / "elsewhere"))
    nb = _notebook(
        tmp_path / "a.ipynb", "import os\nprint(os.environ.get('HUBOBS_OUTPUT_DIR', 'unset'))"
    )
    out = tmp_path / "o" / "a.ipynb"
    nbs.execute_notebook(nb, out, {"n": 2})
    assert _printed(out) == "unset\n"
    nbs.execute_notebook(nb, out, {"n": 2}, output_dir=tmp_path / "r")
    assert _printed(out) == f"{tmp_path / 'r'}\n"


def _as_foreground_job() -> None:
    """SIGINT as a terminal's foreground job has it: a shell's background job (CI runners,
    ``cmd &``) starts with SIGINT ignored, and children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_run(tmp_path: Path, *cells: str) -> tuple[subprocess.Popen[str], Path]:
    """``hubobs run`` in a subprocess of its own session (as a terminal's foreground job)."""
    nb = _notebook(tmp_path / "slow.ipynb", *cells, params='marker = ""')
    marker = tmp_path / "started"
    argv = ["run", str(nb), "-o", str(tmp_path / "out"), "-p", f"marker={marker}"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: SIGINT to the group is a Ctrl-C
        preexec_fn=_as_foreground_job,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    return proc, marker


def _wait_for(predicate: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


SLEEPS = (
    "import os, pathlib, time\npathlib.Path(marker).write_text(str(os.getpid()))",
    "time.sleep(120)",
)


@pytest.mark.parametrize("when", ["in a cell", "while the kernel starts", "twice"])
def test_ctrl_c_ends_with_exit_130_and_one_line(tmp_path: Path, when: str) -> None:
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) during a sleeping cell,
    during kernel start-up, or twice in a row: exit 130, exactly one line on stderr, no
    folder and no temporary folder left, the kernel gone."""
    proc, marker = _start_run(tmp_path, *SLEEPS)
    try:
        if when == "while the kernel starts":  # the run's temporary folder exists: starting
            _wait_for(lambda: any(p.name.startswith(".out.partial-") for p in tmp_path.iterdir()))
        else:
            _wait_for(marker.exists)
        os.killpg(proc.pid, signal.SIGINT)
        if when == "twice":
            os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (proc.returncode, stderr, stdout) == (130, "hubobs run: interrupted\n", "")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["slow.ipynb"] + (["started"] if marker.exists() else []))
    if marker.exists():  # the kernel is gone too
        with pytest.raises(ProcessLookupError):
            os.kill(int(marker.read_text()), 0)


def _digests(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _git_status() -> str | None:
    try:
        out = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None  # not a git checkout (an unpacked archive): the digests still tell
    return out.stdout


@pytest.mark.slow
def test_the_readme_example_leaves_the_tracked_tree_alone(
    runs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hubobs run notebooks/growth.ipynb -p ...`` (the README's example) used to overwrite
    the committed CSV and spec files beside the notebook; now they land in the run's folder."""
    if not (SAMPLE_ROOT / "models").is_dir():
        pytest.skip(f"the generated sample is not at {SAMPLE_ROOT} (run `hubobs sample generate`)")
    notebooks = PROJECT_ROOT / "notebooks"
    before, status = _digests(notebooks), _git_status()
    assert main(["run", str(notebooks / "growth.ipynb"), "-p", "end=2024-12-31"]) == 0
    assert _digests(notebooks) == before
    assert _git_status() == status
    (folder,) = runs.iterdir()
    assert folder.name == nbs.run_name(notebooks / "growth.ipynb", {"end": "2024-12-31"})
    written = sorted(_digests(folder))
    assert "growth.ipynb" in written and "run.json" in written
    assert [n for n in written if n.endswith(".csv")]  # the chart data is in the run's folder
    assert json.loads((folder / "run.json").read_text()) == {
        "notebook": "notebooks/growth.ipynb",
        "parameters": {"end": "2024-12-31"},
    }
