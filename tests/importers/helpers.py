from pathlib import Path

from gazette.comments.models import Comment
from gazette.importers.models import ImportedComment
from gazette.importers.services import ImportOptions, import_comments

FIXTURES = Path(__file__).parent / "fixtures"


def imported(name, source_format, **options):
    """Import a file of the fixtures folder (or any path) and return the report."""
    path = name if isinstance(name, Path) else FIXTURES / name
    return import_comments(path=path, options=ImportOptions(format=source_format, **options))


def comment_from(source_id, source="disqus"):
    """The comment a source's comment became."""
    return Comment.objects.get(
        pk=ImportedComment.objects.get(source=source, source_id=source_id).comment_id
    )


def repaired_remark42(name, folder):
    """A copy of a remark42 file with its two XML faults mended (the stray first byte and the
    unquoted attribute), so that its record-level faults can be read."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert text.startswith("`")
    text = text[1:].replace("<thread dsq:id=247937687/>", '<thread dsq:id="247937687"/>')
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8")
    return path


def without_posts(folder, *refs):
    """A well-formed copy of the Disqus fixture lacking some posts, as if cut short."""
    text = (FIXTURES / "disqus-isso-orphans-deleted.xml").read_text()
    for ref in refs:
        start = text.index(f'<post dsq:id="{ref}">')
        text = text[:start] + text[text.index("</post>", start) + len("</post>") :]
    path = Path(folder) / "disqus-isso-orphans-deleted.xml"
    path.write_text(text)
    return path
