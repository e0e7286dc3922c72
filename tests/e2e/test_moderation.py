"""The moderators' side, in Chromium: held and reported comments in the queue, a removal citing a
clause, an approval, the author's notice and appeal, a senior moderator's reinstatement, and the
counts that follow (the article's, the queue's and the transparency report's)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.e2e.helpers import (
    ASTANA_COURT,
    RETRIAL,
    assert_accessible,
    comment_count,
    comment_form,
    comment_item,
    fill_comment,
    shoot,
    sign_in,
    wait_for_captcha,
    wait_for_human_fill_time,
)

pytestmark = pytest.mark.e2e

ATTACK = "Only an idiot would defend these crooks, and their lawyer is the biggest idiot of all."
FAIR = "The court's press office should publish the whole verdict so that readers can judge it."
PREMODERATED_REASON = "Held: this discussion is pre-moderated."
REPORTED = "Nine years for the organiser seems fair"
CLAUSE = "3. No personal attacks or harassment"
NOTE = "Name-calling aimed at the defence lawyer."


@dataclass(frozen=True)
class Posted:
    status_url: str


def post_without_javascript(context: BrowserContext, name: str, body: str) -> Posted:
    """A reader without JavaScript posts words the Comment Policy may not allow: they are shown
    the words once, send it as written, and the comment waits for a moderator."""
    page = context.new_page()
    page.goto(ASTANA_COURT)
    fill_comment(comment_form(page), name=name, body=body)
    comment_form(page).get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("alert")).to_contain_text("Before you post")
    comment_form(page).get_by_role("button", name="Post comment").click()
    messages = page.locator(".messages")
    expect(messages).to_contain_text("held for review")
    link = messages.get_by_role("link", name="Keep this private link to follow your comment.")
    href = link.get_attribute("href") or ""
    assert href.startswith("/en/comment-status/"), href
    page.close()
    return Posted(status_url=href)


def report_comment(context: BrowserContext, text: str) -> str:
    """A reader reports a published comment; returns the private address of the report."""
    page = context.new_page()
    page.goto(ASTANA_COURT)
    comment_item(page, text).get_by_role("link", name="Report").click()
    page.get_by_label("3. No personal attacks or harassment").check()
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your report")
    url = page.url
    page.close()
    return url


def tab_count(page: Page, name: str) -> int:
    text = page.get_by_role("navigation", name="Queues").get_by_role("link", name=name).inner_text()
    match = re.search(r"\((\d+)\)", text)
    assert match, text
    return int(match.group(1))


def open_queue(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Queues").get_by_role("link", name=name).click()
    expect(
        page.get_by_role("navigation", name="Queues").get_by_role("link", name=name)
    ).to_have_attribute("aria-current", "page")


def queue_item(page: Page, text: str) -> Locator:
    return page.locator("article.queue-item").filter(
        has=page.locator("blockquote.quoted-comment", has_text=text)
    )


def transparency_figures(context: BrowserContext) -> dict[str, int]:
    """This month's figures in the English edition, as a reader finds them."""
    page = context.new_page()
    page.goto("/en/transparency/")
    page.locator(".transparency li a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Transparency report,")
    figures = {}
    for row in page.locator("table.data-table tbody tr").all():
        header, cells = row.locator("th"), row.locator("td")
        # Rows of one count each; the table of holds by rule and language has several, and a
        # median with nothing to measure reads "—".
        if header.count() == 1 and cells.count() == 1 and cells.inner_text().strip().isdigit():
            figures[header.inner_text().strip()] = int(cells.inner_text())
    # Breakdown tables (a count in the last column only): their total, under their caption.
    for table in page.locator("table.data-table:has(caption)").all():
        counts = [cell.inner_text().strip() for cell in table.locator("tbody td.num").all()]
        if len(counts) != table.locator("tbody tr").count():
            continue  # a table of several measures each (screening's)
        caption = table.locator("caption").inner_text().strip()
        figures[f"{caption} (total)"] = sum(int(count) for count in counts if count.isdigit())
    page.close()
    return figures


@dataclass(frozen=True)
class ReadersActed:
    ana: BrowserContext
    ana_status_url: str
    report_status_url: str


