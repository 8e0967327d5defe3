"""The benchmark's staff area: 200 programme cycles, 3,000 participants, 10,000 protocols.

``bench.dataset`` calls ``add_meetings`` once the people exist. Saving 10,000
protocols through ``meetings.services`` would take most of an hour, so the
rows are written with ``bulk_create``, but as the services leave them:

- every cycle has its provider among its participating institutions, phases,
  and 15 participants with the codes ``participant_create`` gives;
- every protocol has one revision (its ``latest_revision``, by its author)
  and its history in Wagtail's log: created, submitted, approved for each
  institution, approved by all;
- a recruitment meeting agrees on the five points; intake, mid-term and
  closing meetings have an entry for every participant in the programme
  that day, the closing one with a planned exit;
- each meeting sets three action items and reviews those of the meeting
  before: two closed, one carried forward with a new due date and closed at
  the next meeting, so the last meetings' items stay open;
- an approved protocol has a current approval of its revision from every
  institution present, by that institution's coordinator; a submitted one
  from some of them. In an ongoing cycle the latest meeting (next week) is a
  draft and the one before is submitted; one ended cycle in ten still waits
  for approvals of its closing meeting.

Dates are counted back from the day of the build, so "My work" shows ongoing
cycles, meetings ahead and overdue items whenever the benchmark runs.
Cycles and protocols reach the search index with the pages, through
``update_index`` at the end of the build.

The benchmark signs in as ``MEASURED_COORDINATOR_EMAIL``, a coordinator of
``HUB`` (an employment office that takes part in every fourth cycle), with
``DEFAULT_PASSWORD`` and an authenticator app: ``bench.probe`` logs in as
production asks, with the password and a TOTP code.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

CYCLES = 200
PARTICIPANTS_PER_CYCLE = 15
PROTOCOLS = 10_000
ACTION_ITEMS_PER_PROTOCOL = 3
AGENDA_ITEMS_PER_PROTOCOL = 3
CYCLE_DAYS = 240
# The newest cycle started this long before the build, each older one this much earlier.
NEWEST_CYCLE_STARTED_DAYS_AGO = 90
DAYS_BETWEEN_CYCLE_STARTS = 11
CROSS_BORDER_EVERY = 3
HUB = "Urad za delo Ptuj"
HUB_EVERY = 4
# An institution stays away from one meeting in this many; a participant in this many leaves early.
ABSENT_EVERY = 6
EARLY_EXIT_EVERY = 5
# Ended cycles whose number leaves this remainder still wait for approvals of their closing.
FORGOTTEN_APPROVAL_EVERY = 10
FORGOTTEN_APPROVAL_REMAINDER = 4
MEASURED_COORDINATOR_EMAIL = "koordinatorka.meritve@urad-za-delo-ptuj.example"


@dataclass
class _Cycle:
    """A cycle being built, with what its meetings refer to."""

    number: int
    cycle: object
    institutions: list
    language: str
    participants: list = field(default_factory=list)
    protocols: list = field(default_factory=list)


def add_meetings(rng) -> str:
    """Write the cycles and everything in them; returns what there is now."""
    from django.utils import timezone

    from meetings.models import ActionItem, MeetingProtocol, Participant, ProgrammeCycle

    today = timezone.localdate()
    institutions = _institutions_by_kind()
    coordinators = _coordinators()
    hub = institutions["hub"]
    coordinators[hub.pk] = _measured_coordinator(hub)
    cycles = _add_cycles(rng, today, institutions)
    _add_participants(rng, today, cycles)
    counts = _protocol_counts(today, cycles)
    for built, count in zip(cycles, counts, strict=True):
        _plan_protocols(rng, today, built, count, coordinators)
    _write_protocols(rng, cycles, coordinators)
    return (
        f"{ProgrammeCycle.objects.count()} cycles, {Participant.objects.count()} participants, "
        f"{MeetingProtocol.objects.count()} protocols, {ActionItem.objects.count()} action items"
    )


def _institutions_by_kind() -> dict:
    from partners.models import Country, Institution, InstitutionKind

    every = list(Institution.objects.order_by("pk"))
    hub = next(i for i in every if i.short_name == HUB)

    def of(kind, country):
        return [i for i in every if i.kind == kind and i.country == country and i != hub]

    return {
        "hub": hub,
        "si_social": of(InstitutionKind.SOCIAL_WORK_CENTRE, Country.SLOVENIA),
        "si_offices": of(InstitutionKind.EMPLOYMENT_OFFICE, Country.SLOVENIA),
        "units": of(InstitutionKind.COORDINATORS_UNIT, Country.SLOVENIA),
        "si_providers": of(InstitutionKind.PROGRAMME_PROVIDER, Country.SLOVENIA),
        "hr_social": of(InstitutionKind.SOCIAL_WORK_CENTRE, Country.CROATIA),
        "hr_offices": of(InstitutionKind.EMPLOYMENT_OFFICE, Country.CROATIA),
    }


def _coordinators() -> dict:
    """The first coordinator of each institution, who approves for it."""
    from partners.models import Membership, MembershipRole

    coordinators = {}
    for membership in (
        Membership.objects.filter(role=MembershipRole.COORDINATOR)
        .select_related("user")
        .order_by("pk")
    ):
        coordinators.setdefault(membership.institution_id, membership.user)
    return coordinators


def _measured_coordinator(hub):
    """The person the benchmark signs in as: a coordinator with an authenticator app."""
    from accounts.factories import DEFAULT_PASSWORD, UserFactory, totp_activate
    from partners.models import MembershipRole
    from partners.services import membership_grant

    user = UserFactory(
        username="bench-coordinator",
        email=MEASURED_COORDINATOR_EMAIL,
        first_name="Katja",
        last_name="Meglič",
        password=DEFAULT_PASSWORD,
    )
    totp_activate(user)
    membership_grant(user=user, institution=hub, role=MembershipRole.COORDINATOR)
    return user


def _add_cycles(rng, today, institutions) -> list[_Cycle]:
    from meetings.models import CyclePhase, ProgrammeCycle, TargetGroup

    from .content import PLACES, PROGRAMMES

    slovenian_places, croatian_places = PLACES[:8], PLACES[8:]
    built = []
    for number in range(CYCLES):
        starts_on = today - timedelta(
            days=NEWEST_CYCLE_STARTED_DAYS_AGO + number * DAYS_BETWEEN_CYCLE_STARTS
        )
        cross_border = number % CROSS_BORDER_EVERY == 0
        provider = rng.choice(institutions["si_providers"])
        members = [
            provider,
            rng.choice(institutions["si_social"]),
            institutions["hub"]
            if number % HUB_EVERY == 0
            else rng.choice(institutions["si_offices"]),
            rng.choice(institutions["units"]),
        ]
        locations = rng.choice(slovenian_places)
        target_group = TargetGroup.ADULTS
        if cross_border:
            members += [
                rng.choice(institutions["hr_social"]),
                rng.choice(institutions["hr_offices"]),
            ]
            locations = f"{locations}, {rng.choice(croatian_places)}"
            target_group = rng.choice(
                [TargetGroup.ROMA_WOMEN, TargetGroup.WOMEN_FROM_OTHER_CULTURES]
            )
        programme = rng.choice(PROGRAMMES)
        cycle = ProgrammeCycle(
            programme_name_sl=programme.sl,
            programme_name_hr=programme.hr,
            code=f"B{number:03d}",
            provider=provider,
            locations=locations,
            target_group=target_group,
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=CYCLE_DAYS),
            max_group_size=20,
        )
        built.append(
            _Cycle(
                number=number,
                cycle=cycle,
                institutions=members,
                # Some cross-border teams keep their protocols in Croatian.
                language="hr" if number % (2 * CROSS_BORDER_EVERY) == CROSS_BORDER_EVERY else "sl",
            )
        )
    ProgrammeCycle.objects.bulk_create([b.cycle for b in built])
    through = ProgrammeCycle.institutions.through
    through.objects.bulk_create(
        [
            through(programmecycle_id=b.cycle.pk, institution_id=institution.pk)
            for b in built
            for institution in b.institutions
        ]
    )
    CyclePhase.objects.bulk_create(
        [
            CyclePhase(cycle=b.cycle, name=name, starts_on=start, ends_on=end, sort_order=order)
            for b in built
            for order, (name, start, end) in enumerate(_phases(b.cycle))
        ]
    )
    return built


def _phases(cycle):
    month = timedelta(days=30)
    return [
        ("Priprava in nabor", cycle.starts_on, cycle.starts_on + month),
        ("Delo z udeleženci", cycle.starts_on + month + timedelta(days=1), cycle.ends_on - month),
        ("Individualno delo po izstopu", cycle.ends_on - month + timedelta(days=1), cycle.ends_on),
    ]


def _add_participants(rng, today, cycles) -> None:
    """Fifteen a cycle, entering on the day of the intake meeting; some leave early."""
    from meetings.models import ExitOutcome, Participant

    from .content import PARTICIPANT_ENTRIES

    outcomes = [o for o in ExitOutcome if o != ExitOutcome.LEFT_EARLY]
    for built in cycles:
        cycle = built.cycle
        entered_on = _intake_day(cycle)
        for number in range(1, PARTICIPANTS_PER_CYCLE + 1):
            participant = Participant(
                cycle=cycle,
                number=number,
                code=f"{cycle.code}-{cycle.starts_on.year}-{number:02d}",
                target_group=cycle.target_group,
                entered_on=entered_on,
                note=getattr(rng.choice(PARTICIPANT_ENTRIES), built.language),
            )
            left_early = rng.randrange(EARLY_EXIT_EVERY) == 0
            if left_early:
                participant.exited_on = entered_on + timedelta(days=rng.randint(30, 150))
                participant.exit_outcome = rng.choice(
                    [ExitOutcome.LEFT_EARLY, ExitOutcome.EMPLOYMENT]
                )
            elif cycle.ends_on < today:
                participant.exited_on = cycle.ends_on
                participant.exit_outcome = rng.choice(outcomes)
            if participant.exited_on and participant.exited_on >= today:
                participant.exited_on, participant.exit_outcome = None, ""
            built.participants.append(participant)
    Participant.objects.bulk_create([p for b in cycles for p in b.participants])


def _intake_day(cycle) -> date:
    return cycle.starts_on + timedelta(days=30)


def _protocol_counts(today, cycles) -> list[int]:
    """PROTOCOLS shared between the cycles by how long each has been meeting."""
    spans = [(_last_meeting_day(today, b.cycle) - _first_meeting_day(b.cycle)).days for b in cycles]
    shares = [PROTOCOLS * span / sum(spans) for span in spans]
    counts = [int(share) for share in shares]
    # The largest remainders get the protocols left over, so the total is exact.
    by_remainder = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for index in by_remainder[: PROTOCOLS - sum(counts)]:
        counts[index] += 1
    return counts


def _first_meeting_day(cycle) -> date:
    return cycle.starts_on + timedelta(days=7)


def _last_meeting_day(today, cycle) -> date:
    """The closing meeting of an ended cycle; next week's meeting of an ongoing one."""
    if cycle.ends_on < today:
        return cycle.ends_on - timedelta(days=7)
    return today + timedelta(days=7)


