"""The rules in force are read for every comment, so a change applies to the very next one, even
to a text screening assessed a moment before (the nudge, then the post)."""

from django.test import TestCase

from gazette.moderation.models import ModerationSettings, ScreeningTerm
from gazette.moderation.screening.assessment import assess
from gazette.moderation.screening.rules import load_rules

TEXT = "The zorbcoin people wrote to me again about the trial."


def codes(text):
    return [finding.code for finding in assess(text, load_rules())]


class RulesInForceTests(TestCase):
    def test_a_term_added_after_a_text_was_assessed_applies_when_it_is_assessed_again(self):
        assert "term" not in codes(TEXT)
        ScreeningTerm.objects.create(phrase="zorbcoin", action="suspect", clause_key="spam")
        assert "term" in codes(TEXT)

    def test_a_changed_setting_applies_to_a_text_assessed_before_it(self):
        shouting = "THE VERDICT IS A DISGRACE AND EVERYONE IN THIS TOWN KNOWS IT IS TRUE"
        assert "caps" in codes(shouting)
        ModerationSettings.objects.update(caps_min_letters=200)
        assert "caps" not in codes(shouting)

    def test_while_nothing_changes_the_same_rules_are_given(self):
        load_rules()  # the first screening of an install creates the settings row
        assert load_rules() is load_rules()
