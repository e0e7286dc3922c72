import pytest

# Small numbers keep solving fast in tests; the shape (four rising levels) is the real one.
TEST_LEVELS = [400, 1_600, 6_400, 25_600]


# Runs before each test's setUp, so a test class that needs other values overrides them in setUp
# (a class-level @override_settings would be undone by this fixture).
@pytest.fixture(autouse=True)
def _challenge_settings(settings):
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
