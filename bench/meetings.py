"""The benchmark's staff area: 200 programme cycles, 3,000 participants, 10,000 protocols.

``bench.dataset`` calls ``add_meetings`` once the people exist. Saving 10,000
protocols through ``meetings.services`` would take most of an hour, so the
rows are written with ``bulk_create`` (``bench.meeting_rows``), but as the
services leave them, from the app's own definitions: participant codes by
``rules.participant_code``, history entries named by ``HistoryAction``,
revisions holding what ``save_revision`` stores. ``tests/bench`` builds a
small data set and holds every record to ``meetings.rules``.

- every cycle has its provider among its participating institutions, phases,
  and 15 participants;
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


@dataclass(frozen=True)
class Size:
    cycles: int
    participants_per_cycle: int
    protocols: int


# What docs/performance.md promises.
FULL = Size(cycles=200, participants_per_cycle=15, protocols=10_000)


@dataclass
class _Cycle:
    """A cycle being built, with what its meetings refer to."""

    number: int
    cycle: object
    institutions: list
    language: str
    participants: list = field(default_factory=list)
    protocols: list = field(default_factory=list)


def add_meetings(rng, size: Size = FULL) -> str:
    """Write the cycles and everything in them; returns what there is now."""
    from django.utils import timezone

    from meetings.models import ActionItem, MeetingProtocol, Participant, ProgrammeCycle

    from .meeting_rows import write_protocols

    today = timezone.localdate()
    institutions = _institutions_by_kind()
    coordinators = _coordinators()
    hub = institutions["hub"]
    coordinators[hub.pk] = _measured_coordinator(hub)
    cycles = _add_cycles(rng, today, institutions, size.cycles)
    _add_participants(rng, today, cycles, size.participants_per_cycle)
    counts = _protocol_counts(today, cycles, size.protocols)
    for built, count in zip(cycles, counts, strict=True):
        _plan_protocols(rng, today, built, count, coordinators)
    write_protocols(rng, cycles, coordinators)
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


def _add_cycles(rng, today, institutions, count) -> list[_Cycle]:
    from meetings.models import CyclePhase, ProgrammeCycle, TargetGroup

    from .content import PLACES, PROGRAMMES

    slovenian_places, croatian_places = PLACES[:8], PLACES[8:]
    built = []
    for number in range(count):
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
            CyclePhase(
                cycle=b.cycle,
                name_sl=name.sl,
                name_hr=name.hr,
                name_en=name.en,
                starts_on=start,
                ends_on=end,
                sort_order=order,
            )
            for b in built
            for order, (name, start, end) in enumerate(_phases(b.cycle))
        ]
    )
    return built


def _phases(cycle):
    from portal.demo.base import Text

    month = timedelta(days=30)
    return [
        (
            Text("Priprava in nabor", "Priprema i odabir", "Preparation and recruitment"),
            cycle.starts_on,
            cycle.starts_on + month,
        ),
        (
            Text("Delo z udeleženci", "Rad sa sudionicima", "Work with participants"),
            cycle.starts_on + month + timedelta(days=1),
            cycle.ends_on - month,
        ),
        (
            Text(
                "Individualno delo po izstopu",
                "Individualni rad nakon izlaska",
                "Individual work after exit",
            ),
            cycle.ends_on - month + timedelta(days=1),
            cycle.ends_on,
        ),
    ]


def _add_participants(rng, today, cycles, per_cycle) -> None:
    """``per_cycle`` a cycle, entering on the day of the intake meeting; some leave early."""
    from meetings.models import ExitOutcome, Participant
    from meetings.rules import participant_code

    from .content import PARTICIPANT_ENTRIES

    outcomes = [o for o in ExitOutcome if o != ExitOutcome.LEFT_EARLY]
    for built in cycles:
        cycle = built.cycle
        entered_on = _intake_day(cycle)
        for number in range(1, per_cycle + 1):
            participant = Participant(
                cycle=cycle,
                number=number,
                code=participant_code(cycle=cycle, number=number),
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


def _protocol_counts(today, cycles, protocols) -> list[int]:
    """``protocols`` shared between the cycles by how long each has been meeting."""
    spans = [(_last_meeting_day(today, b.cycle) - _first_meeting_day(b.cycle)).days for b in cycles]
    shares = [protocols * span / sum(spans) for span in spans]
    counts = [int(share) for share in shares]
    # The largest remainders get the protocols left over, so the total is exact.
    by_remainder = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for index in by_remainder[: protocols - sum(counts)]:
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
            # Numbered in the order written, as ``services.protocol_save`` numbers them.
            number=k + 1,
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
