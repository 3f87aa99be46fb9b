# geoclaims: `make run` checks every claim and regenerates the figures; `make test` runs the tests.
# Both create the virtual environment on first use, from the pinned requirements.lock.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# the installer: uv, from PyPI into the venv (one wheel), installs the pinned lock in parallel
UV     := uv==0.13.9

.DEFAULT_GOAL := help
.PHONY: help run test check figures lab lock clean readme report claimreview bench

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "== installing the pinned packages of requirements.lock into $(VENV) (uv; progress below)"
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check '$(UV)'
	$(BIN)/uv pip install --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -e .
	@touch $(STAMP)

run: $(STAMP) ## check every claim (prints the scorecard), then regenerate every figure of every article
	$(BIN)/geoclaims check --all-articles
	$(BIN)/geoclaims figures --all-articles

# Tests run in a network namespace with only loopback up where the platform allows it (a user
# namespace, or root); otherwise the in-process block of tests/offline/ is the only wall.
NETNS := $(shell unshare -rn sh -c 'ip link set lo up' >/dev/null 2>&1 && echo yes)

# Two workers, one test file each at a time (the report tests share one build): 87 s against 147 s
# in one process on this 2-core machine (BENCHMARKS.md)
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile

test: $(STAMP) ## run the unit tests and execute every notebook (offline)
ifeq ($(NETNS),yes)
	GEOCLAIMS_NETNS=1 unshare -rn sh -c 'ip link set lo up && exec $(PYTEST)'
else
	$(PYTEST)
endif

check: $(STAMP) ## print every article's scorecard only
	$(BIN)/geoclaims check --all-articles

figures: $(STAMP) ## regenerate every figure of every article into figures/
	$(BIN)/geoclaims figures --all-articles

report: $(STAMP) ## execute every notebook and write the HTML report of every article into report/SLUG/
	$(BIN)/geoclaims report --all-articles --out report

claimreview: $(STAMP) ## write ClaimReview JSON-LD to report/claimreview.json (a draft unless CLAIMREVIEW_FINAL=1)
	$(BIN)/geoclaims export claimreview --out report/claimreview.json $(if $(CLAIMREVIEW_FINAL),,--draft)

bench: $(STAMP) ## run every benchmark against its named peer (installs scgraph)
	$(BIN)/uv pip install --python $(BIN)/python -c requirements.lock -e '.[bench]'
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lab: $(STAMP) ## open JupyterLab on notebooks/
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

lock: $(STAMP) ## re-pin requirements.lock from the current environment
	$(BIN)/uv pip freeze --python $(BIN)/python --exclude-editable | grep -v -e '^geoclaims' -e '^uv==' > requirements.lock

clean: ## remove the environment and caches, the disk cache included (figures stay)
	@test ! -x $(BIN)/python || $(BIN)/python -m geoclaims.cache clear
	rm -rf $(VENV) .pytest_cache .hypothesis src/*.egg-info

readme: $(STAMP) ## regenerate README's scorecard, CONTRIBUTING's table of kinds and METHOD's table of tolerances
	$(BIN)/python -c "from pathlib import Path; from geoclaims.publish.readme import render; from geoclaims.scorecard import check_claims; p = Path('README.md'); p.write_text(render(p.read_text(encoding='utf-8'), check_claims()), encoding='utf-8')"
	$(BIN)/python -c "from pathlib import Path; from geoclaims.publish.readme import render_kinds; p = Path('CONTRIBUTING.md'); p.write_text(render_kinds(p.read_text(encoding='utf-8')), encoding='utf-8')"
	$(BIN)/python -c "from pathlib import Path; from geoclaims.publish.readme import render_tolerances; p = Path('docs/METHOD.md'); p.write_text(render_tolerances(p.read_text(encoding='utf-8')), encoding='utf-8')"
