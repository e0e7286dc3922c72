"""Long or writing commands: --dry-run changes nothing and says what would happen."""

import io
from datetime import timedelta

from django.core.management import call_command, get_commands, load_command_class
from django.test import TestCase

from gazette.articles.models import Article
from gazette.core import clock
from gazette.moderation.models import PolicyVersion
from tests.factories import ArticleFactory


def run(*arguments: str) -> str:
    out = io.StringIO()
    call_command(*arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


class DryRunTests(TestCase):
    def test_publish_scheduled_counts_the_due_articles_and_publishes_none(self) -> None:
        article = ArticleFactory(
            status=Article.Status.SCHEDULED, published_at=clock.now() - timedelta(minutes=5)
        )
        assert run("publish_scheduled", "--dry-run") == "1 scheduled article is due.\n"
        article.refresh_from_db()
        assert article.status == Article.Status.SCHEDULED

    def test_purge_challenges_counts_and_deletes_nothing(self) -> None:
        assert "Would delete 0 used challenges" in run("purge_challenges", "--dry-run")

    def test_load_comment_policy_says_the_policy_exists_and_changes_nothing(self) -> None:
        before = PolicyVersion.objects.count()
        assert "nothing would change" in run("load_comment_policy", "--dry-run")
        assert PolicyVersion.objects.count() == before

    def test_load_demo_content_reports_what_it_would_load_and_keeps_nothing(self) -> None:
        output = run("load_demo_content", "--dry-run")
        assert output.startswith("Dry run, nothing kept: ")
        assert "articles" in output
        assert not Article.objects.exists()

    def test_every_writing_command_explains_its_dry_run_in_help(self) -> None:
        for command in (
            "publish_scheduled",
            "purge_challenges",
            "purge_abuse_data",
            "load_comment_policy",
            "load_demo_content",
            "export_profanity_model",
            "train_house_models",
            "restore_site",
            "make_photo_renditions",
            "export_statements",
            "import_comments",
        ):
            with self.subTest(command=command):
                app = get_commands()[command]
                parser = load_command_class(app, command).create_parser("manage.py", command)
                assert "--dry-run" in parser.format_help()
