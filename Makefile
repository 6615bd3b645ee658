# The CSE practice handbook. Two commands on a fresh machine:
#   make serve   set up, build and serve at http://127.0.0.1:8000
#   make test    set up, lint and run the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)
CHROMIUM ?= /usr/bin/chromium

.PHONY: setup serve build check test lint test-python test-pyodide test-browser bench chromium wheel clean

# Set-up ---------------------------------------------------------------------

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-*
	touch $@

chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "The browser tests need Chromium at $(CHROMIUM)." >&2; \
	  echo "Install it as root with: apt-get install chromium (or set CHROMIUM=/path/to/chromium)" >&2; \
	  exit 1; \
	fi; \
	[ -x "$(CHROMIUM)" ] || { echo "Chromium is still missing at $(CHROMIUM)" >&2; exit 1; }

setup: $(STAMP) $(NODE_STAMP)

# Handbook -------------------------------------------------------------------

check: $(STAMP)
	$(PY) -m handbook check data/protocol.yaml

build: setup
	$(PY) -m handbook build

serve: setup
	$(PY) -m handbook check data/protocol.yaml
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --watch data --watch calculators --watch handbook

# Tests ----------------------------------------------------------------------

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test-python: setup
	$(PY) -m pytest -q -m "not browser"

test-pyodide: setup
	$(PY) -m handbook pyodide-tests

test-browser: setup chromium
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q -m browser

test: setup chromium lint
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q
	$(MAKE) --no-print-directory test-pyodide

bench: setup chromium
	CHROMIUM=$(CHROMIUM) $(PY) -m bench

clean:
	rm -rf site build dist .cache
