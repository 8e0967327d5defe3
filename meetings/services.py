"""Every change to cycles, participants and protocols: the workflow draft → submitted → approved.

The portal's staff pages, the Wagtail admin, the demo loader and a shell all
go through these functions, so the rules hold whichever door a change comes
in by: who may change what, that every record is valid (``meetings.rules``),
that nobody overwrites a colleague's newer text, that an incomplete protocol
is not submitted, that a change after submission asks every institution
present to approve again, and that each change is written in the record's
history (``meetings.history``). A refusal raises before anything is written;
``meetings.messages`` puts it into words.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from partners.models import Institution

from . import documents, rules, selectors
from .history import HistoryAction, history_record
from .models import (
    AccessChannel,
    ActionItem,
    ActionItemReview,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolAccess,
    ProtocolAccessLogEntry,
    ProtocolApproval,
    ProtocolStatus,
    ReviewOutcome,
)


class ProtocolRefused(Exception):
    """A step the protocol's workflow does not allow now; ``meetings.messages`` says why."""


class ProtocolEditConflict(ProtocolRefused):
    """Someone saved the protocol after the editor opened it; saving would lose their text."""

    def __init__(self, revision):
        super().__init__(revision)
        self.revision = revision


class ProtocolLocked(ProtocolRefused):
    """Someone has locked the protocol in the admin while they edit it."""

    def __init__(self, lock, user):
        super().__init__(lock)
        self.lock = lock
        self.user = user


class ProtocolIncomplete(ProtocolRefused):
    """The protocol lacks what submitting needs; ``missing`` says what, one sentence each."""

    def __init__(self, missing: list[str]):
        super().__init__(missing)
        self.missing = missing


class ProtocolApprovalStale(ProtocolRefused):
    """The approver read an earlier revision than the latest: they would approve unread text.

    ``read`` is the revision they read, ``latest`` the revision now in force.
    """

    def __init__(self, *, read: int | None, latest):
        super().__init__(read, latest)
        self.read = read
        self.latest = latest


class ProtocolStatusError(ProtocolRefused):
    """The protocol's status does not allow ``step`` ("submit" or "approve").

    ``institution`` is set when it is that institution's approval that was
    given already.
    """

    def __init__(self, *, step: str, status: str, institution: Institution | None = None):
        super().__init__(step, status, institution)
        self.step = step
        self.status = status
        self.institution = institution


SUBMIT, APPROVE = "submit", "approve"

# Fields that describe the workflow and the record, not what the meeting said:
# a save that changes none of the others is no change to the protocol.
_RECORD_FIELDS = {
    "pk",
    "number",
    "status",
    "created_at",
    "created_by",
    "submitted_at",
    "approved_at",
    "latest_revision",
    "locked",
    "locked_at",
    "locked_by",
}


# What a save keeps as stored, whatever the edited instance carries.
_STORED_FIELDS = (
    "number",
    "status",
    "created_at",
    "created_by_id",
    "submitted_at",
    "approved_at",
    "latest_revision_id",
    "locked",
    "locked_at",
    "locked_by_id",
)


