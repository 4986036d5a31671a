# storyline: every target creates and uses the local virtual environment .venv (nothing global).
# NLTK data: uses $NLTK_DATA when set, else ../shared/nltk_data when that folder exists;
# otherwise `storyline setup` downloads what is missing (needs internet).

VENV ?= .venv
PY := $(VENV)/bin/python
ifeq ($(strip $(NLTK_DATA)),)
ifneq ($(wildcard ../shared/nltk_data),)
export NLTK_DATA := $(abspath ../shared/nltk_data)
endif
endif

.PHONY: setup demo test lab notebooks bench lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(VENV)/bin/storyline setup
	touch $@

demo: setup
	$(VENV)/bin/storyline analyze data/articles/musk-putin-starlink.txt --format html --out reports/

test: setup
	$(PY) -m pytest tests lib --doctest-modules

lab: setup
	$(VENV)/bin/jupyter lab notebooks/

notebooks: setup
	mkdir -p build
	for nb in notebooks/*.ipynb; do \
	  $(VENV)/bin/jupyter nbconvert --to html --execute --output-dir build "$$nb" || exit 1; \
	done

lint: setup
	$(VENV)/bin/ruff check lib tests bench

bench: setup
	for script in bench/bench_*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) reports build .pytest_cache
