import os
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import TestCase, TransactionTestCase
from django.utils import translation

from gazette.api import caching as api_caching
from gazette.articles import services as article_services
from gazette.core import fragments, pages
from gazette.moderation import audit_guards
from gazette.sites import queries as site_queries


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # Tests run without collectstatic, so static URLs are not looked up in a manifest; uploads go
    # to a temporary folder that disappears with the test.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Background tasks run at once, inside the test.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # A request to /ru/ leaves Russian active in this thread; each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _audit_log_guards_lifted_for_flush(request):
    # On SQLite the flush that ends a TransactionTestCase empties tables with DELETE, which the
    # audit log's triggers refuse (PostgreSQL's TRUNCATE fires no row trigger). Such a test runs
    # without them, and they are put back once its flush is done.
    case = getattr(request.node, "cls", None)
    lift = (
        case is not None
        and issubclass(case, TransactionTestCase)
        and not issubclass(case, TestCase)
        and connection.vendor == "sqlite"
    )
    if lift:
        with connection.cursor() as cursor:
            for statement in audit_guards.remove_sql(connection.vendor):
                cursor.execute(statement)
    yield
    if lift:
        audit_guards.install_guards(connection)


@pytest.fixture(autouse=True)
def _cache_of_its_own(settings):
    # Pages keep fragments and counters in the shared cache. A key prefix per test keeps one
    # test's entries from reaching the next where no transaction rolls them back (Redis as
    # CACHE_URL, or tests that commit).
    settings.CACHES = {
        alias: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
        for alias, config in settings.CACHES.items()
    }
    # The copies each process keeps of versioned fragments, too.
    fragments.forget_kept()
    pages.forget_kept()
    site_queries.forget_kept()
    api_caching.forget_kept()
    article_services.forget_counted_reads()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgres: needs PostgreSQL (real concurrency); skipped on SQLite"
    )
    config.addinivalue_line("markers", "e2e: drives Chromium against the production server")
    # WhiteNoise warns on every request when the collected-static folder is missing, as it is
    # in a fresh clone; tests serve static files from the apps, so an empty folder will do.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


def pytest_collection_modifyitems(config, items):
    engine = settings.DATABASES["default"]["ENGINE"]
    on_postgres = "postgresql" in engine
    if os.environ.get("GAZETTE_REQUIRE_POSTGRES") == "true" and not on_postgres:
        raise pytest.UsageError(
            "GAZETTE_REQUIRE_POSTGRES is set but DATABASE_URL does not point at PostgreSQL."
        )
    if on_postgres:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL=postgres://…")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
