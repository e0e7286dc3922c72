"""The monthly transparency report: the points of the due-process standard (38-44, 46) proven on
one known month, November 2026, seeded through the services readers, moderators and reviewers
use, at known times; the published table is compared whole with the one written out here."""

import csv
import io
import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from gazette.comments.exceptions import CommentRejected
from gazette.moderation import transparency
from gazette.moderation.models import (
    AuditEntry,
    AuthorityRequest,
    Clause,
    Decision,
    TrustedFlagger,
)
from gazette.moderation.policy import Ground
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.appeals import decide_appeal, file_appeal
from gazette.moderation.services.authority import (
    act_on_authority_request,
    record_authority_request,
)
from gazette.moderation.services.reports import report_comment
from gazette.moderation.services.sanctions import sanction_author
from gazette.moderation.transparency_document import DIMENSIONS
from tests import schema_check
from tests.factories import ThreadFactory, UserFactory
from tests.moderation.factories import (
    WHY,
    ClauseFactory,
    PolicyVersionFactory,
    ScreeningTermFactory,
    post,
    reviewer,
    staff_in,
    without_policy,
)

ALMATY = ZoneInfo("Asia/Almaty")
NOVEMBER = datetime(2026, 11, 1, tzinfo=ALMATY).date()
LAW = "Criminal Code, art. 174 (incitement to hatred)"


def at(day, hour):
    """A moment of November 2026 in the site's time zone."""
    return datetime(2026, 11, day, hour, tzinfo=ALMATY)


def url(name, language="en"):
    with translation.override(language):
        return reverse(f"moderation:transparency_{name}", kwargs={"year": 2026, "month": 11})


