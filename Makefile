# fazhi — two commands: `make demo` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Exact versions (with hashes) of every package fazhi and its tests use; pyproject.toml keeps the ranges
# for library users. `make lock` regenerates it after a change to pyproject.toml.
LOCK := requirements.lock

.PHONY: demo test lint format docs bench clean venv serve lock system-deps lm

venv: $(STAMP)

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

## Analyse the bundled sample reports: HTML, JSON and Markdown in out/demo, a summary table on screen.
demo: venv
	$(BIN)/fazhi analyze samples --format json -o out/demo --quiet
	$(BIN)/fazhi analyze samples --format md -o out/demo --quiet
	$(BIN)/fazhi analyze samples --format html -o out/demo
	@echo "结果已写入 out/demo/（用浏览器打开 *.html 查看）"

## Start the review workspace on http://127.0.0.1:8000 (data in ./fazhi-data unless FAZHI_DATABASE_URL is set).
serve: venv
	$(BIN)/fazhi serve

## The Debian packages the tests need (PostgreSQL, Chromium, CJK fonts): installed when missing.
system-deps:
	scripts/system-deps

## Lint, check formatting, and run the whole test suite.
test: venv system-deps
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: venv
	$(BIN)/ruff format src tests bench scripts

## Regenerate the lock file from pyproject.toml (needs the network; uv is installed into the venv for it).
lock: venv
	$(BIN)/python -m pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --override requirements.overrides \
	  --python-platform x86_64-unknown-linux-gnu --generate-hashes --no-header -o $(LOCK) --quiet

## Regenerate docs/rules.md from the rule registry.
docs: venv
	$(BIN)/fazhi rules --markdown > docs/rules.md
	$(BIN)/python -c 'import fazhi.settings as s, fazhi.config as c; print(s.markdown(c.SETTINGS), end="")' > docs/settings.md

## Speed and accuracy numbers (see docs/benchmarks.md).
bench: venv
	$(BIN)/python bench/bench_analyze.py
	@for f in bench/bench_indicators.py bench/bench_rules.py bench/bench_corrector.py; do [ -f $$f ] && $(BIN)/python $$f || true; done
	@if [ -d ../shared/corpus ]; then $(BIN)/python bench/eval.py --split dev; fi

## Rebuild the typo corrector's language model from ../shared/lm-corpus (deterministic, ~3 minutes).
lm: venv
	$(BIN)/python scripts/build_lm.py

clean:
	rm -rf out build dist *.egg-info src/*.egg-info .pytest_cache .ruff_cache
