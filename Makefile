# Two commands matter: `make run` (set up and open the kiosk) and `make test` (the whole suite).
# `make check` is the everyday loop: lint and the fast tests, the drills marked `slow` left out.
PYTHON ?= python3
# Python's bytecode cache stays on: where the environment turns it off (PYTHONDONTWRITEBYTECODE,
# as on our CI machines), every pytest worker and every kiosk process a test starts compiles the
# whole package from source again, and pytest rewrites every test module's asserts again
# (collecting the suite: 14 s a worker without the cache, 6 s with it).
unexport PYTHONDONTWRITEBYTECODE
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install speech run test check lint format snapshots demo bench clean tour soak

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The board speaks each call through espeak-ng (Debian's package). Installed here where we may
# (root with apt-get); elsewhere a one-line hint, and the kiosk works silently.
speech:
	@command -v espeak-ng >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing espeak-ng (spoken calls on the board)"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null || \
			echo "note: espeak-ng could not be installed; the board will show calls without speaking"; \
		else echo "note: install espeak-ng (sudo apt-get install espeak-ng) for spoken calls on the board"; fi; }

run: $(STAMP) speech
	$(BIN)/kiosk

demo: $(STAMP)
	$(BIN)/kiosk demo --reset

lint: $(STAMP)
	$(BIN)/ruff check kiosk tests $(wildcard bench)
	$(BIN)/ruff format --check kiosk tests $(wildcard bench)
	$(BIN)/mypy
	$(BIN)/lint-imports

# Three workers on two cores: many tests wait on subprocesses, servers and timers. The drills
# marked `slow` start first (tests/conftest.py), and an idle worker takes tests queued for a busy
# one (worksteal), so no worker is left alone with a queue of drills at the end. The slowest
# twenty are printed: where the suite's time goes (it is CPU-bound: four workers gain nothing).
test: lint
	$(BIN)/pytest -n 3 --dist worksteal --durations=20

# The everyday loop: lint and every test marked neither `slow` (the drills), `ui` (the screens
# through the Pilot) nor `postgres` (the second engine's half of the store tests); pyproject.toml
# names the markers. `make test` runs everything.
check: lint
	$(BIN)/pytest -n 2 --dist worksteal -q -m "not slow and not ui and not postgres"

format: $(STAMP)
	$(BIN)/ruff check --fix kiosk tests $(wildcard bench)
	$(BIN)/ruff format kiosk tests $(wildcard bench)

# Every figure next to its limit in one table (quick; BENCH_ARGS="--full" for the big runs).
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# The soak's long form: a whole clinic day under fire, SOAK_SECONDS of wall clock per engine
# (make test runs it for 30 s). The figures are printed at the end.
SOAK_SECONDS ?= 600
soak: $(STAMP)
	KIOSK_SOAK_SECONDS=$(SOAK_SECONDS) $(BIN)/pytest -s tests/soak

# The full tour: the reference central, the phone web service and the outbox pump in the
# background, the kiosk in the foreground; the background ones stop when the kiosk closes.
# Pull the network with `kill $$(cat $(TOUR_DIR)/central.pid)` and watch the kiosk carry on.
TOUR_DIR ?= /tmp/antrean-tour
TOUR_PORT ?= 8081
TOUR_ENV = KIOSK_CENTRAL_ANTREAN_URL=http://127.0.0.1:$(TOUR_PORT)/antreanfktp \
	KIOSK_CENTRAL_PCARE_URL=http://127.0.0.1:$(TOUR_PORT)/pcare-rest \
	KIOSK_CENTRAL_CONS_ID=tour-1 KIOSK_CENTRAL_SECRET=tour-secret \
	KIOSK_CENTRAL_ANTREAN_USER_KEY=tour-antrean-key KIOSK_CENTRAL_PCARE_USER_KEY=tour-pcare-key \
	KIOSK_CENTRAL_PCARE_USERNAME=tour-pcare KIOSK_CENTRAL_PCARE_PASSWORD=tour-pcare-pass

tour: $(STAMP)
	@mkdir -p $(TOUR_DIR)
	@export $(TOUR_ENV); \
	KIOSK_DATA_DIR=$(TOUR_DIR)/central $(BIN)/kiosk central --port $(TOUR_PORT) \
		>$(TOUR_DIR)/central.out 2>&1 & echo $$! >$(TOUR_DIR)/central.pid; \
	$(BIN)/kiosk serve --demo >$(TOUR_DIR)/serve.out 2>&1 & serve=$$!; \
	$(BIN)/kiosk sync >$(TOUR_DIR)/sync.out 2>&1 & pump=$$!; \
	trap 'kill $$(cat $(TOUR_DIR)/central.pid) $$serve $$pump 2>/dev/null; wait' EXIT INT TERM; \
	echo "central :$(TOUR_PORT) (pid $$(cat $(TOUR_DIR)/central.pid)), serve :8080, sync; logs in $(TOUR_DIR)"; \
	sleep 2; $(BIN)/kiosk

snapshots: $(STAMP)
	$(BIN)/pytest tests/ui/test_snapshots.py --snapshot-update

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