# Every figure of November 2026 in the English edition, as (section, measure, breakdown,
# value), in the published order: what the seeded month must give, exactly.
NOT = "not_automated"
EXPECTED = [
    ("arrivals", "comments received", {}, 9),
    ("arrivals", "published on arrival", {}, 6),
    ("arrivals", "held on arrival", {}, 2),
    ("arrivals", "refused on arrival", {}, 1),
    *[
        (
            "actions",
            "restrictions",
            {
                "clause": clause,
                "action": action,
                "source": source,
                "detected_automatically": detected,
                "automation": automation,
            },
            n,
        )
        for clause, action, source, detected, automation, n in [
            ("", "hold", "moderator", "no", NOT, 1),
            ("", "hold", "screening", "yes", "fully", 2),
            ("", "reject", "screening", "yes", "fully", 1),
            ("3 attacks", "remove", "trusted_flagger", "no", NOT, 1),
            ("4 spam", "remove", "moderator", "no", NOT, 1),
            ("4 spam", "remove", "screening", "yes", "partially", 1),
            ("4 spam", "warning", "moderator", "no", NOT, 1),
            ("5 unlawful", "remove", "authority_request", "no", NOT, 1),
            ("5 unlawful", "remove", "reader_report", "no", NOT, 1),
            ("5 unlawful", "suspension", "moderator", "no", NOT, 1),
        ]
    ],
    ("actions", "approved after review", {}, 1),
    ("actions", "removed", {}, 5),
    ("actions", "reinstated", {}, 2),
    ("actions", "held after readers' reports", {}, 0),
    # From posting (2 November, 10:00) to 25, 29, 48, 49, 51 and 146 hours later.
    ("actions", "median hours from posting to a moderator's decision", {}, 48.5),
    ("actions", "moderation mode or preset changes", {}, 0),
    (
        "reports",
        "reports received",
        {"ground": "illegal", "clause": "", "source": "reader_report"},
        1,
    ),
    (
        "reports",
        "reports received",
        {"ground": "policy", "clause": "3 attacks", "source": "trusted_flagger"},
        1,
    ),
    (
        "reports",
        "reports received",
        {"ground": "policy", "clause": "4 spam", "source": "reader_report"},
        3,
    ),
    *[
        (
            "reports",
            "reports resolved",
            {
                "ground": ground,
                "clause": clause,
                "source": source,
                "outcome": outcome,
                "decision_ground": decision_ground,
                "automated": "no",
            },
            n,
        )
        for ground, clause, source, outcome, decision_ground, n in [
            ("illegal", "", "reader_report", "actioned", "illegal", 1),
            ("policy", "3 attacks", "trusted_flagger", "actioned", "incompatible", 1),
            ("policy", "4 spam", "reader_report", "no_action", "", 3),
        ]
    ],
    # Acted on 2, 4, 6, 4 and 4 hours after the report.
    ("reports", "median hours from report to decision", {}, 4.0),
    ("appeals", "appeals filed", {"basis": "decision", "screening_flagged": "no"}, 1),
    ("appeals", "appeals filed", {"basis": "decision", "screening_flagged": "yes"}, 1),
    (
        "appeals",
        "appeals decided",
        {"basis": "decision", "outcome": "decision_reversed", "screening_flagged": "yes"},
        1,
    ),
    (
        "appeals",
        "appeals decided",
        {"basis": "decision", "outcome": "decision_stands", "screening_flagged": "no"},
        1,
    ),
    # Decided 6 and 24 hours after filing.
    ("appeals", "median hours to decide an appeal", {}, 15.0),
    ("appeals", "appeals against screening-flagged items", {}, 1),
    ("appeals", "screening-flagged items reversed on appeal", {}, 1),
    ("appeals", "reinstated without an appeal", {}, 1),
    ("sanctions", "sanctions", {"action": "suspension", "decision_ground": "illegal"}, 1),
    ("sanctions", "sanctions", {"action": "warning", "decision_ground": "incompatible"}, 1),
    ("sanctions", "misuse: suspensions for manifestly illegal content", {}, 1),
    ("sanctions", "misuse: reporters warned", {}, 1),
    ("sanctions", "misuse: reporting suspended", {}, 0),
    ("sanctions", "misuse: appellants warned", {}, 0),
    ("sanctions", "misuse: appealing suspended", {}, 0),
    ("authorities", "orders received", {"authority": "court_order", "country": "KZ"}, 1),
    ("authorities", "orders received", {"authority": "police", "country": "UZ"}, 1),
    (
        "authorities",
        "orders acted on",
        {"authority": "court_order", "country": "KZ", "outcome": "removed"},
        1,
    ),
    ("authorities", "median hours from receipt to action", {}, 3.0),
    ("screening", "screening holds", {"rule": "term", "written": "en"}, 2),
    ("screening", "screening holds confirmed", {"rule": "term", "written": "en"}, 1),
    ("screening", "screening holds overturned", {"rule": "term", "written": "en"}, 1),
    ("screening", "screening precision", {"rule": "term", "written": "en"}, 0.5),
    ("screening", "screening holds", {"written": "en"}, 2),
    ("screening", "screening holds confirmed", {"written": "en"}, 1),
    ("screening", "screening holds overturned", {"written": "en"}, 1),
    ("screening", "screening precision", {"written": "en"}, 0.5),
    *[
        (
            "screening",
            measure,
            {"written": written},
            None if measure == "screening precision" else 0,
        )
        for written in ("ru", "kk-cyrl", "kk-latn", "uz-latn", "uz-cyrl")
        for measure in (
            "screening holds",
            "screening holds confirmed",
            "screening holds overturned",
            "screening precision",
        )
    ],
    ("screening", "nudges", {"outcome": "shown"}, 0),
    ("screening", "nudges", {"outcome": "rephrased"}, 0),
    ("screening", "nudges", {"outcome": "as_written"}, 0),
]


def expected_json_sections():
    sections = {}
    for section, measure, breakdown, value in EXPECTED:
        sections.setdefault(section, []).append({"measure": measure, **breakdown, "value": value})
    return sections


