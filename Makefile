# Switchboard developer commands. `make run` for the demo, `make test` for the suite.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

# The test suite uses these, never DATABASE_URL/REDIS_URL from your shell: tests flush
# their Redis database, and a stray URL must not point them at data that matters.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
PYTEST_ARGS ?=
SIMULATOR_PORT ?= 8090

.DEFAULT_GOAL := help
.PHONY: help install run test lint format worker simulator migrate seed messages

help:
	@echo "make install    create $(VENV) and install Switchboard with its test tools"
	@echo "make run        the whole demo: migrate, seed, Redis, LLM simulator, web, worker"
	@echo "make test       lint, then the test suite (PostgreSQL and Redis must be running)"
	@echo "make lint       ruff check, ruff format --check, lint-imports (the layer order)"
	@echo "make format     ruff format and ruff check --fix"
	@echo "make worker     one RQ worker on the replies and background queues"
	@echo "make simulator  the Messages-API simulator on port $(SIMULATOR_PORT)"
	@echo "make bench      every benchmark under bench/ (budget, compression, fault drill, grounding)"
	@echo "make bench-budget  the shared LLM budget vs retries alone"
	@echo "make migrate | make seed"
	@echo "make messages  update the Hebrew catalogue (locale/he) from the code and compile it (needs GNU gettext)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change; `make -B install` forces it.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[test]'
	@touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python scripts/run_dev.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# pytest exits 5 when it collected nothing: for a suite, that is a failure too.
test: lint
	@status=0; \
	DATABASE_URL='$(TEST_DATABASE_URL)' REDIS_URL='$(TEST_REDIS_URL)' DEBUG=1 \
		$(BIN)/pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; \
	exit $$status

worker: install
	$(BIN)/python manage.py rqworker replies background --with-scheduler

simulator: install
	$(BIN)/python manage.py llm_simulator --host 127.0.0.1 --port $(SIMULATOR_PORT)

migrate: install
	$(BIN)/python manage.py migrate

seed: migrate
	$(BIN)/python manage.py seed_demo

# The Hebrew catalogue: new texts from the code and templates are added untranslated (translate
# them in locale/he/LC_MESSAGES/django.po, then run this again to compile). --no-obsolete drops
# entries the code no longer has, so only directories without translated texts are ignored.
MESSAGES_IGNORE := .venv tests eval bench scripts static staticfiles

messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l he --no-obsolete $(addprefix --ignore ,$(MESSAGES_IGNORE))
	DEBUG=1 $(BIN)/python manage.py compilemessages -l he --ignore .venv

# Benchmarks (bench/README.md): each prints ratios against a baseline run in the same process.
# They need Redis (each flushes its own scratch database, never 0) and PostgreSQL or SQLite.
.PHONY: bench bench-budget
BENCH_BUDGET_ARGS ?=

# Every bench/*.py: the budget bench through its own target, the others with their defaults.
bench: bench-budget
	@for script in $(filter-out bench/__init__.py bench/llm_budget.py,$(wildcard bench/*.py)); do \
		echo "== $$script"; $(BIN)/python $$script || exit $$?; \
	done

bench-budget: install
	$(BIN)/python -m bench.llm_budget $(BENCH_BUDGET_ARGS)
