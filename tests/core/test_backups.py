"""backup_site and restore_site: the whole site out to one file and back, as a deployer does."""

import builtins
import io
import json
import tarfile
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import TransactionTestCase

from gazette.articles.models import Article, Photo
from gazette.comments.models import Comment
from tests.factories import ArticleFactory, CommentFactory, PhotoFactory


class BackupRestoreTests(TransactionTestCase):
    # A restore replaces whole tables; the rows every test expects (content types, the default
    # policy) are put back afterwards as the concurrency tests' own setup expects them.
    serialized_rollback = True

    def setUp(self) -> None:
        self.tmp = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.archive = self.tmp / "site.tar.gz"

    def site_state(self) -> dict[str, object]:
        return {
            "articles": sorted(Article.objects.values_list("slug", "headline")),
            "comments": sorted(Comment.objects.values_list("pk", "body", "author_name")),
            "photos": sorted(Photo.objects.values_list("image", flat=True)),
        }

    def make_site(self) -> Photo:
        photo = PhotoFactory()
        ArticleFactory(headline="Court hears the appeal", lead_photo=photo)
        CommentFactory(author_name="Dana", body="A fair hearing.")
        return photo

    def test_a_restore_brings_back_the_database_and_the_photos_exactly(self) -> None:
        photo = self.make_site()
        before = self.site_state()
        photo_bytes = Path(photo.image.path).read_bytes()
        out = io.StringIO()
        call_command("backup_site", str(self.archive), stdout=out)
        assert "Backed up" in out.getvalue()

        # Things go wrong after the backup.
        Comment.objects.all().delete()
        ArticleFactory(headline="Written after the backup")
        Path(photo.image.path).unlink()

        call_command("restore_site", str(self.archive), "--yes", stdout=io.StringIO())
        assert self.site_state() == before
        assert Path(photo.image.path).read_bytes() == photo_bytes

    def test_the_archive_says_what_it_holds(self) -> None:
        self.make_site()
        call_command("backup_site", str(self.archive), stdout=io.StringIO())
        with tarfile.open(self.archive) as tar:
            names = tar.getnames()
            manifest = json.load(tar.extractfile("manifest.json"))
        assert manifest["format"] == "gazette-backup/1"
        assert manifest["migrations"]["articles"]
        assert any(name.startswith("database.") for name in names)
        assert any(name.startswith("media/photos/") for name in names)
        assert not list(self.tmp.glob("*.partial"))

    def test_a_backup_of_another_database_kind_is_refused_and_nothing_changes(self) -> None:
        self.make_site()
        before = self.site_state()
        manifest = json.dumps({"format": "gazette-backup/1", "vendor": "oracle"}).encode()
        with tarfile.open(self.archive, "w:gz") as tar:
            info = tarfile.TarInfo("manifest.json")
            info.size = len(manifest)
            tar.addfile(info, io.BytesIO(manifest))
        with pytest.raises(CommandError, match="same kind of database"):
            call_command("restore_site", str(self.archive), "--yes")
        assert self.site_state() == before

    def test_a_file_that_is_no_backup_is_refused(self) -> None:
        with tarfile.open(self.archive, "w:gz") as tar:
            tar.add(__file__, arcname="notes.txt")
        with pytest.raises(CommandError, match="not a Gazette backup"):
            call_command("restore_site", str(self.archive), "--yes")
        with pytest.raises(CommandError, match="No such file"):
            call_command("restore_site", str(self.tmp / "missing.tar.gz"), "--yes")

    def test_a_restore_asks_before_it_replaces_anything(self) -> None:
        self.make_site()
        call_command("backup_site", str(self.archive), stdout=io.StringIO())
        before = self.site_state()
        ArticleFactory(headline="Kept, since the restore was not confirmed")
        original_input = builtins.input
        builtins.input = lambda prompt: "no"
        try:
            with pytest.raises(CommandError, match="Nothing was restored"):
                call_command("restore_site", str(self.archive))
        finally:
            builtins.input = original_input
        assert self.site_state() != before