def expected_csv_rows():
    return [
        [
            "en",
            "2026-11",
            section,
            measure,
            *(breakdown.get(dimension, "") for dimension in DIMENSIONS),
            "" if value is None else str(value),
        ]
        for section, measure, breakdown, value in EXPECTED
    ]


class KnownMonthTestCase(TestCase):
    """November 2026 in the English edition: nine comments arrive on the 2nd at 10:00 (six
    published, two held by a term, one refused); a trusted flagger, a reader and a reader who
    reports in bad faith report five of them on the 3rd at 09:00; moderators act, authors
    appeal, authors are sanctioned and two orders from authorities come in."""

    @classmethod
    def setUpTestData(cls) -> None:
        with time_machine.travel(at(1, 8), tick=False) as clock:
            cls.seed(clock)

    @classmethod
    def seed(cls, clock) -> None:
        clock.move_to(datetime(2026, 10, 30, 8, tzinfo=ALMATY))
        without_policy()
        version = PolicyVersionFactory(number=1, published_at=datetime(2026, 10, 1, tzinfo=ALMATY))
        attacks = ClauseFactory(version=version, number=3, key="attacks", title="No attacks")
        spam = ClauseFactory(version=version, number=4, key="spam", title="No spam")
        unlawful = ClauseFactory(
            version=version, number=5, key="unlawful", title="Nothing unlawful", immediate=True
        )
        ScreeningTermFactory(phrase="casino", action="suspect", clause_key="spam")
        ScreeningTermFactory(phrase="scamcoin", action="block", clause_key="spam")
        cls.moderator = staff_in(MODERATOR, username="mod-aliya", email="aliya@gazette.example")
        cls.reviewer = reviewer("en")
        cls.flagger = UserFactory(username="watchdog-desk", email="desk@watchdog.example")
        TrustedFlagger.objects.create(
            user=cls.flagger, organisation="Media Watchdog Almaty", since=at(1, 8)
        )
        clock.move_to(at(2, 10))
        thread = ThreadFactory()
        cls.comments = [
            post(thread, text, anonymous_id=f"author-{n}", name=f"Author {n}", email=f"a{n}@x.org")
            for n, text in enumerate(
                [
                    "The court should publish its full reasoning in this case.",
                    "Buy cheap watches at my shop, great prices every day.",
                    "This repeats the claim about the judge that a court found defamatory.",
                    "Another reader here is simply wrong about the budget figures.",
                    "The prosecutor named the wrong street in his statement.",
                    "The hearing was adjourned twice this month already.",
                ]
            )
        ]
        cls.held = [
            post(thread, text, anonymous_id=f"held-{n}", name=f"Held {n}", email=f"h{n}@x.org")
            for n, text in enumerate(
                [
                    "The casino near the courthouse closed last year, the article says.",
                    "Visit our casino tonight for the biggest bonus in town.",
                ]
            )
        ]
        with pytest.raises(CommentRejected):
            post(thread, "Get scamcoin now, it doubles every week.", anonymous_id="spammer")
        cls.act(clock, attacks=attacks, spam=spam, unlawful=unlawful)
        cls.just_outside_the_month(clock, attacks)

    @classmethod
    def just_outside_the_month(cls, clock, clause: Clause) -> None:
        """A comment posted and removed in the last half hour before November began in the
        site's time zone, and one in the first half hour after it ended: neither is November's."""
        for posted in (
            datetime(2026, 10, 31, 23, 0, tzinfo=ALMATY),
            datetime(2026, 12, 1, 0, 0, tzinfo=ALMATY),
        ):
            clock.move_to(posted - timedelta(hours=1))
            thread = ThreadFactory()
            clock.move_to(posted)
            comment = post(thread, "A comment at the edge of the month.")
            clock.shift(1800)
            decisions.remove_comment(
                comment=comment, actor=cls.moderator, clause=clause, explanation=WHY
            )

    @classmethod
    def act(cls, clock, *, attacks: Clause, spam: Clause, unlawful: Clause) -> None:
        court, shop, hatred, wrong, prosecutor, hearing = cls.comments
        casino_news, casino_ad = cls.held
        moderator = cls.moderator
        clock.move_to(at(3, 9))
        report_comment(
            comment=court,
            clause=attacks,
            reporter_key=f"user:{cls.flagger.pk}",
            reporter=cls.flagger,
        )
        for comment in (shop, prosecutor, hearing):
            report_comment(comment=comment, clause=spam, reporter_key="anon:pest")
        report_comment(
            comment=hatred,
            clause=None,
            reporter_key="anon:citizen",
            ground="illegal",
            legal_ground=LAW,
            note="It calls for a group of people to be driven out.",
            bona_fide=True,
        )
        clock.move_to(at(3, 11))
        removal = decisions.remove_comment(
            comment=court, actor=moderator, clause=attacks, explanation=WHY
        )
        clock.move_to(at(3, 13))
        for comment in (shop, prosecutor, hearing):
            decisions.dismiss_reports(comment=comment, actor=moderator, manifestly_unfounded=True)
        clock.move_to(at(3, 15))
        decisions.remove_comment(
            comment=hatred,
            actor=moderator,
            clause=unlawful,
            grounds=decisions.Grounds(
                explanation="It calls for a group of people to be driven out of the city.",
                ground=Ground.ILLEGAL,
                legal_ground=LAW,
            ),
        )
        sanction_author(
            kind="suspension",
            clause=unlawful,
            reason="A call to drive a group of people out of the city.",
            actor=moderator,
            email="a2@x.org",
            days=7,
            comment=hatred,
        )
        clock.move_to(at(4, 10))
        decisions.approve_comment(comment=casino_news, actor=moderator)
        clock.move_to(at(4, 11))
        casino_removal = decisions.remove_comment(
            comment=casino_ad, actor=moderator, clause=spam, explanation="An advert for a casino."
        )
        clock.move_to(at(4, 12))
        decisions.hold_comment(comment=wrong, actor=moderator, explanation=WHY)
        clock.move_to(at(4, 13))
        decisions.remove_comment(comment=wrong, actor=moderator, clause=spam, explanation=WHY)
        sanction_author(
            kind="warning", clause=spam, reason="Off-topic posting.", actor=moderator,
            email="a3@x.org", comment=wrong,
        )  # fmt: skip
        clock.move_to(at(5, 10))
        kept = file_appeal(decision=removal, statement="I attacked nobody.")
        reversed_ = file_appeal(decision=casino_removal, statement="It is about a real casino.")
        clock.move_to(at(5, 16))
        decide_appeal(
            appeal=reversed_, actor=cls.reviewer, outcome="reversed", response="A fair report."
        )
        clock.move_to(at(6, 10))
        decide_appeal(appeal=kept, actor=cls.reviewer, outcome="upheld", response="It stands.")
        clock.move_to(at(7, 10))
        decisions.reinstate_comment(comment=wrong, actor=moderator, note="Removed by mistake.")
        cls.orders(clock, prosecutor, unlawful)

    @classmethod
    def orders(cls, clock, comment, clause: Clause) -> None:
        clock.move_to(at(8, 9))
        order = record_authority_request(
            request=AuthorityRequest(
                kind="court_order",
                country="kz",
                authority="Almaty District Court",
                reference="2-1234/26",
                received_at=at(8, 8),
            ),
            comments=[comment],
            actor=cls.moderator,
        )
        clock.move_to(at(8, 12))
        act_on_authority_request(
            request=order,
            actor=cls.moderator,
            clause=clause,
            explanation="The court ordered its removal as incitement to hatred.",
            legal_ground=LAW,
        )
        clock.move_to(at(9, 9))
        record_authority_request(
            request=AuthorityRequest(
                kind="police", country="UZ", authority="Tashkent City Police", received_at=at(9, 8)
            ),
            comments=[],
            actor=cls.moderator,
        )


