# Gazette: `make run` serves the site, `make test` runs every check. Both set themselves up.

SHELL := /bin/bash
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
VENV := .venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
MANAGE := $(BIN)/python manage.py

export UV_PROJECT_ENVIRONMENT := $(VENV)
export HOST PORT

.PHONY: run test install lint typecheck check messages bench bench-peer clean

# The virtual environment is rebuilt whenever the lock file changes.
$(VENV)/.installed: uv.lock pyproject.toml
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo_content --if-empty
	$(MANAGE) export_profanity_model
	@echo "Gazette is being served at http://$(HOST):$(PORT)/ (Ctrl-C stops it)."
	@# deploy/bin/gazette-web: gunicorn managing uvicorn workers (ASGI: pages and live updates).
	@# The task worker (e-mails, retraining) and the periodic jobs run beside the server, each
	@# started again if it dies (the task queue is in the database: nothing queued is lost), and
	@# stop with it. In production systemd does the same (deploy/systemd/).
	@deploy/bin/supervise $(MANAGE) db_worker --queue-name '*' & worker=$$!; \
		deploy/bin/supervise $(MANAGE) run_scheduler & scheduler=$$!; \
		trap 'kill $$worker $$scheduler 2>/dev/null' EXIT; \
		GAZETTE_BIND=$(HOST):$(PORT) deploy/bin/gazette-web

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy gazette

check: install
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	GAZETTE_ENV=production SECRET_KEY=check-only-$$(head -c 32 /dev/urandom | base64) \
		ALLOWED_HOSTS=news.example.org GAZETTE_BASE_URL=https://news.example.org \
		$(MANAGE) check --deploy --fail-level WARNING

test: install lint typecheck check
	$(BIN)/pytest --cov --cov-report=term:skip-covered

# Refresh the message catalogues after changing user-facing text, then translate and commit.
# Translate new strings into ru, kk and uz (Latin) only: derive_catalogues then writes uz_Cyrl
# (and kk_Latn) from them, keeping any entry written by hand (one without "derived from").
# After translating uz, run `make messages` again (or just derive_catalogues and compilemessages).
messages: install
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=var --ignore=bench
	$(MANAGE) makemessages --all --no-obsolete -d djangojs --ignore=.venv --ignore=var --ignore=gazette/challenges/static/challenges/vendor
	$(MANAGE) derive_catalogues
	$(MANAGE) compilemessages --ignore=.venv

# Every benchmark in turn (5-10 minutes); each stops what it started. BENCH_* knobs apply.
bench: install
	@failed=; for name in pages comments reactions challenges screening search live; do \
		echo "==> bench/$$name.py"; \
		$(BIN)/python bench/$$name.py || failed="$$failed $$name"; \
		echo; \
	done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed" >&2; exit 1; fi

# Gazette and its peer (Isso, with ../shared/bench/run_peer_bench.sh) in the same sitting,
# taking turns (BENCH_ROUNDS, 2), printing one table; 15-25 minutes. BENCH_* knobs apply.
bench-peer: install
	$(BIN)/python bench/peer.py

clean:
	rm -rf $(VENV) var
