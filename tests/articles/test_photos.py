"""Photos an editor uploads are stored without the metadata a camera writes into them."""

import io
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from gazette.articles.models import Author, Photo
from tests.articles.test_admin import EditorTestCase

GPS_IFD = 0x8825
SERIAL_NUMBER = 0xA431
ARTIST = 0x013B
ORIENTATION = 0x0112
ROTATED_90 = 6
SECRETS = (b"Dana Photographer", b"CAM-SERIAL-0042", b"43.2389", b"sRGB-kept")


def camera_exif(*, orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ARTIST] = "Dana Photographer"
    exif[ORIENTATION] = orientation
    exif.get_ifd(0x8769)[SERIAL_NUMBER] = "CAM-SERIAL-0042"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (43.0, 14.0, 20.04), 3: "E", 4: (76.0, 53.0, 0.0)})
    return exif


def photo_bytes(image_format: str, *, size=(60, 30), orientation: int = 1) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    output = io.BytesIO()
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    options: dict = {"icc_profile": profile}
    if image_format == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Dana Photographer")
        info.add_text("Comment", "GPS 43.2389")
        options["pnginfo"] = info
        options["exif"] = camera_exif(orientation=orientation)
    else:
        options["exif"] = camera_exif(orientation=orientation)
        options["xmp"] = b"<x:xmpmeta>CAM-SERIAL-0042 43.2389</x:xmpmeta>"
    image.save(output, format=image_format, **options)
    return output.getvalue()


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


class PhotoMetadataTests(EditorTestCase):
    def upload(self, image_format: str, **kwargs) -> Photo:
        extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image_format]
        data = photo_bytes(image_format, **kwargs)
        assert b"CAM-SERIAL-0042" in data or b"Dana Photographer" in data  # the test's premise
        upload = SimpleUploadedFile(f"court.{extension}", data, f"image/{extension}")
        response = self.client.post(
            "/admin/articles/photo/add/",
            {
                "image": upload,
                "caption": "Outside the city court on November 3.",
                "credit": "Gazette/Photo Desk",
                "alt_text": "A court building",
            },
        )
        assert response.status_code == 302, response.content[:500]
        return Photo.objects.latest("pk")

    def assert_clean(self, photo: Photo) -> None:
        stored = Path(photo.image.path).read_bytes()
        for secret in SECRETS[:3]:
            assert secret not in stored, secret
        with Image.open(photo.image.path) as image:
            exif = image.getexif()
            assert GPS_IFD not in exif
            assert ARTIST not in exif
            assert not image.info.get("xmp")
            # The colour profile is kept on purpose.
            assert image.info.get("icc_profile")

    def test_gps_camera_serial_and_owner_are_gone_from_jpeg_png_and_webp(self) -> None:
        for image_format in ("JPEG", "PNG", "WEBP"):
            with self.subTest(image_format=image_format):
                self.assert_clean(self.upload(image_format))

    def test_no_stored_file_keeps_the_location(self) -> None:
        self.upload("JPEG")
        self.upload("PNG")
        for path in stored_files():
            assert b"43.2389" not in path.read_bytes(), path
            assert b"CAM-SERIAL-0042" not in path.read_bytes(), path

    def test_the_orientation_is_applied_to_the_pixels(self) -> None:
        photo = self.upload("JPEG", size=(60, 30), orientation=ROTATED_90)
        assert (photo.width, photo.height) == (30, 60)
        self.assert_clean(photo)
        with Image.open(photo.image.path) as image:
            assert image.size == (30, 60)
            assert image.getexif().get(ORIENTATION, 1) == 1

    def test_an_author_portrait_is_cleaned_too(self) -> None:
        author = Author(name="Aigerim Sadykova", slug="aigerim-sadykova")
        author.photo = SimpleUploadedFile("aigerim.jpg", photo_bytes("JPEG"), "image/jpeg")
        author.save()
        assert b"43.2389" not in Path(author.photo.path).read_bytes()
