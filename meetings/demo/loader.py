"""Write the demo programme cycles, with their participants and meetings, through the services.

A cycle is found again by its code. One that exists is left as it is: its
protocols are records that people may since have changed and approved, not
demo text to refresh. A new one is written through ``meetings.services``,
as the portal writes it, so its revisions, history and approvals are real.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from accounts.demo import demo_coordinators, demo_users
from partners.models import Institution
from portal.demo.base import DemoDataError, DemoReport, Outcome

from .. import services
from ..models import (
    ActionItem,
    AgendaItem,
    CyclePhase,
    MeetingProtocol,
    Participant,
    ParticipantEntry,
    ProgrammeCycle,
    ProtocolGuest,
    ProtocolStatus,
    ReviewOutcome,
)
from .cycles import CYCLES, DemoCycle, DemoProtocol

# The demo user who sets the cycles up, as a site administrator does in the admin.
CYCLES_SET_UP_BY = "admin"


def load(**options) -> DemoReport:
    """The demo programme cycles with their participants and protocols."""
    users = demo_users()
    return DemoReport(counts={"Programme cycles": [_load_cycle(data, users) for data in CYCLES]})


@dataclass
class _CycleRecords:
    """What a cycle's meetings refer to, by the keys the demo data uses."""

    cycle: ProgrammeCycle
    institutions: dict[str, Institution]
    users: dict
    participants: dict[int, Participant] = dataclasses.field(default_factory=dict)
    action_items: dict[str, ActionItem] = dataclasses.field(default_factory=dict)


def _load_cycle(data: DemoCycle, users) -> Outcome:
    if ProgrammeCycle.objects.filter(code=data.code).exists():
        return Outcome.UNCHANGED
    if [p.entered_on for p in data.participants] != sorted(p.entered_on for p in data.participants):
        # The portal numbers participants as they are added, and entries refer to the numbers.
        raise DemoDataError(f"List the participants of {data.code} in the order they entered.")
    names = [data.provider, *data.institutions]
    institutions = Institution.objects.in_bulk(names, field_name="short_name")
    if len(institutions) != len(names):
        raise DemoDataError(f"{data.code}: no institution {set(names) - set(institutions)}.")
    cycle = ProgrammeCycle(
        programme_name_sl=data.programme_name.sl,
        programme_name_hr=data.programme_name.hr,
        programme_name_en=data.programme_name.en,
        code=data.code,
        provider=institutions[data.provider],
        locations=data.locations,
        target_group=data.target_group,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        max_group_size=data.max_group_size,
    )
    cycle.phases = [
        CyclePhase(
            name_sl=p.name.sl,
            name_hr=p.name.hr,
            name_en=p.name.en,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            sort_order=number,
        )
        for number, p in enumerate(data.phases)
    ]
    services.programme_cycle_save(
        cycle=cycle, institutions=institutions.values(), user=users[CYCLES_SET_UP_BY]
    )
    records = _CycleRecords(cycle=cycle, institutions=institutions, users=users)
    # Each meeting finds the group as it was on its day: who had entered, who had left.
    for protocol in sorted(data.protocols, key=lambda p: p.day):
        _record_participants(data, records, until=protocol.day)
        _load_protocol(protocol, records)
    _record_participants(data, records, until=date.max)
    return Outcome.CREATED


def _record_participants(data: DemoCycle, records: _CycleRecords, *, until: date) -> None:
    """Add the participants who entered by ``until``, and record who had left by then."""
    recorder = records.users[data.recorded_by]
    for number, person in enumerate(data.participants, start=1):
        participant = records.participants.get(number)
        if participant is None and person.entered_on <= until:
            participant = services.participant_create(
                cycle=records.cycle,
                user=recorder,
                target_group=person.target_group,
                entered_on=person.entered_on,
                note=person.note,
            )
            records.participants[number] = participant
        left = person.exited_on and person.exited_on <= until
        if participant and left and participant.exited_on is None:
            services.participant_update(
                participant=participant,
                user=recorder,
                exited_on=person.exited_on,
                exit_outcome=person.exit_outcome,
            )


