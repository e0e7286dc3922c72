# A Russian spelling of a web address is one of the cases.
# ruff: noqa: RUF001
"""Screening reads what the reader will see, and spots web addresses written to slip past."""

from dataclasses import replace

import pytest

from gazette.moderation.models import ModerationSettings
from gazette.moderation.screening import corpus
from gazette.moderation.screening.assessment import assess
from gazette.moderation.screening.heuristics import disguised_links
from gazette.moderation.screening.house import MULTILINGUAL, house_models
from gazette.moderation.screening.rules import Rules
from gazette.moderation.screening.termmatch import Matcher, Term, TermAction, TermMode

RULES = Rules(
    matcher=Matcher([Term("spamword", TermAction.BLOCK, TermMode.WHOLE_WORD, clause_key="spam")]),
    term_list_version="test",
    settings=ModerationSettings(profanity_threshold=0, house_models=False),
    classifier=None,
    house=(),
)


@pytest.mark.parametrize(
    "written",
    [
        "&#115;pamword here",  # an HTML entity for the first letter
        "&#x73;pamword here",
        "**s**pamword here",  # Markdown emphasis inside the word
        "spam&shy;word here",  # a soft hyphen
    ],
)
def test_a_term_written_with_entities_or_markup_is_found_as_it_will_read(written):
    codes = [finding.code for finding in assess(written, RULES)]
    assert codes == ["term"]


@pytest.mark.parametrize(
    "text",
    [
        "visit bonus-kazino777 dot com now",
        "go to site[.]ru",
        "win at spin (dot) xyz",
        "write site .com",
        "пиши сюда bet точка ру",
    ],
)
def test_disguised_web_addresses_are_found(text):
    assert disguised_links(text)


@pytest.mark.parametrize(
    "text",
    [
        "The court. Info on the appeal follows.",
        "He moved to Moscow. Ru-language media reported it.",
        "The verdict is due on Monday.",
    ],
)
def test_ordinary_prose_has_no_disguised_address(text):
    assert disguised_links(text) == []


def test_a_disguised_address_holds_under_the_spam_clause():
    findings = assess("Best odds at luckyspin dot com", RULES)
    assert [(f.code, f.action, f.clause_key) for f in findings] == [
        ("disguised_link", "hold", "spam")
    ]


def test_every_shipped_model_names_its_version_and_threshold():
    models = house_models()
    assert {model.label for model in models} == {"incitement", "abuse", "spam"}
    assert all(len(model.version) == 10 for model in models)
    assert all(0.5 <= part.threshold < 1 for model in models for part in model.models.values())


def test_every_class_has_a_model_per_language_script_and_a_multilingual_one():
    expected = {*corpus.WRITTEN, MULTILINGUAL}
    assert all(set(model.models) == expected for model in house_models())


def test_a_text_is_scored_by_the_model_of_the_language_it_is_written_in():
    incitement = next(model for model in house_models() if model.label == "incitement")
    text = "Сотты жарып жіберу керек, судьяны өлтіреміз"
    rules = replace(RULES, settings=ModerationSettings(profanity_threshold=0), house=house_models())
    findings = assess(text, rules)
    expected = incitement.models["kk-cyrl"].model.score(text).probability
    assert incitement.score(text).probability == expected
    assert findings[-1].detail["model"] == "kk-cyrl"


def test_the_multilingual_spam_model_judges_a_text_after_its_language_scripts_own():
    models = {model.label: model for model in house_models()}
    assert [part.key for part in models["spam"].models_for("uz-latn")] == ["uz-latn", MULTILINGUAL]
    assert [part.key for part in models["incitement"].models_for("uz-latn")] == ["uz-latn"]


@pytest.mark.parametrize(
    "text", ["Which courtroom will it be in?", "An older comment a reader reported."]
)
def test_plain_questions_and_remarks_are_not_held_by_the_models(text):
    # Models that leant on little words (" a ", " be ") held these as abuse and incitement.
    rules = replace(RULES, settings=ModerationSettings(profanity_threshold=0), house=house_models())
    assert assess(text, rules) == []
