# cunwu — the two commands the README opens with:
#   make run    set up .venv, create a demo village on first run, open the app
#   make test   set up .venv and system packages, run the whole suite headless
# Everything is installed by these targets; nothing by hand.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DATA   ?= .devdata
STAMP  := $(VENV)/.installed

# Debian packages the app and the tests need at run time: Qt's xcb/offscreen
# plugins link these, the CJK font lets screenshots show Chinese, and poppler
# turns printed PDFs into PNGs so a person can look at them; LibreOffice Calc
# (headless) proves the Excel files we write open outside openpyxl too.
APT_PACKAGES := fonts-wqy-microhei libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
                libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 \
                libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 poppler-utils \
                libreoffice-calc-nogui

# Debian packages only the installer builds need (issue 9), kept apart from
# APT_PACKAGES so `make test` never pulls wine: wine runs PyInstaller and the
# installer test, NSIS builds setup.exe, mingw-w64 compiles the wine-only DLL
# stubs (installer/wine/), dpkg-dev builds the .deb.
INSTALLER_APT_PACKAGES := wine wine64 nsis gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 \
                          dpkg-dev

.PHONY: run test bench screenshots lint legality legality-unseen system-deps venv clean \
        installer-deps installer installer-test deb deb-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# $(call apt_install,PACKAGES): install those of PACKAGES that are missing (as root, or via sudo).
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

system-deps:
	$(call apt_install,$(APT_PACKAGES))

run: system-deps $(STAMP)
	@if [ ! -f $(DATA)/cunwu.sqlite3 ]; then \
	  $(BIN)/cunwu --data-dir $(DATA) init village --name 青山村 --code 330106001001 --province zhejiang >/dev/null && \
	  $(BIN)/cunwu --data-dir $(DATA) demo; fi
	$(BIN)/cunwu --data-dir $(DATA)

# The suite runs in TEST_WORKERS processes (pytest-xdist; `auto`: one per core, two on CI's
# 2-core machine). Each worker has its own Qt application and temporary folders; the session
# templates (tests/support/templates.py) are built once for all of them. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS)

screenshots: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m screenshots -p no:cacheprovider
	@echo "screenshots in build/screenshots/"

bench: system-deps $(STAMP)
	$(BIN)/python -m tests.bench.run

lint: $(STAMP)
	$(BIN)/ruff check desktop models ui tests scripts

# Precision and recall of the 村规民约 legality analyzer on the labelled clause
# corpus (tests/data/clauses/README.md); holdout rows are for measuring only.
legality: $(STAMP)
	$(BIN)/python scripts/legality_eval.py

# The same figures on the independent unseen.tsv (figures only; nobody tunes on it).
legality-unseen: $(STAMP)
	$(BIN)/python scripts/legality_eval.py --set unseen

clean:
	rm -rf $(VENV) build dist .pytest_cache

# --- delivery (issue 9): see installer/ and README "安装包 / Installer" -------
installer-deps:
	$(call apt_install,$(INSTALLER_APT_PACKAGES))

# dist/cunwu-setup-<version>.exe, built on Linux (wine + makensis); caches in build/installer/
installer: installer-deps
	$(PYTHON) installer/build_windows.py

# silent install / selftest / upgrade / uninstall under wine, in a fresh prefix
installer-test: installer-deps
	$(PYTHON) installer/test_windows.py

# dist/cunwu_<version>_amd64.deb from a Linux PyInstaller build
deb: installer-deps
	$(PYTHON) installer/build_deb.py

# dpkg -i, cunwu selftest (offscreen), dpkg -r: really installs on this machine
deb-test: system-deps
	$(PYTHON) installer/test_deb.py
