# The two commands of the README. Each sets up its own environment first (scripts/setup.sh).
.PHONY: site test setup lint

setup:
	scripts/setup.sh

# Build the whole site from the bundled generated sample into _site/ (needs quarto on PATH for
# the final render; everything before it runs without Quarto).
site: setup
	.venv/bin/hubobs build

# Run every test: lint, types, unit and integration tests, notebooks (nbval), browser tests.
test:
	scripts/setup.sh --test
	scripts/test.sh
