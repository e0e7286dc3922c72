"""The shapes the API publishes and accepts. Nothing here holds an e-mail address, an IP (or
its hash) or a reader's key: what a page shows of a comment, no more."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema

Sort = Literal["oldest", "newest", "liked"]
# An absolute http(s) address; comments.page_urls has the rest of the rule.
PageAddress = Annotated[
    str, Field(pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s\x00-\x1f\x7f]+$", max_length=2000)
]
# A site's key as the newsroom registered it (sites.models.Site.key, a slug).
SiteKey = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=64)]


class PageOfThread(Schema):
    sort: Sort = "oldest"
    page: int = Field(1, ge=1)
    with_poll: bool = Field(
        default=False,
        description="Also send the poll as the reader sees it: the first screen in one call.",
    )


class PageOfSite(PageOfThread):
    site: SiteKey = Field(
        description="The key the newsroom registered the site under.", examples=["partner"]
    )
    url: PageAddress = Field(
        description="The page's address (tracking parameters are ignored).",
        examples=["https://news.example.org/2026/12/court-ruling"],
    )


class PagesOfSite(Schema):
    site: SiteKey = Field(examples=["partner"])
    url: list[PageAddress] = Field(
        description="Up to 100 page addresses.",
        min_length=1,
        max_length=100,
        examples=[["https://news.example.org/2026/12/court-ruling"]],
    )


class ThreadOut(Schema):
    id: int
    site: str
    key: str
    url: str = Field(description="The page the thread is on.")
    title: str
    comment_count: int = Field(description="Published comments.")
    version: int = Field(description="Changes with everything the thread shows.")
    is_open: bool
    closed_message: str = Field(description="Why it is closed; empty while open.")
    policy_url: str = Field(description="The Comment Policy a comment here must accept.")
    challenge_url: str = Field(description="Where to fetch the captcha for a comment here.")


class CommentOut(Schema):
    id: int
    parent: int | None
    in_reply_to: int | None
    in_reply_to_name: str
    depth: int
    state: Literal["published", "pending", "deleted", "removed"]
    author_name: str = Field(description="Empty for a deleted or removed comment.")
    author_standing: str
    body_html: str = Field(description="Sanitised HTML; empty for a deleted or removed comment.")
    created_at: datetime
    edited_at: datetime | None
    like_count: int
    liked: bool | None = Field(description="Whether the calling reader likes it; null unknown.")
    more_replies: int = Field(description="Replies under this comment not listed on this page.")


class ThreadPageOut(Schema):
    thread: ThreadOut
    sort: Sort
    page: int
    pages: int
    comments: list[CommentOut]
    poll: PollOut | None = Field(None, description="Sent when asked for with `with_poll`.")


class RepliesOut(Schema):
    thread: ThreadOut
    comments: list[CommentOut]


class LocationOut(Schema):
    """Where a comment appears: on a page of the oldest-first thread, or on its root's
    replies (beyond the first few replies a thread page shows)."""

    thread: int
    sort: Sort
    page: int
    replies_of: int | None
    anchor: str


class PageCount(Schema):
    url: str
    comment_count: int


class CountsOut(Schema):
    site: str
    counts: list[PageCount]


class NewComment(Schema):
    body: str
    accept_policy: bool = Field(description="That the writer has read the Comment Policy.")
    altcha: str = Field("", description="The captcha's solution payload.")
    name: str = ""
    email: str = Field("", description="Never shown; only for reply notifications.")
    parent: int | None = Field(None, ge=1)
    notify: bool = False


class PostedOut(Schema):
    comment: CommentOut
    comment_count: int
    message: str
    status_url: str = Field(description="The author's private page for this comment.")
    status_token: str = Field(description="For GET /api/v1/comment-status/{token}.")
    author_token: str = Field(description="Send in X-Gazette-Author to edit or delete.")
    reader_token: str = Field(description="Send in X-Gazette-Reader with later calls.")


class CommentEdit(Schema):
    body: str


class CommentSourceOut(Schema):
    """What the author wrote, to fill the edit box (the HTML shown is made from it)."""

    id: int
    body: str = Field(description="The text as the author wrote it (Markdown).")
    editable_until: datetime


class LikeOut(Schema):
    liked: bool
    like_count: int


class NewReport(Schema):
    ground: Literal["policy", "illegal"] = "policy"
    clause: int | None = Field(None, description="The number of the clause in force.")
    legal_ground: str = ""
    note: str = ""
    bona_fide: bool = False
    name: str = ""
    email: str = Field("", description="Never shown; to be told the decision.")


class ReportOut(Schema):
    id: int
    status_url: str


class VoteIn(Schema):
    choice: str


class ChoiceOut(Schema):
    code: str
    label: str
    symbol: str
    chosen: bool
    count: int | None = Field(description="Null while counts are hidden from this reader.")
    percent: int | None


class PollOut(Schema):
    question: str
    is_open: bool
    show_counts: bool
    total: int | None
    choices: list[ChoiceOut]


class ReaderOut(Schema):
    reader_token: str


class DecisionOut(Schema):
    action: str
    clause: int | None
    explanation: str = Field(description="Why, as the author is told.")
    decided_at: datetime
    automatic: bool


class CommentStatusOut(Schema):
    comment: int
    thread: int
    state: str
    state_label: str
    posted_at: datetime
    decisions: list[DecisionOut]
    appealable: bool
    appeal_deadline: datetime | None
    status_url: str


PolicyDocument = dict[str, Any]


class SignOn(Schema):
    token: str = Field(
        max_length=4096,
        description="A JWT (HS256) signed with the site's sign-on secret: docs/embedding.md.",
    )


class SignedOnOut(Schema):
    reader_token: str = Field(
        description="Send in X-Gazette-Reader with later calls: they are the account's."
    )
    name: str = Field(description="The name the reader's comments are signed with.")
