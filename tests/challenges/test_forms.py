from datetime import timedelta

import pytest
from django import forms
from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.challenges import activity, proof, services
from gazette.challenges.conf import challenge_settings
from gazette.challenges.exceptions import MESSAGES, Reason
from gazette.challenges.forms import HumanCheckForm
from gazette.challenges.models import UsedChallenge
from gazette.challenges.widgets import make_stamp
from gazette.core.network import ip_hash
from tests.challenges.conftest import TEST_LEVELS
from tests.challenges.solving import clock_at, decode, encode, post_request, solve

IP = "203.0.113.7"


class LetterForm(HumanCheckForm):
    body = forms.CharField()


class StrictLetterForm(LetterForm):
    no_js_policy = "refuse"


class ReplyLetterForm(LetterForm):
    challenge_action = "reply_letter"


def issue(max_number: int = TEST_LEVELS[0], scope: str = "form") -> dict[str, object]:
    return proof.issue_challenge(max_number=max_number, scope=scope, config=challenge_settings())


def stamp_seconds_ago(seconds: float) -> str:
    with clock_at(timezone.now() - timedelta(seconds=seconds)):
        return make_stamp()


def letter(altcha: str = "", *, form_class=LetterForm, target="", **extra) -> HumanCheckForm:
    data = {"body": "Thank you for the report.", "rendered_at": stamp_seconds_ago(60)}
    data.update(altcha=altcha, **extra)
    form = form_class(data, request=post_request(data, ip=IP), target=target)
    form.is_valid()
    return form


def altcha_errors(form: HumanCheckForm) -> list[str]:
    return list(form.errors.get("altcha", []))


class SolvedChallengeTests(TestCase):
    def test_a_solved_challenge_passes_and_is_spent(self) -> None:
        form = letter(solve(issue()))
        assert form.is_valid(), form.errors
        assert form.cleaned_data["body"] == "Thank you for the report."
        assert UsedChallenge.objects.count() == 1

    def test_a_solution_for_a_forms_target_passes_there(self) -> None:
        assert letter(solve(issue(scope="form:7")), target="7").is_valid()

    def test_a_challenge_from_the_endpoint_passes(self) -> None:
        challenge = self.client.get("/challenges/new/?for=form", REMOTE_ADDR=IP).json()
        assert letter(solve(challenge)).is_valid()

    def test_signals_record_the_difficulty_and_fill_time_without_personal_data(self) -> None:
        form = letter(solve(issue(TEST_LEVELS[1])))
        signals = form.abuse_signals.as_dict()
        assert signals == {
            "difficulty": TEST_LEVELS[1],
            "fill_seconds": signals["fill_seconds"],
            "honeypot_filled": False,
            "without_javascript": False,
            "hold_for_review": False,
        }
        assert 59 <= signals["fill_seconds"] <= 65
        assert IP not in str(signals)
        assert ip_hash(IP) not in str(signals)

    def test_the_checks_come_after_the_forms_own_fields(self) -> None:
        form = LetterForm(request=post_request({}))
        assert list(form.fields) == ["body", "homepage", "rendered_at", "altcha"]

    def test_signals_are_unknown_before_validation(self) -> None:
        form = LetterForm({}, request=post_request({}))
        with pytest.raises(AttributeError):
            form.abuse_signals  # noqa: B018


