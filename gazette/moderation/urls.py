from django.urls import path, register_converter

from gazette.moderation.views import (
    appeal_desk,
    appeals,
    claims,
    data_rights,
    history,
    policy,
    presets,
    public,
    queue,
    statements,
    transparency,
)

app_name = "moderation"

urlpatterns = [
    path("comment-policy/", policy.policy_current, name="policy"),
    path("comment-policy/v<int:number>/", policy.policy_version, name="policy_version"),
    path("comment-policy.json", policy.policy_current_json, name="policy_json"),
    path("comment-policy.schema.json", policy.policy_schema, name="policy_schema"),
    path(
        "comment-policy/v<int:number>.json",
        policy.policy_version_json,
        name="policy_version_json",
    ),
    path("comment-status/<str:token>/", public.comment_status, name="comment_status"),
    path(
        "comment-status/<str:token>/data.json",
        data_rights.comment_data_file,
        name="comment_data",
    ),
    path("comments/<int:pk>/report/", public.report_comment, name="report"),
    path("report-status/<str:token>/", public.report_status, name="report_status"),
    path("me/reports/", public.my_reports, name="my_reports"),
    path("me/moderation/", history.my_history, name="history"),
    path("me/data.json", data_rights.my_data, name="my_data"),
    path("me/erase/", data_rights.erase_account, name="erase_account"),
    path("my-data/", data_rights.ask_for_data_link, name="ask_for_data"),
    path("my-data/<str:token>/", data_rights.guest_data, name="guest_data"),
    path("my-data/<str:token>/data.json", data_rights.guest_data_file, name="guest_data_file"),
    path("moderation/", queue.queue, name="queue"),
    path("moderation/queue/<slug:name>/", queue.queue, name="queue"),
    path("moderation/comments/<int:pk>/decide/", queue.decide, name="decide"),
    path("moderation/comments/<int:pk>/sanction/", queue.sanction, name="sanction"),
    path("moderation/sanctions/<int:pk>/revoke/", queue.revoke_sanction, name="revoke_sanction"),
    path("moderation/comments/<int:pk>/claim/", claims.claim, name="claim"),
    path("moderation/comments/<int:pk>/release/", claims.release, name="release"),
    path("moderation/comments/<int:pk>/item/", claims.queue_item, name="queue_item"),
    path("moderation/bulk/", queue.bulk, name="bulk"),
    path("moderation/presets/", presets.presets, name="presets"),
    path(
        "moderation/authority-requests/<int:pk>/",
        queue.act_on_authority_request,
        name="authority_request",
    ),
    path("moderation/appeals/<int:pk>/decide/", queue.decide_appeal, name="decide_appeal"),
]

urlpatterns += [
    path("sanction-appeal/<str:token>/", appeals.sanction_appeal, name="sanction_appeal"),
    path("refused-comment/<str:token>/", appeals.refusal_appeal, name="refusal_appeal"),
    path("report-appeal/<str:token>/", appeals.report_appeal, name="report_appeal"),
    path("appeal-status/<str:token>/", appeals.appeal_status, name="appeal_status"),
    path("moderation/appeals/", appeal_desk.appeal_list, name="appeals"),
    path("moderation/appeals/<int:pk>/", appeal_desk.appeal_detail, name="appeal"),
    path("moderation/appeals/<int:pk>/assign/", appeal_desk.assign_appeal, name="assign_appeal"),
    path("moderation/languages/", appeal_desk.reviewer_languages, name="reviewer_languages"),
    path("moderation/statements/", statements.download_statements, name="statements"),
]


class YearConverter:
    """Four digits, always: a report's address has one spelling."""

    regex = r"[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


class MonthConverter(YearConverter):
    regex = r"[0-9]{2}"

    def to_url(self, value: int) -> str:
        return f"{value:02d}"


register_converter(YearConverter, "yyyy")
register_converter(MonthConverter, "mm")

urlpatterns += [
    path("transparency/", transparency.index, name="transparency"),
    path(
        "transparency.schema.json",
        transparency.report_schema,
        name="transparency_schema",
    ),
    path(
        "transparency/<yyyy:year>-<mm:month>/",
        transparency.month_page,
        name="transparency_month",
    ),
    path(
        "transparency/<yyyy:year>-<mm:month>.csv",
        transparency.month_csv,
        name="transparency_csv",
    ),
    path(
        "transparency/<yyyy:year>-<mm:month>.json",
        transparency.month_json,
        name="transparency_json",
    ),
    # The addresses of the first releases.
    path("transparency/<int:year>/<int:month>/", transparency.month_page_moved),
    path("transparency/<int:year>/<int:month>/report.csv", transparency.month_csv_moved),
]
