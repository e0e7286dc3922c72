"""The smoke journey of a fresh production install, through nginx and across two app servers.

Run by .ci/deploy-check with the installed site's Python (it needs `altcha` to solve the
captcha, as the widget does in a browser). Each step prints what it checked; the first failure
stops the journey with a non-zero exit status.

    smoke.py --front https://127.0.0.1:PORT --server http://127.0.0.1:A --server http://… \
             --article-path /en/justice/… --article-id 1 --moderator NAME --password …
"""

from __future__ import annotations

import argparse
import base64
import http.cookiejar
import json
import re
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import Message

from altcha import solve_challenge_v1

# The front's certificate is the scratch one nginx was given.
_TLS = ssl.create_default_context()
_TLS.check_hostname = False
_TLS.verify_mode = ssl.CERT_NONE


class SmokeFailed(Exception):
    pass


@dataclass
class Answer:
    status: int
    body: str
    headers: Message  # names in any case: uvicorn sends them in lower case

    def json(self) -> dict[str, object]:
        loaded: dict[str, object] = json.loads(self.body)
        return loaded


@dataclass
class Browser:
    """One reader: a cookie jar, talking to one base URL (nginx, or one app server directly,
    in which case it says what nginx would: the request came over HTTPS)."""

    base: str
    front: str
    direct: bool = False
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    # Talking to an app server directly over HTTP, as nginx does: its HTTPS-only cookies are
    # kept here and sent back by hand (a cookie jar sends them over HTTPS only).
    direct_cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self, path: str, data: dict[str, str] | None = None, *, accept: str = "text/html"
    ) -> Answer:
        headers = {"Accept": accept, "User-Agent": "gazette-smoke"}
        if self.direct:
            headers["X-Forwarded-Proto"] = "https"
            headers["Host"] = urllib.parse.urlsplit(self.front).netloc
            if self.direct_cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.direct_cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Origin"] = self.front
            headers["Referer"] = self.front + path
            headers["Sec-Fetch-Site"] = "same-origin"
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar),
            urllib.request.HTTPSHandler(context=_TLS),
            _NoRedirect(),
        )
        try:
            with opener.open(request, timeout=20) as response:
                answer = Answer(response.status, response.read().decode(), response.headers)
                cookies = response.headers.get_all("Set-Cookie") or []
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, error.read().decode(), error.headers)
            cookies = error.headers.get_all("Set-Cookie") or []
        if self.direct:
            for header in cookies:
                name, _sep, rest = header.partition("=")
                self.direct_cookies[name.strip()] = rest.split(";", 1)[0]
        return answer

    def identified(self) -> Browser:
        """Get the reader cookie first, as the page's script does before a first vote."""
        self.request("/reader/", accept="application/json")
        return self


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailed(what)
    print(f"ok  {what}")


def solved_captcha(browser: Browser, scope: str) -> dict[str, str]:
    """Fetch a challenge for the form's scope as the widget does and solve it; the form fields
    it fills."""
    answer = browser.request(f"/challenges/new/?for={scope}", accept="application/json")
    check(answer.status == 200, f"a captcha challenge is issued by {browser.base}")
    challenge = answer.json()
    solution = solve_challenge_v1(
        str(challenge["challenge"]),
        salt=str(challenge["salt"]),
        algorithm=str(challenge["algorithm"]),
        max_number=int(str(challenge["maxNumber"])),
    )
    assert solution is not None
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return {"altcha": base64.b64encode(json.dumps(payload).encode()).decode(), "homepage": ""}


def comment_form(text: str, captcha: dict[str, str]) -> dict[str, str]:
    return {
        "name": "Smoke Reader",
        "email": "smoke@example.org",
        "body": text,
        "accept_policy": "on",
        **captcha,
    }


def until(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.5)
    return False


