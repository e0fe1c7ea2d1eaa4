# newstrace: `make demo` and `make test` are all a fresh clone needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
TRAIN_STAMP := $(VENV)/.train-stamp
SHARED ?= ../shared
DOCTESTS := --doctest-modules tests src/newstrace --ignore=src/newstrace/store/migrations

.PHONY: demo test check lint types train train-encoder lock-pins bench clean

$(STAMP): pyproject.toml requirements.lock requirements-nodeps.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-nodeps.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newstrace analyze demo/port-hallow.txt --format text
	$(BIN)/newstrace analyze demo/port-hallow.txt --format html > demo-ledger.html
	@echo "HTML view of the same ledger: demo-ledger.html"
	$(BIN)/newstrace trace data/trace-dev/articles.jsonl -o demo-trace -j 2
	@echo "Story trace of the demo corpus: demo-trace/report.html (also trace.json, edges.csv)"

# everything, as CI runs it (Spark, PostgreSQL and the browser tests where they are present)
test: lint types
	$(BIN)/pytest -q $(DOCTESTS)

# the loop while working, under a minute: lint, types and the tests that take seconds, not
# minutes (tests marked slow are left to `make test`)
check: lint types
	$(BIN)/pytest -q -m "not slow" $(DOCTESTS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: $(STAMP)
	$(BIN)/mypy

train: $(STAMP)
	$(BIN)/python -m newstrace.training.attribution --data $(SHARED)/datasets/polnear
	$(BIN)/python -m newstrace.training.certainty --data $(SHARED)/datasets
	$(BIN)/python -m newstrace.training.checkworthy --data $(SHARED)/datasets/checkworthiness
	$(BIN)/python -m newstrace.training.grouping --data $(SHARED)/datasets
	$(BIN)/python -m newstrace.training.strength --data $(SHARED)/datasets --cv
	$(BIN)/python bench/news_claims.py --shared $(SHARED)
	$(BIN)/python -m newstrace.training.source_check --shared $(SHARED) --claims build/news-claims/claims-tune.jsonl
	$(MAKE) train-encoder

# the attribution encoder (NEWSTRACE_ATTRIBUTION=encoder), the certainty and factuality
# encoders (after the ridges beside them, which `make train` trains first): fine-tuning
# needs torch, so the train extra goes into the venv here and only here (CPU torch, ~1 GB;
# `make demo` and `make test` never install it). About an hour on 2 busy cores, nearly all
# of it the attribution encoder: see the model cards.
$(TRAIN_STAMP): $(STAMP) requirements-train.lock
	$(BIN)/python -m pip install -q --require-hashes -r requirements-train.lock
	touch $(TRAIN_STAMP)

train-encoder: $(TRAIN_STAMP)
	nice -n 10 $(BIN)/python -m newstrace.training.encoder --data $(SHARED)/datasets/polnear
	nice -n 10 $(BIN)/python -m newstrace.training.boundaries --data $(SHARED)/datasets/polnear
	nice -n 10 $(BIN)/python -m newstrace.training.certainty_encoder --data $(SHARED)/datasets
	nice -n 10 $(BIN)/python -m newstrace.training.factuality_encoder --data $(SHARED)/datasets
	$(BIN)/python bench/encoder_outputs.py

# requirements-train.lock is compiled against requirements.lock's pins (see its header)
lock-pins:
	mkdir -p build
	grep -E '^[A-Za-z0-9_.-]+==' requirements.lock | sed 's/ \\$$//' > build/lock-pins.txt

bench: $(STAMP)
	$(BIN)/python bench/analyze_speed.py

clean:
	rm -rf $(VENV) build demo-ledger.html demo-trace .mypy_cache
