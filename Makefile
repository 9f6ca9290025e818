# The two commands of the README: `make site` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site test serve check clean

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(INSTALLED)

site: $(INSTALLED)
	$(BIN)/briefing build --strict

test: $(INSTALLED)
	$(BIN)/python -m pytest

serve: $(INSTALLED)
	$(BIN)/briefing serve

check: $(INSTALLED)
	$(BIN)/briefing check

clean:
	rm -rf $(VENV) site
