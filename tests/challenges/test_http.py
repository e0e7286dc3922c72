from django import forms
from django.test import RequestFactory, TestCase, override_settings

from gazette.challenges.http import too_many_requests
from gazette.challenges.ratelimit import RateLimited

FORM_TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {"letters/form.html": "{{ form.non_field_errors }}{{ form.body }}"},
                )
            ]
        },
    }
]


class LetterForm(forms.Form):
    body = forms.CharField()


class TooManyRequestsTests(TestCase):
    def request(self, accept: str):
        return RequestFactory().get("/", HTTP_ACCEPT=accept)

    def test_json_clients_get_json(self) -> None:
        response = too_many_requests(self.request("application/json"), RateLimited(90))
        assert response.status_code == 429
        assert response["Retry-After"] == "90"
        assert response["Content-Type"] == "application/json"
        assert b"Please wait 2 minutes" in response.content

    def test_browsers_get_a_page(self) -> None:
        response = too_many_requests(self.request("text/html,*/*;q=0.8"), RateLimited(5))
        assert response.status_code == 429
        assert response["Retry-After"] == "5"
        assert response["Content-Type"].startswith("text/html")
        assert "Please wait 5 seconds and try again." in response.content.decode()

    def test_a_form_shows_the_message_in_place(self) -> None:
        exc = RateLimited(30)
        form = LetterForm({"body": "Hello"})
        form.add_error(None, exc.message)
        with override_settings(TEMPLATES=FORM_TEMPLATES):
            response = too_many_requests(
                self.request("text/html"),
                exc,
                template_name="letters/form.html",
                context={"form": form},
            )
        html = response.content.decode()
        assert response.status_code == 429
        assert '<ul class="errorlist nonfield"><li>You are doing that too often.' in html
        assert 'value="Hello"' in html
