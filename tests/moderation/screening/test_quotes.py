# Russian, Kazakh and Uzbek reporting words are the subject here.
# ruff: noqa: RUF001
"""Quotations in a report of what someone said are the quoted person's words, not the reader's."""

import pytest

from gazette.moderation.models import ModerationSettings
from gazette.moderation.screening.assessment import assess
from gazette.moderation.screening.quotes import is_quoted, reported_quotes
from gazette.moderation.screening.rules import Rules
from gazette.moderation.screening.termmatch import Matcher, Term, TermAction, TermMode

RULES = Rules(
    matcher=Matcher(
        [
            Term("kill them all", TermAction.BLOCK, TermMode.WHOLE_WORD, clause_key="violence"),
            Term("убейте", TermAction.SUSPECT, TermMode.WORD_START, clause_key="violence"),
            Term("oʻldiring", TermAction.BLOCK, TermMode.WORD_START, clause_key="violence"),
            Term("casino", TermAction.SUSPECT, TermMode.WHOLE_WORD, clause_key="spam"),
        ]
    ),
    term_list_version="test",
    settings=ModerationSettings(profanity_threshold=0, house_models=False),
    classifier=None,
    house=(),
)


@pytest.mark.parametrize(
    "text",
    [
        'The prosecutor read out his message: "kill them all". The jury looked shaken.',
        "В приговоре сказано, что он писал «убейте неверных».",
        "Guvoh sudda «hammasini oʻldiringlar» deb aytganini tasdiqladi.",
    ],
)
def test_a_term_quoted_in_a_report_of_speech_is_left_to_the_models(text):
    assert assess(text, RULES) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kill them all, every one of them.",
        'My advice: "kill them all".',  # quoted, but nobody's words are reported
        "Прокурор всё врёт, убейте их всех.",  # the term is outside the quotation
    ],
)
def test_a_term_in_the_readers_own_words_is_found(text):
    assert [finding.clause_key for finding in assess(text, RULES)] == ["violence"]


def test_an_advertisement_in_quotation_marks_is_still_found():
    findings = assess('He wrote: "best casino here"', RULES)
    assert [finding.clause_key for finding in findings] == ["spam"]


def test_quoted_spans_cover_the_words_between_the_marks():
    text = "Суд огласил «текст» и „ещё один“"
    spans = reported_quotes(text)
    assert [text[start:end] for start, end in spans] == ["«текст»", "„ещё один“"]
    assert is_quoted(text.index("текст"), text.index("текст") + 5, spans)
    assert not is_quoted(0, 3, spans)
