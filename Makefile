# docgen: `make run` parses/generates everything for the embedded corpus into out/;
# `make test` runs the whole suite. Both set up .venv (and system packages) first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
SYSSTAMP := .sysdeps-installed

.PHONY: run test lint typecheck bench clean sysdeps venv dev gallery fuzz serve screenshots bench-web

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP) $@

sysdeps:
	bash scripts/install-system-deps.sh

venv: $(STAMP)
dev: $(DEVSTAMP)

run: $(STAMP)
	$(BIN)/docgen run-corpus legal_corpus -o out --force

test: sysdeps $(DEVSTAMP)
	$(BIN)/ruff check docgen tests bench
	$(BIN)/ruff format --check docgen tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2

lint: $(DEVSTAMP)
	$(BIN)/ruff check docgen tests bench
	$(BIN)/ruff format --check docgen tests bench

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

gallery: sysdeps $(STAMP)
	$(BIN)/python scripts/gallery.py

# docgen serve (issue 14): the local web page on http://127.0.0.1:8765/ (HOST, PORT, TOKEN to change)
serve: $(STAMP)
	$(BIN)/docgen serve --host $(or $(HOST),127.0.0.1) --port $(or $(PORT),8765) $(if $(TOKEN),--token $(TOKEN))

# one PNG per page of docgen serve into docs/screenshots/ (Playwright + the system chromium)
screenshots: sysdeps $(DEVSTAMP)
	$(BIN)/python scripts/web_screenshots.py

bench: $(DEVSTAMP)
	$(BIN)/python bench/run.py

# property tests of tests/fuzz, longer than in `make test` (FUZZ_MINUTES, default 10)
FUZZ_MINUTES ?= 10
fuzz: $(DEVSTAMP)
	FUZZ_MINUTES=$(FUZZ_MINUTES) $(BIN)/python tests/fuzz/fuzz_rounds.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
