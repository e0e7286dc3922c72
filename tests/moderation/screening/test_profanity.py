import io
import json

import pytest
from django.core.management import call_command

from gazette.moderation.screening import profanity

TEXTS = [
    "You are an idiot and a moron",
    "The court hears the appeal today",
    "What a stupid article, the author is a clown",
    "I disagree with the judge",
]


def test_exported_model_scores_exactly_like_the_package(tmp_path):
    from profanity_check import predict_prob  # noqa: PLC0415 - loads scikit-learn

    path = profanity.export_model(tmp_path / "model.json")
    model = profanity.ProfanityModel(**json.loads(path.read_text()))
    expected = predict_prob(TEXTS)
    for text, reference in zip(TEXTS, expected, strict=True):
        assert abs(model.probability(text) - reference) < 1e-9


def test_only_text_in_latin_letters_is_scored():
    assert profanity.offensive_probability("Суд отложил заседание") is None
    assert profanity.offensive_probability("You are an idiot and a moron") > 0.9


def test_unreadable_export_fails_loudly(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    profanity.export_path().write_text("{not json")
    with pytest.raises(profanity.ProfanityModelUnavailable):
        profanity.load_model()


def test_export_command_writes_the_model_once(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("export_profanity_model", stdout=out)
    assert profanity.export_path().exists()
    call_command("export_profanity_model", stdout=out)
    assert "exists already" in out.getvalue()
