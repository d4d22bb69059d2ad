# Two commands set up everything on a fresh machine:
#   make demo   build the graph of the sample articles in seeds/ and say where it is
#   make test   run the test suite, installing what it needs (Debian's Chromium for the viewer's tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: demo test browser clean

demo: $(VENV)/.installed
	$(BIN)/newsgraph build seeds -o out
	@echo "Done: open out/graph.html in a browser; the triples are in out/triples.jsonl."

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest

# The viewer's tests drive Debian's headless Chromium; installed once, never downloaded by a test.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

$(VENV)/.venv-created:
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.venv-created
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.venv-created
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) out .pytest_cache
