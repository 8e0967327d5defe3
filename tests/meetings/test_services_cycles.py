"""Setting programme cycles up through the services: who may, the rules, the history."""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.models import ModelLogEntry

from meetings import services
from meetings.history import HistoryAction
from meetings.models import (
    CyclePhase,
    ProgrammeCycle,
)

from .conftest import rows_written

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def administrator(db):
    from accounts.factories import UserFactory

    user = UserFactory()
    user.groups.add(Group.objects.get(name="Administrators"))
    return user


def _new_cycle(team, **fields):
    cycle = ProgrammeCycle(
        programme_name_sl="Korak naprej",
        programme_name_hr="Korak naprijed",
        code="NM",
        provider=team.provider,
        locations="Novo mesto",
        target_group="adults",
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 10, 30),
        **fields,
    )
    cycle.phases = [
        CyclePhase(name_sl="Priprava", starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 31))
    ]
    return cycle


def test_an_administrator_sets_a_cycle_up_with_its_phases_and_institutions(team, administrator):
    cycle = services.programme_cycle_save(
        cycle=_new_cycle(team), institutions=[team.provider, team.csd], user=administrator
    )

    cycle.refresh_from_db()
    assert set(cycle.institutions.all()) == {team.provider, team.csd}
    assert [phase.name for phase in cycle.phases.all()] == ["Priprava"]
    entry = ModelLogEntry.objects.for_instance(cycle).get()
    assert (entry.action, entry.user) == (HistoryAction.CREATE, administrator)


def test_a_cycle_whose_provider_does_not_take_part_is_refused(team, administrator):
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.programme_cycle_save(
            cycle=_new_cycle(team), institutions=[team.csd], user=administrator
        )

    assert list(refused.value.message_dict) == ["institutions"]
    assert rows_written() == before


def test_staff_of_a_cycle_do_not_set_cycles_up(team):
    before = rows_written()

    with pytest.raises(PermissionDenied, match="may not add programme cycles"):
        services.programme_cycle_save(
            cycle=_new_cycle(team),
            institutions=[team.provider],
            user=team.coordinators[team.csd.pk],
        )

    assert rows_written() == before