@dataclass
class _Meeting:
    """A protocol to write and what it refers to."""

    protocol: object
    present: list
    staff: list
    author: object
    # (institution, when) of each approval given so far.
    approvals: list = field(default_factory=list)
    items: list = field(default_factory=list)
    # str(protocol), the label of its revision and of its log entries.
    label: str = ""


def _plan_protocols(rng, today, built: _Cycle, count: int, coordinators) -> None:
    from meetings.models import MeetingKind, MeetingProtocol, ProtocolStatus

    cycle = built.cycle
    ended = cycle.ends_on < today
    first, last = _first_meeting_day(cycle), _last_meeting_day(today, cycle)
    # The intake on the day the participants entered; the rest spread evenly, a day apart at least.
    days = [first, _intake_day(cycle)]
    held_until = last if ended else today - timedelta(days=3)
    rest = count - len(days) - (0 if ended else 1)
    span = (held_until - days[-1]).days
    days += [days[-1] + timedelta(days=round((k + 1) * span / rest)) for k in range(rest)]
    if not ended:
        days.append(last)
    for k, day in enumerate(days):
        kind = MeetingKind.MID_TERM
        if k == 0:
            kind = MeetingKind.RECRUITMENT
        elif k == 1:
            kind = MeetingKind.INTAKE
        elif ended and k == count - 1:
            kind = MeetingKind.CLOSING
        status = ProtocolStatus.APPROVED
        if not ended and k == count - 1:
            status = ProtocolStatus.DRAFT
        elif (not ended and k == count - 2) or (
            ended
            and k == count - 1
            and built.number % FORGOTTEN_APPROVAL_EVERY == FORGOTTEN_APPROVAL_REMAINDER
        ):
            status = ProtocolStatus.SUBMITTED
        present = list(built.institutions)
        if rng.randrange(ABSENT_EVERY) == 0:
            present.remove(rng.choice(present[1:]))
        starts_at = _at(day, 9 + 2 * (k % 4))
        next_day = days[k + 1] if k + 1 < len(days) else None
        if next_day is None and not ended:
            # The meeting after next, agreed but not yet prepared.
            next_day = day + timedelta(days=14)
        protocol = MeetingProtocol(
            cycle=cycle,
            kind=kind,
            starts_at=starts_at,
            place=f"{cycle.provider.name}, {cycle.locations.partition(',')[0]}",
            is_online=len(present) > 4 and k % 2 == 0,
            language=built.language,
            next_meeting_on=next_day,
            status=status,
            created_at=starts_at + timedelta(hours=2),
            created_by=coordinators[cycle.provider_id],
        )
        meeting = _Meeting(
            protocol=protocol,
            present=present,
            staff=[coordinators[i.pk] for i in present],
            author=coordinators[cycle.provider_id],
        )
        if status != ProtocolStatus.DRAFT:
            protocol.submitted_at = starts_at + timedelta(days=1)
            _plan_approvals(rng, meeting)
        built.protocols.append(meeting)


