from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import SimpleTestCase, override_settings

from gazette.core import checks


class StartUpCheckTests(SimpleTestCase):
    def test_the_shipped_settings_pass(self) -> None:
        call_command("check", fail_level="WARNING")

    @override_settings(GAZETTE_ARTICLE_LIST_HOOKS=["gazette.comments.queries.attach_coment_counts"])
    def test_a_mistyped_hook_stops_the_server_from_starting(self) -> None:
        with self.assertRaisesMessage(SystemCheckError, "attach_coment_counts"):
            call_command("check")

    @override_settings(GAZETTE_ARTICLE_PANELS=["comments/panle.html"])
    def test_a_missing_panel_template_is_named(self) -> None:
        problems = checks.check_template_settings()
        assert [problem.id for problem in problems] == ["gazette.E002"]
        assert "comments/panle.html" in problems[0].msg

    @override_settings(GAZETTE_CHALLENGES={"RATES": {"comment": {"reader": "five a minute"}}})
    def test_a_malformed_rate_is_reported_with_what_to_write(self) -> None:
        with self.assertRaisesMessage(SystemCheckError, "write actions/seconds"):
            call_command("check")

    @override_settings(GAZETTE_BASE_URL="")
    def test_production_needs_the_sites_address(self) -> None:
        problems = checks.check_base_url()
        assert [problem.id for problem in problems] == ["gazette.E004"]

    @override_settings(GAZETTE_BASE_URL="news.example.org")
    def test_the_address_must_be_whole(self) -> None:
        assert "https://" in checks.check_base_url()[0].msg

    @override_settings(GAZETTE_BASE_URL="https://news.example.org")
    def test_a_whole_address_passes(self) -> None:
        assert checks.check_base_url() == []


class SigningKeyCheckTests(SimpleTestCase):
    STRONG = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789"

    @override_settings(SECRET_KEY=STRONG, GAZETTE_CHALLENGES={"HMAC_KEY": "x"})
    def test_a_one_character_captcha_key_is_refused(self) -> None:
        problems = checks.check_signing_keys()
        assert [problem.id for problem in problems] == ["gazette.E006"]
        assert "ALTCHA_HMAC_KEY" in problems[0].msg

    @override_settings(SECRET_KEY="a" * 60, GAZETTE_CHALLENGES={})
    def test_a_long_key_of_one_repeated_letter_is_refused(self) -> None:
        assert "SECRET_KEY" in checks.check_signing_keys()[0].msg

    @override_settings(SECRET_KEY=STRONG, GAZETTE_CHALLENGES={"HMAC_KEY": STRONG[::-1]})
    def test_strong_keys_pass(self) -> None:
        assert checks.check_signing_keys() == []
