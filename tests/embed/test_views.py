import gzip
import json
import re
from pathlib import Path

from django.test import SimpleTestCase, TestCase, override_settings

EMBED_STATIC = Path(__file__).resolve().parents[2] / "gazette" / "embed" / "static" / "embed"
# The budget for the widget's script and styles together, compressed.
SIZE_BUDGET = 30 * 1024


class LoaderTests(SimpleTestCase):
    def loader_config(self, body):
        match = re.search(r'setAttribute\("data-gazette",(".*?")\)', body)
        assert match, body
        return json.loads(json.loads(match.group(1)))

    def test_the_loader_starts_the_widget_script_and_says_where_the_api_is(self):
        response = self.client.get("/embed.js")
        body = response.content.decode()
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/javascript")
        assert "/static/embed/embed.js" in body
        config = self.loader_config(body)
        assert config["api"] == "http://testserver/api/v1"
        assert config["css"] == "http://testserver/static/embed/embed.css"
        assert config["strings"].startswith("http://testserver/embed/strings/LANG.json?v=")
        assert config["events"] == "http://testserver/events/"

    def test_the_loader_is_kept_for_five_minutes_and_may_be_loaded_by_any_page(self):
        response = self.client.get("/embed.js")
        assert "max-age=300" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin"

    @override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
            },
        }
    )
    def test_with_collected_files_the_loader_names_their_hashed_versions(self):
        from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: PLC0415

        # As collectstatic leaves the manifest (the storage is built afresh for this test).
        staticfiles_storage.hashed_files = {
            "embed/embed.js": "embed/embed.0123456789ab.js",
            "embed/embed.css": "embed/embed.ba9876543210.css",
        }
        body = self.client.get("/embed.js").content.decode()
        config = self.loader_config(body)
        assert "/static/embed/embed.0123456789ab.js" in body
        assert config["css"].endswith("/static/embed/embed.ba9876543210.css")
        assert config["strings"].endswith("?v=embed.0123456789ab.js")


class StringsTests(TestCase):
    def test_texts_come_in_the_editions_language_with_its_plural_forms(self):
        response = self.client.get("/embed/strings/ru.json")
        texts = response.json()
        assert response.status_code == 200
        assert texts["policy"] == "Правила комментирования"
        assert texts["comments"]["1"] != texts["comments"]["5"]
        assert "{n}" in texts["comments"]["2"]

    def test_the_live_updates_read_as_on_the_article_page(self):
        english = self.client.get("/embed/strings/en.json").json()
        russian = self.client.get("/embed/strings/ru.json").json()
        assert english["newComments"] == "New comments: %(count)s. Show them"
        assert russian["newComments"] == "Новые комментарии: %(count)s. Показать"
        assert russian["liveReset"].endswith("чтобы увидеть изменения.")

    def test_english_counts_read_as_the_article_page_prints_them(self):
        texts = self.client.get("/embed/strings/en.json").json()
        assert texts["comments"]["1"] == "{n} Comment"
        assert texts["comments"]["5"] == "{n} Comments"

    def test_any_page_may_read_them_without_credentials(self):
        response = self.client.get("/embed/strings/kk.json", HTTP_ORIGIN="https://news.example")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
        assert "public" in response["Cache-Control"]

    def test_an_edition_we_do_not_publish_is_not_found(self):
        assert self.client.get("/embed/strings/fr.json").status_code == 404


class SizeTests(SimpleTestCase):
    def test_script_and_styles_together_stay_under_30_kb_compressed(self):
        both = (EMBED_STATIC / "embed.js").read_bytes() + (EMBED_STATIC / "embed.css").read_bytes()
        assert len(gzip.compress(both, compresslevel=9)) < SIZE_BUDGET
