"""The masthead shows who is signed in, the desks their roles open, and a way out."""

import re

from django.test import TestCase

from gazette.moderation.roles import EDITOR, MODERATOR, SENIOR_MODERATOR
from tests.factories import UserFactory
from tests.moderation.factories import staff_in


def account_links(page: str) -> list[str]:
    nav = re.search(r'<nav class="account-nav".*?</nav>', page, re.DOTALL)
    assert nav, "no account menu"
    return [
        " ".join(text.split()) for text in re.findall(r">([^<>]+)</(?:a|button)>", nav.group(0))
    ]


class MastheadTests(TestCase):
    def front(self) -> str:
        return self.client.get("/en/").content.decode()

    def test_a_reader_without_an_account_is_offered_to_sign_in_and_come_back(self) -> None:
        page = self.client.get("/en/crime-justice/").content.decode()
        assert account_links(page) == ["Sign in"]
        assert 'href="/en/accounts/sign-in/?next=/en/crime-justice/"' in page

    def test_a_signed_in_reader_sees_their_name_and_can_sign_out(self) -> None:
        self.client.force_login(UserFactory(display_name="Aliya Reader"))
        assert account_links(self.front()) == ["Aliya Reader", "Sign out"]
        self.client.post("/en/accounts/sign-out/")
        assert account_links(self.front()) == ["Sign in"]

    def test_staff_see_the_desks_their_roles_open(self) -> None:
        for role, links in [
            (EDITOR, ["Newsroom figures", "Newsroom admin"]),
            (MODERATOR, ["Moderation", "Newsroom admin"]),
            (SENIOR_MODERATOR, ["Moderation", "Appeals", "Newsroom admin"]),
        ]:
            with self.subTest(role=role):
                self.client.force_login(staff_in(role, display_name=f"Staff {role}"))
                assert account_links(self.front())[1:-1] == links

    def test_the_menu_speaks_the_edition(self) -> None:
        page = self.client.get("/ru/").content.decode()
        assert account_links(page) == ["Войти"]
