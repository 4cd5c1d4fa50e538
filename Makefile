# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000

.PHONY: run test install install-test lint format bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## Build everything, load the demo network into an empty database and serve it.
run: install
	$(BIN)/bibliohub compiletranslations
	$(BIN)/bibliohub collectstatic --noinput --verbosity 0
	$(BIN)/bibliohub migrate --noinput
	$(BIN)/bibliohub createcachetable
	$(BIN)/bibliohub demo --if-empty
	$(BIN)/bibliohub serve --bind $(ADDRESS)

## The whole test suite (unit, integration and browser tests) and the linter.
test: install-test
	bash scripts/ensure-chromium
	$(BIN)/bibliohub compiletranslations
	$(BIN)/ruff check .
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Extract new strings into the catalogues (needs GNU gettext's xgettext).
messages: install
	cd bibliohub && ../$(BIN)/bibliohub makemessages --no-obsolete --no-location -l cs -l sl -l sr -l sr_Latn -l uk -l en

## The national-scale benchmark: generate the network, then measure pages (see bench/README.md).
## It uses its own database: BENCH_DATABASE_URL (a separate SQLite file unless you give another).
BENCH_DATABASE_URL ?= sqlite:///var/bench.sqlite3
BENCH_PAGES_ARGS ?=
bench: export DATABASE_URL = $(BENCH_DATABASE_URL)
bench: install
	mkdir -p var
	$(BIN)/bibliohub compiletranslations
	$(BIN)/bibliohub collectstatic --noinput --verbosity 0
	$(BIN)/bibliohub bench createdb
	$(BIN)/bibliohub migrate --noinput --verbosity 0
	$(BIN)/bibliohub createcachetable
	$(BIN)/bibliohub bench generate --if-empty
	$(BIN)/bibliohub bench pages $(BENCH_PAGES_ARGS)

clean:
	rm -rf $(VENV) var/static
