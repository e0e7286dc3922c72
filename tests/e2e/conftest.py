"""End-to-end fixtures: the production server on a fresh database, and Debian's Chromium.

The server is what `make run` serves: deploy/bin/gazette-web (gunicorn managing uvicorn
workers, `gazette.asgi`), DEBUG off, static files
collected and served by WhiteNoise, demo content loaded. It runs in its own processes against its
own database, so these tests never touch pytest-django's test database (none of them asks for
`db`) and see only what a browser sees. The task worker that `make run` starts beside it is left
out: nothing these tests check waits on a background task (e-mails, classifier retraining).

The database: a SQLite file in a temporary GAZETTE_VAR_DIR; when the suite itself runs on
PostgreSQL (DATABASE_URL=postgres://…), a scratch database `gazette_e2e_<random>` created on that
server for the run and dropped after it. The cache is always the database cache (CACHE_URL and
REDIS_URL are not passed on), so rate limits and captcha activity start from zero every run.

Chromium is Debian's /usr/bin/chromium (Playwright never downloads a browser here). Without it
the tests are skipped with the reason, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Flags that work in a closed network: without the background-networking ones Chromium keeps
# trying to reach Google's services and waits on refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# Settings of the environment that must not leak from the developer's shell into the server,
# which runs with the defaults of `make run` (and every GAZETTE_* setting at its default).
_NOT_PASSED_ON = (
    "DATABASE_URL",
    "CACHE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "SECRET_KEY_FALLBACKS",
    "ALLOWED_HOSTS",
    "MEDIA_ROOT",
    "SERVE_MEDIA",
    "EMAIL_HOST",
    "DJANGO_SETTINGS_MODULE",
    "GUNICORN_CMD_ARGS",
    "WEB_CONCURRENCY",
)
STARTUP_SECONDS = 60
# The demo article whose discussion is pre-moderated (set for that article alone).
PREMODERATED_SLUG = "appeal-court-orders-retrial-in-shymkent-extremism-case"


@dataclass(frozen=True)
class Account:
    email: str
    password: str
    name: str


@dataclass
class Server:
    """A running Gazette and the means to run management commands against its database."""

    url: str
    env: dict[str, str]
    var_dir: Path
    moderator: Account
    senior_moderator: Account
    editor: Account
    log: Path
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def manage(self, *args: str, extra_env: dict[str, str] | None = None) -> str:
        env = {**self.env, **(extra_env or {})}
        return _run([sys.executable, "manage.py", *args], env, self.var_dir)

    def shell(self, code: str, extra_env: dict[str, str] | None = None) -> str:
        """Run Python with the ORM against the server's database (manage.py shell -c)."""
        return self.manage("shell", "--no-imports", "-c", code, extra_env=extra_env)

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _run(command: list[str], env: dict[str, str], var_dir: Path) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[1:])} failed ({result.returncode}) with GAZETTE_VAR_DIR="
            f"{var_dir}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        )
    return result.stdout


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _server_env(var_dir: Path, database_url: str, editor_password: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in _NOT_PASSED_ON and not key.startswith("GAZETTE_")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "gazette.settings",
            "GAZETTE_ENV": "local",
            "GAZETTE_VAR_DIR": str(var_dir),
            "DEBUG": "false",
            "GAZETTE_DEMO_EDITOR_PASSWORD": editor_password,
            "PYTHONUNBUFFERED": "1",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


class _ScratchPostgres:
    """A database of its own on the PostgreSQL server that DATABASE_URL names."""

    def __init__(self, url: str) -> None:
        self.config = dj_database_url.parse(url)
        self.name = f"gazette_e2e_{secrets.token_hex(4)}"
        self.url = url.rsplit("/", 1)[0] + "/" + self.name

    def _execute(self, statement: str) -> None:
        import psycopg  # noqa: PLC0415 - only when the suite runs on PostgreSQL
        from psycopg import sql  # noqa: PLC0415

        config = self.config
        # The maintenance database, as Django's own test runner uses: DATABASE_URL's database
        # need not exist, since the suite itself runs in a test database of its own.
        with psycopg.connect(
            dbname="postgres",
            user=str(config["USER"]),
            password=str(config["PASSWORD"]),
            host=str(config["HOST"]),
            port=str(config["PORT"] or 5432),
            autocommit=True,
        ) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(self.name)))

    def create(self) -> None:
        self._execute("CREATE DATABASE {}")

    def drop(self) -> None:
        self._execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")