class RejectedSolutionTests(TestCase):
    """Every refusal is a form error on the Captcha field, and spends nothing."""

    def assert_refused(self, form: HumanCheckForm, reason: Reason) -> None:
        assert not form.is_valid()
        assert altcha_errors(form) == [str(MESSAGES[reason])]
        assert UsedChallenge.objects.count() == 0

    def test_a_missing_solution_is_refused(self) -> None:
        self.assert_refused(letter(""), Reason.MISSING)

    def test_malformed_solutions_are_refused(self) -> None:
        fields = decode(solve(issue()))
        malformed = [
            "not base64 at all!",
            "bm90IGpzb24=",  # base64 of "not json"
            "WyJhIiwgImxpc3QiXQ==",  # base64 of a JSON list
            encode({**fields, "number": str(fields["number"])}),
            encode({**fields, "number": True}),
            encode({**fields, "algorithm": "SHA-1"}),
            encode({key: value for key, value in fields.items() if key != "signature"}),
            encode({**fields, "salt": fields["salt"] + "x" * 300}),
            "A" * 5000,
        ]
        for payload in malformed:
            with self.subTest(payload=payload[:40]):
                self.assert_refused(letter(payload), Reason.MALFORMED)

    def test_a_forged_signature_is_refused(self) -> None:
        fields = decode(solve(issue()))
        forged = {**fields, "signature": "0" * 64}
        self.assert_refused(letter(encode(forged)), Reason.INVALID)

    def test_a_challenge_signed_with_another_key_is_refused(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={"HMAC_KEY": "someone-elses-key"}):
            foreign = issue()
        self.assert_refused(letter(solve(foreign)), Reason.INVALID)

    def test_a_wrong_number_is_refused(self) -> None:
        fields = decode(solve(issue()))
        wrong = {**fields, "number": (fields["number"] + 1) % TEST_LEVELS[0]}
        self.assert_refused(letter(encode(wrong)), Reason.INVALID)

    def test_a_solution_is_refused_on_any_other_form_or_target(self) -> None:
        elsewhere = [
            (issue(scope="form:7"), LetterForm, "8"),  # another article's form
            (issue(scope="form:7"), LetterForm, ""),  # the form without a target
            (issue(scope="form"), LetterForm, "7"),  # a targetless challenge on a target
            (issue(scope="form:7"), ReplyLetterForm, "7"),  # another kind of form
            (issue(scope="signup"), LetterForm, ""),
        ]
        for challenge, form_class, target in elsewhere:
            with self.subTest(salt=challenge["salt"], form=form_class.__name__, target=target):
                form = letter(solve(challenge), form_class=form_class, target=target)
                self.assert_refused(form, Reason.ELSEWHERE)

    def test_the_scope_in_the_salt_cannot_be_changed_or_repeated(self) -> None:
        fields = decode(solve(issue(scope="form:7")))
        moved = fields["salt"].replace("scope=form%3A7", "scope=form%3A8")
        self.assert_refused(letter(encode({**fields, "salt": moved}), target="8"), Reason.INVALID)
        doubled = fields["salt"] + "scope=form%3A8&"
        self.assert_refused(
            letter(encode({**fields, "salt": doubled}), target="8"), Reason.MALFORMED
        )

    def test_a_raised_difficulty_in_the_salt_breaks_the_signature(self) -> None:
        fields = decode(solve(issue()))
        raised = fields["salt"].replace(f"difficulty={TEST_LEVELS[0]}", "difficulty=99999999")
        self.assert_refused(letter(encode({**fields, "salt": raised})), Reason.INVALID)

    def test_an_expired_solution_is_refused(self) -> None:
        with clock_at(timezone.now() - timedelta(minutes=11)):
            stale = issue()
        self.assert_refused(letter(solve(stale)), Reason.EXPIRED)

    def test_an_expired_solution_spliced_with_a_later_expiry_is_refused(self) -> None:
        with clock_at(timezone.now() - timedelta(minutes=11)):
            fields = decode(solve(issue()))
        future = int((timezone.now() + timedelta(hours=1)).timestamp())
        nonce, _sep, query = fields["salt"].partition("?")
        spliced = f"{nonce}?expires={future}&{query}"
        self.assert_refused(letter(encode({**fields, "salt": spliced})), Reason.MALFORMED)

    def test_a_too_easy_solution_is_refused(self) -> None:
        easier = issue(max_number=TEST_LEVELS[0] // 2)
        self.assert_refused(letter(solve(easier)), Reason.TOO_EASY)

    def test_a_solution_from_before_difficulty_rose_is_refused(self) -> None:
        payload = solve(issue(TEST_LEVELS[0]))
        config = challenge_settings()
        for _ in range(config.thresholds.ip_failures[0]):
            activity.note_failure(ip_hash(IP), config=config)
        self.assert_refused(letter(payload), Reason.TOO_EASY)

    def test_a_form_is_judged_by_the_activity_before_it(self) -> None:
        config = challenge_settings()
        for _ in range(config.thresholds.ip_submissions[0] - 1):
            activity.note_submission(ip_hash(IP), config=config)
        assert letter(solve(issue())).is_valid()
        later = letter(solve(issue()))
        assert altcha_errors(later) == [str(MESSAGES[Reason.TOO_EASY])]

    def test_a_refused_solution_counts_as_a_failure_from_that_address(self) -> None:
        config = challenge_settings()
        letter("")
        counts = activity.recent_activity(ip_hash(IP), config=config)
        assert (counts.ip_failures, counts.ip_submissions) == (1, 1)


class ReplayTests(TestCase):
    def test_a_replayed_solution_is_refused(self) -> None:
        payload = solve(issue())
        assert letter(payload).is_valid()
        replay = letter(payload)
        assert not replay.is_valid()
        assert altcha_errors(replay) == [str(MESSAGES[Reason.REPLAYED])]
        assert UsedChallenge.objects.count() == 1

    def test_a_solution_spent_by_another_process_is_refused(self) -> None:
        payload = solve(issue())
        fields = decode(payload)
        # Another app server spent it: all that is shared is the row in the database.
        services.use_challenge(
            signature=fields["signature"], expires_at=timezone.now() + timedelta(minutes=5)
        )
        replay = letter(payload)
        assert altcha_errors(replay) == [str(MESSAGES[Reason.REPLAYED])]


class NoJavaScriptTests(TestCase):
    def test_without_javascript_a_holding_site_accepts_the_form_for_review(self) -> None:
        form = letter("", altcha_nojs="1")
        assert form.is_valid(), form.errors
        assert form.abuse_signals.without_javascript
        assert form.abuse_signals.hold_for_review
        assert form.abuse_signals.difficulty == 0

    def test_without_javascript_a_refusing_site_explains_what_to_do(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={"NO_JS": "refuse"}):
            form = letter("", altcha_nojs="1")
        assert altcha_errors(form) == [str(MESSAGES[Reason.NO_JAVASCRIPT])]

    def test_a_form_may_refuse_readers_without_javascript_whatever_the_site_says(self) -> None:
        form = letter("", altcha_nojs="1", form_class=StrictLetterForm)
        assert altcha_errors(form) == [str(MESSAGES[Reason.NO_JAVASCRIPT])]

    def test_a_solution_sent_with_the_marker_is_still_checked(self) -> None:
        form = letter(encode({"algorithm": "SHA-256"}), altcha_nojs="1")
        assert altcha_errors(form) == [str(MESSAGES[Reason.MALFORMED])]


class AbuseSignalTests(TestCase):
    def test_a_filled_honeypot_quietly_holds_the_form_for_review(self) -> None:
        for trap in ["https://spam.example", "x" * 5000]:
            with self.subTest(length=len(trap)):
                form = letter(solve(issue()), homepage=trap)
                assert form.is_valid()
                assert form.abuse_signals.honeypot_filled
                assert form.abuse_signals.hold_for_review

    def test_a_form_sent_within_seconds_of_being_shown_is_held(self) -> None:
        form = letter(solve(issue()), rendered_at=stamp_seconds_ago(1))
        assert form.is_valid()
        assert form.abuse_signals.fill_seconds is not None
        assert form.abuse_signals.fill_seconds < 3
        assert form.abuse_signals.hold_for_review

    def test_without_a_render_time_the_captcha_issue_time_counts_and_a_quick_send_is_held(
        self,
    ) -> None:
        # Pages kept for every reader carry no render time; a program that fetches a challenge,
        # solves it and posts at once is still seen posting within a second.
        for stamp in ["", "1700000000", make_stamp() + "x"]:
            with self.subTest(stamp=stamp):
                form = letter(solve(issue()), rendered_at=stamp)
                assert form.is_valid()
                assert form.abuse_signals.fill_seconds is not None
                assert form.abuse_signals.fill_seconds < 3
                assert form.abuse_signals.hold_for_review

    def test_without_a_render_time_or_a_captcha_the_time_is_unknown_and_held(self) -> None:
        form = letter("", altcha_nojs="1", rendered_at="")
        assert form.is_valid(), form.errors
        assert form.abuse_signals.fill_seconds is None
        assert form.abuse_signals.hold_for_review


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens here: the shared store is down.
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
)
class StoreDownTests(TestCase):
    def test_when_activity_cannot_be_read_the_form_is_refused_as_temporarily_unavailable(
        self,
    ) -> None:
        # Even the hardest solution: nothing protected goes through unchecked.
        for level in (TEST_LEVELS[0], TEST_LEVELS[-1]):
            with self.subTest(level=level):
                form = letter(solve(issue(level)))
                assert not form.is_valid()
                assert form.rate_limited is not None
                assert form.rate_limited.status == 503
                assert form.non_field_errors() == [
                    "This is temporarily unavailable. Please try again shortly."
                ]
                assert altcha_errors(form) == []


