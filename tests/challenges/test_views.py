from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs

from django.contrib.staticfiles import finders
from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.challenges import activity
from gazette.challenges.conf import challenge_settings
from gazette.core.network import ip_hash
from tests.challenges.conftest import TEST_LEVELS
from tests.challenges.solving import clock_at

URL = "/challenges/new/"
FOR_COMMENTS = "/challenges/new/?for=comment:12"
IP = "192.0.2.10"


class NewChallengeTests(TestCase):
    def fetch(self, ip: str = IP):
        return self.client.get(FOR_COMMENTS, REMOTE_ADDR=ip)

    def test_a_challenge_has_what_the_widget_needs_and_is_never_cached(self) -> None:
        now = timezone.now().replace(microsecond=0)
        with clock_at(now):
            response = self.fetch()
        assert response.status_code == 200
        challenge = response.json()
        assert set(challenge) == {"algorithm", "challenge", "maxNumber", "salt", "signature"}
        assert challenge["algorithm"] == "SHA-256"
        assert challenge["maxNumber"] == TEST_LEVELS[0]
        params = parse_qs(challenge["salt"].partition("?")[2].rstrip("&"))
        assert params == {
            "expires": [str(int((now + timedelta(minutes=10)).timestamp()))],
            "difficulty": [str(TEST_LEVELS[0])],
            "scope": ["comment:12"],
        }
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_a_challenge_must_say_which_form_it_is_for(self) -> None:
        for query in ("", "?for=", "?for=Comment:12", "?for=comment:12/../1", "?for=" + "a" * 30):
            with self.subTest(query=query):
                response = self.client.get(URL + query, REMOTE_ADDR=IP)
                assert response.status_code == 400
                assert "which form" in response.json()["error"]

    def test_every_challenge_is_new(self) -> None:
        first, second = self.fetch().json(), self.fetch().json()
        assert first["salt"] != second["salt"]
        assert first["signature"] != second["signature"]

    def test_only_get_is_allowed(self) -> None:
        assert self.client.post(URL, REMOTE_ADDR=IP).status_code == 405

    def test_challenges_grow_harder_for_a_busy_address_only(self) -> None:
        config = challenge_settings()
        for _ in range(config.thresholds.ip_submissions[1]):
            activity.note_submission(ip_hash(IP), config=config)
        assert self.fetch().json()["maxNumber"] == TEST_LEVELS[2]
        assert self.fetch("192.0.2.99").json()["maxNumber"] == TEST_LEVELS[0]

    def test_challenges_grow_harder_for_everyone_when_the_whole_site_is_busy(self) -> None:
        config = challenge_settings()
        for number in range(config.thresholds.site_failures[0]):
            activity.note_failure(ip_hash(f"10.0.0.{number}"), config=config)
        assert self.fetch("192.0.2.99").json()["maxNumber"] == TEST_LEVELS[1]

    def test_challenges_relax_once_the_activity_has_passed(self) -> None:
        config = challenge_settings()
        start = timezone.now()
        with clock_at(start):
            for _ in range(config.thresholds.ip_failures[2]):
                activity.note_failure(ip_hash(IP), config=config)
            assert self.fetch().json()["maxNumber"] == TEST_LEVELS[3]
        with clock_at(start + timedelta(seconds=2 * config.activity_window)):
            assert self.fetch().json()["maxNumber"] == TEST_LEVELS[0]

    def test_issuing_challenges_is_rate_limited_per_address(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={"RATES": {"challenge": {"ip": "3/600"}}}):
            statuses = [self.fetch().status_code for _ in range(4)]
            other = self.fetch("192.0.2.99").status_code
        assert statuses == [200, 200, 200, 429]
        assert other == 200


class VendoredWidgetTests(TestCase):
    def test_the_widget_script_is_served_from_our_own_static_files(self) -> None:
        path = finders.find("challenges/vendor/altcha.js")
        assert path is not None
        source = Path(path).read_text(encoding="utf-8")
        assert 'customElements.define("altcha-widget"' in source
