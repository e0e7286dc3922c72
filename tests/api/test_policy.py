from django.test import TestCase

from tests.api.helpers import assert_problem


class PolicyTests(TestCase):
    def test_the_policy_in_force_is_served_as_data(self):
        response = self.client.get("/api/v1/policy")
        document = response.json()
        assert document["format"] == "gazette-comment-policy/1"
        assert document["version"] == 1
        assert 1 in [clause["number"] for clause in document["clauses"].values()]
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"

    def test_a_version_is_served_by_its_number(self):
        assert self.client.get("/api/v1/policy/1").json()["version"] == 1

    def test_the_policy_is_written_in_the_callers_language(self):
        english = self.client.get("/api/v1/policy").json()
        russian = self.client.get("/api/v1/policy", HTTP_ACCEPT_LANGUAGE="ru").json()
        assert russian["language"] == "ru"
        assert russian["preamble"] != english["preamble"]

    def test_a_version_never_published_is_404(self):
        assert_problem(self.client.get("/api/v1/policy/99"), 404, "policy_not_found")

    def test_asking_again_with_the_etag_is_answered_304(self):
        etag = self.client.get("/api/v1/policy")["ETag"]
        assert self.client.get("/api/v1/policy", HTTP_IF_NONE_MATCH=etag).status_code == 304


class CommentStatusTests(TestCase):
    def test_a_forged_status_token_is_404(self):
        response = self.client.get("/api/v1/comment-status/MQ:forged:token")
        assert_problem(response, 404, "status_not_found")