class PublishedTableTests(KnownMonthTestCase):
    def test_point_39_the_report_recomputed_from_the_log_is_the_expected_table(self):
        table = transparency.month_report("en", NOVEMBER).table()
        assert [
            (section, figure.measure, dict(figure.breakdown), figure.value)
            for section, figure in table
        ] == EXPECTED

    def test_point_39_removals_just_outside_the_month_are_left_out(self):
        assert AuditEntry.objects.filter(event="removed", edition="en").count() == 7
        assert transparency.month_report("en", NOVEMBER).removed == 5

    def test_point_39_the_json_publishes_the_whole_table_exactly(self):
        document = self.client.get(url("json")).json()
        assert document["sections"] == expected_json_sections()

    def test_point_39_the_csv_publishes_the_whole_table_exactly(self):
        rows = list(csv.reader(io.StringIO(self.client.get(url("csv")).content.decode())))
        assert rows[0] == ["edition", "month", "section", "measure", *DIMENSIONS, "value"]
        assert [row[2:4] for row in rows[1:4]] == [
            ["report", "licence"],
            ["report", "retention"],
            ["report", "generated from"],
        ]
        assert rows[4:] == expected_csv_rows()

    def test_point_40_actions_are_split_by_source_detection_and_automation(self):
        page = self.client.get(url("month"))
        self.assertContains(page, "Report by a trusted flagger")
        self.assertContains(page, "Order from an authority")
        self.assertContains(page, "Own initiative")
        self.assertContains(page, "partially")
        self.assertContains(page, "Decision automated")

    def test_point_41_reports_show_the_ground_acted_on_and_the_median_time(self):
        figures = transparency.month_report("en", NOVEMBER).report_figures
        acted = {f.by("decision_ground"): f.value for f in figures if f.by("outcome") == "actioned"}
        assert acted == {"illegal": 1, "incompatible": 1}
        page = self.client.get(url("month"))
        self.assertContains(page, "Median hours from a report to the decision")
        self.assertContains(page, "illegal content")

    def test_point_42_appeal_outcomes_are_named_for_the_decision(self):
        page = self.client.get(url("month"))
        self.assertContains(page, "decision reversed on appeal")
        self.assertContains(page, "decision stands")
        self.assertContains(page, "Comments reinstated without any appeal")
        self.assertNotContains(page, "Upheld: comment reinstated")

    def test_point_43_misuse_is_split_into_illegal_content_reports_and_appeals(self):
        page = self.client.get(url("month"))
        self.assertContains(page, "Suspensions for manifestly illegal content")
        self.assertContains(page, "Reporters warned for manifestly unfounded reports")
        self.assertContains(page, "Appealing suspended for manifestly unfounded appeals")

    def test_point_44_orders_are_counted_by_type_country_and_outcome(self):
        page = self.client.get(url("month"))
        self.assertContains(page, "Court order")
        self.assertContains(page, "<td>KZ</td>", html=True)
        self.assertContains(page, "Median hours from receiving an order to acting on it")

    def test_another_edition_has_its_own_figures_and_the_site_wide_orders(self):
        sections = self.client.get(url("json", "ru")).json()["sections"]
        assert sections["arrivals"][0] == {"measure": "comments received", "value": 0}
        assert sections["authorities"] == expected_json_sections()["authorities"]


