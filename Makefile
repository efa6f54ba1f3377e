# framing: `make run` (all tables, figures and the report) and `make test` (the whole suite).
# Both create .venv/ and install what they need; nothing else is required but Python >= 3.10.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export MPLBACKEND := Agg
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help setup run data figures classroom lab sysdeps test lint format bench docs clean

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z-]+:/{if(doc){split($$1,t,":"); printf "  %-10s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask,html,notebooks]"
	touch $(STAMP)

## Create .venv/ and install framing with every extra (re-runs only when pyproject.toml changes)
setup: $(STAMP)

## The main job: articles, every stage's tables, figures and report on the bundled corpora
run: setup
	$(BIN)/framing run

## Rebuild the articles tables under data/processed/ from data/raw/
data: setup
	$(BIN)/python -c "from framing.main_job import prepare_bundled; prepare_bundled()"

## Run the whole test suite offline (sockets disabled)
test: setup sysdeps
	$(BIN)/python -m pytest

## Lint with ruff
lint: setup
	$(BIN)/ruff check src tests bench

## Format with ruff
format: setup
	$(BIN)/ruff format src tests bench

## Print the speed benchmarks (MB/s per core)
bench: setup
	$(BIN)/python bench/run.py

## Refresh the registry tables in docs/architecture.md (and docs/CHANGELOG.md's name list)
docs: setup
	$(BIN)/python -c "from framing.registry import write_docs; write_docs()"

## Remove derived data and caches (never data/raw)
clean:
	rm -rf data/processed/* .cache .pytest_cache

## Install the system tools the tests use (Debian's chromium for the report test) when missing
sysdeps:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "sysdeps: installing chromium with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
	else \
	  echo "sysdeps: chromium is missing; install it (sudo apt-get install chromium) to run the report test"; \
	fi

## Run the analysis notebooks: figures/*.svg|png|pdf and figures/report.html
figures: setup
	$(BIN)/framing figures

## Write notebooks/classroom/students/ from the teacher's masters/ (answer keys removed)
classroom: setup
	$(BIN)/python -c "from framing.classroom import build_classroom; build_classroom()"
	@echo "Students: jupyter lab notebooks/classroom/students  (the masters stay out of sight)"

## Open notebooks/ (analysis and classroom) in JupyterLab on 127.0.0.1; Ctrl-C stops it
lab: setup
	env -u MPLBACKEND $(BIN)/jupyter lab --ServerApp.root_dir=notebooks --ServerApp.ip=127.0.0.1 \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)
