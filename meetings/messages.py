"""The services' refusals in the words of the person who pressed the button, for both doors.

The portal's views and the admin's views catch the same exceptions of
``meetings.services`` and show them through these functions, so a conflict,
a lock, an incomplete protocol or a step its status does not allow reads the
same on the portal and in the admin.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.people import person_label

from .models import MeetingProtocol, ProtocolStatus
from .selectors import protocol_has_current_approvals
from .services import (
    SUBMIT,
    ProtocolApprovalStale,
    ProtocolEditConflict,
    ProtocolIncomplete,
    ProtocolLocked,
    ProtocolStatusError,
)

# Shown on both doors' edit forms: what saving a change to a protocol handed in does.
APPROVED_NOTICE = gettext_lazy(
    "This protocol is approved. If you save a change, you amend it: say why below, and every "
    "institution present approves the amended text again."
)
APPROVALS_RESET_WARNING = gettext_lazy(
    "Institutions present have approved this protocol. If you save a change, their approvals "
    "are reset and every institution present approves it again."
)
SUBMITTED_NOTICE = gettext_lazy(
    "This protocol has been submitted for approval. If you save a change, say why below: the "
    "institutions present read it before they approve."
)


def edit_notice(protocol) -> str | None:
    """What saving a change to ``protocol`` will do, if more than saving a draft."""
    if protocol.pk is None or protocol.is_draft:
        return None
    if protocol.is_approved:
        return APPROVED_NOTICE
    if protocol_has_current_approvals(protocol):
        return APPROVALS_RESET_WARNING
    return SUBMITTED_NOTICE


def local_datetime(value) -> str:
    """A moment as people there write it, in the portal's time zone: 22. 11. 2026 14:05."""
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def conflict_message(conflict: ProtocolEditConflict) -> str:
    revision = conflict.revision
    return _(
        "%(person)s saved this protocol at %(time)s, after you opened it, so your changes "
        "were not saved. They are still in the form below. Open the protocol in a new tab "
        "to compare; if you save this form again, your version replaces theirs."
    ) % {
        "person": person_label(revision.user) if revision.user else _("Someone"),
        "time": local_datetime(revision.created_at),
    }


def stale_approval_message(stale: ProtocolApprovalStale) -> str:
    """Who changed the protocol since the approver read it, and where to see what changed."""
    latest = stale.latest
    words = _(
        "%(person)s changed this protocol at %(time)s, after you opened it, so it was not "
        "approved: read the new version, then approve it."
    ) % {
        "person": person_label(latest.user) if latest.user else _("Someone"),
        "time": local_datetime(latest.created_at),
    }
    if not stale.read:
        return words
    compare = reverse(
        f"{MeetingProtocol.snippet_viewset.url_namespace}:revisions_compare",
        args=[latest.object_id, stale.read, latest.pk],
    )
    return format_html('{} <a href="{}">{}</a>', words, compare, _("See what changed."))


def status_message(refused: ProtocolStatusError) -> str:
    if refused.step == SUBMIT:
        return _("This protocol has already been submitted.")
    if refused.institution is not None:
        return _("%(institution)s has already approved this protocol.") % {
            "institution": refused.institution.name
        }
    if refused.status == ProtocolStatus.DRAFT:
        return _("Only a protocol submitted for approval can be approved.")
    return _("This protocol is already approved.")


def refusal(error: Exception) -> ValidationError:
    """What a service refused to save, as a form's errors: by field where one is named."""
    if isinstance(error, ProtocolEditConflict):
        return ValidationError(conflict_message(error))
    if isinstance(error, ProtocolLocked):
        return ValidationError(error.lock.get_message(error.user))
    if isinstance(error, ProtocolIncomplete):
        return ValidationError([_("A submitted protocol must stay complete."), *error.missing])
    if isinstance(error, ProtocolStatusError):
        return ValidationError(status_message(error))
    if isinstance(error, ProtocolApprovalStale):
        return ValidationError(stale_approval_message(error))
    if isinstance(error, PermissionDenied):
        return ValidationError(
            _("Only the staff of the institutions of a cycle record its meetings.")
        )
    return error


def submit_refusal(error: Exception) -> str:
    """Why a saved draft was not submitted, for a message above the protocol."""
    if isinstance(error, ProtocolIncomplete):
        return _(
            "The protocol was saved as a draft, but it cannot be submitted yet: %(missing)s"
        ) % {"missing": " ".join(error.missing)}
    return " ".join(refusal(error).messages)


def add_refusal_to_form(form, error: Exception) -> None:
    """Show the refusal on the fields of ``form`` it names, and above the form for the rest.

    The services judge the whole record, so they may name a field this form
    does not show (a row's, say): that reason goes above the form.
    """
    refused = refusal(error)
    if not hasattr(refused, "error_dict"):
        form.add_error(None, refused)
        return
    for field, errors in refused.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
