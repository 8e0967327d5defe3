"""A cross-border programme cycle with the four partners of a joint team and their staff."""

from dataclasses import dataclass

import pytest

from django.utils import translation

from accounts.factories import UserFactory
from meetings.factories import ParticipantFactory, ProgrammeCycleFactory
from partners.factories import InstitutionFactory, MembershipFactory
from partners.models import Country, InstitutionKind, MembershipRole


@dataclass
class Team:
    """The institutions of a cycle, a coordinator and a member of each, and outsiders."""

    cycle: object
    csd: object
    employment_office: object
    coordinators_unit: object
    provider: object
    outside_institution: object
    coordinators: dict
    members: dict
    outsider_coordinator: object
    participants: list

    @property
    def institutions(self):
        return [self.csd, self.employment_office, self.coordinators_unit, self.provider]


def _staff(institution, role):
    return MembershipFactory(institution=institution, role=role, user__totp=True).user


@pytest.fixture
def team(db):
    csd = InstitutionFactory(short_name="CSD Dolenjska", kind=InstitutionKind.SOCIAL_WORK_CENTRE)
    employment_office = InstitutionFactory(
        short_name="HZZ Osijek",
        country=Country.CROATIA,
        kind=InstitutionKind.EMPLOYMENT_OFFICE,
    )
    coordinators_unit = InstitutionFactory(
        short_name="RME Dolenjska", kind=InstitutionKind.COORDINATORS_UNIT
    )
    provider = InstitutionFactory(
        short_name="RK Novo mesto", kind=InstitutionKind.PROGRAMME_PROVIDER
    )
    outside = InstitutionFactory(short_name="CSD Koroška")
    cycle = ProgrammeCycleFactory(
        code="KR",
        provider=provider,
        institutions=[csd, employment_office, coordinators_unit],
    )
    institutions = [csd, employment_office, coordinators_unit, provider]
    return Team(
        cycle=cycle,
        csd=csd,
        employment_office=employment_office,
        coordinators_unit=coordinators_unit,
        provider=provider,
        outside_institution=outside,
        coordinators={i.pk: _staff(i, MembershipRole.COORDINATOR) for i in institutions},
        members={i.pk: _staff(i, MembershipRole.MEMBER) for i in institutions},
        outsider_coordinator=_staff(outside, MembershipRole.COORDINATOR),
        participants=[ParticipantFactory(cycle=cycle) for _ in range(3)],
    )


@pytest.fixture
def english():
    """Messages asserted in English, the language of the msgids; Slovenian is the default."""
    with translation.override("en"):
        yield


@pytest.fixture
def site_administrator(db):
    return UserFactory(is_superuser=True, is_staff=True, totp=True)


def unsaved_protocol(team, kind, day, *, complete=True, **fields):
    """A protocol of ``kind`` on ``day`` as a form leaves it, complete enough to submit unless said.

    Everyone of the team is present; an intake or closing meeting has an entry
    for each participant, a recruitment meeting its five agreement points.
    """
    from meetings.factories import meeting_time
    from meetings.models import RECRUITMENT_POINTS, MeetingProtocol, ParticipantEntry

    fields = {"place": "CSD Novo mesto", **fields}
    protocol = MeetingProtocol(cycle=team.cycle, kind=kind, starts_at=meeting_time(day), **fields)
    protocol.institutions_present = team.institutions
    protocol.staff_present = [team.members[team.csd.pk], team.coordinators[team.provider.pk]]
    if protocol.participant_entry_label:
        protocol.participant_entries = [
            ParticipantEntry(participant=p, text="Redno obiskovanje delavnic." if complete else "")
            for p in team.participants
        ]
    if protocol.is_recruitment and complete:
        for field, _label in RECRUITMENT_POINTS:
            setattr(protocol, field, "Dogovorjeno.")
    return protocol


def saved_protocol(team, kind, day, *, submitted=False, approved=False, **fields):
    """A protocol saved (and submitted, and approved by all) through the services."""
    from meetings import services

    author = team.members[team.csd.pk]
    protocol = services.protocol_save(
        protocol=unsaved_protocol(team, kind, day, **fields), user=author
    )
    if submitted or approved:
        services.protocol_submit(protocol=protocol, user=author)
    if approved:
        for institution in team.institutions:
            services.protocol_approve(
                protocol=protocol, user=team.coordinators[institution.pk], institution=institution
            )
    protocol.refresh_from_db()
    return protocol


def protocols_found(response) -> list:
    """The protocols the search page lists in the meetings' area of results."""
    areas = {found.area.name: found.results for found in response.context["area_results"]}
    return areas.get("protocols", [])


def rows_written() -> dict:
    """How many rows each table the meetings write to holds: a refused change alters none."""
    from wagtail.models import ModelLogEntry, Revision

    from meetings import models

    tables = [
        models.ProgrammeCycle,
        models.ProgrammeCycle.institutions.through,
        models.CyclePhase,
        models.Participant,
        models.MeetingProtocol,
        models.MeetingProtocol.institutions_present.through,
        models.MeetingProtocol.staff_present.through,
        models.ProtocolGuest,
        models.AgendaItem,
        models.ParticipantEntry,
        models.ActionItem,
        models.ActionItemReview,
        models.ProtocolApproval,
        Revision,
        ModelLogEntry,
    ]
    return {table._meta.label: table.objects.count() for table in tables}


def page_form(response, *, button=None, **changes) -> dict:
    """What the page's form sends, read from its HTML (``tests.sent_form``), with ``changes``."""
    from tests.sent_form import sent_form

    html = response.content.decode()
    return sent_form(html, selector="main form[method=post]", button=button, **changes)
