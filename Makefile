# Data Terra for QGIS. Every target installs what it needs first (scripts/setup.sh).
SHELL := /bin/bash
PY := .venv/bin/python
HEADLESS := QT_QPA_PLATFORM=offscreen QGIS_NO_OVERRIDE_IMPORT=1
DEMO_OUT ?= build/demo
PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PLUGIN_LINK := $(PROFILE_DIR)/python/plugins/dataterra
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)

FUZZ_EXAMPLES ?= 5000
FUZZ_TESTS := tests/catalog/test_catalog_fuzz.py tests/catalog/test_parsers_hostile.py tests/catalog/test_jsonpage.py \
	tests/dinamis/test_dinamis_hostile_answers.py

.PHONY: setup demo test fuzz bench bench-national install uninstall zip translations lint clean

setup:
	@bash scripts/setup.sh

demo: setup
	@$(HEADLESS) $(PY) demo/run.py --output $(DEMO_OUT)

test: setup
	@rm -rf .qgis-settings  # pytest-qgis's QGIS profile: every run starts from a fresh one
	@$(HEADLESS) $(PY) -m pytest tests

# hostile-answer fuzzing with many examples per test (a normal `make test` runs 25)
fuzz: setup
	@$(HEADLESS) DATATERRA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -p no:cacheprovider \
		--hypothesis-show-statistics $(FUZZ_TESTS)

bench: setup
	@$(HEADLESS) $(PY) benchmarks/run.py

# effective mesh size per unit on a synthetic France-sized raster (10^10 pixels at 10 m, ~35,000
# units), in process and on a local cluster: about 21 minutes on 2 free cores and 1.9 GB of disk; not in CI
NATIONAL_SIZE ?= 100000
bench-national: setup
	@$(HEADLESS) $(PY) benchmarks/bench_scale.py --national --national-size $(NATIONAL_SIZE) --units 35000

install: setup
	@mkdir -p $(dir $(PLUGIN_LINK))
	@ln -sfn $(CURDIR) $(PLUGIN_LINK)
	@$(HEADLESS) $(PY) scripts/enable_plugin.py --profile $(PROFILE_DIR) --enable
	@echo "Installed: $(PLUGIN_LINK) -> $(CURDIR) (enabled for QGIS and qgis_process)"

uninstall: setup
	@rm -f $(PLUGIN_LINK)
	@$(HEADLESS) $(PY) scripts/enable_plugin.py --profile $(PROFILE_DIR) --disable
	@echo "Removed $(PLUGIN_LINK)"

zip: setup translations
	@$(PY) scripts/make_zip.py --output dist/dataterra-$(VERSION).zip

translations: setup
	@bash scripts/translations.sh

lint: setup
	@$(PY) -m ruff check .

clean:
	rm -rf build dist .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