def readers_act(new_context) -> ReadersActed:
    """Bolat comments on the pre-moderated article (with JavaScript, the widget solving its
    challenge while the others act); Ana, without JavaScript, attacks the defence lawyer; Chris
    reports a comment."""
    bolat = new_context().new_page()
    bolat.goto(RETRIAL)
    ana = new_context(java_script_enabled=False)
    attack = post_without_javascript(ana, "Ana", ATTACK)
    report_status_url = report_comment(new_context(), REPORTED)
    form = comment_form(bolat)
    fill_comment(form, name="Bolat", body=FAIR)
    wait_for_captcha(form)
    wait_for_human_fill_time(bolat)
    form.get_by_role("button", name="Post comment").click()
    expect(bolat.get_by_role("status").filter(has_text="held for review")).to_be_visible()
    return ReadersActed(ana, attack.status_url, report_status_url)


def moderator_sees_the_queues(desk: Page, screenshot_dir: Path) -> None:
    """Bolat's comment waits under Pending for pre-moderation alone; Ana's is held by rules,
    with the reasons screening gave."""
    pending = queue_item(desk, FAIR)
    expect(pending.locator(".queue-item__mode")).to_have_text(
        "Moderation mode: Pre-moderation (set for this article)"
    )
    expect(pending.locator(".queue-item__reasons")).to_have_text(PREMODERATED_REASON)
    assert_accessible(desk)
    open_queue(desk, "Held by rules")
    held = queue_item(desk, ATTACK)
    expect(held.locator(".queue-item__reasons").first).to_contain_text(
        "the human check asked for a review"
    )
    expect(held.locator(".queue-item__article")).to_contain_text("Astana court jails five")
    shoot(
        desk,
        desk.locator("section.queue"),
        screenshot_dir / "moderation-queue.png",
        max_height=1100,
    )
    assert_accessible(desk)
    open_queue(desk, "Reported")
    expect(queue_item(desk, REPORTED).locator(".queue-item__reports")).to_contain_text(
        "Report under clause 3 (No personal attacks or harassment) — Open"
    )
    assert_accessible(desk)


def moderator_decides(desk: Page) -> None:
    """Remove Ana's citing a clause, approve Bolat's from the keyboard, leave the reported one
    up; each queue's count follows."""
    open_queue(desk, "Held by rules")
    held_before = tab_count(desk, "Held by rules")
    removed_before = tab_count(desk, "Removed")
    item = queue_item(desk, ATTACK)
    item.get_by_label("Clause").select_option(label=CLAUSE)
    item.get_by_label("Why, as the author will read it").fill(NOTE)
    item.get_by_role("button", name="Remove").click()
    expect(desk.locator(".messages")).to_contain_text("The comment was removed")
    expect(queue_item(desk, ATTACK)).to_have_count(0)
    assert tab_count(desk, "Held by rules") == held_before - 1
    assert tab_count(desk, "Removed") == removed_before + 1

    open_queue(desk, "Pending")
    pending_before = tab_count(desk, "Pending")
    queue_item(desk, FAIR).locator("blockquote").click()  # picks the item for the keys
    desk.keyboard.press("a")
    expect(desk.locator(".messages")).to_contain_text("The comment is published.")
    expect(queue_item(desk, FAIR)).to_have_count(0)
    assert tab_count(desk, "Pending") == pending_before - 1

    open_queue(desk, "Reported")
    reported_before = tab_count(desk, "Reported")
    queue_item(desk, REPORTED).get_by_role("button", name="Dismiss the reports").click()
    expect(desk.locator(".messages")).to_contain_text("The reports were dismissed.")
    expect(queue_item(desk, REPORTED)).to_have_count(0)
    assert tab_count(desk, "Reported") == reported_before - 1


def reporter_appeals(context: BrowserContext, url: str) -> None:
    """The reporter learns the outcome and may appeal the decision to leave the comment up,
    once, to someone who took no part in it."""
    page = context.new_page()
    page.goto(url)
    expect(page.locator(".comment-status")).to_contain_text("No action: the comment stays")
    page.get_by_role("link", name="Appeal the decision").click()
    page.get_by_label("Why should the decision be changed?").fill(
        "It advertises a debt collector to people who lost their savings."
    )
    page.get_by_role("button", name="File the appeal").click()
    expect(page.locator(".messages")).to_contain_text("Your appeal was filed.")
    assert_accessible(page)


