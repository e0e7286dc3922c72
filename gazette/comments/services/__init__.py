"""Every write to threads and comments, one function per reader or editor action, each in one
transaction, e-mail after commit as tasks:

- threads.py: opening a thread, closing and reopening threads and sections;
- posting.py: posting a comment or a reply;
- changes.py: the author's edit (and the text to edit) and delete, moderation's change of state;
- likes.py: liking a comment;
- subscriptions.py: confirming and ending reply notifications.

The names below are the public services; import them from here.
"""

from gazette.comments.services.changes import (
    AuthorProof,
    change_comment_state,
    comment_for_editing,
    delete_comment,
    edit_comment,
)
from gazette.comments.services.likes import like_comment
from gazette.comments.services.posting import post_comment, publish_refused_comment
from gazette.comments.services.subscriptions import confirm_subscription, unsubscribe
from gazette.comments.services.threads import (
    close_section,
    close_thread,
    refuse_if_closed,
    reopen_section,
    reopen_thread,
    thread_changed,
    thread_for_article,
    thread_for_page,
)

__all__ = [
    "AuthorProof",
    "change_comment_state",
    "close_section",
    "close_thread",
    "comment_for_editing",
    "confirm_subscription",
    "delete_comment",
    "edit_comment",
    "like_comment",
    "post_comment",
    "publish_refused_comment",
    "refuse_if_closed",
    "reopen_section",
    "reopen_thread",
    "thread_changed",
    "thread_for_article",
    "thread_for_page",
    "unsubscribe",
]