def _plan_approvals(rng, meeting: _Meeting) -> None:
    """Every institution present has approved an approved protocol; some a submitted one.

    A submitted one waits for the coordinator the benchmark signs in as, where HUB was present.
    """
    from meetings.models import ProtocolStatus

    protocol = meeting.protocol
    approving = meeting.present
    if protocol.status == ProtocolStatus.SUBMITTED:
        waiting = [i for i in meeting.present if i.short_name == HUB] or [
            rng.choice(meeting.present)
        ]
        approving = [i for i in meeting.present if i not in waiting][:-1]
    approved_at = protocol.submitted_at
    for institution in approving:
        approved_at += timedelta(hours=rng.randint(2, 30))
        meeting.approvals.append((institution, approved_at))
    if protocol.status == ProtocolStatus.APPROVED:
        protocol.approved_at = approved_at


def _at(day: date, hour: int) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, time(hour)))


def _write_protocols(rng, cycles, coordinators) -> None:
    from meetings.models import MeetingProtocol

    meetings = [m for b in cycles for m in b.protocols]
    for built in cycles:
        for meeting in built.protocols:
            _fill_text(rng, built, meeting.protocol)
    MeetingProtocol.objects.bulk_create([m.protocol for m in meetings], batch_size=1000)
    for meeting in meetings:
        meeting.label = str(meeting.protocol)
    _write_present(meetings)
    revisions = _write_revisions(meetings)
    _write_rows(rng, cycles, coordinators)
    _write_approvals_and_history(meetings, revisions, coordinators)