class RenderingTests(TestCase):
    def render(self, **settings_overrides) -> str:
        with override_settings(GAZETTE_CHALLENGES=settings_overrides):
            return str(LetterForm(request=post_request({})).as_div())

    def test_the_widget_is_labelled_and_fetches_its_challenge_from_us(self) -> None:
        html = self.render()
        assert "<altcha-widget" in html
        assert 'challengeurl="/challenges/new/?for=form"' in html
        assert "Captcha" in html
        assert 'class="required"' in html
        assert "hidefooter" in html
        assert "&quot;label&quot;: &quot;I am not a robot&quot;" in html
        assert 'src="/static/challenges/vendor/altcha.js"' in html

    def test_nothing_on_the_form_points_to_another_host(self) -> None:
        assert "://" not in self.render()

    def test_readers_without_javascript_see_what_will_happen(self) -> None:
        held = self.render(NO_JS="hold")
        refused = self.render(NO_JS="refuse")
        assert '<input type="hidden" name="altcha_nojs" value="1">' in held
        assert "read by a moderator" in held
        assert "turn JavaScript on" in refused

    def test_the_honeypot_is_hidden_from_sight_and_from_the_tab_order(self) -> None:
        html = self.render()
        assert "Leave this field empty" in html
        assert 'autocomplete="off"' in html
        assert 'tabindex="-1"' in html

    def test_a_rerendered_form_keeps_its_render_time_but_not_its_solution(self) -> None:
        stamp = stamp_seconds_ago(30)
        payload = solve(issue())
        form = LetterForm(
            {"altcha": payload, "rendered_at": stamp, "body": ""}, request=post_request({})
        )
        html = str(form.as_div())
        assert stamp in html
        assert payload not in html
