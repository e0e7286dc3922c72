from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from gazette.comments.models import Thread
from gazette.importers.models import ImportRun
from tests.factories import SectionFactory, UserFactory
from tests.importers.helpers import FIXTURES, imported, without_posts

ADD = reverse("admin:importers_importrun_add")


def upload(name):
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes(), content_type="text/xml")


class ImportAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = UserFactory(is_staff=True)
        cls.editor.groups.add(Group.objects.get(name="editor"))
        cls.section = SectionFactory()

    def setUp(self):
        self.client.force_login(self.editor)
        self.folder = TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def start(self, name, **fields):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(ADD, {"file": upload(name), **fields})

    def test_an_editor_s_upload_runs_in_the_background_and_its_page_shows_the_report(self):
        response = self.start("disqus-isso-orphans-deleted.xml", format="disqus")
        run = ImportRun.objects.get()
        assert response.status_code == 302
        assert (run.status, run.started_by, run.processed, run.total) == (
            ImportRun.Status.FINISHED,
            self.editor,
            6,
            6,
        )
        assert run.report["counts"]["published"] == 4
        page = self.client.get(reverse("admin:importers_importrun_change", args=[run.pk]))
        html = page.content.decode()
        assert "6 of 6 comments" in html
        assert "http://example.org/" in html
        assert "a comment on a page the file does not have" in html
        assert Thread.objects.filter(key="http://example.org/").exists()

    def test_a_file_that_is_not_well_formed_fails_with_its_line_and_column(self):
        self.start("disqus-remark42-malformed-unicode.xml", format="disqus")
        run = ImportRun.objects.get()
        assert run.status == ImportRun.Status.FAILED
        assert "line 1, column 0" in run.error
        assert not Thread.objects.exists()

    def test_wordpress_posts_need_a_section(self):
        response = self.client.post(ADD, {"file": upload("wxr-isso-threaded.xml"), "format": "wxr"})
        assert (
            "Choose the section the WordPress posts are imported into." in response.content.decode()
        )
        assert not ImportRun.objects.exists()

    def test_wordpress_posts_go_to_the_chosen_section(self):
        self.start("wxr-isso-threaded.xml", format="wxr", section=self.section.pk)
        assert ImportRun.objects.get().report["counts"]["articles_created"] == 3
        assert self.section.articles.filter(slug="test").exists()

    def test_an_isso_database_needs_the_site_s_address(self):
        response = self.client.post(
            ADD, {"file": upload("wxr-isso-threaded.xml"), "format": "isso"}
        )
        assert "Give the full address of the site" in response.content.decode()

    def test_the_uploaded_export_is_deleted_once_imported(self):
        self.start("disqus-isso-orphans-deleted.xml", format="disqus")
        run = ImportRun.objects.get()
        assert not run.file
        assert not any(Path(settings.MEDIA_ROOT).parent.rglob("*.xml"))

    def test_a_run_whose_worker_stopped_is_run_again_to_completion(self):
        partial = imported(without_posts(self.folder.name, "5", "11"), "disqus")
        assert partial.imported == 3
        run = ImportRun.objects.create(
            format="disqus",
            file=upload("disqus-isso-orphans-deleted.xml"),
            status=ImportRun.Status.RUNNING,
        )
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("admin:importers_importrun_changelist"),
                {"action": "run_again", "_selected_action": [run.pk]},
            )
        run.refresh_from_db()
        assert run.status == ImportRun.Status.FINISHED
        assert run.report["counts"]["already_imported"] == 3
        assert run.report["counts"]["published"] == 2

    def test_staff_without_the_permission_cannot_import(self):
        self.client.force_login(UserFactory(is_staff=True))
        assert self.client.get(ADD).status_code == 403


class QueuedRunPageTests(TestCase):
    def test_a_run_waiting_for_its_worker_says_so_and_refreshes(self):
        editor = UserFactory(is_staff=True)
        editor.groups.add(Group.objects.get(name="editor"))
        self.client.force_login(editor)
        run = ImportRun.objects.create(format="disqus", file=upload("wxr-isso-threaded.xml"))
        html = self.client.get(reverse("admin:importers_importrun_change", args=[run.pk])).content
        assert "Not started yet." in html.decode()
        assert '<meta http-equiv="refresh" content="5">' in html.decode()


class ExportStorageTests(TestCase):
    def test_an_export_waits_outside_the_public_media_folder(self):
        run = ImportRun.objects.create(format="disqus", file=upload("wxr-isso-threaded.xml"))
        kept = Path(run.file.path)
        assert kept.is_file()
        assert Path(settings.MEDIA_ROOT) not in kept.parents
        assert kept.parent.parent.parent == Path(settings.MEDIA_ROOT).parent / "imports"