def _fill_text(rng, built: _Cycle, protocol) -> None:
    from meetings.models import RECRUITMENT_POINTS, MeetingKind

    from .content import SENTENCES

    language = built.language
    protocol.decisions = " ".join(
        getattr(sentence, language) for sentence in rng.sample(SENTENCES, 2)
    )
    if protocol.kind == MeetingKind.RECRUITMENT:
        for point, _label in RECRUITMENT_POINTS:
            setattr(protocol, point, getattr(rng.choice(SENTENCES), language))


def _write_present(meetings) -> None:
    from meetings.models import MeetingProtocol

    institutions = MeetingProtocol.institutions_present.through
    staff = MeetingProtocol.staff_present.through
    institutions.objects.bulk_create(
        [
            institutions(meetingprotocol_id=m.protocol.pk, institution_id=i.pk)
            for m in meetings
            for i in m.present
        ],
        batch_size=2000,
    )
    staff.objects.bulk_create(
        [
            staff(meetingprotocol_id=m.protocol.pk, user_id=pk)
            for m in meetings
            for pk in sorted({u.pk for u in m.staff})
        ],
        batch_size=2000,
    )


def _write_revisions(meetings) -> dict:
    """One revision of each protocol, by its author; it becomes its latest revision."""
    from modelcluster.models import get_serializable_data_for_fields

    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, OuterRef, Subquery
    from django.db.models.functions import Cast

    from wagtail.models import Revision

    from meetings.models import MeetingProtocol

    content_type = ContentType.objects.get_for_model(MeetingProtocol)
    revisions = {
        meeting.protocol.pk: Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(meeting.protocol.pk),
            created_at=meeting.protocol.created_at,
            user=meeting.author,
            object_str=meeting.label,
            content=get_serializable_data_for_fields(meeting.protocol),
        )
        for meeting in meetings
    }
    Revision.objects.bulk_create(revisions.values(), batch_size=1000)
    # One UPDATE instead of 10,000: each new protocol points at its revision.
    MeetingProtocol.objects.filter(latest_revision__isnull=True).update(
        latest_revision=Subquery(
            Revision.objects.filter(
                base_content_type=content_type,
                object_id=Cast(OuterRef("pk"), output_field=CharField()),
            ).values("pk")[:1]
        )
    )
    return revisions


