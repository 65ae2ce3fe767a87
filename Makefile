# The README's commands. Everything installs into .venv from the pinned constraints.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres test-browser faults fuzz lint format bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

HOST ?= 127.0.0.1
PORT ?= 8000

# `hangar serve` refuses to run without a secret key: a laptop's is made once, in var/secret_key.
run: $(STAMP)  ## serve the demo catalog on http://$(HOST):$(PORT)/2.3.0/spacecraft/ (make run PORT=8001)
	@test -s var/secret_key || (mkdir -p var && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key)
	HANGAR_SECRET_KEY="$${HANGAR_SECRET_KEY:-$$(cat var/secret_key)}" $(BIN)/hangar serve --host $(HOST) --port $(PORT)

JOBS ?= auto  # pytest-xdist workers (one per core)

test: $(STAMP)  ## the test suite on the database HANGAR_DATABASE_URL names (SQLite by default)
	$(BIN)/pytest -n $(JOBS) --dist loadscope -m "not browser and not faults and not fuzz" $(PYTEST_ARGS)

test-postgres: $(STAMP)
	HANGAR_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test $(BIN)/pytest -n $(JOBS) --dist loadscope -m "not browser and not faults and not fuzz" $(PYTEST_ARGS)

test-browser: $(STAMP)  ## headless Chromium over a real server (needs Debian's chromium; CI runs it)
	$(BIN)/pytest -p no:xdist -m browser tests/browser $(PYTEST_ARGS)

faults: $(STAMP)  ## Redis and PostgreSQL outages and hangs under load, two instances (needs both on 127.0.0.1)
	$(BIN)/pytest -p no:xdist -m faults tests/faults $(PYTEST_ARGS)

fuzz: $(STAMP)  ## Schemathesis over every official path served, on a generated catalog (about a minute)
	$(BIN)/pytest -p no:xdist -m fuzz tests/fuzz $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var