def journey(options: argparse.Namespace) -> None:
    front, servers = options.front, options.server
    article, article_id = options.article_path, options.article_id
    reader = Browser(front, front)
    one, two = (Browser(server, front, direct=True) for server in servers)

    # Reading, through nginx.
    for path, expected in (
        ("/en/", options.headline),
        (article, options.headline),
        ("/en/feeds/rss/", options.headline),
        ("/sitemap.xml", "<sitemapindex"),
        ("/en/comment-policy/", "Comment Policy"),
    ):
        answer = reader.request(path)
        check(answer.status == 200 and expected in answer.body, f"GET {path} through nginx")
    for server in (one, two):
        health = server.request("/health/", accept="application/json")
        check(health.json().get("status") == "ok", f"{server.base}/health/ says ok")

    # Votes: counted once per reader in the one database, the limit shared through Redis
    # (GAZETTE_RATES allows each address 4 votes in 10 minutes, whichever server takes them).
    vote = f"/en/reactions/articles/{article_id}/vote/"
    answers = [
        Browser(servers[number % 2], front, direct=True)
        .identified()
        .request(vote, {"choice": "yes"}, accept="application/json")
        for number in range(5)
    ]
    statuses = [answer.status for answer in answers]
    check(statuses == [200, 200, 200, 200, 429], f"4 votes counted, the 5th refused: {statuses}")
    poll = answers[3].json()["poll"]
    check(
        isinstance(poll, dict) and poll.get("total") == 4,
        "server two counts the votes taken by both servers",
    )

    # A comment with the captcha, through nginx; its solution is refused on the other server.
    captcha = solved_captcha(one, f"comment:{article_id}")
    time.sleep(4)  # a person takes a few seconds to write
    post = f"/en/comments/article/{article_id}/post/"
    text = f"The ruling deserves a careful reading {int(time.time())}."
    answer = one.request(post, comment_form(text, captcha))
    check(answer.status in (302, 303), f"a comment is posted on server one ({answer.status})")
    posted = re.search(r"/comments/(\d+)/", answer.headers.get("Location", ""))
    check(posted is not None, "the answer leads to the new comment")
    assert posted is not None
    replay = two.request(post, comment_form(text + " again", captcha))
    check(replay.status == 400, "the same captcha solution is refused on server two")

    # The shared page cache: the other server's page shows the comment within seconds.
    check(
        until(lambda: text in Browser(servers[1], front, direct=True).request(article).body, 10),
        "server two's page shows the comment posted on server one",
    )
    check(until(lambda: text in reader.request(article).body, 10), "so does the page through nginx")

    # A moderator removes it (through nginx: the session cookie is HTTPS-only); neither server
    # shows it any more.
    moderator = Browser(front, front)
    login = moderator.request("/en/accounts/sign-in/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.body)
    check(token is not None, "the sign-in form is served")
    assert token is not None
    signed_in = moderator.request(
        "/en/accounts/sign-in/",
        {
            "username": options.moderator,
            "password": options.password,
            "csrfmiddlewaretoken": token.group(1),
        },
    )
    check(signed_in.status in (302, 303), f"the moderator signs in ({signed_in.status})")
    desk = moderator.request("/en/moderation/")
    check(desk.status == 200, "the moderation desk opens")
    clause = re.search(r'<option value="(\d+)"', desk.body)
    decided = moderator.request(
        f"/en/moderation/comments/{posted.group(1)}/decide/",
        {
            "action": "remove",
            "clause": clause.group(1) if clause else "1",
            "note": "The comment is a test message and is off topic for this article.",
            "explanation": "The comment is a test message and is off topic for this article.",
        },
    )
    check(decided.status in (302, 303), f"the moderator removes the comment ({decided.status})")
    for number, server in enumerate(servers, start=1):
        page = Browser(server, front, direct=True)
        check(
            until(lambda page=page: text not in page.request(article).body, 10),
            f"server {number}'s page no longer shows the removed comment",
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--front", required=True, help="nginx's URL")
    parser.add_argument("--server", action="append", required=True, help="an app server's URL")
    parser.add_argument("--article-path", required=True)
    parser.add_argument("--article-id", required=True)
    parser.add_argument("--headline", required=True)
    parser.add_argument("--moderator", required=True)
    parser.add_argument("--password", required=True)
    options = parser.parse_args()
    try:
        journey(options)
    except SmokeFailed as exc:
        print(f"FAILED  {exc}", file=sys.stderr)
        return 1
    print("The smoke journey passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
