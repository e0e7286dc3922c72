import re

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse

from gazette.accounts.models import User
from gazette.accounts.verification import verification_token
from tests.comments.helpers import GENEROUS_RATES, human_check
from tests.factories import UserFactory

PASSWORD = "a long enough passphrase 42"


def sign_up_data(**overrides):
    data = {
        "email": "Aigerim@Example.org",
        "display_name": "Aigerim",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **human_check(scope="signup"),
    }
    data.update(overrides)
    return data


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class SignUpTests(TestCase):
    url = reverse("accounts:sign_up")

    def test_sign_up_signs_in_and_mails_a_verification_link(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.url, sign_up_data())
        user = User.objects.get()
        assert response.status_code == 302
        assert (user.email, user.username, user.display_name) == (
            "aigerim@example.org",
            "aigerim@example.org",
            "Aigerim",
        )
        assert user.check_password(PASSWORD)
        assert user.email_verified_at is None
        assert int(self.client.session["_auth_user_id"]) == user.pk
        assert [message.to for message in mail.outbox] == [["aigerim@example.org"]]
        assert mail.outbox[0].alternatives[0][1] == "text/html"

    def test_verification_link_marks_the_address_verified(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, sign_up_data())
        response = self.client.get(link_in(mail.outbox[0]))
        assert response.status_code == 200
        assert User.objects.get().email_verified_at is not None

    def test_link_for_an_old_address_does_not_verify_the_new_one(self):
        user = UserFactory(email="old@example.org")
        token = verification_token(user.pk, "old@example.org")
        User.objects.filter(pk=user.pk).update(email="new@example.org")
        response = self.client.get(reverse("accounts:verify_email", kwargs={"token": token}))
        assert response.status_code == 400
        user.refresh_from_db()
        assert user.email_verified_at is None

    def test_forged_link_is_refused(self):
        response = self.client.get(reverse("accounts:verify_email", kwargs={"token": "1:forged"}))
        assert response.status_code == 400

    def test_address_already_used_is_refused(self):
        UserFactory(username="someone", email="aigerim@example.org")
        response = self.client.post(self.url, sign_up_data())
        assert response.status_code == 400
        assert "already exists" in response.content.decode()
        assert User.objects.count() == 1

    def test_mismatched_passwords_are_refused(self):
        response = self.client.post(self.url, sign_up_data(password2="something else 99"))
        assert response.status_code == 400
        assert not User.objects.exists()

    def test_weak_password_is_refused(self):
        response = self.client.post(self.url, sign_up_data(password1="123", password2="123"))
        assert response.status_code == 400
        assert not User.objects.exists()

    def test_names_kept_for_the_newsroom_are_refused_however_spelt(self):
        for name in ("Editor", "The Newsroom", "Аdmin", "р е д а к ц и я", "M0derator", "Gazette"):  # noqa: RUF001 - look-alike letters on purpose
            with self.subTest(name=name):
                response = self.client.post(self.url, sign_up_data(display_name=name))
                self.assertContains(response, "kept for the newsroom", status_code=400)
        assert not User.objects.exists()

    def test_a_name_of_ones_own_that_contains_no_reserved_word_is_accepted(self):
        response = self.client.post(self.url, sign_up_data(display_name="Aigerim Editorova"))
        assert response.status_code == 302
        assert User.objects.get().display_name == "Aigerim Editorova"

    def test_a_captcha_solved_for_a_comment_form_is_refused(self):
        response = self.client.post(self.url, sign_up_data(**human_check(scope="comment:1")))
        self.assertContains(response, "made for another form", status_code=400)
        assert not User.objects.exists()

    def test_captcha_is_required(self):
        response = self.client.post(self.url, sign_up_data(altcha=""))
        assert response.status_code == 400
        assert not User.objects.exists()

    @override_settings(
        GAZETTE_CHALLENGES={
            "RATES": {**GENEROUS_RATES, "signup": {"reader": "1/3600", "ip": "1/3600"}}
        }
    )
    def test_sign_ups_are_rate_limited(self):
        self.client.post(self.url, sign_up_data())
        self.client.logout()
        response = self.client.post(self.url, sign_up_data(email="second@example.org"))
        assert response.status_code == 429
        assert User.objects.count() == 1


class SignInTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="dana@example.org", email="dana@example.org")

    def test_sign_in_with_email_in_any_case(self):
        response = self.client.post(
            reverse("accounts:login"),
            {"username": "Dana@Example.org", "password": "correct horse battery staple"},
        )
        assert response.status_code == 302
        assert int(self.client.session["_auth_user_id"]) == self.user.pk

    def test_wrong_password_is_refused(self):
        response = self.client.post(
            reverse("accounts:login"), {"username": "dana@example.org", "password": "nope"}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in self.client.session

    def test_sign_out(self):
        self.client.force_login(self.user)
        self.client.post(reverse("accounts:logout"))
        assert "_auth_user_id" not in self.client.session

    def test_profile_offers_a_new_verification_link(self):
        self.client.force_login(self.user)
        assert "not confirmed" in self.client.get(reverse("accounts:profile")).content.decode()
        self.client.post(reverse("accounts:resend_verification"))
        assert len(mail.outbox) == 1

    @override_settings(GAZETTE_CHALLENGES={"RATES": {"confirmation_email": {"ip": "2/86400"}}})
    def test_new_verification_links_are_limited_per_address(self):
        self.client.force_login(self.user)
        for _attempt in range(4):
            response = self.client.post(reverse("accounts:resend_verification"), follow=True)
        assert len(mail.outbox) == 2
        self.assertContains(response, "too often")


class PasswordResetTests(TestCase):
    def test_reset_by_mailed_link(self):
        user = UserFactory(username="erlan@example.org", email="erlan@example.org")
        self.client.post(reverse("accounts:password_reset"), {"email": "erlan@example.org"})
        assert len(mail.outbox) == 1
        link = link_in(mail.outbox[0])
        form_page = self.client.get(link, follow=True)
        assert form_page.status_code == 200
        response = self.client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": "brand new passphrase 7", "new_password2": "brand new passphrase 7"},
        )
        assert response["Location"] == reverse("accounts:password_reset_complete")
        user.refresh_from_db()
        assert user.check_password("brand new passphrase 7")

    def test_unknown_address_sends_nothing_and_says_the_same(self):
        response = self.client.post(
            reverse("accounts:password_reset"), {"email": "nobody@example.org"}
        )
        assert response["Location"] == reverse("accounts:password_reset_done")
        assert mail.outbox == []


@override_settings(GAZETTE_BASE_URL="https://news.example.org")
class PasswordResetLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = UserFactory(username="dana@example.org", email="dana@example.org")

    def ask(self, email="dana@example.org", **extra):
        return self.client.post(reverse("accounts:password_reset"), {"email": email}, **extra)

    def test_the_link_follows_the_sites_address(self):
        assert self.ask().status_code == 302
        assert "https://news.example.org/" in mail.outbox[0].body

    @override_settings(GAZETTE_CHALLENGES={"RATES": {"password_reset": {"ip": "1/3600"}}})
    def test_resets_are_rate_limited(self):
        self.ask()
        response = self.ask()
        self.assertContains(response, "You are doing that too often", status_code=429)
        assert len(mail.outbox) == 1

    @override_settings(
        GAZETTE_CHALLENGES={
            "RATES": {
                "password_reset": {"reader": "100/3600", "ip": "100/3600"},
                "confirmation_email": {"ip": "2/86400"},
            }
        }
    )
    def test_one_inbox_gets_few_mails_a_day_whatever_address_asks(self):
        for number in range(4):
            self.ask(REMOTE_ADDR=f"198.51.100.{number}")
        assert len(mail.outbox) == 2
