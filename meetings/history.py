"""The entries of a record's history: each action's one name, its words, and the writing.

Wagtail keeps the history (``ModelLogEntry``) that the admin's history view
and the portal's protocol page read. The names below are the only spelling
of each action in the project: the services write them, the admin's history
words them (``register``), and the benchmark and the tests use them.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log


class HistoryAction(StrEnum):
    # Wagtail's own names for a record made and changed, so its views word them already.
    CREATE = "wagtail.create"
    EDIT = "wagtail.edit"
    SUBMIT = "meetings.submit"
    APPROVE = "meetings.approve"
    APPROVED = "meetings.approved"
    APPROVALS_RESET = "meetings.approvals_reset"


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


class ApproveForInstitution(LogFormatter):
    label = _("Approve for an institution")

    def format_message(self, log_entry):
        return _("Approved for %(institution)s") % {
            "institution": log_entry.data.get("institution", "")
        }


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
    actions.register_action(
        HistoryAction.APPROVALS_RESET.value,
        _("Approvals reset"),
        _("Changed after submission: every institution present approves again"),
    )
    actions.register_action(HistoryAction.APPROVE.value)(ApproveForInstitution)