# Staff accounts in the roles the moderation app's migration creates, and one pre-moderated
# discussion. Every reader here comes from 127.0.0.1, so trust earned by address would pass from
# one test's readers to another's: this site trusts nobody (trusted_threshold 0).
_SETUP_SITE = """
import os
from django.contrib.auth.models import Group
from gazette.accounts.models import User
from gazette.articles.models import Article
from gazette.moderation import roles
from gazette.moderation.models import ModerationMode, ModerationSettings, ReviewerLanguage
for role, email, name in (
    (roles.MODERATOR, os.environ["E2E_MODERATOR"], "Mira Moderator"),
    (roles.SENIOR_MODERATOR, os.environ["E2E_SENIOR_MODERATOR"], "Sergei Senior"),
):
    user = User.objects.create_user(
        username=email, email=email, password=os.environ["E2E_PASSWORD"], display_name=name
    )
    user.groups.add(Group.objects.get(name=role))
    # Appeals go to reviewers who read the comment's language.
    for language in ("en", "ru", "kk"):
        ReviewerLanguage.objects.create(user=user, language=language)
settings = ModerationSettings.load()
settings.trusted_threshold = 0
settings.save()
ModerationMode.objects.create(
    article=Article.objects.get(language="en", slug=os.environ["E2E_PREMODERATED"]),
    mode="pre",
    note="A retrial under way: every comment is read first.",
)
"""


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/en/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer within {STARTUP_SECONDS}s:\n{log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn master we started (it stops its own workers)."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    var_dir = tmp_path_factory.mktemp("e2e-var")
    scratch = None
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        scratch = _ScratchPostgres(database_url)
        scratch.create()
    password = secrets.token_urlsafe(16)
    env = _server_env(var_dir, scratch.url if scratch else "", password)
    port = _free_port()
    log = var_dir / "gunicorn.log"
    server = Server(
        url=f"http://127.0.0.1:{port}",
        env=env,
        var_dir=var_dir,
        moderator=Account("mira@example.org", password, "Mira Moderator"),
        senior_moderator=Account("sergei@example.org", password, "Sergei Senior"),
        editor=Account("editor", password, "Demo editor"),
        log=log,
    )
    try:
        # As `make run` does, with collectstatic beside the migrations (it needs no database).
        collect = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        server.manage("migrate", "--noinput")
        server.manage("createcachetable")
        _, collect_errors = collect.communicate(timeout=120)
        if collect.returncode != 0:
            raise RuntimeError(f"collectstatic failed:\n{collect_errors.decode()}")
        server.manage("load_demo_content", "--if-empty")
        server.shell(
            _SETUP_SITE,
            extra_env={
                "E2E_MODERATOR": server.moderator.email,
                "E2E_SENIOR_MODERATOR": server.senior_moderator.email,
                "E2E_PASSWORD": password,
                "E2E_PREMODERATED": PREMODERATED_SLUG,
            },
        )
        with log.open("wb") as log_file:
            # The server `make run` starts: gunicorn with uvicorn workers, over ASGI.
            process = subprocess.Popen(  # noqa: S603
                [str(ROOT / "deploy" / "bin" / "gazette-web")],
                cwd=ROOT,
                env={**env, "GAZETTE_BIND": f"127.0.0.1:{port}", "WORKERS": "2"},
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        server._process = process
        _wait_until_up(server.url, process, log)
        _running.append(server)
        yield server
    finally:
        if server in _running:
            _running.remove(server)
        if server._process is not None:
            _stop(server._process)
        if scratch is not None:
            scratch.drop()


# The server of this session, so that a failing test's report can show the end of its log.
_running: list[Server] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.failed and call.when == "call" and _running:
        report.sections.append(("gunicorn log (last lines)", _running[0].log_tail()))
    return report


def _chromium_or_skip() -> None:
    if CHROMIUM.exists() and shutil.which(str(CHROMIUM)):
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser tests.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    """The one Playwright of the session: its synchronous API cannot run twice at once."""
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - after the check above

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver: Any) -> Iterator[object]:
    chromium = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


CSP_REPORTED = "Content-Security-Policy violation"
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportPolicyViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI} on ${event.documentURI}`
  );
});
"""


@pytest.fixture
def new_context(browser, server: Server) -> Iterator[Callable[..., object]]:
    """Open browser contexts (one per reader: own cookies) that close after the test."""
    from playwright.sync_api import expect  # noqa: PLC0415

    expect.set_options(timeout=10_000)
    contexts = []
    # Every page runs under the enforced Content-Security-Policy: anything it blocks fails the
    # test, whether the page's scripts saw the event, the console said so, or the browser
    # reported it to the server.
    violations: list[str] = []
    reports_before = server.log_tail(100_000).count(CSP_REPORTED)

    def violated(text: str) -> None:
        violations.append(text)

    def watch(page) -> None:
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )

    def open_context(**options: object):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("base_url", server.url)
        context = browser.new_context(locale="en-GB", **options)
        context.set_default_timeout(15_000)
        context.expose_function("reportPolicyViolation", violated)
        context.add_init_script(CSP_LISTENER)
        context.on("page", watch)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
    reported = server.log_tail(100_000).count(CSP_REPORTED) - reports_before
    assert violations == [], violations
    assert reported == 0, server.log_tail()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: E2E_SCREENSHOT_DIR (docs/screenshots to refresh the committed
    ones), else a temporary folder."""
    configured = os.environ.get("E2E_SCREENSHOT_DIR", "")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    if not folder.is_absolute():
        folder = ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder
