"""Accessibility in Chromium: axe-core finds no serious or critical violation on the pages readers
use, and the article page reflows at phone width (WCAG 1.4.10). The moderators' pages are checked
in the moderator's journey (test_moderation.py), where their queues have comments in them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    ASTANA_COURT,
    assert_accessible,
    comment_form,
    fill_comment,
)

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        ASTANA_COURT,
        "/en/comment-policy/",
        "/en/transparency/",
        "/ru/",
        "/en/accounts/sign-in/",
    ],
)
def test_reader_pages_have_no_serious_violations(new_context, path):
    page = new_context().new_page()
    page.goto(path)
    assert_accessible(page)


def test_transparency_month_has_no_serious_violations(new_context):
    page = new_context().new_page()
    page.goto("/en/transparency/")
    page.locator(".transparency li a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Transparency report,")
    assert_accessible(page)


def test_comment_form_has_no_serious_violations(new_context):
    """The form with its Captcha solved, and the page that returns a form with mistakes."""
    page = new_context().new_page()
    page.goto(ASTANA_COURT)
    form = comment_form(page)
    form.get_by_label("Comment", exact=True).focus()
    expect(form.locator("altcha-widget .altcha")).to_have_attribute("data-state", "verified")
    assert_accessible(page)

    # Sent as a plain form post (as without JavaScript; axe itself needs scripts to run).
    fill_comment(form, name="", body="A comment without a name.")
    form.evaluate("(form) => HTMLFormElement.prototype.submit.call(form)")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your comment was not posted")
    expect(page.locator("#id_name_error")).to_be_visible()
    assert_accessible(page)


def test_report_page_has_no_serious_violations(new_context):
    page = new_context().new_page()
    page.goto(ASTANA_COURT)
    page.locator("li.comment").first.get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a comment")
    assert_accessible(page)


@pytest.mark.parametrize(
    ("name", "width", "height"),
    [("article-desktop.png", 1280, 900), ("article-phone.png", 390, 844)],
)
def test_article_page_fits_desktop_and_phone(new_context, screenshot_dir, name, width, height):
    page = new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(ASTANA_COURT)
    expect(page.locator(".story__photo img")).to_have_js_property("complete", True)
    # Nothing wider than the screen: no sideways scrolling to read the story.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"the page is {scroll_width}px wide at {width}px"
    header = page.locator("header.masthead")
    story = page.locator("article.story")
    # From the masthead to the end of the lead photo's caption.
    top = header.bounding_box()
    caption = story.locator("figcaption").bounding_box()
    assert top is not None
    assert caption is not None
    page.screenshot(
        path=screenshot_dir / name,
        clip={"x": 0, "y": 0, "width": width, "height": caption["y"] + caption["height"] + 24},
        full_page=True,
        animations="disabled",
    )
