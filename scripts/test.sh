#!/usr/bin/env bash
# Every test: the static checks (scripts/lint.sh), the test suite, and nbval on the committed
# notebooks.
# Needs scripts/setup.sh --test first (make test does both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONHASHSEED=0 HF_HUB_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 MPLBACKEND=Agg

scripts/lint.sh
echo "== bundled sample (generated on first use, checksums verified)"
.venv/bin/hubobs sample verify --generate-if-missing
echo "== pytest (tests and committed notebooks)"
notebooks=$(ls notebooks/*.ipynb posts/*/index.ipynb explorers/*/index.ipynb 2>/dev/null || true)
.venv/bin/python -m pytest tests ${notebooks:+--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $notebooks} "$@"
