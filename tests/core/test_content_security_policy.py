"""The Content-Security-Policy: on every page, kept pages included, with nothing inline that
it does not name."""

import base64
import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.test import Client, TestCase

from tests.factories import ArticleFactory

GAZETTE = Path(settings.BASE_DIR) / "gazette"


def policy_of(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


class PolicyHeaderTests(TestCase):
    def test_a_kept_page_carries_the_policy_when_made_and_when_served_again(self):
        article = ArticleFactory()
        made = Client().get(article.get_absolute_url())
        served = Client().get(article.get_absolute_url())
        assert made.content == served.content
        assert policy_of(made) == policy_of(served)
        policy = policy_of(served)
        assert policy["script-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["report-uri"] == ["/csp-report/"]
        assert "'unsafe-inline'" not in served["Content-Security-Policy"]
        assert "'unsafe-eval'" not in served["Content-Security-Policy"]

    def test_json_and_forms_answers_carry_it_too(self):
        response = self.client.get("/challenges/new/?for=signup")
        assert policy_of(response)["default-src"] == ["'self'"]


class InlineSourcesTests(TestCase):
    def test_the_widgets_stylesheet_is_the_one_the_policy_allows(self):
        script = (GAZETTE / "challenges/static/challenges/vendor/altcha.js").read_text()
        css = re.search(r"Bo = '([^'\\]*)'", script).group(1)
        assert sha256_source(css) == settings.ALTCHA_STYLE_HASH

    def test_the_error_pages_style_is_the_one_the_policy_allows(self):
        page = (GAZETTE / "templates/500.html").read_text()
        css = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
        assert sha256_source(css) == settings.ERROR_PAGE_STYLE_HASH

    def test_no_template_has_inline_script_handlers_or_style_attributes(self):
        offending = []
        for template in GAZETTE.glob("**/templates/**/*.html"):
            text = template.read_text()
            scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", text)
            handlers = re.findall(r"\son[a-z]+=\"", text)
            styles = re.findall(r"\sstyle=\"", text)
            if scripts or handlers or styles:
                offending.append(str(template.relative_to(GAZETTE)))
        assert offending == []
