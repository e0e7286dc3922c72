"""The transparency report's figures as the month page shows them: each section's counts with a
breakdown as tables, its single figures as a list, every code given its words in the edition's
language. The CSV and the JSON keep the codes (transparency_document.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gazette.moderation.models import AuthorityRequest, Report
from gazette.moderation.transparency import MonthReport
from gazette.moderation.transparency_figures import Figure

# The sections the page adds to its charts and screening tables, in order, with their headings.
SECTIONS: dict[str, Promise] = {
    "actions": _("Actions taken"),
    "reports": _("Reports"),
    "appeals": _("Appeals"),
    "sanctions": _("Sanctions and misuse"),
    "authorities": _("Orders from authorities"),
}
MEASURES: dict[str, Promise] = {
    "restrictions": _("Comments and authors restricted"),
    "approved after review": _("Approved after review"),
    "removed": _("Removed"),
    "reinstated": _("Reinstated"),
    "held after readers' reports": _("Held after readers' reports"),
    "median hours from posting to a moderator's decision": _(
        "Median hours from posting to a moderator's decision"
    ),
    "moderation mode or preset changes": _("Changes of moderation mode or preset"),
    "reports received": _("Reports received"),
    "reports resolved": _("Reports resolved"),
    "median hours from report to decision": _("Median hours from a report to the decision"),
    "appeals filed": _("Appeals filed"),
    "appeals decided": _("Appeals decided"),
    "median hours to decide an appeal": _("Median hours from an appeal to its decision"),
    "appeals against screening-flagged items": _(
        "Appeals against items automated screening had flagged"
    ),
    "screening-flagged items reversed on appeal": _("Of those, decisions reversed on appeal"),
    "reinstated without an appeal": _("Comments reinstated without any appeal"),
    "sanctions": _("Sanctions on authors"),
    "sanctions revoked": _("Sanctions revoked"),
    "misuse: suspensions for manifestly illegal content": _(
        "Suspensions for manifestly illegal content"
    ),
    "misuse: reporters warned": _("Reporters warned for manifestly unfounded reports"),
    "misuse: reporting suspended": _("Reporting suspended for manifestly unfounded reports"),
    "misuse: appellants warned": _("Appellants warned for manifestly unfounded appeals"),
    "misuse: appealing suspended": _("Appealing suspended for manifestly unfounded appeals"),
    "orders received": _("Orders received"),
    "orders acted on": _("Orders acted on"),
    "median hours from receipt to action": _(
        "Median hours from receiving an order to acting on it"
    ),
}
DIMENSIONS: dict[str, Promise] = {
    "clause": _("Clause"),
    "action": _("Action"),
    "source": _("Source"),
    "detected_automatically": _("Detected automatically"),
    "automation": _("Decision automated"),
    "ground": _("Ground reported"),
    "decision_ground": _("Acted on as"),
    "outcome": _("Outcome"),
    "basis": _("Appeal against"),
    "screening_flagged": _("Flagged by screening"),
    "automated": _("Resolved by automated means"),
    "authority": _("Type of authority"),
    "country": _("Country"),
}
_YES_NO: dict[str, Promise] = {"yes": _("yes"), "no": _("no")}
VALUES: dict[str, dict[str, Promise]] = {
    "action": {
        "remove": _("Removal"),
        "hold": _("Held for review"),
        "reject": _("Refused on arrival"),
        "warning": _("Warning"),
        "suspension": _("Suspension"),
        "ban": _("Ban"),
    },
    "source": {
        "reader_report": _("Report by a reader"),
        "trusted_flagger": _("Report by a trusted flagger"),
        "authority_request": _("Order from an authority"),
        "screening": _("Automated screening"),
        "moderator": _("Own initiative"),
    },
    "automation": {
        "fully": _("fully"),
        "partially": _("partially"),
        "not_automated": _("not automated"),
    },
    "ground": dict(Report.Ground.choices),
    "decision_ground": {
        "illegal": _("illegal content"),
        "incompatible": _("against the Comment Policy"),
    },
    "outcome": {
        "actioned": _("comment removed"),
        "no_action": _("no action"),
        "reinstated": _("removed, then reinstated"),
        "decision_reversed": _("decision reversed on appeal"),
        "decision_stands": _("decision stands"),
        "decision_modified": _("decision changed in part"),
        **dict(AuthorityRequest.Outcome.choices),
    },
    "basis": {
        "decision": _("a removal or hold"),
        "sanction": _("a sanction"),
        "refusal": _("a refusal by screening"),
        "no_action": pgettext_lazy("appeal against", "a report left without action"),
    },
    "authority": dict(AuthorityRequest.Kind.choices),
    "detected_automatically": _YES_NO,
    "screening_flagged": _YES_NO,
    "automated": _YES_NO,
}


@dataclass
class Table:
    caption: Promise | str
    headings: list[Promise | str]
    rows: list[list[object]] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: Promise
    tables: list[Table] = field(default_factory=list)
    figures: list[tuple[Promise | str, object]] = field(default_factory=list)


NONE = "\N{EN DASH}"


def _label(dimension: str, code: str) -> Promise | str:
    return VALUES.get(dimension, {}).get(code, code) if code else NONE


def _value(figure: Figure) -> object:
    return NONE if figure.value is None else figure.value


def page_sections(report: MonthReport) -> list[Section]:
    """The report's breakdowns for the month page: a table per measure broken down, in the
    order of the published table."""
    sections = {key: Section(key, title) for key, title in SECTIONS.items()}
    tables: dict[tuple[str, str], Table] = {}
    for key, figure in report.table():
        section = sections.get(key)
        if section is None:
            continue
        caption = MEASURES.get(figure.measure, figure.measure)
        if not figure.breakdown:
            section.figures.append((caption, _value(figure)))
            continue
        dimensions = [name for name, _code in figure.breakdown]
        table = tables.get((key, figure.measure))
        if table is None:
            headings = [DIMENSIONS.get(name, name) for name in dimensions]
            table = tables[(key, figure.measure)] = Table(caption, [*headings, _("Count")])
            section.tables.append(table)
        table.rows.append([*(_label(n, c) for n, c in figure.breakdown), _value(figure)])
    return list(sections.values())
