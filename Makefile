# netdesk: `make run` starts the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

# The exact, hash-checked versions (uv's universal lock exported as pip requirements; see the
# README): the app's own, the test set, and the test set with the oldest PySide6 allowed.
APP_LOCK := requirements/app.lock
TEST_LOCK := requirements/test.lock
LOWEST_QT_LOCK := requirements/test-lowest-qt.lock
LOWEST_VENV := .venv-lowest-qt
# Installs a lock exactly (every file checked against its hash), then netdesk itself from the
# checkout without touching dependencies (its build backend comes from the lock too).
INSTALL_LOCK = $(1)/bin/python -m pip --disable-pip-version-check -q install --require-hashes \
	--no-deps -r $(2) && $(1)/bin/python -m pip --disable-pip-version-check -q install \
	--no-deps --no-build-isolation -e .
PYTEST = QT_QPA_PLATFORM=offscreen $(1)/bin/python -X faulthandler -m pytest
UV_COMPILE = $(PY) -m uv pip compile --quiet --universal --generate-hashes --no-header \
	--python-version 3.11 pyproject.toml requirements/build.in

.PHONY: run test test-lowest-qt soak lint lock bench install-desktop uninstall-desktop \
	validate-desktop pyinstaller clean translations

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install when a lock changes (the stamp files are newer than it otherwise).
$(VENV)/.installed-run: $(APP_LOCK) pyproject.toml | $(PY)
	$(call INSTALL_LOCK,$(VENV),$(APP_LOCK))
	touch $@

$(VENV)/.installed-test: $(TEST_LOCK) pyproject.toml | $(PY)
	$(call INSTALL_LOCK,$(VENV),$(TEST_LOCK))
	touch $@ $(VENV)/.installed-run

$(LOWEST_VENV)/.installed-test: $(LOWEST_QT_LOCK) pyproject.toml
	$(PYTHON) -m venv $(LOWEST_VENV)
	$(call INSTALL_LOCK,$(LOWEST_VENV),$(LOWEST_QT_LOCK))
	touch $@

run: $(VENV)/.installed-run
	$(VENV)/bin/netdesk

# The whole suite (a crash prints its stack: -X faulthandler), the short soak run, the linter.
test: $(VENV)/.installed-test
	$(call PYTEST,$(VENV))
	QT_QPA_PLATFORM=offscreen $(PY) -X faulthandler tests/soak/soak.py --contacts 2000 --actions 2000
	$(VENV)/bin/ruff check .

# The suite again on the oldest PySide6 the ranges allow (CI runs it after make test).
test-lowest-qt: $(LOWEST_VENV)/.installed-test
	$(call PYTEST,$(LOWEST_VENV)) -q

# The full soak run: 10,000 contacts, 20,000 user actions through the real window.
soak: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -X faulthandler tests/soak/soak.py

# Refresh the locks from pyproject.toml's ranges (needs the test venv, which brings uv).
lock: $(VENV)/.installed-test
	$(UV_COMPILE) -o $(APP_LOCK)
	$(UV_COMPILE) --extra test -o $(TEST_LOCK)
	$(UV_COMPILE) --extra test -c requirements/lowest-qt.txt -o $(LOWEST_QT_LOCK)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .

bench: $(VENV)/.installed-test
	$(PY) tests/bench/bench_store.py

# The translations: collect the marked texts into the .ts files (keeping what is translated;
# translate new ones with pyside6-linguist), then compile the .qm files netdesk loads. Both are
# committed, so a fresh checkout runs translated without this step; tests/ui/test_translations.py
# fails when a .qm is older than its .ts.
I18N := netdesk/resources/i18n
translations: $(VENV)/.installed-test
	$(VENV)/bin/pyside6-lupdate $$(find netdesk -name '*.py' | sort) -locations none \
		-no-obsolete -ts $(I18N)/netdesk_de.ts
	for ts in $(I18N)/*.ts; do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm || exit 1; done

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
	rm -rf $(VENV) $(LOWEST_VENV) build dist .pytest_cache .ruff_cache
