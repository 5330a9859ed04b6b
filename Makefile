# Samverkanshandboken. Two commands are all you need:
#   make serve   preview at http://127.0.0.1:8000 with live reload
#   make test    run the whole test suite
# (make test-fast: only what needs neither a site build nor a browser.)
# Both create the virtual environment (.venv) on first use.

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: help install serve build pdf test test-fast offline audit bench clean

help:
	@echo "make serve   - preview the site at http://127.0.0.1:8000 (live reload)"
	@echo "make test    - run all tests (schema, rendering, build, browser, axe)"
	@echo "make test-fast - the unit tier: data, rendering, the scripts' pure functions (no build, no browser)"
	@echo "make build   - build the site into site/ with --strict, with the PDFs and the offline zip"
	@echo "make pdf     - only the PDFs of the worksheets (site/pdf/), building first if needed"
	@echo "make offline - a zip of the site that works opened from disk (dist/)"
	@echo "make audit   - Nu Html Checker on every page and a crawl of every link"
	@echo "make bench   - build time, page weight, asset size, Lighthouse (bench.json)"

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

# npm packages: the Word library the site loads (docx, copied in by
# scripts/build/vendor.py) and tools for measuring and auditing.
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/python -m scripts.build.minify site
	$(BIN)/python -m scripts.build.vendor site
	$(BIN)/python -m scripts.build.csp site
	$(BIN)/python -m scripts.build.precache site
	$(BIN)/python -m scripts.build.pdf site
	$(BIN)/python -m scripts.build.blank_documents site
	$(BIN)/python -m scripts.build.offline --from-site site

# The worksheet PDFs in site/pdf/. Builds first when site/ is missing or older
# than its sources (the build makes the PDFs too).
pdf: $(STAMP) $(NODE_STAMP)
	@if [ ! -f site/index.html ] || [ -n "$$(find mkdocs.yml $(wildcard brand.yml) docs data macros overrides -newer site/index.html -print -quit)" ]; then \
		$(MAKE) --no-print-directory build; \
	else \
		$(BIN)/python -m scripts.build.pdf site; \
	fi

# Every tier: unit (with `node --test`), build, browser and outputs (the
# markers in tests/conftest.py).
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

# The unit tier only: no site build, no Chromium (tests/test_node.py runs
# `node --test` on the JavaScript unit tests; the Word writer's uses the
# pinned docx from node_modules). Well under two minutes.
test-fast: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m unit

# The site for reading without a server: dist/samverkanshandboken-offline.zip
offline: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m scripts.build.offline

audit: build $(NODE_STAMP)
	$(BIN)/python -m scripts.check.audit site

bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m scripts.check.bench

clean:
	rm -rf site dist .pytest_cache