def _write_rows(rng, cycles, coordinators) -> None:
    """Agenda items, participant entries, action items and the reviews of earlier items."""
    from meetings.models import (
        ActionItem,
        ActionItemReview,
        AgendaItem,
        ExitOutcome,
        MeetingKind,
        ParticipantEntry,
        ReviewOutcome,
    )

    from .content import ACTIONS, AGENDA, AGREED_STEPS, PARTICIPANT_ENTRIES, REVIEW_NOTES, SENTENCES

    exits = [o for o in ExitOutcome if o != ExitOutcome.LEFT_EARLY]
    agenda, entries, items = [], [], []
    for built in cycles:
        language = built.language
        for meeting in built.protocols:
            protocol = meeting.protocol
            day = protocol.starts_at.date()
            for order, title in enumerate(rng.sample(AGENDA, AGENDA_ITEMS_PER_PROTOCOL)):
                agenda.append(
                    AgendaItem(
                        protocol=protocol,
                        title=getattr(title, language),
                        discussion=getattr(rng.choice(SENTENCES), language),
                        sort_order=order,
                    )
                )
            if protocol.kind != MeetingKind.RECRUITMENT:
                for participant in built.participants:
                    if participant.entered_on <= day and participant.is_in_programme_on(day):
                        entries.append(
                            ParticipantEntry(
                                protocol=protocol,
                                participant=participant,
                                text=getattr(rng.choice(PARTICIPANT_ENTRIES), language),
                                agreed_steps=getattr(rng.choice(AGREED_STEPS), language),
                                planned_exit=rng.choice(exits)
                                if protocol.kind == MeetingKind.CLOSING
                                else "",
                            )
                        )
            for order in range(ACTION_ITEMS_PER_PROTOCOL):
                responsible = meeting.present[(len(items) + order) % len(meeting.present)]
                item = ActionItem(
                    protocol=protocol,
                    description=getattr(rng.choice(ACTIONS), language),
                    responsible_institution=responsible,
                    responsible_person=coordinators[responsible.pk] if order == 0 else None,
                    due_on=day + timedelta(days=14),
                    sort_order=order,
                )
                meeting.items.append(item)
                items.append(item)
    AgendaItem.objects.bulk_create(agenda, batch_size=2000)
    ParticipantEntry.objects.bulk_create(entries, batch_size=2000)
    ActionItem.objects.bulk_create(items, batch_size=2000)
    reviews = []
    for built in cycles:
        for before_last, last, meeting in zip(
            [None, *built.protocols], built.protocols, built.protocols[1:], strict=False
        ):
            done, maybe_dropped, carried = last.items
            reviews += [
                ActionItemReview(protocol=meeting.protocol, action_item=done, outcome="done"),
                ActionItemReview(
                    protocol=meeting.protocol,
                    action_item=maybe_dropped,
                    outcome=ReviewOutcome.DROPPED if rng.randrange(5) == 0 else ReviewOutcome.DONE,
                ),
                ActionItemReview(
                    protocol=meeting.protocol,
                    action_item=carried,
                    outcome=ReviewOutcome.CARRIED_FORWARD,
                    due_on=meeting.protocol.starts_at.date() + timedelta(days=14),
                    note=getattr(rng.choice(REVIEW_NOTES), built.language),
                ),
            ]
            if before_last is not None:
                # What the meeting before carried forward is done now.
                reviews.append(
                    ActionItemReview(
                        protocol=meeting.protocol,
                        action_item=before_last.items[2],
                        outcome=ReviewOutcome.DONE,
                    )
                )
    ActionItemReview.objects.bulk_create(reviews, batch_size=2000)


