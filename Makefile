# The CSE practice handbook. Two commands on a fresh machine:
#   make serve   set up what building needs, build and serve at http://127.0.0.1:$(PORT)
#   make test    set up the test tools too, lint and run the whole suite
# After editing data/protocol.yaml: `make check`, then `make expected` (rewrites
# data/expected/, Newham's answers the tests compare with, and shows the diff to commit).
# and `make release` (CSE_SITE_URL=… required) for the deployable archive.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# What building needs (requirements.lock), and what only the tests need on top
# (requirements-test.lock): each stamp names its file's checksum.
STAMP := $(VENV)/.installed-build-$(shell cat requirements.lock | cksum | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat requirements-test.lock | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8000
# The suite runs on every processor (pytest-xdist), a test module per worker, so that a
# module's tests share their browser tab and their start of the calculators.
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile
# Material's notice about MkDocs 2.0, printed on every build, is not for the protocol owner.
export NO_MKDOCS_2_WARNING := true

.PHONY: setup setup-test serve build check expected release test lint test-python test-pyodide test-browser test-deploy bench system-tools clean

# Set-up ---------------------------------------------------------------------

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-build-*
	touch $@

$(TEST_STAMP): requirements-test.lock $(STAMP)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements-test.lock
	rm -f $(VENV)/.installed-test-*
	touch $@

# --ignore-scripts: no package may run code at install time (vnu-jar's would download
# a Java runtime from the internet; make system-tools installs Debian's instead).
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-*
	touch $@

# Debian packages the tests drive: Chromium for the browser tests, LibreOffice to
# open the filled Word documents, Java for the W3C Nu HTML Checker (vnu-jar), nginx
# and Apache to serve the site with the README's samples (run from their binaries on
# a loopback port, never as services: while installing, policy-rc.d stops Debian from
# starting them on port 80). Installed with apt-get when missing and root.
SYSTEM_TOOLS := $(CHROMIUM):chromium /usr/bin/soffice:libreoffice-writer-nogui \
	/usr/bin/java:default-jre-headless /usr/sbin/nginx:nginx /usr/sbin/apache2:apache2

system-tools:
	@missing=""; for tool in $(SYSTEM_TOOLS); do \
	  [ -x "$${tool%%:*}" ] || missing="$$missing $${tool#*:}"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian packages for the tests:$$missing"; \
	  guard=""; if [ ! -e /usr/sbin/policy-rc.d ]; then guard=/usr/sbin/policy-rc.d; \
	    printf '#!/bin/sh\nexit 101\n' > $$guard; chmod +x $$guard; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  status=$$?; [ -z "$$guard" ] || rm -f $$guard; [ $$status = 0 ] || exit $$status; \
	else \
	  echo "The tests need these Debian packages:$$missing" >&2; \
	  echo "Install them as root with: apt-get install$$missing" >&2; \
	  exit 1; \
	fi; \
	for tool in $(SYSTEM_TOOLS); do \
	  [ -x "$${tool%%:*}" ] || { echo "Still missing after install: $${tool%%:*}" >&2; exit 1; }; \
	done

setup: $(STAMP) $(NODE_STAMP)

setup-test: setup $(TEST_STAMP)

# Handbook -------------------------------------------------------------------

check: $(STAMP)
	$(PY) -m handbook check data/protocol.yaml

# Rewrite data/expected/ (what the protocol says today) and show the change to review.
expected: $(STAMP)
	$(PY) -m handbook expected data/protocol.yaml

build: setup
	$(PY) -m handbook build

serve: setup
	$(PY) -m handbook check data/protocol.yaml
	$(PY) -m handbook.serve --port $(PORT) --watch data --watch calculators --watch handbook

# The archive, its checksum and manifest in dist/; refuses while `make check` fails.
release: check setup
	$(PY) -m handbook.build.release

# Tests ----------------------------------------------------------------------

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test-python: setup-test system-tools
	$(PYTEST) -m "not browser"

test-pyodide: setup-test
	$(PY) -m tests.support.pyodide_runner

test-browser: setup-test system-tools
	CHROMIUM=$(CHROMIUM) $(PYTEST) -m browser

# The README's nginx and Apache samples on Debian's servers, and the release archive.
test-deploy: setup-test system-tools
	CHROMIUM=$(CHROMIUM) $(PYTEST) -m deploy

# The whole suite in one pytest run: tests/pyodide runs tests/calculators inside Pyodide
# (what `make test-pyodide` does alone) beside the rest.
test: setup-test system-tools lint
	CHROMIUM=$(CHROMIUM) $(PYTEST)

bench: setup-test system-tools
	CHROMIUM=$(CHROMIUM) $(PY) -m bench

clean:
	rm -rf site build dist .cache
