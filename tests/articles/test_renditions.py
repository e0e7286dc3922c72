"""Each photo is offered in several widths and modern formats, made in the background after
upload, so that a phone or a teaser never downloads the full photo."""

import io
import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from gazette.articles import renditions
from gazette.articles.models import Photo
from tests.articles.test_admin import EditorTestCase
from tests.articles.test_photos import SECRETS, photo_bytes
from tests.factories import ArticleFactory, PhotoFactory, jpeg_upload

FORMATS = renditions.formats()


def srcset_widths(srcset: str) -> list[int]:
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


class RenditionTests(EditorTestCase):
    def upload(self, size: tuple[int, int], photo: Photo | None = None) -> Photo:
        path = (
            f"/admin/articles/photo/{photo.pk}/change/" if photo else "/admin/articles/photo/add/"
        )
        # The renditions are made by a task once the upload commits (the tests run tasks at once).
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                path,
                {
                    "image": SimpleUploadedFile(
                        "court.jpg", photo_bytes("JPEG", size=size), "image/jpeg"
                    ),
                    "caption": "Outside the city court on November 3.",
                    "credit": "Gazette/Photo Desk",
                    "alt_text": "A court building",
                },
            )
        assert response.status_code == 302, response.content[:500]
        return Photo.objects.get(pk=photo.pk) if photo else Photo.objects.latest("pk")

    def test_an_upload_is_made_in_every_width_it_can_fill_and_every_format(self) -> None:
        photo = self.upload((1000, 500))
        made = {(item["width"], item["format"]) for item in photo.renditions}
        assert made == {(width, kind) for width in (320, 640, 960) for kind in FORMATS}
        assert "avif" in FORMATS  # Pillow here writes both
        assert "webp" in FORMATS
        for item in photo.renditions:
            stored = Path(photo.image.storage.path(item["name"]))
            with Image.open(stored) as image:
                assert image.format == renditions.PILLOW_FORMATS[item["format"]]
                assert image.size == (item["width"], item["height"])
                assert item["height"] == item["width"] // 2
            for secret in SECRETS[:3]:
                assert secret not in stored.read_bytes()

    def test_a_photo_smaller_than_every_width_gets_its_own_width(self) -> None:
        photo = self.upload((200, 100))
        assert {item["width"] for item in photo.renditions} == {200}

    def test_replacing_the_image_replaces_its_renditions(self) -> None:
        photo = self.upload((1000, 500))
        replaced = self.upload((700, 700), photo)
        assert {(item["width"], item["height"]) for item in replaced.renditions} == {
            (320, 320),
            (640, 640),
        }

    def test_the_article_page_offers_every_width_and_a_teaser_stops_before_the_largest(
        self,
    ) -> None:
        photo = self.upload((1600, 1000))
        article = ArticleFactory(lead_photo=photo)
        page = self.client.get(article.get_absolute_url()).content.decode()
        story = page[page.index('class="story__photo') :]
        sources = re.findall(r'<source type="([^"]+)" srcset="([^"]+)" sizes="([^"]+)"', story)
        assert [mime for mime, _srcset, _sizes in sources] == ["image/avif", "image/webp"]
        assert all(srcset_widths(srcset) == [320, 640, 960, 1200] for _m, srcset, _s in sources)
        img = re.search(r"<img [^>]*>", story).group(0)
        assert 'width="1600" height="1000"' in img
        assert srcset_widths(re.search(r'srcset="([^"]+)"', img).group(1)) == [320, 640, 960, 1200]

        front = self.client.get("/en/").content.decode()
        teaser = front[front.index('class="teaser__photo') :]
        teaser = teaser[: teaser.index("</picture>")]
        assert max(srcset_widths(teaser)) == 960
        assert 'width="1600" height="1000"' in teaser

    def test_until_renditions_exist_the_page_shows_the_original_with_its_size(self) -> None:
        article = ArticleFactory(lead_photo=PhotoFactory(image=jpeg_upload(size=(64, 48))))
        page = self.client.get(article.get_absolute_url()).content.decode()
        story = page[page.index('class="story__photo') :]
        assert "<source" not in story[: story.index("</picture>")]
        assert re.search(r'<img src="[^"]+\.jpg" alt="[^"]+" width="64" height="48"', story)

        self.run_command("make_photo_renditions")
        page = self.client.get(article.get_absolute_url()).content.decode()
        assert '<source type="image/webp"' in page  # the cached page was retired

    def test_the_command_counts_in_a_dry_run_and_makes_nothing(self) -> None:
        PhotoFactory()
        out = self.run_command("make_photo_renditions", "--dry-run")
        assert out == "1 photo has no renditions.\n"
        assert Photo.objects.get().renditions == []
        assert "renditions made" in self.run_command("make_photo_renditions")
        assert Photo.objects.get().renditions != []

    def run_command(self, *arguments: str) -> str:
        out = io.StringIO()
        call_command(*arguments, stdout=out)
        return out.getvalue()
