"""What makes a cycle, a participant and a protocol valid, and a protocol complete enough to submit.

Each function reads a record as a form or a loader leaves it before saving
(its child rows and many-to-many values still in memory, as modelcluster
keeps them) and says why it is refused, in the words of the person who typed
it. The services call them for every door (the portal, the admin, the demo
loader, a shell), so one rule has one home.

The ``*_errors`` functions answer "can it be saved at all?" with a dict, the
reasons keyed by the field at fault or by ``NON_FIELD_ERRORS``, empty when it
can; ``protocol_missing_parts`` answers "can it be submitted?".
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import formats
from django.utils.translation import gettext as _

from portal.people import person_label

from . import selectors
from .models import (
    CLOSING_OUTCOMES,
    PARTICIPANT_ENTRY_LABELS,
    RECRUITMENT_POINTS,
    MeetingKind,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolStatus,
    ReviewOutcome,
)

Errors = dict[str, list[str]]

RECRUITMENT_FIELDS = tuple(field for field, _label in RECRUITMENT_POINTS)


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


# --- What each kind of meeting records ---------------------------------------------


def protocol_fields_not_recorded(kind: str) -> tuple[str, ...]:
    """The protocol's fields a meeting of ``kind`` leaves empty: its forms do not offer them."""
    return () if kind == MeetingKind.RECRUITMENT else RECRUITMENT_FIELDS


def protocol_rows_not_recorded(kind: str) -> tuple[str, ...]:
    """The kinds of rows a meeting of ``kind`` has none of: its forms have no formset for them."""
    return () if PARTICIPANT_ENTRY_LABELS.get(kind) else ("participant_entries",)


def participant_entry_fields_not_recorded(kind: str) -> tuple[str, ...]:
    """The fields of a participant entry a meeting of ``kind`` leaves empty."""
    return () if kind == MeetingKind.CLOSING else ("planned_exit",)


# --- Programme cycles -----------------------------------------------------------------


def cycle_errors(cycle: ProgrammeCycle, *, institutions) -> Errors:
    """Why the cycle cannot be saved with these participating ``institutions``."""
    errors: Errors = {}
    if cycle.starts_on and cycle.ends_on and cycle.ends_on < cycle.starts_on:
        _add(errors, "ends_on", _("The cycle cannot end before it starts."))
    for phase in cycle.phases.all():
        if phase.starts_on and phase.ends_on and phase.ends_on < phase.starts_on:
            _add(
                errors,
                NON_FIELD_ERRORS,
                _("The phase “%(phase)s” cannot end before it starts.") % {"phase": phase.name},
            )
    if cycle.provider_id and cycle.provider_id not in {i.pk for i in institutions}:
        _add(
            errors,
            "institutions",
            _(
                "Include the programme provider, %(provider)s, among the participating "
                "institutions: its staff run the cycle."
            )
            % {"provider": cycle.provider},
        )
    return errors


# --- Participants ---------------------------------------------------------------------


def participant_code(*, cycle: ProgrammeCycle, number: int) -> str:
    """The pseudonymous code of the cycle's participant ``number``: the cycle's code, year, number.

    ``KR-2026-07``: it names nobody, and it is all the portal knows a participant by.
    """
    return f"{cycle.code}-{cycle.starts_on.year}-{number:02d}"


def participant_errors(participant: Participant) -> Errors:
    """Why the participant cannot be saved: the exit told in full, and room in the group."""
    errors: Errors = {}
    exited_on, entered_on = participant.exited_on, participant.entered_on
    if exited_on and entered_on and exited_on < entered_on:
        _add(errors, "exited_on", _("A participant cannot leave before entering."))
    if exited_on and not participant.exit_outcome:
        _add(errors, "exit_outcome", _("Say where the participant went on leaving."))
    if participant.exit_outcome and not exited_on:
        _add(errors, "exited_on", _("Give the date of exit together with the exit outcome."))
    if participant.pk is None:
        cycle = participant.cycle
        if selectors.participants_in_programme(cycle).count() >= cycle.max_group_size:
            _add(
                errors,
                NON_FIELD_ERRORS,
                _("The group is full: at most %(size)s participants take part at a time.")
                % {"size": cycle.max_group_size},
            )
    return errors


# --- Protocols ------------------------------------------------------------------------


def protocol_reference(protocol: MeetingProtocol) -> str:
    """The protocol's reference for filing: the cycle's code and year, its number (KR-2026/07)."""
    return f"{protocol.cycle.code}-{protocol.cycle.starts_on.year}/{protocol.number:02d}"


