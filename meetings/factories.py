from datetime import date, datetime, time, timedelta

import factory
from factory.django import DjangoModelFactory

from django.db.models import Max
from django.utils import timezone

from partners.factories import InstitutionFactory
from partners.models import InstitutionKind

from .models import (
    ActionItem,
    ActionItemReview,
    AgendaItem,
    CyclePhase,
    MeetingKind,
    MeetingProtocol,
    Participant,
    ParticipantEntry,
    ProgrammeCycle,
    ProtocolGuest,
    TargetGroup,
)
from .rules import participant_code


def meeting_time(day: date, hour: int = 9) -> datetime:
    """A meeting at ``hour`` o'clock local time on ``day``."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


class ProgrammeCycleFactory(DjangoModelFactory):
    """A cycle whose participating institutions are its provider and ``institutions``."""

    class Meta:
        model = ProgrammeCycle
        skip_postgeneration_save = True

    programme_name_sl = "Kreativno vključen in socialno opolnomočen"
    programme_name_hr = "Kreativno uključen i socijalno osnažen"
    programme_name_en = "Creatively included and socially empowered"
    code = factory.Sequence(lambda n: f"KR{n}")
    provider = factory.SubFactory(
        InstitutionFactory,
        short_name=factory.Sequence(lambda n: f"RK Novo mesto {n}"),
        kind=InstitutionKind.PROGRAMME_PROVIDER,
    )
    locations = "Novo mesto"
    target_group = TargetGroup.ADULTS
    starts_on = date(2026, 2, 2)
    ends_on = date(2026, 9, 30)
    max_group_size = 20

    @factory.post_generation
    def institutions(self, create, extracted, **kwargs):
        if create:
            self.institutions.set([self.provider, *(extracted or [])])


class CyclePhaseFactory(DjangoModelFactory):
    class Meta:
        model = CyclePhase

    cycle = factory.SubFactory(ProgrammeCycleFactory)
    name_sl = "Priprava"
    name_hr = "Priprema"
    name_en = "Preparation"
    starts_on = factory.LazyAttribute(lambda o: o.cycle.starts_on)
    ends_on = factory.LazyAttribute(lambda o: o.cycle.starts_on + timedelta(days=30))


def _next_number(cycle) -> int:
    return (cycle.participants.aggregate(last=Max("number"))["last"] or 0) + 1


class ParticipantFactory(DjangoModelFactory):
    """A participant with the next code of the cycle, as ``participant_create`` would give."""

    class Meta:
        model = Participant

    cycle = factory.SubFactory(ProgrammeCycleFactory)
    number = factory.LazyAttribute(lambda o: _next_number(o.cycle))
    code = factory.LazyAttribute(lambda o: participant_code(cycle=o.cycle, number=o.number))
    target_group = TargetGroup.ADULTS
    entered_on = factory.LazyAttribute(lambda o: o.cycle.starts_on)


class MeetingProtocolFactory(DjangoModelFactory):
    """A draft protocol; ``institutions_present`` and ``staff_present`` take lists."""

    class Meta:
        model = MeetingProtocol
        skip_postgeneration_save = True

    cycle = factory.SubFactory(ProgrammeCycleFactory)
    number = factory.LazyAttribute(
        lambda o: (o.cycle.protocols.aggregate(last=Max("number"))["last"] or 0) + 1
    )
    kind = MeetingKind.MID_TERM
    starts_at = factory.LazyAttribute(
        lambda o: meeting_time(o.cycle.starts_on + timedelta(days=60))
    )
    place = "Sejna soba, Novo mesto"
    language = "sl"

    @factory.post_generation
    def institutions_present(self, create, extracted, **kwargs):
        if create and extracted:
            self.institutions_present.set(extracted)
            self.save()

    @factory.post_generation
    def staff_present(self, create, extracted, **kwargs):
        if create and extracted:
            self.staff_present.set(extracted)
            self.save()


class ProtocolGuestFactory(DjangoModelFactory):
    class Meta:
        model = ProtocolGuest

    protocol = factory.SubFactory(MeetingProtocolFactory)
    name = "Vesna Horvat"
    institution = "Mestna knjižnica Novo mesto"


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    protocol = factory.SubFactory(MeetingProtocolFactory)
    title = factory.Sequence(lambda n: f"Točka dnevnega reda {n}")
    discussion = "Pregled dela v skupini."


class ParticipantEntryFactory(DjangoModelFactory):
    class Meta:
        model = ParticipantEntry

    protocol = factory.SubFactory(MeetingProtocolFactory)
    participant = factory.SubFactory(
        ParticipantFactory, cycle=factory.SelfAttribute("..protocol.cycle")
    )
    text = "Redno obiskovanje delavnic in priprava življenjepisa."


class ActionItemFactory(DjangoModelFactory):
    class Meta:
        model = ActionItem

    protocol = factory.SubFactory(MeetingProtocolFactory)
    description = factory.Sequence(lambda n: f"Pripraviti seznam lokalnih programov {n}")
    responsible_institution = factory.LazyAttribute(lambda o: o.protocol.cycle.provider)
    due_on = factory.LazyAttribute(lambda o: o.protocol.meeting_day + timedelta(days=14))


class ActionItemReviewFactory(DjangoModelFactory):
    class Meta:
        model = ActionItemReview

    protocol = factory.SubFactory(MeetingProtocolFactory)
    action_item = factory.SubFactory(ActionItemFactory)
