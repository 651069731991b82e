# fazhi — two commands: `make demo` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint docs bench clean venv serve

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

## Analyse the bundled sample reports: HTML, JSON and Markdown in out/demo, a summary table on screen.
demo: venv
	$(BIN)/fazhi analyze samples --format json -o out/demo >/dev/null 2>&1
	$(BIN)/fazhi analyze samples --format md -o out/demo >/dev/null 2>&1
	$(BIN)/fazhi analyze samples --format html -o out/demo
	@echo "结果已写入 out/demo/（用浏览器打开 *.html 查看）"

## Start the review workspace on http://127.0.0.1:8000 (data in ./fazhi-data unless FAZHI_DATABASE_URL is set).
serve: venv
	$(BIN)/fazhi serve

## Lint and run the whole test suite.
test: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench || true

## Regenerate docs/rules.md from the rule registry.
docs: venv
	$(BIN)/fazhi rules --markdown > docs/rules.md

## Speed and accuracy numbers (see docs/benchmarks.md).
bench: venv
	$(BIN)/python bench/bench_analyze.py
	@for f in bench/bench_indicators.py bench/bench_rules.py; do [ -f $$f ] && $(BIN)/python $$f || true; done

clean:
	rm -rf out build dist *.egg-info src/*.egg-info .pytest_cache .ruff_cache
