# Two commands matter: `make run` (set up and open the kiosk) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint format snapshots demo bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kiosk

demo: $(STAMP)
	$(BIN)/kiosk demo --reset

lint: $(STAMP)
	$(BIN)/ruff check kiosk tests $(wildcard bench)
	$(BIN)/ruff format --check kiosk tests $(wildcard bench)
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

format: $(STAMP)
	$(BIN)/ruff check --fix kiosk tests $(wildcard bench)
	$(BIN)/ruff format kiosk tests $(wildcard bench)

# Every figure next to its limit in one table (quick; BENCH_ARGS="--full" for the big runs).
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

snapshots: $(STAMP)
	$(BIN)/pytest tests/ui/test_snapshots.py --snapshot-update

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
