# The README's two commands (site, test) and the everyday ones. Each sets up its own environment.
.PHONY: help setup site test lint format

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 10

setup: ## create .venv with the locked Python dependencies
	scripts/setup.sh

site: setup ## build the whole site from the bundled generated sample into _site/
	.venv/bin/hubobs build

test: ## run every test: lint, types, unit and integration tests, notebooks (nbval), browser tests
	scripts/setup.sh --test
	scripts/test.sh

lint: ## the static checks only: ruff, mypy, codespell, shellcheck, notebooks in step
	scripts/setup.sh --test
	scripts/lint.sh

format: ## format the code and notebooks, and write the notebooks' generated texts
	.venv/bin/python -m ruff check --fix .
	.venv/bin/python -m ruff format .
	.venv/bin/python -m analysis notebooks sync
