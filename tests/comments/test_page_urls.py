import pytest

from gazette.comments.page_urls import NotAPageAddress, canonical_page_url


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("HTTP://Example.ORG:80/story/", "http://example.org/story"),
        ("https://example.org:443/story?utm_source=x&utm_medium=y", "https://example.org/story"),
        ("https://example.org/story?id=7&fbclid=abc#comments", "https://example.org/story?id=7"),
        ("https://example.org:8443/a/b/", "https://example.org:8443/a/b"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/", "https://example.org/"),
        ("  https://example.org./story  ", "https://example.org/story"),
        ("http://[::1]:8080/x/", "http://[::1]:8080/x"),
        ("https://example.org/Story?B=2&a=1", "https://example.org/Story?B=2&a=1"),
    ],
)
def test_one_page_has_one_address(written: str, canonical: str) -> None:
    assert canonical_page_url(written) == canonical


@pytest.mark.parametrize(
    "written",
    [
        "",
        "/story",
        "example.org/story",
        "ftp://example.org/file",
        "javascript:alert(1)",
        "https://user:secret@example.org/",
        "https://example.org:99999/",
        "https://example.org/" + "a" * 300,
        "https://example.org/a\x00b",
        "https://example.org/\x7f",
    ],
)
def test_what_is_not_a_page_address_is_refused(written: str) -> None:
    with pytest.raises(NotAPageAddress):
        canonical_page_url(written)
