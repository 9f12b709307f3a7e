"""Packaging that keeps installing (issue 9, part 6): the licence as an SPDX expression, the
build backend pinned exactly and locked at the same version, every locked package pinned with
hashes, and setup installing with hash checking on."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8")


def _locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of every requirement in the lock."""
    out: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z])", LOCK):
        m = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if m:
            name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
            out[name] = (m.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return out


def test_licence_is_an_spdx_expression_with_its_file() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (PROJECT_ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert not any("License ::" in c for c in project.get("classifiers", []))


def test_build_backend_pinned_and_locked_at_that_version() -> None:
    requires = PYPROJECT["build-system"]["requires"]
    assert len(requires) == 1 and re.fullmatch(r"setuptools==\d+(\.\d+)*", requires[0])
    version = requires[0].split("==")[1]
    assert _locked()["setuptools"][0] == version


def test_every_locked_package_is_pinned_with_hashes() -> None:
    locked = _locked()
    assert len(locked) > 50
    assert {name for name, (_, hashes) in locked.items() if not hashes} == set()
    requirement_lines = [
        line for line in LOCK.splitlines() if line and not line.startswith((" ", "#"))
    ]
    assert all("==" in line for line in requirement_lines), "only name==version lines"
    # nothing of the machine that made it (its index or wheel folders)
    assert not re.search(r"^--(extra-)?index-url|^--find-links", LOCK, re.MULTILINE)
    # every dependency pyproject.toml names is in it (extras included), and pip
    names = PYPROJECT["project"]["dependencies"] + [
        r for extra in PYPROJECT["project"]["optional-dependencies"].values() for r in extra
    ]
    wanted = {re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", r)[0]).lower() for r in names}
    assert wanted - set(locked) == set()
    assert "pip" in locked


def test_setup_installs_with_hash_checking() -> None:
    setup = (PROJECT_ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    installs = [line for line in setup.splitlines() if " install " in line and "pip" in line]
    assert installs and all(
        "--require-hashes" in line or "--no-build-isolation" in line for line in installs
    )
    assert any("--no-deps --no-build-isolation -e ." in line for line in installs)


@pytest.mark.slow
def test_metadata_carries_the_licence_expression(tmp_path: Path) -> None:
    """Built by the installed (locked) setuptools, without a deprecation warning."""
    code = (
        "import sys, warnings\n"
        "warnings.simplefilter('error')\n"
        "from setuptools import build_meta\n"
        "print(build_meta.prepare_metadata_for_build_wheel(sys.argv[1]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    metadata = (tmp_path / done.stdout.strip().splitlines()[-1] / "METADATA").read_text()
    assert "License-Expression: MIT\n" in metadata
    assert "License-File: LICENSE\n" in metadata
