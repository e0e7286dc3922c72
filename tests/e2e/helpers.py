"""What a reader does with the comment form, and the accessibility check, in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import BrowserContext, Locator, Page, expect

from gazette.challenges.conf import DEFAULTS as CHALLENGE_DEFAULTS
from tests.e2e.conftest import Account

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# The proof of work takes well under a second at the easiest level; this is for a busy machine.
CAPTCHA_SECONDS = 20
# Forms sent sooner than this after they were shown are held as likely automated.
MIN_FILL_SECONDS = float(CHALLENGE_DEFAULTS["MIN_FILL_SECONDS"])
# The demo content's reference page: a Crime & Justice article with a Russian translation and a
# discussion. The journeys each like, answer and report different comments of it, so that every
# count they check is the same whichever journey ran first.
ASTANA_COURT = "/en/crime-justice/astana-court-jails-five-over-online-investment-scheme/"
ASTANA_COURT_HEADLINE = "Astana court jails five over online investment scheme"
# A Crime & Justice article whose discussion is pre-moderated (conftest sets it so).
RETRIAL = "/en/crime-justice/appeal-court-orders-retrial-in-shymkent-extremism-case/"
RETRIAL_HEADLINE = "Appeal court orders retrial in Shymkent extremism case"


def comment_form(page: Page) -> Locator:
    return page.locator("form#comment-form")


def comment_count(page: Page) -> int:
    """The number in the panel's heading ("5 Comments")."""
    text = page.locator("#comments-title").inner_text()
    match = re.match(r"\s*(\d+)", text)
    assert match, f"no count in the comments heading {text!r}"
    return int(match.group(1))


def comment_item(page: Page, text: str) -> Locator:
    """The list item of the comment whose body contains `text`."""
    return page.locator("[data-comment-list] > li.comment").filter(
        has=page.locator(".comment__body", has_text=text)
    )


def open_article_from_home(page: Page, headline: str) -> None:
    """Home page → the teaser labelled 'Crime & Justice' with this headline → the article."""
    page.goto("/en/")
    teaser = (
        page.locator("article.teaser")
        .filter(has=page.locator(".section-label", has_text="Crime & Justice"))
        .filter(has=page.locator(".teaser__headline", has_text=headline))
        .first
    )
    teaser.locator(".teaser__headline a").click()
    expect(page.locator("h1.story__headline")).to_contain_text(headline)


def fill_comment(form: Locator, *, name: str | None, body: str) -> None:
    if name is not None:
        form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Comment", exact=True).fill(body)
    form.get_by_label("I have read the Comment Policy").check()


def wait_for_captcha(form: Locator) -> None:
    """The widget starts its proof of work when a field of the form gets focus; wait until it
    has found the answer and put the payload in the form."""
    expect(form.locator("altcha-widget .altcha")).to_have_attribute(
        "data-state", "verified", timeout=CAPTCHA_SECONDS * 1000
    )
    expect(form.get_by_text("Verified", exact=True)).to_be_visible()
    payload = form.locator("input[name=altcha]").input_value()
    decoded = json.loads(_b64decode(payload))
    assert decoded["algorithm"] == "SHA-256"
    assert isinstance(decoded["number"], int)


def _b64decode(value: str) -> str:
    import base64  # noqa: PLC0415

    return base64.b64decode(value + "=" * (-len(value) % 4)).decode()


def wait_for_human_fill_time(page: Page) -> None:
    """Let as much time pass as a person needs to write a comment.

    The server holds forms sent sooner than MIN_FILL_SECONDS after the reader was shown them:
    after the page was rendered for them, or, in a page kept whole for every reader (which
    cannot say when), after the Captcha's challenge was issued, when they started on the form.
    Either happened before the later of the page's and the challenge's first byte.
    """
    page.wait_for_function(
        """(seconds) => {
            const [navigation] = performance.getEntriesByType("navigation");
            const challenges = performance.getEntriesByType("resource")
                .filter((entry) => entry.name.includes("/challenges/new/"));
            const starts = [navigation, ...challenges].map((entry) => entry.responseStart);
            return performance.now() - Math.max(...starts) > seconds * 1000;
        }""",
        arg=MIN_FILL_SECONDS + 0.3,
        polling=100,
    )


def shoot(
    page: Page, element: Locator, path: Path, *, margin: int = 16, max_height: int = 2000
) -> None:
    """A PNG of one element with a margin of the page around it (its top part, when long)."""
    box = element.evaluate(
        """(e) => {
            const r = e.getBoundingClientRect();
            return {x: r.left + window.scrollX, y: r.top + window.scrollY,
                    width: r.width, height: r.height,
                    pageWidth: document.documentElement.scrollWidth};
        }"""
    )
    x = max(box["x"] - margin, 0)
    y = max(box["y"] - margin, 0)
    width = min(box["width"] + 2 * margin, box["pageWidth"] - x)
    page.screenshot(
        path=path,
        clip={
            "x": x,
            "y": y,
            "width": width,
            "height": min(box["height"] + 2 * margin, max_height),
        },
        animations="disabled",
        full_page=True,
    )


def serious_violations(page: Page) -> list[dict[str, object]]:
    """Run axe-core on the page; return its serious and critical violations."""
    # Evaluated through the browser's debugging protocol, which the page's Content-Security-
    # Policy does not govern: a <script> tag of ours would be an inline script it blocks.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async () => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                  "best-practice"]},
            });
            return results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
                summary: v.nodes.length ? v.nodes[0].failureSummary : "",
            }));
        }"""
    )
    return [item for item in result if item["impact"] in ("serious", "critical")]


def assert_accessible(page: Page) -> None:
    violations = serious_violations(page)
    assert not violations, f"axe-core on {page.url}:\n{describe(violations)}"


def describe(violations: list[dict[str, object]]) -> str:
    return "\n".join(
        f"- {item['id']} ({item['impact']}): {item['help']}; {item['targets']}\n  {item['summary']}"
        for item in violations
    )


def sign_in(context: BrowserContext, account: Account) -> Page:
    page = context.new_page()
    page.goto("/en/moderation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("E-mail").fill(account.email)
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    return page
