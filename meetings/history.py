"""The entries of a record's history: each action's one name, its words, and the writing.

Wagtail keeps the history (``ModelLogEntry``) that the admin's history view
and the portal's protocol page read. The names below are the only spelling
of each action in the project: the services write them, the admin's history
words them (``register``), and the benchmark and the tests use them.
"""

from enum import StrEnum

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log


class HistoryAction(StrEnum):
    # Wagtail's own names for a record made and changed, so its views word them already.
    CREATE = "wagtail.create"
    EDIT = "wagtail.edit"
    # A protocol's changes: to a draft, and after submission (an amendment, with its reason).
    REVISE = "meetings.revise"
    AMEND = "meetings.amend"
    SUBMIT = "meetings.submit"
    APPROVE = "meetings.approve"
    APPROVED = "meetings.approved"


def history_record(
    instance, action: HistoryAction, *, user, revision=None, data=None, content_changed=False
):
    """Write one entry of ``instance``'s history, as done by ``user``."""
    return wagtail_log(
        instance,
        action.value,
        user=user,
        revision=revision,
        data=data or {},
        content_changed=content_changed,
    )


def changed_parts(names) -> str:
    """The parts of a protocol a change touched, in the reader's words: "decisions, guests"."""
    from .models import MeetingProtocol

    labels = []
    for name in names:
        try:
            field = MeetingProtocol._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        label = field.related_model._meta.verbose_name_plural if field.one_to_many else None
        labels.append(str(label or field.verbose_name))
    return ", ".join(labels)


class ApproveForInstitution(LogFormatter):
    label = _("Approve for an institution")

    def format_message(self, log_entry):
        return _("Approved for %(institution)s") % {
            "institution": log_entry.data.get("institution", "")
        }


class ReviseDraft(LogFormatter):
    label = _("Change the draft")

    def format_message(self, log_entry):
        return _("Changed: %(parts)s") % {"parts": changed_parts(log_entry.data.get("changed", []))}


class Amend(LogFormatter):
    label = _("Amend")

    def format_message(self, log_entry):
        data = log_entry.data
        words = _("Amended: %(parts)s. Reason: %(reason)s") % {
            "parts": changed_parts(data.get("changed", [])),
            "reason": data.get("reason", ""),
        }
        if data.get("approvals_reset"):
            words += " " + _("Every institution present approves again.")
        return words


def register(actions) -> None:
    """Word the workflow's steps in every history (the ``register_log_actions`` hook)."""
    actions.register_action(
        HistoryAction.SUBMIT.value, _("Submit for approval"), _("Submitted for approval")
    )
    actions.register_action(
        HistoryAction.APPROVED.value,
        _("Approved by all"),
        _("Approved by every institution present"),
    )
    actions.register_action(HistoryAction.APPROVE.value)(ApproveForInstitution)
    actions.register_action(HistoryAction.REVISE.value)(ReviseDraft)
    actions.register_action(HistoryAction.AMEND.value)(Amend)
