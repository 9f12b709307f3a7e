#!/usr/bin/env bash
# Every test: the static checks (scripts/lint.sh), the test suite, and nbval on the committed
# notebooks.
# Needs scripts/setup.sh --test first (make test does both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONHASHSEED=0 HF_HUB_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 MPLBACKEND=Agg

# Quarto renders the site in the render tests. Users install it from quarto.org; where it is not
# on PATH and the Quarto built from source sits beside the project (../shared/quarto, for
# machines that cannot download Quarto), that one is used. Without either, those tests skip.
shared_quarto="$(dirname "$PWD")/shared/quarto/setup.sh"
if ! command -v quarto >/dev/null && [ -f "$shared_quarto" ]; then
  quarto_bin="$(bash "$shared_quarto")"
  export PATH="$quarto_bin:$PATH"
fi
if command -v quarto >/dev/null; then
  echo "== quarto $(quarto --version) ($(command -v quarto))"
else
  echo "== quarto not on PATH: the render tests skip (https://quarto.org/docs/get-started/)"
fi

scripts/lint.sh
echo "== bundled sample (generated on first use, checksums verified)"
.venv/bin/hubobs sample verify --generate-if-missing
echo "== pytest (tests and committed notebooks)"
notebooks=$(ls notebooks/*.ipynb posts/*/index.ipynb explorers/*/index.ipynb 2>/dev/null || true)
.venv/bin/python -m pytest tests ${notebooks:+--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $notebooks} "$@"
