"""The editors' desk in Chromium: the article editor previews the body as readers will see it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server

pytestmark = pytest.mark.e2e


def test_the_article_editor_previews_the_body_as_it_types(new_context, server: Server):
    page = new_context().new_page()
    page.goto("/admin/articles/article/add/")
    page.get_by_label("Username").fill(server.editor.email)
    page.get_by_label("Password").fill(server.editor.password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Add article")).to_be_visible()

    page.get_by_label("Dateline").fill("Shymkent")
    page.locator("#id_body").fill(
        "Three men were charged.\n\n> \u201cWe will appeal,\u201d a lawyer said."
    )
    preview = page.get_by_role("region", name="Preview, as readers will see it")
    expect(preview.locator(".dateline")).to_have_text("SHYMKENT --")
    expect(preview.locator("p").first).to_contain_text("Three men were charged.")
    expect(preview.locator("blockquote")).to_contain_text("We will appeal")
