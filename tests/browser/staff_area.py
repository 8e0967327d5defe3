"""A programme cycle of demo institutions and its team, for the browser tests of the staff area.

Built as the staff pages build it: participants and protocols go through
``meetings.services``, so the pages show what people would have recorded.
The coordinator whose work the tests look at belongs to CSD Gorenjska, a
partner of the demo site.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

from meetings import services
from meetings.factories import ProgrammeCycleFactory, meeting_time
from meetings.models import (
    ActionItem,
    ActionItemReview,
    AgendaItem,
    MeetingKind,
    MeetingProtocol,
    ParticipantEntry,
    ProtocolGuest,
    ReviewOutcome,
    TargetGroup,
)
from partners.factories import MembershipFactory
from partners.models import Institution, MembershipRole

# The institution of the coordinator whose work the tests look at.
COORDINATORS_INSTITUTION = "CSD Gorenjska"
# Invented people: (first name, last name) of the coordinator of each other institution.
COLLEAGUES = {
    "ZRSZ OS Kranj": ("Tomaž", "Golob"),
    "RME Gorenjska": ("Špela", "Kovačič"),
    "LU Kranj": ("Gregor", "Bizjak"),
}


@dataclass(frozen=True)
class Team:
    """The cycle, its four institutions and who works there."""

    cycle: object
    coordinator: object  # of CSD Gorenjska, the institution whose work is shown
    institutions: list
    colleagues: list  # the coordinators of the other institutions
    participants: list

    @property
    def csd(self):
        return self.institutions[0]

    @property
    def staff(self):
        return [self.coordinator, *self.colleagues]

    def programme_name(self, language):
        with translation.override(language):
            return str(self.cycle.programme_name)

    def link_text(self, language):
        """How "My work" and the breadcrumbs name the cycle."""
        return f"{self.cycle.code} – {self.programme_name(language)}"


def team(*, participants=3) -> Team:
    """A cycle that began two weeks ago, with its team and ``participants``, and no meeting yet."""
    today = timezone.localdate()
    csd = Institution.objects.get(short_name=COORDINATORS_INSTITUTION)
    others = [Institution.objects.get(short_name=name) for name in COLLEAGUES]
    provider = others[-1]
    cycle = ProgrammeCycleFactory(
        code="KR",
        provider=provider,
        institutions=[csd, *others[:-1]],
        locations="Kranj, Škofja Loka",
        starts_on=today - timedelta(days=14),
        ends_on=today + timedelta(days=200),
    )
    coordinator = MembershipFactory(
        institution=csd,
        role=MembershipRole.COORDINATOR,
        user__first_name="Maja",
        user__last_name="Žagar",
        user__totp=True,
    ).user
    colleagues = [
        MembershipFactory(
            institution=institution,
            role=MembershipRole.COORDINATOR,
            user__first_name=COLLEAGUES[institution.short_name][0],
            user__last_name=COLLEAGUES[institution.short_name][1],
            user__totp=True,
        ).user
        for institution in others
    ]
    return Team(
        cycle=cycle,
        coordinator=coordinator,
        institutions=[csd, *others],
        colleagues=colleagues,
        participants=[
            services.participant_create(
                cycle=cycle,
                user=coordinator,
                target_group=TargetGroup.ADULTS,
                entered_on=cycle.starts_on,
            )
            for _ in range(participants)
        ],
    )


@dataclass(frozen=True)
class RecordedMeetings:
    team: Team
    intake: MeetingProtocol  # approved by every institution present
    mid_term: MeetingProtocol  # today, submitted, approved by all but CSD Gorenjska


def recorded_meetings() -> RecordedMeetings:
    """The team's intake meeting and today's mid-term meeting, which follows up its action items.

    So that every list of the staff pages has something in it: the cycle's
    protocols and open items, the coordinator's approval to give, the next
    meeting announced for a month from now.
    """
    work = team()
    start = work.cycle.starts_on
    intake = _protocol(work, MeetingKind.INTAKE, meeting_time(start), "Predstavitev programa")
    intake.participant_entries = [
        ParticipantEntry(
            participant=participant,
            text="Redno obiskovanje delavnic in priprava življenjepisa.",
            agreed_steps="Pogovor s koordinatorko čez dva tedna.",
        )
        for participant in work.participants
    ]
    intake.action_items = [
        ActionItem(
            description="Pripraviti seznam lokalnih programov in društev.",
            responsible_institution=work.csd,
            responsible_person=work.coordinator,
            due_on=start + timedelta(days=10),
        ),
        ActionItem(
            description="Dogovoriti obisk knjižnice v Škofji Loki.",
            responsible_institution=work.institutions[3],
            due_on=start + timedelta(days=21),
        ),
    ]
    _record(work, intake, approving=work.institutions)

    today = timezone.localdate()
    mid_term = _protocol(work, MeetingKind.MID_TERM, meeting_time(today), "Pregled napredka")
    mid_term.next_meeting_on = today + timedelta(days=28)
    mid_term.participant_entries = [
        ParticipantEntry(participant=participant, text="Vključen v delovni modul.")
        for participant in work.participants
    ]
    first, second = intake.action_items.order_by("sort_order", "pk")
    mid_term.action_item_reviews = [
        ActionItemReview(
            action_item=first,
            outcome=ReviewOutcome.CARRIED_FORWARD,
            due_on=today + timedelta(days=14),
            note="Seznam je skoraj pripravljen.",
        ),
        ActionItemReview(action_item=second, outcome=ReviewOutcome.DONE),
    ]
    mid_term.action_items = [
        ActionItem(
            description="Poiskati delodajalce za delovni modul.",
            responsible_institution=work.csd,
            responsible_person=work.coordinator,
            due_on=today + timedelta(days=21),
        )
    ]
    _record(work, mid_term, approving=work.institutions[1:])
    return RecordedMeetings(team=work, intake=intake, mid_term=mid_term)


def _protocol(work, kind, starts_at, agenda_title):
    protocol = MeetingProtocol(
        cycle=work.cycle,
        kind=kind,
        starts_at=starts_at,
        place="Sejna soba CSD Gorenjska, Kranj",
        language="sl",
        decisions="Skupina nadaljuje z delavnicami trikrat na teden.",
    )
    protocol.institutions_present = work.institutions
    protocol.staff_present = work.staff
    protocol.guests = [ProtocolGuest(name="Vesna Horvat", institution="Mestna knjižnica Kranj")]
    protocol.agenda_items = [AgendaItem(title=agenda_title, discussion="Pregled dela v skupini.")]
    return protocol


def _record(work, protocol, *, approving):
    """Save and submit the protocol, and approve it for the ``approving`` institutions."""
    author = work.colleagues[0]
    services.protocol_save(protocol=protocol, user=author)
    services.protocol_submit(protocol=protocol, user=author)
    coordinators = dict(zip(work.institutions, work.staff, strict=True))
    for institution in approving:
        services.protocol_approve(
            protocol=protocol, user=coordinators[institution], institution=institution
        )
    protocol.refresh_from_db()


def institution_name(institution, language):
    """The institution's name as the pages show it in ``language``."""
    with translation.override(language):
        return institution.name


def staff_path(language, name, *args):
    """The address of a page of the staff area in ``language``."""
    with translation.override(language):
        return reverse(f"meetings:{name}", args=args)
