#!/usr/bin/env bash
# Regenerate requirements.lock: resolve pyproject.toml's dependencies (with the test, bench and
# distributed extras) in a fresh virtualenv and record the exact versions.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --upgrade pip
"$tmp/venv/bin/python" -m pip install --quiet ".[test,bench,distributed]"
{
  echo "# Exact versions of every Python package the project and its tests use (pip freeze of a fresh"
  echo "# venv with .[test,bench,distributed]). Regenerate with scripts/lock.sh after changing pyproject.toml."
  "$tmp/venv/bin/python" -m pip freeze --exclude hub-observatory
} > requirements.lock.tmp
mv requirements.lock.tmp requirements.lock
echo "requirements.lock: $(grep -vc '^#' requirements.lock) packages"
