import json

from django.db import OperationalError
from django.test import RequestFactory, TestCase

from gazette.core.busy import DatabaseBusyMiddleware


def locked_write(request):
    raise OperationalError("database is locked")


class DatabaseBusyTests(TestCase):
    def setUp(self) -> None:
        self.middleware = DatabaseBusyMiddleware(locked_write)

    def answer(self, **headers):
        request = RequestFactory().post("/en/comments/article/1/post/", **headers)
        try:
            locked_write(request)
        except OperationalError as exc:
            return self.middleware.process_exception(request, exc)
        raise AssertionError("the write should have failed")

    def test_a_locked_database_gives_503_with_retry_after_and_a_sentence(self) -> None:
        response = self.answer()
        assert response.status_code == 503
        assert response["Retry-After"] == "10"
        self.assertContains(response, "nothing was saved", status_code=503)

    def test_scripts_get_it_as_json(self) -> None:
        response = self.answer(HTTP_ACCEPT="application/json")
        assert response.status_code == 503
        assert "try again" in json.loads(response.content)["error"]

    def test_other_database_errors_are_left_alone(self) -> None:
        request = RequestFactory().get("/")
        other = OperationalError("no such table: articles_article")
        assert self.middleware.process_exception(request, other) is None