def protocol_errors(protocol: MeetingProtocol) -> Errors:
    """Why the protocol cannot be saved at all; empty when it can.

    It records only what its kind of meeting records, and everything it names
    belongs to its cycle: institutions, staff, participants and the action
    items it reviews.
    """
    errors: Errors = {}
    for field in protocol_fields_not_recorded(protocol.kind):
        if getattr(protocol, field).strip():
            _add(errors, field, _("Only a recruitment meeting records this point."))
    for message in [*_named_errors(protocol), *_entry_errors(protocol), *_review_errors(protocol)]:
        _add(errors, NON_FIELD_ERRORS, message)
    return errors


def protocol_change_errors(protocol: MeetingProtocol, *, stored: MeetingProtocol) -> Errors:
    """Why a change to the stored protocol is refused: it stays in its cycle and keeps its kind."""
    errors: Errors = {}
    if protocol.cycle_id != stored.cycle_id:
        _add(errors, "cycle", _("A protocol cannot move to another programme cycle."))
    if protocol.kind != stored.kind:
        _add(
            errors,
            "kind",
            _("The kind of meeting does not change: it decides what the protocol records."),
        )
    return errors


def amendment_errors(stored: MeetingProtocol, *, reason: str) -> Errors:
    """A change after submission is an amendment, and says why: the approvers read it."""
    if stored.status == ProtocolStatus.DRAFT or reason.strip():
        return {}
    return {
        "amendment_reason": [
            _(
                "Say why the protocol is amended: the institutions present read it before they "
                "approve the amended text."
            )
        ]
    }


def _named_errors(protocol: MeetingProtocol) -> list[str]:
    """Institutions and people named by the protocol and its action items are the cycle's."""
    cycles = [protocol.cycle_id]
    cycle_institutions = set(selectors.institutions_of_cycles(cycles).values_list("pk", flat=True))
    works_for = selectors.staff_memberships_of_cycles(cycles)
    staff_of_cycle = {person for person, _institution in works_for}
    errors = [
        _("%(institution)s does not take part in this programme cycle.")
        % {"institution": institution.name}
        for institution in protocol.institutions_present.all()
        if institution.pk not in cycle_institutions
    ]
    errors += [
        _("%(person)s does not work for an institution of this programme cycle.")
        % {"person": person_label(person)}
        for person in protocol.staff_present.all()
        if person.pk not in staff_of_cycle
    ]
    for item in protocol.action_items.all():
        if item.responsible_institution_id not in cycle_institutions:
            errors.append(
                _("Action item “%(item)s”: %(institution)s does not take part in this cycle.")
                % {"item": item, "institution": item.responsible_institution.name}
            )
        person = item.responsible_person_id
        if person and person not in staff_of_cycle:
            errors.append(
                _(
                    "Action item “%(item)s”: the responsible person does not work for an "
                    "institution of this cycle."
                )
                % {"item": item}
            )
        elif person and (person, item.responsible_institution_id) not in works_for:
            errors.append(
                _("Action item “%(item)s”: %(person)s does not work for %(institution)s.")
                % {
                    "item": item,
                    "person": person_label(item.responsible_person),
                    "institution": item.responsible_institution.name,
                }
            )
    return errors


def _entry_errors(protocol: MeetingProtocol) -> list[str]:
    """One entry per participant of the cycle, at the meetings that record them, as they do."""
    entries = list(protocol.participant_entries.all())
    if entries and "participant_entries" in protocol_rows_not_recorded(protocol.kind):
        return [_("Only intake, mid-term and closing meetings record entries about participants.")]
    errors, seen = [], set()
    not_recorded = participant_entry_fields_not_recorded(protocol.kind)
    for entry in entries:
        code = entry.participant.code
        if entry.participant.cycle_id != protocol.cycle_id:
            errors.append(
                _("Participant %(code)s belongs to another programme cycle.") % {"code": code}
            )
        elif entry.participant_id in seen:
            errors.append(_("Participant %(code)s has more than one entry.") % {"code": code})
        seen.add(entry.participant_id)
        if any(getattr(entry, field) for field in not_recorded):
            errors.append(
                _("Participant %(code)s: only a closing meeting records a planned exit.")
                % {"code": code}
            )
    return errors


