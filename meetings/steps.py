"""Submitting and approving a protocol, as both doors take these steps.

The portal's protocol page and the admin's approval page send the same
forms; each step calls the service and tells the person how it went in a
message. The doors differ only in the page they go back to.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import rules, selectors, services
from .messages import stale_approval_message, status_message, submit_refusal


def protocol_steps_context(user, protocol) -> dict:
    """What ``meetings/includes/protocol_steps.html`` shows ``user``, and the record read."""
    return {
        "protocol": protocol,
        "record": selectors.protocol_record(protocol),
        "works_in_cycle": selectors.user_works_in_cycle(user, protocol.cycle),
        "missing": rules.protocol_missing_parts(protocol) if protocol.is_draft else [],
        "approvable_institutions": selectors.institutions_user_may_approve_for(user, protocol),
        # A draft was never approved, so it has no filed version to list.
        "approved_documents": []
        if protocol.is_draft
        else list(selectors.protocol_approved_documents(protocol)),
    }


def protocol_submit_step(request, protocol) -> None:
    """Submit the protocol for approval; an incomplete one stays a draft, and says why."""
    try:
        services.protocol_submit(protocol=protocol, user=request.user)
    except services.ProtocolIncomplete as incomplete:
        messages.warning(request, submit_refusal(incomplete))
    except services.ProtocolRefused as refused:
        messages.error(request, submit_refusal(refused))
    else:
        messages.success(
            request, _("The protocol was submitted. The institutions present can now approve it.")
        )


def protocol_approve_step(request, protocol) -> None:
    """Approve the revision the form was read at, for the institution it names.

    Only an institution the person may approve for can be named (403 for any
    other); a form that does not say which revision was read approves none.
    """
    institution = next(
        (
            institution
            for institution in selectors.institutions_user_may_approve_for(request.user, protocol)
            if str(institution.pk) == request.POST.get("institution")
        ),
        None,
    )
    if institution is None:
        raise PermissionDenied
    read = request.POST.get("revision", "")
    try:
        services.protocol_approve(
            protocol=protocol,
            user=request.user,
            institution=institution,
            revision_id=int(read) if read.isdigit() else 0,
        )
    except services.ProtocolApprovalStale as stale:
        messages.error(request, stale_approval_message(stale))
        return
    except services.ProtocolStatusError as refused:
        messages.error(request, status_message(refused))
        return
    protocol.refresh_from_db(fields=["status"])
    if protocol.is_approved:
        messages.success(request, _("Every institution present has approved the protocol."))
    else:
        messages.success(
            request,
            _("You approved the protocol for %(institution)s.") % {"institution": institution.name},
        )
