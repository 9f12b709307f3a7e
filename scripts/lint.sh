#!/usr/bin/env bash
# Every static check (what `make lint` and the test command run first): ruff, ruff format,
# mypy, codespell, shellcheck, and the notebooks in step with the analyses' definitions files.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python

echo "== ruff"
$py -m ruff check .
$py -m ruff format --check .
echo "== mypy"
$py -m mypy
echo "== codespell"
$py -m codespell_lib
echo "== shellcheck"
.venv/bin/shellcheck scripts/*.sh .ci/run
echo "== notebooks in step with their definitions"
$py -m analysis notebooks sync --check
