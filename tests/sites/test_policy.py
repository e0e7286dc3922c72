import pytest

from gazette.sites.policy import NotAnOrigin, canonical_origin, is_allowed_origin


@pytest.mark.parametrize(
    ("given", "origin"),
    [
        ("https://news.example.org", "https://news.example.org"),
        ("HTTPS://News.Example.ORG/", "https://news.example.org"),
        ("https://news.example.org:443", "https://news.example.org"),
        ("http://news.example.org:80", "http://news.example.org"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("https://[2001:db8::1]:8443", "https://[2001:db8::1]:8443"),
    ],
)
def test_an_origin_is_written_as_browsers_send_it(given, origin):
    assert canonical_origin(given) == origin


@pytest.mark.parametrize(
    "given",
    [
        "news.example.org",
        "ftp://news.example.org",
        "https://news.example.org/path",
        "https://news.example.org/?q=1",
        "https://user:secret@news.example.org",
        "https://news.example.org:99999",
        "",
    ],
)
def test_anything_but_an_origin_is_refused(given):
    with pytest.raises(NotAnOrigin):
        canonical_origin(given)


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        ("https://news.example.org", True),
        ("https://NEWS.example.org:443", True),
        ("http://news.example.org", False),
        ("https://news.example.org:8443", False),
        ("https://evil.news.example.org", False),
        ("null", False),
    ],
)
def test_only_an_exact_origin_is_allowed(origin, allowed):
    assert is_allowed_origin(origin, ["https://news.example.org"]) is allowed