def _refuse_if(errors: rules.Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _require_work_in_cycle(user, cycle: ProgrammeCycle) -> None:
    # The reasons given to PermissionDenied are for logs and tests; people read ``messages``.
    if not selectors.user_works_in_cycle(user, cycle):
        raise PermissionDenied(f"{user} does not work in the cycle {cycle.code}.")


# --- Programme cycles --------------------------------------------------------


@transaction.atomic
def programme_cycle_save(*, cycle: ProgrammeCycle, institutions, user) -> ProgrammeCycle:
    """Set a cycle up, or change it, with its phases (in memory) and participating institutions.

    Site administrators do (Django's permissions for cycles); the
    institutions decide who sees the cycle, and the provider is one of them.
    """
    is_new = cycle.pk is None
    action = "add" if is_new else "change"
    if not user.has_perm(f"meetings.{action}_programmecycle"):
        raise PermissionDenied(f"{user} may not {action} programme cycles.")
    institutions = list(institutions)
    cycle.full_clean()
    for phase in cycle.phases.all():
        phase.full_clean(exclude=["cycle"])
    _refuse_if(rules.cycle_errors(cycle, institutions=institutions))
    cycle.save()
    cycle.institutions.set(institutions)
    history_record(
        cycle,
        HistoryAction.CREATE if is_new else HistoryAction.EDIT,
        user=user,
        content_changed=True,
    )
    return cycle


# --- Participants ------------------------------------------------------------


@transaction.atomic
def participant_create(
    *, cycle: ProgrammeCycle, user, target_group: str, entered_on, note: str = ""
) -> Participant:
    """Add a participant to the cycle under the next free code, e.g. ``KR-2026-07``.

    The cycle's row is locked while the number is chosen, so two people
    adding participants at once get different codes.
    """
    _require_work_in_cycle(user, cycle)
    cycle = ProgrammeCycle.objects.select_for_update().get(pk=cycle.pk)
    number = (cycle.participants.aggregate(last=Max("number"))["last"] or 0) + 1
    participant = Participant(
        cycle=cycle,
        number=number,
        code=rules.participant_code(cycle=cycle, number=number),
        target_group=target_group,
        entered_on=entered_on,
        note=note,
        created_by=user,
    )
    participant.full_clean()
    _refuse_if(rules.participant_errors(participant))
    participant.save()
    history_record(participant, HistoryAction.CREATE, user=user, content_changed=True)
    return participant


PARTICIPANT_CHANGEABLE = ("target_group", "entered_on", "exited_on", "exit_outcome", "note")


@transaction.atomic
def participant_update(*, participant: Participant, user, **changes) -> Participant:
    """Change what the team records about a participant; the code never changes."""
    unknown = set(changes) - set(PARTICIPANT_CHANGEABLE)
    if unknown:
        raise TypeError(f"Participants have no changeable fields {sorted(unknown)}")
    _require_work_in_cycle(user, participant.cycle)
    # Compared with the stored row: a form may have set the changes on ``participant`` already.
    stored = Participant.objects.select_for_update().get(pk=participant.pk)
    changed = any(getattr(stored, field) != value for field, value in changes.items())
    for field, value in changes.items():
        setattr(participant, field, value)
    participant.full_clean()
    _refuse_if(rules.participant_errors(participant))
    participant.save()
    history_record(participant, HistoryAction.EDIT, user=user, content_changed=changed)
    return participant


# --- Protocols ---------------------------------------------------------------


@transaction.atomic
def protocol_save(
    *, protocol: MeetingProtocol, user, loaded_revision_id: int | None = None, reason: str = ""
) -> MeetingProtocol:
    """Save the protocol as edited (its child rows in memory) as a new revision.

    ``loaded_revision_id`` is the revision the editor started from; if
    someone has saved since, ``ProtocolEditConflict`` is raised and nothing
    is written. A change to a submitted or approved protocol is an amendment:
    it must stay complete, says why (``reason``), and supersedes the
    approvals given so far: it goes back to "submitted" and every institution
    present approves again. The history gets one entry per save, naming the
    parts that changed.
    """
    is_new = protocol.pk is None
    if is_new:
        _require_work_in_cycle(user, protocol.cycle)
        protocol.status = ProtocolStatus.DRAFT
        protocol.created_by = user
        protocol.number = _next_protocol_number(protocol.cycle)
    else:
        stored = MeetingProtocol.objects.select_for_update().get(pk=protocol.pk)
        _require_work_in_cycle(user, stored.cycle)
        _refuse_if_locked(stored, user)
        if loaded_revision_id is not None and stored.latest_revision_id != loaded_revision_id:
            raise ProtocolEditConflict(stored.latest_revision)
        _refuse_if(rules.protocol_change_errors(protocol, stored=stored))
        # The workflow is the services' business, whatever the form sent.
        for field in _STORED_FIELDS:
            setattr(protocol, field, getattr(stored, field))
        changed = _changed_parts(protocol, stored)
        if not changed:
            return protocol
        _refuse_if(rules.amendment_errors(stored, reason=reason))
    _validate(protocol)
    if protocol.status != ProtocolStatus.DRAFT:
        missing = rules.protocol_missing_parts(protocol)
        if missing:
            raise ProtocolIncomplete(missing)
    resetting = not is_new and selectors.protocol_has_current_approvals(protocol)
    amending = protocol.status != ProtocolStatus.DRAFT
    if protocol.status == ProtocolStatus.APPROVED:
        protocol.status = ProtocolStatus.SUBMITTED
        protocol.approved_at = None
    protocol.save()
    revision = protocol.save_revision(user=user, clean=False)
    if resetting:
        selectors.approvals_current(protocol).update(superseded_at=timezone.now())
    if is_new:
        action, data = HistoryAction.CREATE, {}
    elif amending:
        action = HistoryAction.AMEND
        data = {"changed": changed, "reason": reason.strip(), "approvals_reset": resetting}
    else:
        action, data = HistoryAction.REVISE, {"changed": changed}
    history_record(protocol, action, user=user, revision=revision, data=data, content_changed=True)
    return protocol


def _next_protocol_number(cycle: ProgrammeCycle) -> int:
    """The cycle's next protocol number; its row is locked, so two new protocols get two."""
    ProgrammeCycle.objects.select_for_update().filter(pk=cycle.pk).first()
    return (cycle.protocols.aggregate(last=Max("number"))["last"] or 0) + 1


def _content(protocol: MeetingProtocol) -> dict:
    data = protocol.serializable_data()
    return {field: value for field, value in data.items() if field not in _RECORD_FIELDS}


def _changed_parts(protocol: MeetingProtocol, stored: MeetingProtocol) -> list[str]:
    """The fields and kinds of rows in which the edited protocol differs from the stored one.

    Rows are compared without their ids: a form that saves the same rows again
    changes nothing.
    """
    edited, before = _content(protocol), _content(stored)
    return [part for part in edited if _without_ids(edited[part]) != _without_ids(before.get(part))]


def _without_ids(value):
    if isinstance(value, list):
        return [_without_ids(row) for row in value]
    if isinstance(value, dict):
        return {key: _without_ids(v) for key, v in value.items() if key not in ("pk", "id")}
    return value


def _validate(protocol: MeetingProtocol) -> None:
    """Every field and child row clean, then the rules of ``rules.protocol_errors``."""
    protocol.full_clean()
    for relation in ("guests", "agenda_items", "participant_entries", "action_items"):
        for child in getattr(protocol, relation).all():
            child.full_clean(exclude=["protocol"])
    for review in protocol.action_item_reviews.all():
        review.full_clean(exclude=["protocol"], validate_constraints=False)
    _refuse_if(rules.protocol_errors(protocol))


def _refuse_if_locked(protocol: MeetingProtocol, user) -> None:
    lock = protocol.get_lock()
    if lock and lock.for_user(user):
        raise ProtocolLocked(lock, user)


@transaction.atomic
def protocol_submit(*, protocol: MeetingProtocol, user) -> MeetingProtocol:
    """Hand a complete draft to the institutions present for approval."""
    protocol = MeetingProtocol.objects.select_for_update().get(pk=protocol.pk)
    _require_work_in_cycle(user, protocol.cycle)
    _refuse_if_locked(protocol, user)
    if protocol.status != ProtocolStatus.DRAFT:
        raise ProtocolStatusError(step=SUBMIT, status=protocol.status)
    missing = rules.protocol_missing_parts(protocol)
    if missing:
        raise ProtocolIncomplete(missing)
    protocol.status = ProtocolStatus.SUBMITTED
    protocol.submitted_at = timezone.now()
    protocol.save(update_fields=["status", "submitted_at"])
    history_record(protocol, HistoryAction.SUBMIT, user=user, revision=protocol.latest_revision)
    return protocol


@transaction.atomic
def protocol_approve(
    *, protocol: MeetingProtocol, user, institution: Institution, revision_id: int | None = None
) -> ProtocolApproval:
    """Approve revision ``revision_id`` for ``institution``; the last approval approves all.

    Only a coordinator of an institution present may approve, once for it, and
    only the latest revision: ``revision_id`` is the one the coordinator read
    (the portal always says which), so nobody approves text they never saw.
    Without it, the latest revision is approved, as a shell or the demo
    loader, which write the protocol themselves, mean.
    """
    protocol = MeetingProtocol.objects.select_for_update().get(pk=protocol.pk)
    if (
        not selectors.institutions_coordinated_by(user)
        .filter(pk=institution.pk, protocols_attended=protocol)
        .exists()
    ):
        raise PermissionDenied(f"{user} does not approve for {institution} at this meeting.")
    if protocol.status != ProtocolStatus.SUBMITTED:
        raise ProtocolStatusError(step=APPROVE, status=protocol.status)
    if revision_id is not None and revision_id != protocol.latest_revision_id:
        raise ProtocolApprovalStale(read=revision_id, latest=protocol.latest_revision)
    current = selectors.approvals_current(protocol)
    if current.filter(institution=institution).exists():
        raise ProtocolStatusError(step=APPROVE, status=protocol.status, institution=institution)
    approval = ProtocolApproval.objects.create(
        protocol=protocol,
        institution=institution,
        approved_by=user,
        revision=protocol.latest_revision,
    )
    history_record(
        protocol,
        HistoryAction.APPROVE,
        user=user,
        revision=protocol.latest_revision,
        data={"institution_id": institution.pk, "institution": institution.short_name},
    )
    present = set(protocol.institutions_present.values_list("pk", flat=True))
    if present <= set(current.values_list("institution_id", flat=True)):
        protocol.status = ProtocolStatus.APPROVED
        protocol.approved_at = approval.approved_at
        protocol.save(update_fields=["status", "approved_at"])
        history_record(
            protocol, HistoryAction.APPROVED, user=user, revision=protocol.latest_revision
        )
        # What every institution approved is filed as it is now: the record of the meeting.
        documents.approved_document_make(protocol)
    return approval


# --- Action items ------------------------------------------------------------


def action_item_carry_forward(
    *, action_item: ActionItem, protocol: MeetingProtocol, user, due_on=None, note: str = ""
) -> ActionItemReview:
    """Record in ``protocol`` that the item stays open, with a new due date if given."""
    return _action_item_review(
        action_item=action_item,
        protocol=protocol,
        user=user,
        outcome=ReviewOutcome.CARRIED_FORWARD,
        due_on=due_on,
        note=note,
    )


def action_item_close(
    *, action_item: ActionItem, protocol: MeetingProtocol, user, outcome: str, note: str = ""
) -> ActionItemReview:
    """Record in ``protocol`` that the item is done or dropped."""
    if outcome == ReviewOutcome.CARRIED_FORWARD:
        raise ValueError("Closing an item needs the outcome done or dropped.")
    return _action_item_review(
        action_item=action_item, protocol=protocol, user=user, outcome=outcome, note=note
    )


def _action_item_review(*, action_item, protocol, user, **decision) -> ActionItemReview:
    """The review is part of the protocol: it is saved as a new revision of it."""
    reviews = list(protocol.action_item_reviews.all())
    review = next((r for r in reviews if r.action_item_id == action_item.pk), None)
    if review is None:
        review = ActionItemReview(action_item=action_item)
        reviews.append(review)
    for field, value in decision.items():
        setattr(review, field, value)
    protocol.action_item_reviews = reviews
    protocol_save(protocol=protocol, user=user)
    return protocol.action_item_reviews.get(action_item=action_item)


# --- Access log --------------------------------------------------------------


def protocol_access_record(
    *, protocol: MeetingProtocol, user, action: ProtocolAccess, channel: AccessChannel
) -> ProtocolAccessLogEntry:
    """Write down that ``user`` viewed or exported the protocol."""
    return ProtocolAccessLogEntry.objects.create(
        protocol=protocol,
        protocol_title=str(protocol)[:255],
        cycle_id=protocol.cycle_id,
        user=user,
        user_email=user.email,
        action=action,
        channel=channel,
    )
