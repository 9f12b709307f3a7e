"""The append-only branch "reports" (publish.yml's flow) against a local bare repository.

Each deployment is what the workflow does in a fresh checkout: ``hubobs reports restore``,
``hubobs build``, ``hubobs reports push``. No network: the remote is ``git init --bare`` in
``tmp_path``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import snapshot_root as sr

from analysis import build, cli
from analysis.paths import PROJECT_ROOT
from analysis.reports import branch
from analysis.reports import versions as rv
from analysis.snapshots import write_revision

W2, W3 = sr.WEEKS[1], sr.WEEKS[2]
IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def _checkout(tmp_path: Path, name: str, remote: Path) -> Path:
    """A fresh checkout: the template and site config, a git repository with the remote."""
    project = tmp_path / name
    (project / "reports").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "reports" / "_template.ipynb", project / "reports")
    shutil.copy(PROJECT_ROOT / "_quarto.yml", project)
    _git(project, "init", "--quiet")
    _git(project, "remote", "add", "origin", str(remote))
    return project


def _deploy(tmp_path: Path, name: str, remote: Path, root: Path, *weeks: object) -> list[str]:
    project = _checkout(tmp_path, name, remote)
    assert cli.main(["reports", "restore", "--project", str(project)]) == 0
    opts = build.BuildOptions(
        root=root, project=project, notebooks=False, render=False, log=lambda m: None
    )
    opts.report_weeks = weeks  # type: ignore[assignment]
    build.run(opts)
    return branch.push(project, message=f"deployment {name}")


def _tree(remote: Path) -> dict[str, str]:
    """path -> blob id of every file on the branch."""
    lines = _git(remote, "ls-tree", "-r", "reports").splitlines()
    return {line.split("\t")[1]: line.split()[2] for line in lines}


def _slugs(tree: dict[str, str]) -> list[str]:
    return sorted({p.split("/")[1] for p in tree})


@pytest.fixture()
def real_root(tmp_path: Path) -> Path:
    root = sr.build_root(tmp_path / "root")
    write_revision(root, "0123456789abcdef0123456789abcdef01234567", generated=False)
    return root


@pytest.fixture(autouse=True)
def _identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)


def test_versions_accumulate_on_the_branch_and_never_change(
    tmp_path: Path, real_root: Path
) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(remote)], check=True)

    # 1: the first deployment creates the branch with week 2's version
    assert _deploy(tmp_path, "d1", remote, real_root, W2) == [W2.isoformat()]
    first = _tree(remote)
    assert _slugs(first) == [W2.isoformat()]
    head1 = _git(remote, "rev-parse", "reports")

    # 2: the second adds week 3's version beside it; week 2 is restored, not rebuilt
    assert _deploy(tmp_path, "d2", remote, real_root, W2, W3) == [W3.isoformat()]
    second = _tree(remote)
    assert _slugs(second) == [W2.isoformat(), W3.isoformat()]
    assert {p: b for p, b in second.items() if p in first} == first
    head2 = _git(remote, "rev-parse", "reports")
    assert _git(remote, "rev-parse", "reports^") == head1  # on top of the branch

    # 3: unchanged inputs add nothing: no commit
    assert _deploy(tmp_path, "d3", remote, real_root, W2, W3) == []
    assert _git(remote, "rev-parse", "reports") == head2

    # 4: a changed input (a fourth model created in week 3) publishes version 2 beside version 1
    sr.write(real_root, "models", W3, sr.models_rows(W3, 4))
    assert _deploy(tmp_path, "d4", remote, real_root, W3) == [f"{W3.isoformat()}-v2"]
    fourth = _tree(remote)
    assert _slugs(fourth) == [W2.isoformat(), W3.isoformat(), f"{W3.isoformat()}-v2"]
    assert {p: b for p, b in fourth.items() if p in second} == second
    assert _git(remote, "rev-parse", "reports^") == head2
    d4 = tmp_path / "d4" / "reports"
    (c,) = json.loads((d4 / "changes.json").read_text())["comparisons"]
    assert c["after"]["slug"] == f"{W3.isoformat()}-v2"
    assert f"snapshot file models/{W3.isoformat()}/models.parquet" in c["summary"]["inputs_changed"]
    repos = next(t for t in c["tables"] if t["table"] == "repositories_by_week")["values"]
    assert {
        "key": {"kind": "models", "week": W3.isoformat()},
        "column": "repos",
        "before": 5,
        "after": 6,
        "change": 1,
        "relative": 0.2,
    } in repos
    assert (
        "version 2 against version 1"
        in (tmp_path / "d4" / "_generated/report-changes.md").read_text()
    )


def test_a_published_version_that_would_change_is_refused(tmp_path: Path, real_root: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(remote)], check=True)
    assert _deploy(tmp_path, "d1", remote, real_root, W3) == [W3.isoformat()]
    head = _git(remote, "rev-parse", "reports")

    # a restored version edited in the checkout: push refuses, the branch stays as it was
    project = _checkout(tmp_path, "d2", remote)
    assert branch.restore(project) == [W3.isoformat()]
    folder = project / "reports" / W3.isoformat()
    (folder / "repositories_by_week.csv").write_text("kind,repos\nmodels,999\n")
    with pytest.raises(rv.ReportError, match=r"no longer holds what its provenance\.json records"):
        branch.push(project)
    (folder / "notes.txt").write_text("an extra file")
    (folder / "repositories_by_week.csv").unlink()
    shutil.copy(tmp_path / "d1" / "reports" / W3.isoformat() / "repositories_by_week.csv", folder)
    with pytest.raises(rv.ReportError, match=r"is published and would change \(notes.txt"):
        branch.push(project)
    assert _git(remote, "rev-parse", "reports") == head

    # a different local folder of a published version is never replaced by restore either
    other = _checkout(tmp_path, "d3", remote)
    (other / "reports" / W3.isoformat()).mkdir()
    (other / "reports" / W3.isoformat() / "index.ipynb").write_text("{}")
    with pytest.raises(rv.ReportError, match="differs from the published version"):
        branch.restore(other)
    assert (other / "reports" / W3.isoformat() / "index.ipynb").read_text() == "{}"


def test_versions_built_from_the_generated_sample_are_never_pushed(
    tmp_path: Path, tiny_root: Path
) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(remote)], check=True)
    with pytest.raises(rv.ReportError, match="built from the generated sample"):
        _deploy(tmp_path, "d1", remote, tiny_root, W3)
    assert _git(remote, "branch", "--list") == ""
