# The handbook's commands. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
# axe-core, vnu-jar and lighthouse for the browser tests and the benchmark (package.json).
NODE_TOOLS := node_modules/.installed
# Material prints an end-of-life banner on every build; CONTRIBUTING.md covers it.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build pdf offline deploy check links bench test lock clean

help: ## List the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# --dirty re-renders only the edited pages (about 0.5 s instead of 5 s; see bench/run.py). MkDocs
# warns about a dirty build, so it cannot be --strict; the handbook's checks still read every page
# on each rebuild and fail it on any error. 'make build' and the tests are strict.
serve: $(VENV)/.installed ## Install if needed, build, and serve on http://127.0.0.1:8000 with reload
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed ## Build the site once, strict, into site/
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)

pdf: $(VENV)/.installed ## Build the site with the whole handbook as one PDF, site/handbook.pdf (needs Pango)
	HANDBOOK_PDF=1 $(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)

offline: $(VENV)/.installed ## Build the site to open from disk, search included, into build/offline/
	$(BIN)/mkdocs build --strict --config-file mkdocs.offline.yml

deploy: $(VENV)/.installed ## Publish EDITION (e.g. make deploy EDITION=2026.11) into the local gh-pages branch; nothing is pushed
	@test -n "$(EDITION)" || { echo "Name the edition: make deploy EDITION=YYYY.MM"; exit 2; }
	$(BIN)/python -m hooks.editions deploy $(EDITION)

test: $(VENV)/.installed $(NODE_TOOLS) ## Install if needed and run every test
	$(BIN)/python -m pytest

check: $(VENV)/.installed ## Run every handbook check on the sources without building (as pre-commit does)
	$(BIN)/python -m hooks.check

links: $(VENV)/.installed ## Ask every outside address whether it still answers (needs network; cached for a week)
	$(BIN)/python -m hooks.link_reachability

bench: $(VENV)/.installed $(NODE_TOOLS) ## Time the build, its growth with pages, serve's refresh, the PDF, page weight and Lighthouse
	$(BIN)/python bench/run.py

lock: ## Re-resolve the pinned versions in requirements.lock from pyproject.toml
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[dev]'
	{ echo "# Exact versions the handbook is built and tested with. Regenerate with 'make lock'."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > requirements.lock
	rm -rf .lock-venv

clean: ## Remove the build output, the virtual environment and the npm tools
	rm -rf $(SITE_DIR) build $(VENV) node_modules .cache .pytest_cache

$(VENV)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

# --ignore-scripts: vnu-jar's install script would download a Java runtime; the machine's Java is used.
$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@