class PermanentAddressTests(KnownMonthTestCase):
    def test_point_38_the_month_json_has_a_licence_and_states_its_retention(self):
        response = self.client.get("/transparency/2026-11.json", follow=True)
        assert response.status_code == 200
        document = response.json()
        assert document["licence"] == {
            "name": "CC BY 4.0",
            "url": "https://creativecommons.org/licenses/by/4.0/",
        }
        assert document["retention"]["minimum_years"] == 5
        assert (document["schema"], document["edition"], document["month"]) == (
            "gazette-transparency-report/1",
            "en",
            "2026-11",
        )
        assert document["generated_from"] == "audit log"
        assert document["urls"]["page"].endswith("/en/transparency/2026-11/")
        assert 'rel="license"' in response["Link"]

    def test_point_38_the_json_follows_the_schema_published_beside_it(self):
        response = self.client.get(url("json"))
        schema_url = reverse("moderation:transparency_schema")
        assert f'<{schema_url}>; rel="describedby"' in response["Link"]
        schema = self.client.get(schema_url)
        assert schema["Content-Type"] == "application/schema+json"
        assert schema_check.errors(response.json(), schema.json()) == []

    def test_point_38_page_and_csv_have_their_own_addresses_and_name_the_licence(self):
        page = self.client.get("/en/transparency/2026-11/")
        self.assertContains(
            page, 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"'
        )
        self.assertContains(page, "at least 5 years")
        self.assertContains(page, 'href="/en/transparency/2026-11.json"')
        table = self.client.get("/en/transparency/2026-11.csv")
        assert table["Content-Type"].startswith("text/csv")
        assert "CC BY 4.0 https://creativecommons.org/licenses/by/4.0/" in table.content.decode()

    def test_point_38_the_index_links_each_month_in_every_form(self):
        response = self.client.get("/en/transparency/")
        for form in ("/en/transparency/2026-11/", "2026-11.csv", "2026-11.json"):
            self.assertContains(response, form)

    def test_point_38_the_first_addresses_redirect_permanently(self):
        page = self.client.get("/en/transparency/2026/11/")
        table = self.client.get("/en/transparency/2026/11/report.csv")
        assert (page.status_code, page["Location"]) == (301, "/en/transparency/2026-11/")
        assert (table.status_code, table["Location"]) == (301, "/en/transparency/2026-11.csv")

    def test_a_month_spelled_otherwise_or_in_the_future_is_not_found(self):
        assert self.client.get("/en/transparency/2026-1.json").status_code == 404
        assert self.client.get("/en/transparency/2999-01.json").status_code == 404
        assert self.client.get("/en/transparency/2999/1/").status_code == 404

    def test_the_month_report_reads_the_log_in_a_fixed_number_of_queries(self):
        # Each breakdown reads the log once or twice, and clause titles take two: however many
        # entries the month holds, never a query per entry.
        with self.assertNumQueries(24):
            transparency.month_report("en", NOVEMBER)


