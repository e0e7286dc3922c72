from django.test import RequestFactory, TestCase

from gazette.accounts.readers import READER_COOKIE, Reader, reader_of
from tests.factories import UserFactory


class ReaderKeyTests(TestCase):
    def test_an_account_is_keyed_by_its_id(self) -> None:
        user = UserFactory()
        assert Reader.signed_in(user).key == f"user:{user.pk}"

    def test_anyone_else_is_keyed_by_their_cookie_id(self) -> None:
        reader = Reader.anonymous("abc")
        assert reader.key == "anon:abc"
        assert reader.anonymous_id == "abc"
        assert reader.user_id is None

    def test_a_forged_cookie_makes_a_new_reader(self) -> None:
        request = RequestFactory().get("/", HTTP_COOKIE=f"{READER_COOKIE}=forged-id")
        reader = reader_of(request)
        assert reader.is_new
        assert reader.key.startswith("anon:")
        assert reader.anonymous_id != "forged-id"
