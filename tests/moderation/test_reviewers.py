from django.test import TestCase

from gazette.moderation.models import Clause
from gazette.moderation.reviewers import Involved, qualified_reviewers
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.appeals import file_appeal
from tests.factories import ThreadFactory
from tests.moderation.factories import WHY, post, reviewer, staff_in


class QualifiedReviewersTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.clause = Clause.objects.get(version__number=1, key="attacks")
        cls.moderator = staff_in(MODERATOR)

    def appeal(self, number: int):
        comment = post(
            ThreadFactory(), f"Comment {number} about the verdict.", anonymous_id=f"r{number}"
        )
        removal = decisions.remove_comment(
            explanation=WHY,
            comment=comment,
            actor=self.moderator,
            clause=self.clause,
            note="Insults the judge.",
        )
        return file_appeal(decision=removal, statement="A quote.")

    def test_only_reviewers_who_read_the_language_and_took_no_part(self):
        english, russian, involved = reviewer("en"), reviewer("ru"), reviewer("en")
        staff_in(MODERATOR)  # reads nothing declared and decides no appeals
        found = qualified_reviewers(language="en", involved=Involved(involved.pk, frozenset()))
        assert list(found) == [english]
        assert list(qualified_reviewers(language="ru", involved=Involved(None, frozenset()))) == [
            russian
        ]

    def test_appeals_go_to_the_reviewer_with_the_fewest_open_ones(self):
        first, second = reviewer("en"), reviewer("en")
        assigned = [self.appeal(number).assigned_to for number in range(4)]
        assert assigned == [first, second, first, second]
