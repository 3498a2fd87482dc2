# FinOps Roadmap Planner: every target sets itself up on a fresh machine.
#   make run     set up and start the app (on a machine without a display it says so)
#   make test    set up and run every check: ruff, mypy, the test suite
#   make bench   speed figures as ratios against baselines measured in the same run
#   make screenshots (every page at 1400x900, 1024x768 and the largest text size) / make dist (make dist-check also runs the frozen build) / make demo

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export QT_API := pyside6

.PHONY: run test lint typecheck pytest bench screenshots dist dist-check demo system-deps clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Debian/Ubuntu as root: the system libraries Qt needs (and poppler for the PDF checks).
system-deps:
	@sh .ci/system-deps.sh

run: $(STAMP) system-deps
	@if [ "$$(uname)" = "Linux" ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != "offscreen" ]; then \
	  echo "No display found: the desktop app needs a screen."; \
	  echo "Try the command line instead, e.g.:  $(VENV)/bin/planner demo demo-out   (see $(VENV)/bin/planner --help)"; \
	else $(VENV)/bin/planner; fi

lint: $(STAMP)
	$(VENV)/bin/ruff check planner exports tests
	$(VENV)/bin/ruff format --check planner exports tests

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test: lint typecheck pytest

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks

demo: $(STAMP)
	$(VENV)/bin/planner demo demo-out

screenshots: $(STAMP) system-deps
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m tests.screenshots docs/screenshots

dist: $(STAMP) system-deps
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec

# Build, then run the frozen programs: smoke test and a headless export of the demo.
dist-check: $(STAMP) system-deps
	bash .ci/frozen-check.sh

clean:
	rm -rf build dist demo-out .pytest_cache .mypy_cache .ruff_cache