def author_appeals(ana: BrowserContext, status_url: str) -> Page:
    """The removed comment's author reads the notice, as it was sent, and appeals."""
    status = ana.new_page()
    status.goto(status_url)
    expect(status.locator(".status-badge")).to_have_text("Removed by moderation")
    notice = status.locator("article.notice-record").last
    expect(notice).to_contain_text("Clause 3, Comment Policy version 1")
    expect(notice).to_contain_text("No personal attacks or harassment")
    expect(notice).to_contain_text(f"Why: {NOTE}")
    status.get_by_label("Why should the decision be changed?").fill(
        "I criticised the defence, I did not insult a person. Please look again."
    )
    status.get_by_role("button", name="File the appeal").click()
    expect(status.locator(".messages")).to_contain_text("Your appeal was filed.")
    expect(status.get_by_role("heading", name="Your appeal", exact=True)).to_be_visible()
    expect(status.locator(".comment-status")).to_contain_text("State: Received")
    return status


def senior_reinstates(senior: Page) -> None:
    open_queue(senior, "Appeals")
    appeals_before = tab_count(senior, "Appeals")
    appeal = queue_item(senior, ATTACK)
    assert_accessible(senior)
    appeal.get_by_label("Outcome").select_option(label="Reversed: the decision is undone")
    appeal.get_by_label("Reasons").fill("Harsh words about the defence's arguments, not a person.")
    appeal.get_by_role("button", name="Decide the appeal").click()
    expect(senior.locator(".messages")).to_contain_text("The appeal is decided")
    expect(queue_item(senior, ATTACK)).to_have_count(0)
    assert tab_count(senior, "Appeals") == appeals_before - 1


def test_moderator_journey(new_context, server, screenshot_dir):
    figures_before = transparency_figures(new_context())
    reader = new_context().new_page()
    reader.goto(ASTANA_COURT)
    astana_before = comment_count(reader)
    reader.goto(RETRIAL)
    retrial_before = comment_count(reader)

    acted = readers_act(new_context)
    desk = sign_in(new_context(viewport={"width": 1280, "height": 1000}), server.moderator)
    moderator_sees_the_queues(desk, screenshot_dir)
    moderator_decides(desk)

    # Readers see the approved comment, and one more in the count; not the removed one.
    reader.reload()
    expect(comment_item(reader, FAIR)).to_be_visible()
    assert comment_count(reader) == retrial_before + 1
    reader.goto(ASTANA_COURT)
    expect(comment_item(reader, ATTACK)).to_have_count(0)
    assert comment_count(reader) == astana_before

    reporter_appeals(new_context(), acted.report_status_url)
    # The status page with its notice and appeal form, audited where scripts run (axe needs them).
    audit = new_context().new_page()
    audit.goto(acted.ana_status_url)
    expect(audit.get_by_role("button", name="File the appeal")).to_be_visible()
    assert_accessible(audit)
    status = author_appeals(acted.ana, acted.ana_status_url)

    # The moderator who made the decision sees the appeal but may not decide it.
    open_queue(desk, "Appeals")
    appeal = queue_item(desk, ATTACK)
    expect(appeal.locator(".queue-item__appeal")).to_contain_text("I criticised the defence")
    expect(appeal.get_by_role("button", name="Decide the appeal")).to_have_count(0)

    senior_reinstates(sign_in(new_context(), server.senior_moderator))
    open_queue(desk, "Removed")
    assert_accessible(desk)

    # The author sees the outcome; readers see the comment again, and the count follows.
    status.reload()  # the appeal's own page
    expect(status.locator(".comment-status")).to_contain_text("Reversed: the decision is undone")
    expect(status.locator(".comment-status")).to_contain_text("not a person")
    status.goto(acted.ana_status_url)
    expect(status.locator(".status-badge")).to_have_text("Published")
    reader.reload()
    expect(comment_item(reader, ATTACK)).to_be_visible()
    assert comment_count(reader) == astana_before + 1

    # The public report counts every step exactly (read in a fresh browser: its pages may be
    # cached for five minutes).
    figures = transparency_figures(new_context())
    changes = {key: figures[key] - figures_before.get(key, 0) for key in figures}
    assert changes == {
        **dict.fromkeys(figures, 0),
        "Comments received": 2,
        "Held on arrival for a moderator": 2,
        "Approved after review": 1,
        "Removed": 1,
        "Reinstated": 1,
        # The author's appeal against the removal of a comment screening had held, decided
        # for the author; and the reporter's, against "no action", still open.
        "Appeals against items automated screening had flagged": 1,
        "Of those, decisions reversed on appeal": 1,
        "Appeals filed (total)": 2,
        "Appeals decided (total)": 1,
        "Reports received (total)": 1,
        "Reports resolved (total)": 1,
        # The two holds on arrival and the removal.
        "Comments and authors restricted (total)": 3,
    }
