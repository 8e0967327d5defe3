# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
# Looked up where it is used (`=`, not `:=`): on a fresh machine the `uv` target installs it first.
UV = $(shell command -v uv 2>/dev/null || echo "$$HOME/.local/bin/uv")
MANAGE = $(UV) run python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench system-packages browser uv deps messages migrate demo lint

## Install everything, load the demo content and serve the portal on SQLite, with the worker
## that does the background work beside it (both stop on Ctrl-C).
run: deps messages migrate demo
	$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
		$(MANAGE) runserver $(HOST):$(PORT)

## Install what the tests need and run the whole suite.
test: deps messages browser
	$(UV) run pytest

## Build a realistic database, serve it with gunicorn and measure (see docs/performance.md).
bench: deps messages
	$(UV) run python -m bench

# gettext builds the message catalogues; Pango, HarfBuzz's subsetter and DejaVu fonts are what
# WeasyPrint renders with.
system-packages:
	@if ! command -v msgfmt >/dev/null || ! ldconfig -p | grep -q libpango-1.0 \
		|| ! ldconfig -p | grep -q libharfbuzz-subset || ! fc-list 2>/dev/null | grep -qi dejavu; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
			fonts-dejavu-core fontconfig >/dev/null; \
	fi

# Browser tests drive Debian's Chromium; axe-core and the Nu HTML Checker (vnu.jar, run on
# Java) come from the npm registry (package-lock.json).
browser:
	@command -v chromium >/dev/null && command -v java >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless \
		>/dev/null; }
	@test -f node_modules/axe-core/axe.min.js -a -f node_modules/vnu-jar/build/dist/vnu.jar \
		|| npm ci --ignore-scripts --no-audit --no-fund --silent

uv:
	@command -v uv >/dev/null || test -x "$(UV)" || python3 -m pip install --quiet uv

deps: system-packages uv
	$(UV) sync --locked --quiet

messages: deps
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: deps
	$(MANAGE) migrate --no-input -v 0

demo: migrate
	$(MANAGE) load_demo

lint: deps
	$(UV) run ruff check .
	$(UV) run ruff format --check .
