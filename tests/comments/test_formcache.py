"""The comment form kept per address and reader kind (comments/formcache.py): what differs
between requests is still different, and what differs between readers stays theirs."""

import re

from django.test import Client, TestCase

from gazette.challenges.widgets import read_stamp
from tests.factories import ArticleFactory, UserFactory, as_returning_reader


def form_of(html: str) -> str:
    return html.split('id="comment-form"', 1)[1].split("</form>", 1)[0]


class KeptFormTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory()
        cls.url = cls.article.get_absolute_url()

    def test_each_page_gets_its_own_render_time_and_token(self) -> None:
        reader = as_returning_reader(Client())
        stamps, tokens = [], []
        for _ in range(2):
            form = form_of(reader.get(self.url).content.decode())
            stamps.append(re.search(r'name="rendered_at" value="([^"]+)"', form).group(1))
            tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1))
        assert stamps[0] != stamps[1]
        assert all(read_stamp(stamp) is not None for stamp in stamps)
        assert tokens[0] != tokens[1]
        assert "gazette-" not in "".join(stamps + tokens)

    def test_a_signed_in_reader_sees_their_own_name_and_no_name_field(self) -> None:
        as_returning_reader(self.client).get(self.url)  # an anonymous reader's form is kept
        for name in ("Dana Sarsen", "Ali Nurov"):
            reader = Client()
            reader.force_login(UserFactory(display_name=name))
            form = form_of(reader.get(self.url).content.decode())
            assert f"Commenting as {name}." in form
            assert 'name="name"' not in form
        anonymous = form_of(as_returning_reader(Client()).get(self.url).content.decode())
        assert "Commenting as" not in anonymous
        assert 'name="name"' in anonymous
