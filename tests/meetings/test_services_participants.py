"""Adding and changing participants through the services: their codes, rules and history."""

from datetime import date, timedelta

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.models import ModelLogEntry

from meetings import services
from meetings.history import HistoryAction
from meetings.models import (
    ExitOutcome,
)

from .conftest import rows_written

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_participants_get_the_next_code_of_the_cycle(team):
    participant = services.participant_create(
        cycle=team.cycle,
        user=team.members[team.provider.pk],
        target_group="adults",
        entered_on=date(2026, 2, 2),
    )

    assert participant.code == "KR-2026-04"


def test_adding_a_participant_is_written_in_their_history(team):
    author = team.members[team.provider.pk]

    participant = services.participant_create(
        cycle=team.cycle, user=author, target_group="adults", entered_on=date(2026, 2, 2)
    )

    entries = ModelLogEntry.objects.for_instance(participant)
    assert list(entries.values_list("action", "user", "content_changed")) == [
        (HistoryAction.CREATE, author.pk, True)
    ]


def test_changing_a_participant_is_written_in_their_history(team):
    author = team.members[team.csd.pk]
    participant = team.participants[0]

    services.participant_update(
        participant=participant,
        user=author,
        exited_on=date(2026, 5, 4),
        exit_outcome=ExitOutcome.EMPLOYMENT,
    )

    entries = ModelLogEntry.objects.for_instance(participant)
    assert list(entries.values_list("action", "user", "content_changed")) == [
        (HistoryAction.EDIT, author.pk, True)
    ]


def test_saving_a_participant_unchanged_is_written_as_no_change(team):
    participant = team.participants[0]

    services.participant_update(
        participant=participant, user=team.members[team.csd.pk], note=participant.note
    )

    entry = ModelLogEntry.objects.for_instance(participant).get()
    assert (entry.action, entry.content_changed) == (HistoryAction.EDIT, False)


def test_a_full_group_takes_no_new_participant(team):
    team.cycle.max_group_size = 3
    team.cycle.save()
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.participant_create(
            cycle=team.cycle,
            user=team.members[team.provider.pk],
            target_group="adults",
            entered_on=date(2026, 2, 2) + timedelta(days=1),
        )

    assert refused.value.messages == [
        "The group is full: at most 3 participants take part at a time."
    ]
    assert rows_written() == before


def test_an_exit_without_its_outcome_is_refused_naming_the_field(team):
    participant = team.participants[0]
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.participant_update(
            participant=participant, user=team.members[team.csd.pk], exited_on=date(2026, 5, 4)
        )

    assert refused.value.message_dict == {
        "exit_outcome": ["Say where the participant went on leaving."]
    }
    assert rows_written() == before


def test_an_outsider_adds_no_participant(team):
    before = rows_written()

    with pytest.raises(PermissionDenied, match="does not work in the cycle KR"):
        services.participant_create(
            cycle=team.cycle,
            user=team.outsider_coordinator,
            target_group="adults",
            entered_on=date(2026, 2, 2),
        )

    assert rows_written() == before