def _load_protocol(data: DemoProtocol, records: _CycleRecords) -> None:
    """Write the protocol, review earlier items, then submit and approve it as far as it got."""
    author = records.users[data.author]
    protocol = MeetingProtocol(
        cycle=records.cycle,
        kind=data.kind,
        starts_at=timezone.make_aware(datetime.combine(data.day, time(data.hour))),
        place=data.place,
        is_online=data.is_online,
        language=data.language,
        apologies=data.apologies,
        decisions=data.decisions,
        next_meeting_on=data.next_meeting_on,
        **(dataclasses.asdict(data.agreement) if data.agreement else {}),
    )
    protocol.institutions_present = [records.institutions[name] for name in data.institutions]
    protocol.staff_present = [records.users[key] for key in data.staff]
    # Rows are numbered as the portal's forms number them, so they keep their order.
    protocol.guests = [
        ProtocolGuest(name=name, institution=institution, sort_order=number)
        for number, (name, institution) in enumerate(data.guests)
    ]
    protocol.agenda_items = [
        AgendaItem(title=item.title, discussion=item.discussion, sort_order=number)
        for number, item in enumerate(data.agenda)
    ]
    protocol.participant_entries = [
        ParticipantEntry(
            participant=records.participants[entry.participant],
            text=entry.text,
            agreed_steps=entry.agreed_steps,
            planned_exit=entry.planned_exit,
        )
        for entry in data.entries
    ]
    protocol.action_items = [
        ActionItem(
            description=item.description,
            responsible_institution=records.institutions[item.institution],
            responsible_person=records.users[item.person] if item.person else None,
            due_on=item.due_on,
            sort_order=number,
        )
        for number, item in enumerate(data.action_items)
    ]
    services.protocol_save(protocol=protocol, user=author)
    saved_items = ActionItem.objects.filter(protocol=protocol).order_by("sort_order")
    for item, saved in zip(data.action_items, saved_items, strict=True):
        records.action_items[item.key] = saved
    for review in data.reviews:
        _review(review, protocol, records, user=author)
    if data.status != ProtocolStatus.DRAFT:
        services.protocol_submit(protocol=protocol, user=author)
    if data.status == ProtocolStatus.SUBMITTED:
        _approve(protocol, data.approved_by, records)
    elif data.status == ProtocolStatus.APPROVED:
        _approve(protocol, data.institutions, records)
        if data.amendment:
            _amend(protocol, data, records)
    protocol.refresh_from_db(fields=["status"])
    if protocol.status != data.status:
        # E.g. a "submitted" protocol that every institution present approved.
        raise DemoDataError(f"{protocol} ended up {protocol.status}, not {data.status}.")


def _amend(protocol, data: DemoProtocol, records: _CycleRecords) -> None:
    """Change the approved text, as *Amend* does; every institution present approves it again."""
    amended = MeetingProtocol.objects.get(pk=protocol.pk)
    amended.decisions = data.amendment.decisions
    services.protocol_save(
        protocol=amended,
        user=records.users[data.amendment.author],
        loaded_revision_id=amended.latest_revision_id,
        reason=data.amendment.reason,
    )
    _approve(amended, data.institutions, records)


def _review(review, protocol, records: _CycleRecords, *, user) -> None:
    item = records.action_items[review.item]
    if review.outcome == ReviewOutcome.CARRIED_FORWARD:
        services.action_item_carry_forward(
            action_item=item, protocol=protocol, user=user, due_on=review.due_on, note=review.note
        )
    else:
        services.action_item_close(
            action_item=item, protocol=protocol, user=user, outcome=review.outcome, note=review.note
        )


def _approve(protocol, institution_names, records: _CycleRecords) -> None:
    """Each institution approves through its demo coordinator."""
    coordinators = demo_coordinators()
    for name in institution_names:
        if name not in coordinators:
            raise DemoDataError(f"{name} has no demo coordinator to approve the protocol.")
        services.protocol_approve(
            protocol=protocol,
            user=coordinators[name],
            institution=records.institutions[name],
        )