def _write_approvals_and_history(meetings, revisions, coordinators) -> None:
    """The approvals planned for each protocol's revision, and the log entries of its history."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ModelLogEntry

    from meetings.models import MeetingProtocol, ProtocolApproval, ProtocolStatus

    content_type = ContentType.objects.get_for_model(MeetingProtocol)
    approvals, log = [], []
    for meeting in meetings:
        protocol = meeting.protocol
        revision = revisions[protocol.pk]
        history = [("wagtail.create", meeting.author, protocol.created_at, {})]
        if protocol.status != ProtocolStatus.DRAFT:
            history.append(("meetings.submit", meeting.author, protocol.submitted_at, {}))
        for institution, approved_at in meeting.approvals:
            approver = coordinators[institution.pk]
            approvals.append(
                ProtocolApproval(
                    protocol=protocol,
                    institution=institution,
                    approved_by=approver,
                    revision=revision,
                    approved_at=approved_at,
                )
            )
            data = {"institution_id": institution.pk, "institution": institution.short_name}
            history.append(("meetings.approve", approver, approved_at, data))
        if protocol.status == ProtocolStatus.APPROVED:
            history.append(("meetings.approved", approver, protocol.approved_at, {}))
        log += [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(protocol.pk),
                label=meeting.label,
                action=action,
                user=user,
                revision=revision,
                timestamp=timestamp,
                content_changed=action == "wagtail.create",
                data=data,
            )
            for action, user, timestamp, data in history
        ]
    ProtocolApproval.objects.bulk_create(approvals, batch_size=2000)
    ModelLogEntry.objects.bulk_create(log, batch_size=2000)


def measured_pages():
    """The staff pages the benchmark loads, as the measured coordinator reaches them.

    "My work"; the first protocol waiting for the coordinator's approval (the
    first link of the dashboard); the cycle that protocol belongs to.
    """
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import translation

    from meetings.selectors import my_work

    user = get_user_model().objects.get(email=MEASURED_COORDINATOR_EMAIL)
    protocol = my_work(user).awaiting_approval[0]
    with translation.override("sl"):
        return {
            "my work (sl)": reverse("meetings:my_work"),
            "cycle (sl)": reverse("meetings:cycle", args=[protocol.cycle_id]),
            "protocol (sl)": reverse("meetings:protocol", args=[protocol.pk]),
        }
