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

.PHONY: setup serve build check test lint test-python test-pyodide test-browser bench system-tools clean

# Set-up ---------------------------------------------------------------------

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

# --ignore-scripts: no package may run code at install time (vnu-jar's would download
# a Java runtime from the internet; make system-tools installs Debian's instead).
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-*
	touch $@

# Debian packages the tests drive: Chromium for the browser tests, LibreOffice to
# open the filled Word documents, Java for the W3C Nu HTML Checker (vnu-jar).
# Installed with apt-get when missing and root.
SYSTEM_TOOLS := $(CHROMIUM):chromium /usr/bin/soffice:libreoffice-writer-nogui \
	/usr/bin/java:default-jre-headless

system-tools:
	@missing=""; for tool in $(SYSTEM_TOOLS); do \
	  [ -x "$${tool%%:*}" ] || missing="$$missing $${tool#*:}"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian packages for the tests:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
	  echo "The tests need these Debian packages:$$missing" >&2; \
	  echo "Install them as root with: apt-get install$$missing" >&2; \
	  exit 1; \
	fi; \
	for tool in $(SYSTEM_TOOLS); do \
	  [ -x "$${tool%%:*}" ] || { echo "Still missing after install: $${tool%%:*}" >&2; exit 1; }; \
	done

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

test-python: setup system-tools
	$(PY) -m pytest -q -m "not browser"

test-pyodide: setup
	$(PY) -m handbook pyodide-tests

test-browser: setup system-tools
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q -m browser

test: setup system-tools lint
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q
	$(MAKE) --no-print-directory test-pyodide

bench: setup system-tools
	CHROMIUM=$(CHROMIUM) $(PY) -m bench

clean:
	rm -rf site build dist .cache
