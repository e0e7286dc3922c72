"""Importing the comments of another system: a Disqus XML export, a WordPress export (WXR), an
Isso database, or another install's Gazette export (with its history, history.py).

The file is read whole into a private staging table first (staging.py): a file that is not
well-formed is refused there, with its line and column, before anything is written. Records
that cannot be read are skipped one by one with their reason. The pages and their comments are
then written in transactions of about `batch_size` comments (loading.py), each page whole in
one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from django.utils.translation import gettext as _

from gazette.articles.models import Section
from gazette.core.progress import Progress, Silent
from gazette.importers import disqus, gazette_jsonl, isso, wxr
from gazette.importers.history import AFTER_COMMENTS, BEFORE_COMMENTS, Restorer
from gazette.importers.loading import Batch, Loader, Target
from gazette.importers.models import Format
from gazette.importers.records import Fault, Record
from gazette.importers.report import Report
from gazette.importers.staging import Staging

DEFAULT_BATCH_SIZE = 1000


@dataclass(frozen=True)
class ImportOptions:
    format: str
    # What the source IDs are unique within; two WordPress sites need two names.
    source: str = ""
    section: Section | None = None  # where WordPress posts become articles
    site_url: str = ""  # the address Isso's page paths are on
    batch_size: int = DEFAULT_BATCH_SIZE
    dry_run: bool = False

    @property
    def source_name(self) -> str:
        return self.source or self.format


def _records(path: Path, options: ImportOptions) -> Iterator[Record]:
    if options.format == Format.DISQUS:
        return disqus.read(path)
    if options.format == Format.WXR:
        return wxr.read(path)
    if options.format == Format.GAZETTE:
        return gazette_jsonl.read(path)
    return isso.read(path, options.site_url)


def _batches(staging: Staging, size: int) -> Iterator[Batch]:
    batch: Batch = []
    weight = 0
    for thread in staging.threads():
        comments = staging.comments_of(thread.ref)
        batch.append((thread, comments))
        # A page without comments still weighs: its post may become an article.
        weight += max(len(comments), 1)
        if weight >= size:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def import_comments(
    *,
    path: Path,
    options: ImportOptions,
    progress: Progress | None = None,
    on_batch: Callable[[Report, int], None] | None = None,
) -> Report:
    """Import the file's comments and return the report. Running it again imports only what
    the earlier runs did not; with `dry_run` everything is done and then rolled back.

    Raises ImportRefused (NotWellFormed with line and column) when the file cannot be read at
    all; nothing is written then.
    """
    progress = progress or Silent()
    report = Report()
    tell = on_batch or (lambda _report, _done: None)
    with TemporaryDirectory(prefix="gazette-import-") as folder:
        staging = Staging(Path(folder))
        try:
            _stage(path, options, staging, report)
            progress.total = staging.comment_count()
            report.comments_in_file += progress.total
            tell(report, 0)
            _load(staging, options, report, progress, tell)
        finally:
            staging.close()
    progress.done()
    return report


def _load(
    staging: Staging,
    options: ImportOptions,
    report: Report,
    progress: Progress,
    tell: Callable[[Report, int], None],
) -> None:
    target = Target(
        source=options.source_name,
        section=options.section,
        is_wordpress=options.format == Format.WXR,
        dry_run=options.dry_run,
    )
    restorer = Restorer(source=options.source_name, report=report, dry_run=options.dry_run)
    restorer.restore(staging.history(*BEFORE_COMMENTS))
    loader = Loader(target, report)
    done = 0
    for batch in _batches(staging, max(options.batch_size, 1)):
        loader.load(batch)
        count = sum(len(comments) for _thread, comments in batch)
        done += count
        progress.step(count)
        tell(report, done)
    for orphan in staging.orphans():
        report.skip(Fault(_("a comment on a page the file does not have"), ref=orphan.ref))
        progress.step()
    restorer.restore(staging.history(*AFTER_COMMENTS))


def _stage(path: Path, options: ImportOptions, staging: Staging, report: Report) -> None:
    for record in _records(path, options):
        fault = record if isinstance(record, Fault) else staging.add(record)
        if fault is not None:
            report.skip(fault)
            # A comment refused before staging is still one of the file's.
            report.comments_in_file += int(fault.is_comment)
    staging.finish()
