# netdesk: `make run` starts the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test lint bench install-desktop uninstall-desktop validate-desktop pyinstaller clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install when pyproject.toml changes (the stamp files are newer than it otherwise).
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(VENV)/bin/netdesk

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check .

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .

bench: $(VENV)/.installed-test
	$(PY) tests/bench/bench_store.py

# Menu entry, AppStream metainfo and icon for the current user (~/.local/share).
install-desktop:
	sh packaging/linux/install-desktop.sh

uninstall-desktop:
	sh packaging/linux/install-desktop.sh --uninstall

validate-desktop:
	bash packaging/linux/validate.sh

# One-folder app in dist/netdesk (see packaging/pyinstaller/README.md).
pyinstaller: $(VENV)/.installed-run
	$(PIP) install 'pyinstaller>=6.3'
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/pyinstaller/netdesk.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
