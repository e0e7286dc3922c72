"""HumanCheckForm: the base of every form a person must fill (comments, replies, sign-up,
reports). It adds the Captcha (ALTCHA proof of work), a honeypot and a signed render time, and
checks them in clean():

    class CommentForm(HumanCheckForm):
        body = forms.CharField(widget=forms.Textarea)

    form = CommentForm(request.POST, request=request)
    if form.is_valid():
        post_comment(..., abuse_signals=form.abuse_signals.as_dict(),
                     hold=form.abuse_signals.hold_for_review)

A failed check is a form error on the Captcha field and spends nothing; a passed one is spent
(single use) before is_valid() returns. Spending it and counting the form (its activity, and the
rate limit of `limited_action()` when the form was given an `actor`) is one short transaction:

    form = CommentForm(request.POST, request=request, actor=reader_of(request))
    if not form.is_valid():
        status = form.rate_limited.status if form.rate_limited else 400
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from django import forms
from django.http import HttpRequest

from gazette.challenges import activity, counters, proof, services
from gazette.challenges.conf import ChallengeSettings, NoJsPolicy, challenge_settings
from gazette.challenges.exceptions import ChallengeRejected, Reason
from gazette.challenges.limits import Actor, action_windows
from gazette.challenges.policy import is_too_easy, should_hold
from gazette.challenges.ratelimit import (
    LimitsUnavailable,
    RateLimited,
    Window,
    counts_of,
    enforce,
)
from gazette.challenges.services import Admission, Spend
from gazette.challenges.widgets import (
    AltchaSubmission,
    AltchaWidget,
    HoneypotInput,
    RenderStampInput,
    read_stamp,
)
from gazette.core import clock, pages
from gazette.core.network import request_ip_hash

ALTCHA_FIELD = "altcha"
HONEYPOT_FIELD = "homepage"
STAMP_FIELD = "rendered_at"


@dataclass(frozen=True)
class AbuseSignals:
    """What moderation may weigh about how a form was sent. No personal data: no address, no
    IP or IP-hash, nothing that identifies the reader."""

    difficulty: int  # the largest secret number of the solved challenge; 0 without one
    fill_seconds: float | None  # from showing the form to sending it; None if unknown
    honeypot_filled: bool
    without_javascript: bool
    hold_for_review: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Check:
    """How the Captcha check went before anything is written: the solution to spend, or why
    it was refused."""

    spend: Spend | None = None
    difficulty: int = 0
    without_javascript: bool = False
    rejection: ChallengeRejected | None = None

    @property
    def counts_as_failure(self) -> bool:
        # Sending without JavaScript is a choice the site allows for, not a failed check.
        return self.rejection is not None and self.rejection.reason is not Reason.NO_JAVASCRIPT


class AltchaField(forms.Field):
    widget = AltchaWidget

    def __init__(self, **kwargs: Any) -> None:
        # The widget renders its own "Captcha *" label; an empty label keeps Django's layouts
        # from adding a second one.
        super().__init__(required=False, label="", **kwargs)

    def to_python(self, value: Any) -> AltchaSubmission:
        if isinstance(value, AltchaSubmission):
            return value
        return AltchaSubmission(payload=str(value or ""), no_js=False)


class HumanCheckForm(forms.Form):
    """Base for any form that must be filled by a person: adds the ALTCHA field, a honeypot and a
    signed render timestamp; verifies them in clean()."""

    # None follows the site setting GAZETTE_CHALLENGES["NO_JS"]; a form may insist on "refuse".
    no_js_policy: ClassVar[NoJsPolicy | None] = None
    # What the form does; with the `target` it is given, the scope its Captcha is bound to.
    challenge_action: ClassVar[str] = "form"

    altcha = AltchaField()
    # No length limit: a too-long value would be a visible error, and the trap should only hold.
    homepage = forms.CharField(required=False, label="", widget=HoneypotInput)
    rendered_at = forms.CharField(required=False, widget=RenderStampInput)

    def __init__(
        self,
        *args: Any,
        request: HttpRequest,
        actor: Actor | None = None,
        target: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        # A solution is accepted only by a form of the same action and target (proof.py).
        self.challenge_scope = proof.scope_of(self.challenge_action, target)
        # Who sends the form, for the rate limit of limited_action(); None: the view counts.
        self.actor = actor
        # Set by is_valid() when the rate limit refused the form (it is then invalid, too).
        self.rate_limited: RateLimited | None = None
        self._signals: AbuseSignals | None = None
        self._challenge_issued_at: float | None = None
        self._config = challenge_settings()
        if pages.is_shared(request):
            # A page kept whole for every reader cannot say when this reader was shown it; the
            # Captcha's challenge, fetched when the reader starts on the form, says instead.
            self.fields[STAMP_FIELD].widget = forms.HiddenInput()
        widget = self.fields[ALTCHA_FIELD].widget
        if isinstance(widget, AltchaWidget):
            widget.no_js_policy = self._no_js_policy()
            widget.scope = self.challenge_scope
        # The checks come last, after the subclass's own fields, as on the reference page.
        for name in (HONEYPOT_FIELD, STAMP_FIELD, ALTCHA_FIELD):
            self.fields[name] = self.fields.pop(name)

    @property
    def abuse_signals(self) -> AbuseSignals:
        """Available once is_valid() has run (also when the form was invalid)."""
        if self._signals is None:
            raise AttributeError("abuse_signals is known only after is_valid()")
        return self._signals

    def limited_action(self) -> str | None:
        """The rate (challenges/limits.py) a form of this kind is counted under, in the same
        transaction as its Captcha, when it was given an `actor` and is otherwise valid. None
        leaves the rate limit to the view."""
        return None

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean() or {}
        submission = cleaned_data.get(ALTCHA_FIELD) or AltchaSubmission(payload="", no_js=False)
        ip_hash = request_ip_hash(self.request)
        try:
            check = self._check(submission, ip_hash)
        except LimitsUnavailable as exc:
            # Unable to judge the check at all (the shared store is down): refused as such,
            # not as a wrong or too easy solution.
            self.rate_limited = exc
            self.add_error(None, exc.message)
            self._signals = self._signals_for(difficulty=0, without_javascript=False)
            return cleaned_data
        windows = self._rate_windows() if check.rejection is None else []
        # Counted after the check, so that it is judged by the activity that preceded it.
        admission = self._admit(check, windows, ip_hash)
        if admission is not None and admission.replayed:
            check.rejection = ChallengeRejected(Reason.REPLAYED)
        if check.rejection is not None:
            self.add_error(ALTCHA_FIELD, str(check.rejection.message))
        elif windows:
            self._enforce(windows, admission)
        self._signals = self._signals_for(
            difficulty=0 if check.rejection else check.difficulty,
            without_javascript=check.without_javascript,
        )
        return cleaned_data

    def _check(self, submission: AltchaSubmission, ip_hash: str) -> _Check:
        """The Captcha checked without writing anything."""
        try:
            if submission.no_js and not submission.payload:
                self._accept_without_javascript()
                return _Check(without_javascript=True)
            return self._checked_solution(submission.payload, ip_hash, self._config)
        except ChallengeRejected as exc:
            return _Check(rejection=exc)

    def _rate_windows(self) -> list[Window]:
        action = self.limited_action() if self.actor is not None and not self.errors else None
        if action is None or self.actor is None:
            return []
        return action_windows(action, self.actor)

    def _admit(self, check: _Check, windows: list[Window], ip_hash: str) -> Admission | None:
        """Spend and count in one transaction; None when the challenge could not be recorded
        (the check is then refused)."""
        config = self._config
        try:
            return services.admit_form(
                spend=check.spend,
                counts={
                    **activity.counts_for(ip_hash, failed=check.counts_as_failure, config=config),
                    **counts_of(windows),
                },
                counts_if_replayed=activity.counts_for(ip_hash, failed=True, config=config),
            )
        except ChallengeRejected as exc:
            check.rejection = exc
            return None

    def _enforce(self, windows: list[Window], admission: Admission | None) -> None:
        try:
            enforce(windows, admission.counts if admission is not None else None)
        except RateLimited as exc:
            self.rate_limited = exc
            self.add_error(None, exc.message)

    def _no_js_policy(self) -> NoJsPolicy:
        return self.no_js_policy or self._config.no_js

    def _accept_without_javascript(self) -> None:
        if self._no_js_policy() == "refuse":
            raise ChallengeRejected(Reason.NO_JAVASCRIPT)

    def _checked_solution(self, payload: str, ip_hash: str, config: ChallengeSettings) -> _Check:
        solved = proof.check_solution(payload, scope=self.challenge_scope, config=config)
        try:
            required = config.max_number(activity.current_level(ip_hash, config=config))
        except counters.CounterStoreUnavailable:
            raise LimitsUnavailable from None
        if is_too_easy(solved.max_number, required):
            raise ChallengeRejected(Reason.TOO_EASY)
        self._challenge_issued_at = (solved.expires_at - config.expires).timestamp()
        return _Check(
            spend=Spend(signature=solved.signature, expires_at=solved.expires_at),
            difficulty=solved.max_number,
        )

    def _signals_for(self, *, difficulty: int, without_javascript: bool) -> AbuseSignals:
        honeypot_filled = bool(str(self.data.get(self.add_prefix(HONEYPOT_FIELD), "")).strip())
        shown_at = read_stamp(self.data.get(self.add_prefix(STAMP_FIELD)))
        if shown_at is None:
            shown_at = self._challenge_issued_at
        fill_seconds = (
            None if shown_at is None else round(max(clock.now().timestamp() - shown_at, 0.0), 1)
        )
        return AbuseSignals(
            difficulty=difficulty,
            fill_seconds=fill_seconds,
            honeypot_filled=honeypot_filled,
            without_javascript=without_javascript,
            hold_for_review=should_hold(
                honeypot_filled=honeypot_filled,
                without_javascript=without_javascript,
                fill_seconds=fill_seconds,
                min_fill_seconds=self._config.min_fill_seconds,
            ),
        )