def _review_errors(protocol: MeetingProtocol) -> list[str]:
    """A meeting reviews only open items set at earlier meetings of its own cycle, once each."""
    reviews = list(protocol.action_item_reviews.all())
    if not reviews:
        return []
    items = selectors.action_items_with_meeting([review.action_item_id for review in reviews])
    closed_elsewhere = set(
        selectors.action_item_reviews_closing_elsewhere(protocol)
        .filter(action_item__in=items)
        .values_list("action_item_id", flat=True)
    )
    errors, seen = [], set()
    for review in reviews:
        item = items[review.action_item_id]
        if item.protocol.cycle_id != protocol.cycle_id:
            errors.append(_("Action item “%(item)s” belongs to another cycle.") % {"item": item})
        elif item.protocol.status == ProtocolStatus.DRAFT:
            errors.append(
                _(
                    "Action item “%(item)s” is only proposed: the protocol of the meeting that "
                    "set it has not been submitted yet."
                )
                % {"item": item}
            )
        elif protocol.starts_at and item.protocol.starts_at >= protocol.starts_at:
            errors.append(
                _(
                    "Action item “%(item)s” was set at this or a later meeting; only earlier "
                    "items are reviewed here."
                )
                % {"item": item}
            )
        elif item.pk in closed_elsewhere and review.outcome in CLOSING_OUTCOMES:
            errors.append(
                _("Action item “%(item)s” was already closed at another meeting.") % {"item": item}
            )
        if item.pk in seen:
            errors.append(_("Action item “%(item)s” is reviewed twice.") % {"item": item})
        seen.add(item.pk)
    return errors


def protocol_missing_parts(protocol: MeetingProtocol) -> list[str]:
    """What the protocol still lacks before it can be submitted, one sentence each."""
    missing = []
    if not protocol.place and not protocol.is_online:
        missing.append(_("Say where the meeting took place, or that it was held online."))
    if not protocol.institutions_present.all():
        missing.append(_("Name the institutions present."))
    if not protocol.staff_present.all():
        missing.append(_("Name the staff present."))
    if protocol.kind == MeetingKind.RECRUITMENT:
        missing += [
            _("Record the agreement on: %(point)s.") % {"point": label}
            for label, text in protocol.recruitment_points
            if not text.strip()
        ]
    elif protocol.kind == MeetingKind.INTAKE:
        codes = _participants_without_entry(protocol)
        if codes:
            missing.append(_("Record goals for participants %(codes)s.") % {"codes": codes})
    elif protocol.kind == MeetingKind.CLOSING:
        codes = _participants_without_entry(protocol)
        if codes:
            missing.append(_("Record an exit plan for participants %(codes)s.") % {"codes": codes})
    day = protocol.meeting_day
    for item in protocol.action_items.all():
        if item.due_on is None:
            missing.append(_("Give a due date for the action item “%(item)s”.") % {"item": item})
        elif item.due_on < day:
            missing.append(
                _("Action item “%(item)s”: the due date %(date)s is before the meeting.")
                % {"item": item, "date": _date(item.due_on)}
            )
    return missing + _dates_out_of_order(protocol)


def _dates_out_of_order(protocol: MeetingProtocol) -> list[str]:
    """What a meeting decides on earlier items, and its next meeting, come after it."""
    day = protocol.meeting_day
    wrong = [
        _(
            "Action item “%(item)s” of an earlier meeting: the new due date %(date)s is before "
            "this meeting."
        )
        % {"item": review.action_item, "date": _date(review.due_on)}
        for review in protocol.action_item_reviews.all()
        if review.outcome == ReviewOutcome.CARRIED_FORWARD and review.due_on and review.due_on < day
    ]
    if protocol.next_meeting_on and protocol.next_meeting_on < day:
        wrong.append(
            _("The next meeting, %(date)s, is before this one.")
            % {"date": _date(protocol.next_meeting_on)}
        )
    return wrong


def _date(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def participants_expected(protocol: MeetingProtocol) -> list[Participant]:
    """The participants an intake or closing meeting must record something about.

    Everyone still in the programme on the day of the meeting: at the intake
    that is the whole group, at the closing those who have not left early.
    """
    day = protocol.meeting_day
    return [
        participant
        for participant in protocol.cycle.participants.all()
        if participant.is_in_programme_on(day)
    ]


def _participants_without_entry(protocol: MeetingProtocol) -> str:
    recorded = {
        entry.participant_id for entry in protocol.participant_entries.all() if entry.text.strip()
    }
    return ", ".join(
        participant.code
        for participant in participants_expected(protocol)
        if participant.pk not in recorded
    )
