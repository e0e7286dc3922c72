"""Restoring what a Gazette export holds beside its threads and comments: registered sites and
Comment Policy versions before the comments, polls' tallies and moderation decisions after.

Each is restored once: a site by its key, a policy version by its number, a poll by its page,
a decision by its ID at the source; whatever is there already is left as it is, so running an
import again adds nothing. Decisions are history (ImportedDecision), not entries of this
install's audit log, so the transparency report of no month changes with an import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gazette.articles.models import Article
from gazette.comments.models import Comment
from gazette.importers.matching import ArticleIndex
from gazette.importers.models import ImportedComment, ImportedDecision
from gazette.importers.records import Fault, History
from gazette.importers.report import Outcome, Report
from gazette.moderation.models import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.reactions.models import Poll, ReactionSet, Tally
from gazette.reactions.targets import PollTarget
from gazette.sites.models import Site

BEFORE_COMMENTS = ("site", "policy_version")
AFTER_COMMENTS = ("poll_tally", "decision")


def _text(data: Mapping[str, Any], name: str, limit: int = 0) -> str:
    value = str(data.get(name) or "")
    return value[:limit] if limit else value


def _time(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


class Restorer:
    def __init__(self, *, source: str, report: Report, dry_run: bool) -> None:
        self.source = source
        self.report = report
        self.dry_run = dry_run

    @cached_property
    def index(self) -> ArticleIndex:
        # Read on the first poll of an article only: most imports have none.
        return ArticleIndex.build()

    def restore(self, records: Iterable[History]) -> None:
        """Each record in a transaction of its own (rolled back in a dry run); a record that
        cannot be restored is reported and the rest go on."""
        for record in records:
            try:
                fault = self._restore_one(record)
            except (KeyError, TypeError, ValueError, IntegrityError, ValidationError):
                # The record's transaction is rolled back whole; the others stand.
                fault = _(
                    "a record lacking a field its type needs, or with a value of the wrong kind"
                )
            if fault:
                self.report.skip(Fault(fault, ref=record.ref, is_comment=False))

    def _restore_one(self, record: History) -> str:
        with transaction.atomic():
            fault = self._restore(record)
            if self.dry_run:
                transaction.set_rollback(True)
        return fault

    def _restore(self, record: History) -> str:
        """What was wrong with the record, or "" once restored (or found already there)."""
        if record.kind == "site":
            return self._site(record.data)
        if record.kind == "policy_version":
            return self._policy_version(record.data)
        if record.kind == "poll_tally":
            return self._poll(record.data)
        return self._decision(record)

    # ---------------------------------------------------------------- before the comments

    def _site(self, data: Mapping[str, Any]) -> str:
        # This install's own site stands already; its articles' threads follow our articles.
        if data.get("own") or Site.objects.filter(key=data["key"]).exists():
            return ""
        site = Site(
            key=_text(data, "key", 64),
            name=_text(data, "name", 200),
            allowed_origins=[str(origin) for origin in data.get("allowed_origins") or []],
            default_edition=_text(data, "default_edition", 8) or "en",
            moderation_mode=_text(data, "moderation_mode", 4),
            policy_url=_text(data, "policy_url", 200),
        )
        site.full_clean()  # the checks the admin makes: origins, edition, key
        site.save()
        self.report.counts[Outcome.SITES_CREATED] += 1
        return ""

    def _policy_version(self, data: Mapping[str, Any]) -> str:
        """A version this install lacks, published as it was; one it has (its shipped first
        version, say) is kept as it is, since a published version is never changed."""
        number = int(data["number"])
        if PolicyVersion.objects.filter(number=number).exists():
            return ""
        version = PolicyVersion.objects.create(
            number=number,
            summary=_text(data, "summary"),
            preamble=_text(data, "preamble"),
            published_at=_time(data.get("published_at")),
        )
        PolicyVersionTranslation.objects.bulk_create(
            PolicyVersionTranslation(
                version=version,
                language=_text(item, "language", 8),
                summary=_text(item, "summary"),
                preamble=_text(item, "preamble"),
            )
            for item in data.get("translations") or []
        )
        for clause in data.get("clauses") or []:
            self._clause(version, clause)
        self.report.counts[Outcome.POLICY_VERSIONS] += 1
        return ""

    def _clause(self, version: PolicyVersion, data: Mapping[str, Any]) -> None:
        clause = Clause.objects.create(
            version=version,
            number=int(data["number"]),
            key=_text(data, "key", 40),
            title=_text(data, "title", 120),
            text=_text(data, "text"),
            examples=_text(data, "examples"),
            allowed_examples=_text(data, "allowed_examples"),
            dsa_category=_text(data, "dsa_category", 80) or Clause.dsa_category.field.default,
            dsa_keywords=[str(word) for word in data.get("dsa_keywords") or []],
            immediate=bool(data.get("immediate")),
        )
        ClauseTranslation.objects.bulk_create(
            ClauseTranslation(
                clause=clause,
                language=_text(item, "language", 8),
                title=_text(item, "title", 120),
                text=_text(item, "text"),
                examples=_text(item, "examples"),
                allowed_examples=_text(item, "allowed_examples"),
            )
            for item in data.get("translations") or []
        )

    # ---------------------------------------------------------------- after the comments

    def _poll_target(self, data: Mapping[str, Any]) -> PollTarget | None:
        article = data.get("article")
        if not article:
            return PollTarget.for_page(site=_text(data, "site", 64), key=_text(data, "key", 500))
        article_id = self.index.by_edition.get((str(article["edition"]), str(article["slug"])))
        if article_id is None:
            return None
        return PollTarget.for_article(Article.objects.get(pk=article_id))

    def _poll(self, data: Mapping[str, Any]) -> str:
        """A poll's counts per answer, on a page that has no poll yet."""
        target = self._poll_target(data)
        if target is None:
            return _("a poll on an article that is not on this site")
        if Poll.objects.filter(site=target.site, key=target.key).exists():
            return ""
        reaction_set = ReactionSet.objects.filter(name=data["reaction_set"]).first()
        if reaction_set is None:
            return _("a poll whose set of answers (%(name)s) this site does not have") % {
                "name": str(data["reaction_set"])[:80]
            }
        poll = Poll.objects.create(
            site=target.site, key=target.key, article=target.article, reaction_set=reaction_set
        )
        choices = {choice.code: choice for choice in reaction_set.choices.all()}
        for answer in data.get("answers") or []:
            choice = choices.get(str(answer["code"]))
            if choice is None:
                raise ValueError(answer["code"])  # nothing of the poll is kept
            Tally.objects.create(poll=poll, choice=choice, count=int(answer["votes"]))
        self.report.counts[Outcome.POLLS] += 1
        return ""

    def _decision(self, record: History) -> str:
        data = record.data
        if ImportedDecision.objects.filter(source=self.source, source_id=record.ref).exists():
            return ""
        comment = self._imported_comment(str(data["comment"]))
        if comment is None:
            return _("a moderation decision on a comment that was not imported")
        clause: Mapping[str, Any] = data.get("clause") or {}
        decided_at = _time(data["decided_at"])
        if decided_at is None:
            raise ValueError("decided_at")
        ImportedDecision.objects.create(
            source=self.source,
            source_id=record.ref[:100],
            comment=comment,
            event=_text(data, "event", 20),
            decided_at=decided_at,
            from_state=_text(data, "from_state", 12),
            to_state=_text(data, "to_state", 12),
            clause_key=_text(clause, "key", 40),
            clause_number=clause.get("number"),
            policy_version=clause.get("policy_version"),
            automatic=bool(data.get("automatic")),
            moderator=_text(data, "moderator", 150),
            appeal_outcome=_text(data, "appeal_outcome", 20),
        )
        self.report.counts[Outcome.DECISIONS] += 1
        return ""

    def _imported_comment(self, ref: str) -> Comment | None:
        row = (
            ImportedComment.objects.filter(source=self.source, source_id=ref)
            .select_related("comment")
            .first()
        )
        return row.comment if row is not None else None
