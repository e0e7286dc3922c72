import time
import uuid

import jwt
from django.test import TestCase

from gazette.accounts.models import User
from gazette.accounts.services import sign_up
from gazette.comments import services
from gazette.comments.models import Comment
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services.sanctions import sanction_author
from gazette.sites.models import SiteAccount, UsedSignOnToken
from tests.api.helpers import (
    ORIGIN,
    PAGE,
    SiteFactory,
    assert_problem,
    call,
    new_comment,
    reader_headers,
)
from tests.api.test_comments import GENEROUS
from tests.moderation.factories import ClauseFactory, staff_in
from tests.sites.docs_examples import documented_function

SECRET = "host-site-signing-secret-of-some-length"


def host_token(site_key: str, *, secret: str = SECRET, **overrides):
    """A token as the host site's server makes it for one of its readers."""
    now = int(time.time())
    claims = {
        "sub": "42",
        "name": "Dana Scully",
        "email": "dana@example.org",
        "aud": site_key,
        "iat": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
    }
    claims.update(overrides)
    claims = {name: value for name, value in claims.items() if value is not None}
    return jwt.encode(claims, secret, algorithm="HS256")


class SignOnTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory(sso_secret=SECRET)

    def sign_on(self, token, site=None):
        key = (site or self.site).key
        return call(
            self.client, "POST", f"/api/v1/sites/{key}/sso", {"token": token}, HTTP_ORIGIN=ORIGIN
        )

    def assert_nothing_created(self):
        assert not User.objects.filter(username__startswith="sso:").exists()
        assert not SiteAccount.objects.exists()
        assert not UsedSignOnToken.objects.exists()

    def test_first_sign_in_creates_a_linked_account_with_a_private_address(self):
        response = self.sign_on(host_token(self.site.key, avatar="https://cdn.example.org/d.png"))
        assert response.status_code == 200, response.content
        assert response.json()["name"] == "Dana Scully"
        link = SiteAccount.objects.select_related("user").get()
        assert (link.site, link.external_id) == (self.site, "42")
        assert link.avatar_url == "https://cdn.example.org/d.png"
        assert link.user.username == f"sso:{self.site.key}:42"
        assert link.user.display_name == "Dana Scully"
        assert link.user.email == "dana@example.org"
        assert not link.user.has_usable_password()
        assert "dana@example.org" not in response.content.decode()

    def test_a_later_sign_in_updates_the_same_account(self):
        self.sign_on(host_token(self.site.key))
        response = self.sign_on(host_token(self.site.key, name="Dana K. Scully", email=None))
        assert response.status_code == 200, response.content
        user = User.objects.get(username__startswith="sso:")
        assert user.display_name == "Dana K. Scully"
        assert user.email == ""

    def test_the_name_is_cleaned_like_a_sign_up_name(self):
        self.sign_on(host_token(self.site.key, name="Dana\u200b  Scully\n"))
        assert User.objects.get(username__startswith="sso:").display_name == "Dana Scully"

    def test_a_name_posing_as_the_newsroom_is_refused(self):
        response = self.sign_on(host_token(self.site.key, name="Moderator"))
        assert_problem(response, 422, "sign_on_claims_invalid")
        self.assert_nothing_created()

    def test_the_signed_in_reader_comments_under_the_accounts_name(self):
        thread = services.thread_for_page(site=self.site, url=PAGE)
        token = self.sign_on(host_token(self.site.key)).json()["reader_token"]
        body = new_comment(thread, name="", email="")
        with GENEROUS:
            response = call(
                self.client,
                "POST",
                f"/api/v1/threads/{thread.pk}/comments",
                body,
                HTTP_ORIGIN=ORIGIN,
                **reader_headers(token),
            )
        assert response.status_code == 201, response.content
        comment = Comment.objects.get()
        user = User.objects.get(username__startswith="sso:")
        assert comment.user == user
        assert comment.author_key == f"user:{user.pk}"
        assert comment.author_name == "Dana Scully"
        assert response.json()["reader_token"] == token

    def test_a_sanction_on_the_account_follows_the_signed_in_reader(self):
        thread = services.thread_for_page(site=self.site, url=PAGE)
        token = self.sign_on(host_token(self.site.key)).json()["reader_token"]
        user = User.objects.get(username__startswith="sso:")
        sanction_author(
            kind="suspension",
            clause=ClauseFactory(immediate=True),
            reason="Insults.",
            actor=staff_in(MODERATOR),
            user=user,
            days=7,
        )
        with GENEROUS:
            response = call(
                self.client,
                "POST",
                f"/api/v1/threads/{thread.pk}/comments",
                new_comment(thread, name="", email=""),
                HTTP_ORIGIN=ORIGIN,
                **reader_headers(token),
            )
        assert_problem(response, 403, "comment_rejected")
        assert not Comment.objects.exists()

    def test_a_token_signed_with_another_secret_is_refused(self):
        response = self.sign_on(
            host_token(self.site.key, secret="not-the-sites-secret-but-long-enough-too")
        )
        assert_problem(response, 401, "sign_on_refused")
        self.assert_nothing_created()

    def test_an_expired_token_is_refused(self):
        past = int(time.time()) - 3600
        response = self.sign_on(host_token(self.site.key, iat=past, exp=past + 300))
        assert_problem(response, 401, "sign_on_expired")
        self.assert_nothing_created()

    def test_a_token_for_another_site_is_refused(self):
        other = SiteFactory(sso_secret=SECRET)
        response = self.sign_on(host_token(other.key))
        assert_problem(response, 401, "sign_on_wrong_audience")
        self.assert_nothing_created()

    def test_a_replayed_token_is_refused_and_changes_nothing(self):
        token = host_token(self.site.key)
        self.sign_on(token)
        User.objects.filter(username__startswith="sso:").update(display_name="Kept")
        response = self.sign_on(token)
        assert_problem(response, 409, "sign_on_replayed")
        assert User.objects.get(username__startswith="sso:").display_name == "Kept"

    def test_a_token_valid_for_too_long_is_refused(self):
        now = int(time.time())
        response = self.sign_on(host_token(self.site.key, iat=now, exp=now + 86400))
        assert_problem(response, 422, "sign_on_claims_invalid")
        self.assert_nothing_created()

    def test_each_missing_claim_is_named(self):
        for claim in ("sub", "name", "exp", "iat", "jti"):
            with self.subTest(claim=claim):
                problem = assert_problem(
                    self.sign_on(host_token(self.site.key, **{claim: None})),
                    422,
                    "sign_on_claims_invalid",
                )
                assert f"“{claim}”" in problem["detail"]
        self.assert_nothing_created()

    def test_an_avatar_not_on_https_is_refused(self):
        response = self.sign_on(host_token(self.site.key, avatar="javascript:alert(1)"))
        assert_problem(response, 422, "sign_on_claims_invalid")
        self.assert_nothing_created()

    def test_a_site_without_a_secret_cannot_sign_readers_in(self):
        plain = SiteFactory()
        response = self.sign_on(host_token(plain.key), site=plain)
        assert_problem(response, 403, "sign_on_not_enabled")
        self.assert_nothing_created()

    def test_a_call_from_an_origin_the_site_does_not_allow_is_refused(self):
        response = call(
            self.client,
            "POST",
            f"/api/v1/sites/{self.site.key}/sso",
            {"token": host_token(self.site.key)},
            HTTP_ORIGIN="https://elsewhere.example.com",
        )
        assert_problem(response, 403, "origin_refused")
        self.assert_nothing_created()

    def test_the_documented_python_example_signs_a_reader_in(self):
        gazette_token = documented_function("gazette_token")
        host_user = type("HostUser", (), {"id": 7, "display_name": "Fox", "email": "f@example.org"})
        response = self.sign_on(gazette_token(host_user, site_key=self.site.key, secret=SECRET))
        assert response.status_code == 200, response.content
        assert SiteAccount.objects.get().external_id == "7"

    def test_an_address_a_host_site_gave_does_not_hold_it_for_a_sign_up_here(self):
        self.sign_on(host_token(self.site.key, email="dana@example.org"))
        own = sign_up(
            email="dana@example.org",
            password="a long passphrase 42",
            display_name="Dana",
            base_url="https://gazette.example",
        )
        assert own.username == "dana@example.org"
        assert User.objects.filter(email="dana@example.org").count() == 2

    def test_asking_for_a_reader_token_hands_the_accounts_own_back_unrenewed(self):
        token = self.sign_on(host_token(self.site.key)).json()["reader_token"]
        response = call(self.client, "POST", "/api/v1/readers", **reader_headers(token))
        assert response.status_code == 200
        assert response.json()["reader_token"] == token

    def test_the_token_of_a_closed_account_names_no_one(self):
        token = self.sign_on(host_token(self.site.key)).json()["reader_token"]
        User.objects.filter(username__startswith="sso:").update(is_active=False)
        response = call(self.client, "POST", "/api/v1/readers", **reader_headers(token))
        assert response.status_code == 201
        assert response.json()["reader_token"] != token
        refused = self.sign_on(host_token(self.site.key))
        assert_problem(refused, 401, "sign_on_refused")

    def test_a_token_just_past_its_expiry_cannot_be_replayed_within_the_clock_leeway(self):
        now = int(time.time())
        token = host_token(self.site.key, iat=now - 60, exp=now - 5)
        assert self.sign_on(token).status_code == 200
        assert_problem(self.sign_on(token), 409, "sign_on_replayed")
