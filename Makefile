# Two entry points matter: `make run` and `make test` (README). Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint bench venv postgres system-deps forms clean

# System libraries Qt needs (offscreen and on a display), and poppler for PDF renders;
# installed only when missing.
system-deps:
	@missing=""; \
	for pkg in libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 poppler-utils; do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets système :$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml
	$(MAKE) system-deps
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[server,dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	unset QT_QPA_PLATFORM; $(BIN)/mediateur

# PostgreSQL must listen on 127.0.0.1:5432 for the server tests; start the cluster if it is down.
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  echo "Démarrage de PostgreSQL…"; \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; \
	  for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; \
	  pg_isready -h 127.0.0.1 -p 5432; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The bundle is built first (when stale, ~1 min) so that the bundle tests on both workers find it.
test: $(STAMP) postgres package
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: $(STAMP) postgres
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache

# Designer forms (resources/forms/*.ui) compiled into committed modules: generated, do not edit.
forms: $(STAMP)
	@for ui in resources/forms/*.ui; do \
	  out=src/mediateur/ui/forms/ui_$$(basename $$ui .ui).py; \
	  $(BIN)/pyside6-uic $$ui -o $$out || exit 1; \
	  echo "$$ui -> $$out"; \
	done

# The laptop's one-folder bundle, installer/dist/mediateur/ (PyInstaller), rebuilt only when what
# goes into it changed. On Windows, `python installer\build.py --installer` also compiles the Inno
# Setup installer (docs/install.md).
.PHONY: package
package: $(STAMP)
	$(BIN)/python installer/build.py
