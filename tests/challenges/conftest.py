import uuid

import pytest

# The database as shared cache, whatever CACHE_URL says: for tests of the WindowCounter path.
DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "gazette_cache",
    }
}

# Small numbers keep solving fast in tests; the shape (four rising levels) is the real one.
TEST_LEVELS = [400, 1_600, 6_400, 25_600]


# Runs before each test's setUp, so a test class that needs other values overrides them in setUp
# (a class-level @override_settings would be undone by this fixture).
@pytest.fixture(autouse=True)
def _challenge_settings(settings):
    # A key prefix of its own per test: with Redis as the cache (CACHE_URL), counts would
    # otherwise carry over from one test to the next, as no transaction rolls them back.
    settings.CACHES = {
        alias: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
        for alias, config in settings.CACHES.items()
    }
    settings.GAZETTE_CHALLENGES = {
        "HMAC_KEY": "test-hmac-key",
        "LEVELS": TEST_LEVELS,
        "THRESHOLDS": {
            "ip_submissions": [10, 20, 40],
            "ip_failures": [3, 6, 12],
            "site_submissions": [100, 200, 400],
            "site_failures": [30, 60, 120],
        },
        "NO_JS": "hold",
    }