class NoPersonalDataTests(KnownMonthTestCase):
    def published(self):
        return [
            self.client.get(url("month")).content.decode(),
            self.client.get(url("csv")).content.decode(),
            self.client.get(url("json")).content.decode(),
        ]

    def test_point_46_no_name_address_account_or_comment_is_published(self):
        people = [
            self.moderator.username,
            self.reviewer.username,
            self.flagger.username,
            "Media Watchdog",
            "Almaty District Court",
            "Tashkent City Police",
            "2-1234/26",
            "anon:pest",
            "anon:citizen",
            "author-0",
            "Author 1",
            "Held 0",
        ]
        public_ids = list(Decision.objects.values_list("public_id", flat=True))
        comment_links = [f"comments/{c.pk}/" for c in [*self.comments, *self.held]]
        for text in self.published():
            for name in [*people, *public_ids, *comment_links]:
                assert name not in text
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)

    def test_point_46_every_cell_of_the_json_is_a_code_or_a_number(self):
        codes = re.compile(r"^(|[a-z_]+|[a-z]{2}(-[a-z]{4})?|[A-Z]{2}|\d+ [a-z_-]+|yes|no)$")
        document = json.loads(self.published()[2])
        for figures in document["sections"].values():
            for figure in figures:
                value = figure.pop("value")
                figure.pop("measure")
                assert value is None or isinstance(value, int | float)
                assert all(codes.match(cell) for cell in figure.values()), figure
