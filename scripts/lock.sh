#!/usr/bin/env bash
# Regenerate requirements.lock: every Python package the project and its tests, benchmarks and
# Dask runner use (pyproject.toml with the test, bench and distributed extras), plus pip and the
# build backend (scripts/lock.in; setuptools at the exact version [build-system] requires), each
# pinned to one version with the sha256 of every file PyPI has for it, so that scripts/setup.sh
# installs with `pip install --require-hashes` on any platform. Versions already in the lock are
# kept while they still fit; `scripts/lock.sh --upgrade` moves every package to the newest that
# fits. Needs PyPI (takes a few minutes: the hashes of every file are collected).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip-tools==7.6.2"
# the build backend's pin, from pyproject.toml (one place says which setuptools builds us)
mapfile -t build_requires < <("$tmp/venv/bin/python" -c '
import tomllib
for r in tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]:
    print(r)
')
pins=()
for r in "${build_requires[@]}"; do
  case "$r" in
    *==*) pins+=(--upgrade-package "$r") ;;
    *) echo "lock.sh: [build-system] requires $r: pin it exactly (name==version)" >&2; exit 1 ;;
  esac
done
CUSTOM_COMPILE_COMMAND="scripts/lock.sh" "$tmp/venv/bin/pip-compile" --quiet \
  --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
  --extra test --extra bench --extra distributed \
  "${pins[@]}" "$@" \
  --output-file requirements.lock pyproject.toml scripts/lock.in
echo "requirements.lock: $(grep -c '^[A-Za-z]' requirements.lock) packages, $(grep -c -- '--hash=' requirements.lock) hashes"
