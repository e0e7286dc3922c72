"""Live updates in Chromium: one article open in two browsers (two readers, each with their
own cookies) and a moderator's desk, and two moderators' desks side by side, against the ASGI
server `make run` serves."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    comment_count,
    comment_form,
    comment_item,
    fill_comment,
    sign_in,
    wait_for_captcha,
    wait_for_human_fill_time,
)
from tests.e2e.test_moderation import CLAUSE, open_queue, post_without_javascript, queue_item

pytestmark = pytest.mark.e2e

# An article no other journey comments on, so its counts are this test's alone.
ARTICLE = "/en/politics/parliament-passes-online-fraud-law/"
BODY = "The law should also oblige banks to hold suspicious transfers for a day."
# Words screening holds, written for this test alone.
HELD = "Only an idiot would believe the prosecutor's timeline of those bank transfers."
# The bound: a comment posted in one browser shows in the other within a second.
ARRIVAL_MS = 1000


def typing_in(page: Page, text: str) -> None:
    """The second reader has started a comment of their own: it must survive every update."""
    comment_form(page).get_by_label("Comment", exact=True).fill(text)


def test_a_comment_and_its_removal_reach_another_reader_without_a_reload(new_context, server):
    ana = new_context().new_page()
    bolat = new_context().new_page()
    ana.goto(ARTICLE)
    bolat.goto(ARTICLE)
    before = comment_count(ana)
    draft = "I am still writing this"
    typing_in(ana, draft)
    # Both pages have opened their stream before the comment is sent.
    for page in (ana, bolat):
        expect(page.locator("[data-comments][data-live-open]")).to_have_count(1)
    form = comment_form(bolat)
    fill_comment(form, name="Bolat", body=BODY)
    wait_for_captcha(form)
    wait_for_human_fill_time(bolat)
    form.get_by_role("button", name="Post comment").click()
    expect(
        bolat.get_by_role("status").filter(has_text="Your comment is published.")
    ).to_be_visible()

    show = ana.get_by_role("button", name="New comments: 1. Show them")
    expect(show).to_be_visible(timeout=ARRIVAL_MS)
    expect(ana.locator("#comments-title")).to_have_text(f"{before + 1} Comments")
    # Not inserted until asked: the reader's place does not move under them.
    expect(comment_item(ana, BODY)).to_have_count(0)
    show.scroll_into_view_if_needed()
    first_visible = """() => {
        const item = [...document.querySelectorAll("[data-comment-list] > li")]
            .find((node) => node.getBoundingClientRect().bottom > 0);
        return [item.id, item.getBoundingClientRect().top];
    }"""
    seen, top = ana.evaluate(first_visible)
    show.click()
    expect(comment_item(ana, BODY)).to_be_visible()
    expect(comment_item(ana, BODY).locator(".comment__author")).to_have_text("Bolat")
    expect(show).to_be_hidden()
    # What the reader was reading has not moved on screen.
    assert (
        ana.evaluate(f"() => document.getElementById('{seen}').getBoundingClientRect().top") == top
    )
    assert comment_form(ana).get_by_label("Comment", exact=True).input_value() == draft
    # Bolat's own page shows the comment once (his post put it there; the event is not a second).
    expect(comment_item(bolat, BODY)).to_have_count(1)
    expect(bolat.get_by_role("button", name="New comments: 1. Show them")).to_have_count(0)

    desk = sign_in(new_context(viewport={"width": 1280, "height": 1000}), server.moderator)
    open_queue(desk, "Recently published")
    item = queue_item(desk, BODY)
    item.get_by_label("Clause").select_option(label=CLAUSE)
    item.get_by_label("Why, as the author will read it").fill("A test of live updates.")
    item.get_by_role("button", name="Remove").click()
    expect(desk.locator(".messages")).to_contain_text("The comment was removed")

    for page in (ana, bolat):
        expect(comment_item(page, BODY)).to_have_count(0)
        expect(page.locator("#comments-title")).to_have_text(
            f"{before} Comments" if before != 1 else "1 Comment"
        )
    assert comment_form(ana).get_by_label("Comment", exact=True).input_value() == draft


def test_two_moderators_see_each_others_claims_and_new_held_comments_live(new_context, server):
    mira = sign_in(new_context(viewport={"width": 1280, "height": 1000}), server.moderator)
    sergei = sign_in(new_context(viewport={"width": 1280, "height": 1000}), server.senior_moderator)
    for desk in (mira, sergei):
        open_queue(desk, "Held by rules")
        expect(desk.locator("[data-live-queue][data-live-open]")).to_have_count(1)
        # Set on the page as it is now: still there later means the page was never reloaded.
        desk.evaluate("() => { window.openSince = 1; }")

    post_without_javascript(new_context(java_script_enabled=False), "Kanat", HELD)
    for desk in (mira, sergei):
        arrived = queue_item(desk, HELD)
        expect(arrived).to_be_visible(timeout=ARRIVAL_MS)
        expect(arrived.locator(".queue-item__new")).to_have_text("New")
        assert desk.evaluate("() => window.openSince") == 1

    queue_item(mira, HELD).get_by_role("button", name="Take this item").click()
    expect(queue_item(mira, HELD)).to_contain_text("You are looking at this item (until")
    expect(queue_item(sergei, HELD)).to_contain_text(
        "Taken by Mira Moderator, since", timeout=ARRIVAL_MS
    )
    queue_item(sergei, HELD).get_by_role("button", name="Take over").click()
    expect(queue_item(sergei, HELD)).to_contain_text("You are looking at this item (until")
    expect(queue_item(mira, HELD)).to_contain_text(
        "Taken by Sergei Senior, since", timeout=ARRIVAL_MS
    )

    item = queue_item(sergei, HELD)
    item.get_by_label("Clause").select_option(label=CLAUSE)
    item.get_by_label("Why, as the author will read it").fill("A test of claims.")
    item.get_by_role("button", name="Remove").click()
    expect(sergei.locator(".messages")).to_contain_text("The comment was removed")
    # The state in words, as the desk names it elsewhere, not the stored value.
    expect(queue_item(mira, HELD)).to_contain_text(
        "Already decided by Sergei Senior (now Removed by moderation).", timeout=ARRIVAL_MS
    )
    assert mira.evaluate("() => window.openSince") == 1
