from django.urls import reverse

from gazette.moderation.models import QueueClaim
from gazette.moderation.roles import EDITOR
from gazette.moderation.services import claims
from tests.moderation.factories import ScreeningTermFactory, post, staff_in
from tests.moderation.test_queue_views import queue_url
from tests.moderation.test_services_claims import ClaimTestCase

JSON = {"HTTP_ACCEPT": "application/json"}


class ClaimViewTestCase(ClaimTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        ScreeningTermFactory(phrase="casino", action="suspect", mode="whole_word")

    def setUp(self) -> None:
        super().setUp()
        self.held = post(self.thread, "Best casino bonus here")
        self.client.force_login(self.timur)

    def claim_url(self, comment=None):
        return reverse("moderation:claim", kwargs={"pk": (comment or self.held).pk})


class ClaimFormTests(ClaimViewTestCase):
    """The forms without JavaScript: a POST, then back to the queue with a message."""

    def test_take_this_item_claims_it_and_goes_back_to_the_item(self):
        page = self.client.get(queue_url("held"))
        self.assertContains(page, "Take this item")
        response = self.client.post(self.claim_url(), {"next": queue_url("held")})
        assert response.status_code == 302
        assert response["Location"] == queue_url("held") + f"#item-{self.held.pk}"
        assert QueueClaim.objects.get().moderator == self.timur
        page = self.client.get(queue_url("held"))
        self.assertContains(page, "You are looking at this item (until")
        self.assertContains(page, "Release")

    def test_an_item_another_moderator_holds_is_refused_then_taken_over(self):
        claim = claims.claim_item(comment=self.held, actor=self.mira)
        page = self.client.get(queue_url("held"))
        since = claims.since_or_until(claim.claimed_at)
        self.assertContains(page, f"Taken by Mira, since {since}.")
        self.assertContains(page, "Take over")
        response = self.client.post(self.claim_url(), {"next": queue_url("held")}, follow=True)
        self.assertContains(response, f"Mira has been looking at this item since {since}.")
        assert QueueClaim.objects.get().moderator == self.mira
        self.client.post(self.claim_url(), {"take_over": "on", "next": queue_url("held")})
        assert QueueClaim.objects.get().moderator == self.timur

    def test_release_frees_the_item(self):
        claims.claim_item(comment=self.held, actor=self.timur)
        url = reverse("moderation:release", kwargs={"pk": self.held.pk})
        response = self.client.post(url, {"next": queue_url("held")}, follow=True)
        self.assertContains(response, "The item is free for other moderators.")
        self.assertContains(response, "Take this item")
        assert not QueueClaim.objects.exists()

    def test_deciding_an_item_another_moderator_holds_is_refused_on_the_page(self):
        claims.claim_item(comment=self.held, actor=self.mira)
        url = reverse("moderation:decide", kwargs={"pk": self.held.pk})
        response = self.client.post(url, {"action": "approve", "next": queue_url("held")})
        assert response.status_code == 409
        self.assertContains(response, "Mira has been looking at this item", status_code=409)
        self.held.refresh_from_db()
        assert self.held.state == "pending"

    def test_claim_needs_the_csrf_token(self):
        self.client.handler.enforce_csrf_checks = True
        assert self.client.post(self.claim_url()).status_code == 403
        assert not QueueClaim.objects.exists()

    def test_staff_without_the_moderator_role_are_refused(self):
        self.client.force_login(staff_in(EDITOR))
        assert self.client.post(self.claim_url()).status_code == 403


class ClaimJsonTests(ClaimViewTestCase):
    def test_claim_answers_json(self):
        response = self.client.post(self.claim_url(), **JSON)
        assert response.status_code == 200
        assert response.json()["id"] == self.held.pk

    def test_refusal_answers_409_with_the_message(self):
        claims.claim_item(comment=self.held, actor=self.mira)
        response = self.client.post(self.claim_url(), **JSON)
        assert response.status_code == 409
        assert "Mira has been looking at this item" in response.json()["message"]


class QueueItemFragmentTests(ClaimViewTestCase):
    def item_url(self, comment, **params):
        url = reverse("moderation:queue_item", kwargs={"pk": comment.pk})
        return url + "?" + "&".join(f"{key}={value}" for key, value in params.items())

    def test_an_item_of_the_queue_is_rendered_as_on_the_page(self):
        claims.claim_item(comment=self.held, actor=self.mira)
        response = self.client.get(self.item_url(self.held, queue="held"))
        assert response.status_code == 200
        self.assertContains(response, f'id="item-{self.held.pk}"')
        self.assertContains(response, "Best casino bonus here")
        self.assertContains(response, "Taken by Mira")
        # Its forms lead back to the queue, not to this address.
        self.assertContains(response, f'name="next" value="{queue_url("held")}"')
        self.assertNotContains(response, "<html")

    def test_an_item_of_another_queue_or_filter_is_not_given(self):
        published = post(self.thread, "The hearing was fair.")
        assert self.client.get(self.item_url(published, queue="held")).status_code == 204
        other_section = self.item_url(self.held, queue="held", section="no-such-section")
        assert self.client.get(other_section).status_code == 204

    def test_readers_and_staff_without_the_role_get_nothing(self):
        self.client.logout()
        assert self.client.get(self.item_url(self.held, queue="held")).status_code == 302
        self.client.force_login(staff_in(EDITOR))
        assert self.client.get(self.item_url(self.held, queue="held")).status_code == 403
