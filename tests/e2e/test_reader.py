"""A reader's journey through the reference page, in Chromium, with JavaScript on and off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    ASTANA_COURT_HEADLINE,
    RETRIAL,
    RETRIAL_HEADLINE,
    comment_count,
    comment_form,
    comment_item,
    fill_comment,
    open_article_from_home,
    shoot,
    wait_for_captcha,
    wait_for_human_fill_time,
)

pytestmark = pytest.mark.e2e


def check_reference_page(page: Page) -> None:
    """Top to bottom, the parts of the reference page."""
    expect(page.locator(".story .section-label")).to_have_text("Crime & Justice")
    expect(page.locator(".story__byline")).to_contain_text(re.compile(r"By\s+\w+"))
    caption = page.locator(".story__photo figcaption")
    expect(caption).to_contain_text(re.compile(r"\[[^\]]+/[^\]]+\]$"))
    expect(page.locator(".story__photo img")).to_have_attribute("alt", re.compile(r"\w"))
    first_paragraph = page.locator(".story__body p").first
    expect(first_paragraph).to_have_text(re.compile(r"^[A-Z ]+ -- "))
    expect(page.get_by_role("heading", name="Do you like this article?")).to_be_visible()
    expect(page.locator("#comments-title")).to_have_text(re.compile(r"^\d+ Comments?$"))
    expect(
        page.locator(".comments__links").get_by_role("link", name="Comment Policy")
    ).to_be_visible()
    captcha = comment_form(page).locator("fieldset.human-check")
    expect(captcha.locator("legend")).to_have_text(re.compile(r"^Captcha\s*\(required\)$"))
    # The Captcha is the form's last field.
    assert comment_form(page).evaluate(
        """(form) => {
            const check = form.querySelector("fieldset.human-check");
            const fields = [...form.querySelectorAll("input, textarea, select")].filter(
                (e) => e.type !== "hidden" && e.getClientRects().length && !check.contains(e));
            return fields.length > 3 && fields.every(
                (e) => e.compareDocumentPosition(check) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )


def poll_counts(page: Page) -> dict[str, int]:
    counts = {}
    for item in page.locator("section.poll [data-choice]").all():
        text = item.locator("[data-poll-count]").inner_text()
        counts[item.get_attribute("data-choice") or ""] = int(text.split()[0])
    return counts


def check_vote(page: Page, answer: str) -> None:
    """The reader's answer is pressed and counted once; the total adds up. (Each journey gives
    a different answer, so each answer has exactly one vote whatever ran before.)"""
    poll = page.locator("section.poll")
    expect(poll.get_by_role("button", name=answer)).to_have_attribute("aria-pressed", "true")
    expect(poll.locator(".poll__total")).to_be_visible()
    choice = poll.locator("[data-choice]").filter(has_text=answer)
    expect(choice.locator("[data-poll-count]")).to_have_text("1 vote")
    total = sum(poll_counts(page).values())
    expect(poll.locator("[data-poll-total]")).to_contain_text(
        f"{total} vote" if total == 1 else f"{total} votes"
    )


def vote(page: Page, answer: str) -> None:
    poll = page.locator("section.poll")
    # Counts are shown to readers once they have voted.
    expect(poll.locator(".poll__total")).to_be_hidden()
    poll.get_by_role("button", name=answer).click()
    check_vote(page, answer)


def read_policy(page: Page) -> None:
    article_url = page.url
    page.locator(".comments__links").get_by_role("link", name="Comment Policy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Comment Policy")
    clauses = page.locator("ol.policy__clauses > li.clause")
    expect(clauses).to_have_count(8)
    expect(clauses.nth(2)).to_contain_text("No personal attacks or harassment")
    page.go_back()
    expect(page).to_have_url(article_url)


def report(page: Page, comment_text: str, number: int, title: str) -> None:
    comment_item(page, comment_text).get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a comment")
    expect(page.locator("blockquote.quoted-comment")).to_contain_text(comment_text)
    page.get_by_label(f"{number}. {title}").check()
    page.get_by_label("Anything a moderator should know", exact=False).fill(
        "It reads like an advert for a debt collector."
    )
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your report")
    expect(page.locator(".messages")).to_contain_text("A moderator will look at this comment.")
    expect(page.locator(".comment-status")).to_contain_text(
        f"Reported under clause {number}: {title}"
    )
    expect(page.locator(".comment-status")).to_contain_text("Outcome: Open")


def switch_to_russian(page: Page) -> None:
    page.get_by_role("navigation", name="Editions").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/crime-justice/"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(".story .section-label")).to_have_text("Криминал и правосудие")
    expect(page.locator("#poll-question")).to_have_text("Вам понравилась эта статья?")
    expect(page.locator("#comments-title")).to_have_text(
        re.compile(r"^\d+ комментари", re.IGNORECASE)
    )
    form = comment_form(page)
    expect(form.locator("fieldset.human-check legend")).to_contain_text("(обязательно)")
    expect(form.get_by_role("button", name="Отправить комментарий")).to_be_visible()


def post_published_comment(page: Page, screenshot_dir: Path) -> str:
    """A comment published at once (post-moderation): the proof of work runs in the page."""
    before = comment_count(page)
    form = comment_form(page)
    body = "Nine hundred victims is a scandal. Why did the bank not stop the transfers sooner?"
    fill_comment(form, name="Aigerim", body=body)
    wait_for_captcha(form)
    shoot(page, form, screenshot_dir / "comment-form.png")
    wait_for_human_fill_time(page)
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status").filter(has_text="Your comment is published.")).to_be_visible()
    mine = comment_item(page, body)
    expect(mine.locator(".comment__author")).to_have_text("Aigerim")
    expect(mine.get_by_role("link", name="Edit")).to_be_visible()
    expect(page.locator("#comments-title")).to_have_text(f"{before + 1} Comments")
    return body


def reply_in_place(page: Page, parent_text: str, reply: str) -> None:
    """A reply to another reader's comment, placed in that comment's part of the thread."""
    before = comment_count(page)
    form = comment_form(page)
    parent = comment_item(page, parent_text)
    parent.get_by_role("link", name="Reply").click()
    expect(form.locator("[data-replying]")).to_contain_text("Replying to Aliya K.")
    form.get_by_label("Comment", exact=True).fill(reply)
    # The first answer was spent on the comment: the widget solves a new challenge.
    wait_for_captcha(form)
    form.get_by_role("button", name="Post comment").click()
    reply_item = comment_item(page, reply)
    depth = int(parent.get_attribute("data-depth") or "0")
    expect(reply_item).to_have_attribute("data-depth", str(depth + 1))
    expect(page.locator("#comments-title")).to_have_text(f"{before + 1} Comments")
    # After its parent, before the next comment at the parent's level.
    assert reply_item.evaluate(
        """(reply, parentId) => {
            const parent = document.getElementById("comment-" + parentId);
            let node = parent.nextElementSibling;
            while (node && Number(node.dataset.depth) > Number(parent.dataset.depth)) {
                if (node === reply) return true;
                node = node.nextElementSibling;
            }
            return false;
        }""",
        parent.get_attribute("data-comment"),
    )


def post_held_comment(page: Page) -> None:
    """A comment that screening holds (more links than allowed): awaiting moderation."""
    before = comment_count(page)
    form = comment_form(page)
    held = (
        "Compare [one](https://example.org/a), [two](https://example.org/b) and "
        "[three](https://example.org/c) before you judge the sentence."
    )
    form.get_by_label("Comment", exact=True).fill(held)
    wait_for_captcha(form)
    form.get_by_role("button", name="Post comment").click()
    expect(
        page.get_by_role("status").filter(has_text="held for review and will appear once approved")
    ).to_be_visible()
    expect(comment_item(page, "before you judge the sentence")).to_have_count(0)
    expect(page.locator("#comments-title")).to_have_text(f"{before} Comments")


def like_in_place(page: Page, text: str) -> None:
    liked = comment_item(page, text)
    liked.get_by_role("button", name="Like").click()
    expect(liked.locator("[data-like-count]")).to_have_text("1")
    expect(liked.locator(".comment__like button")).to_have_attribute("aria-pressed", "true")


def post_awaiting_moderation(page: Page) -> None:
    """In a pre-moderated discussion a good comment, too, waits for a moderator."""
    open_article_from_home(page, RETRIAL_HEADLINE)
    before = comment_count(page)
    form = comment_form(page)
    body = "A retrial is the right call when the first court ignored the defence's experts."
    fill_comment(form, name="Aigerim", body=body)
    wait_for_captcha(form)
    wait_for_human_fill_time(page)
    form.get_by_role("button", name="Post comment").click()
    expect(
        page.get_by_role("status").filter(has_text="held for review and will appear once approved")
    ).to_be_visible()
    expect(comment_item(page, body)).to_have_count(0)
    expect(page.locator("#comments-title")).to_have_text(re.compile(rf"^{before} Comments?$"))
    page.reload()
    expect(comment_item(page, body)).to_have_count(0)


def test_reader_journey_with_javascript(new_context, screenshot_dir):
    page = new_context().new_page()
    open_article_from_home(page, ASTANA_COURT_HEADLINE)
    check_reference_page(page)
    read_policy(page)
    vote(page, "Yes")
    expect(page.locator("[data-poll-status]")).to_contain_text("your vote has been counted")
    # The vote is remembered: a new visit shows the counts and the reader's choice.
    page.reload()
    check_vote(page, "Yes")

    body = post_published_comment(page, screenshot_dir)
    reply = "The verdict says the organiser wrote them himself, so he answered for that too."
    reply_in_place(page, "Were the people who wrote the scripts charged too?", reply)
    post_held_comment(page)
    like_in_place(page, "Seized flats are worth a third of what was lost.")

    # All of it is kept: a new visit shows the comment, the reply and the like; nothing posted
    # comes back as a draft.
    page.reload()
    expect(comment_form(page).get_by_label("Comment", exact=True)).to_have_value("")
    expect(comment_item(page, body)).to_be_visible()
    expect(comment_item(page, reply)).to_be_visible()
    liked = comment_item(page, "Seized flats are worth a third of what was lost.")
    expect(liked.get_by_role("button", name="Liked")).to_contain_text("1")

    report(page, "Banks should warn people before large transfers", 4, "No spam or advertising")
    page.go_back()
    page.go_back()
    switch_to_russian(page)
    post_awaiting_moderation(page)


def test_an_unsent_comment_survives_a_closed_tab(new_context):
    context = new_context()
    page = context.new_page()
    page.goto(RETRIAL)
    draft = "A long answer about the retrial that the reader has not finished writing yet."
    comment_form(page).get_by_label("Comment", exact=True).fill(draft)
    page.close()  # the tab is closed before anything is sent

    again = context.new_page()
    again.goto(RETRIAL)
    expect(comment_form(again).get_by_label("Comment", exact=True)).to_have_value(draft)
    restored = "Your unsent comment was brought back from this browser."
    expect(again.get_by_role("status").filter(has_text=restored)).to_be_visible()
    # Emptied by the reader, it stays gone.
    comment_form(again).get_by_label("Comment", exact=True).fill("")
    again.reload()
    expect(comment_form(again).get_by_label("Comment", exact=True)).to_have_value("")


def test_reader_journey_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    open_article_from_home(page, ASTANA_COURT_HEADLINE)
    check_reference_page(page)
    read_policy(page)

    # The poll is an ordinary form: the vote is counted and the page comes back with the counts.
    vote(page, "No")
    expect(page.locator(".messages")).to_contain_text("Thank you, your vote has been counted.")

    # The Captcha explains itself, and what is sent goes to a moderator first.
    form = comment_form(page)
    expect(form.locator(".human-check__nojs")).to_contain_text(
        "read by a moderator before it is published"
    )
    before = comment_count(page)
    body = "The sentences will not return a single tenge to the people who lost their savings."
    fill_comment(form, name="Daulet", body=body)
    form.get_by_role("button", name="Post comment").click()
    messages = page.locator(".messages")
    expect(messages).to_contain_text("held for review and will appear once approved")
    expect(page.locator("#comments-title")).to_have_text(f"{before} Comments")
    expect(comment_item(page, body)).to_have_count(0)
    # The author keeps a private link to follow the comment.
    messages.get_by_role("link", name="Keep this private link to follow your comment.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your comment")
    expect(page.locator(".status-badge")).to_have_text("Held for review")
    expect(page.locator("blockquote.quoted-comment")).to_contain_text(body)
    page.go_back()

    # A reply: the Reply link reloads the page with the form set to answer that comment.
    parent_text = "Banks should warn people before large transfers to new accounts."
    comment_item(page, parent_text).get_by_role("link", name="Reply").click()
    expect(page).to_have_url(re.compile(r"creply=\d+"))
    expect(form.locator("[data-replying]")).to_contain_text("Replying to Serik")
    reply = "Mine did warn me, but only after the third transfer had already gone through."
    fill_comment(form, name="Daulet", body=reply)
    form.get_by_role("button", name="Post comment").click()
    expect(page.locator(".messages")).to_contain_text("held for review")

    # A form with a mistake comes back with the error, keeping what was written.
    fill_comment(form, name="", body="Without a name this cannot be posted.")
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your comment was not posted")
    expect(page.locator("#id_name_error")).to_contain_text("Please give a name")
    expect(comment_form(page).get_by_label("Name", exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(comment_form(page).get_by_label("Comment", exact=True)).to_have_value(
        "Without a name this cannot be posted."
    )
    page.go_back()

    # Liking is a form post that comes back to the comment.
    liked_text = "The supervisors only handed them out."
    comment_item(page, liked_text).get_by_role("button", name="Like").click()
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    expect(comment_item(page, liked_text).get_by_role("button", name="Liked")).to_contain_text("1")

    report(
        page,
        "Were the people who wrote the scripts charged too?",
        6,
        "Respect the presumption of innocence",
    )
    page.go_back()
    page.go_back()
    switch_to_russian(page)
