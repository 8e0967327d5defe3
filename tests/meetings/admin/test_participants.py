"""Participants in the admin: by code, of the cycles the user works in, through the services."""

import pytest

from django.utils import translation

from wagtail.models import ModelLogEntry

from meetings.history import HistoryAction
from meetings.models import (
    ExitOutcome,
    Participant,
    TargetGroup,
)

from .conftest import (
    PARTICIPANTS,
    admin_url,
    edit_form_data,
)

pytestmark = pytest.mark.django_db


# --- Participants ------------------------------------------------------------------------


def test_adding_a_participant_gives_the_next_code_of_the_cycle(client, member, team):
    data = edit_form_data(
        client,
        admin_url(PARTICIPANTS, "add"),
        cycle=team.cycle.pk,
        target_group=TargetGroup.ROMA_WOMEN,
        entered_on="2026-02-10",
    )

    response = client.post(admin_url(PARTICIPANTS, "add"), data)

    assert response.status_code == 302
    participant = Participant.objects.get(cycle=team.cycle, number=4)
    assert participant.code == "KR-2026-04"
    assert participant.created_by == member
    entries = ModelLogEntry.objects.for_instance(participant)
    assert list(entries.values_list("action", "user")) == [(HistoryAction.CREATE, member.pk)]


def test_the_participant_form_offers_only_the_cycles_the_user_works_in(
    client, member, team, other_cycle
):
    response = client.get(admin_url(PARTICIPANTS, "add"))

    assert list(response.context["form"].fields["cycle"].queryset) == [team.cycle]


def test_a_participant_who_leaves_is_recorded_through_the_services(client, member, team):
    participant = team.participants[0]
    url = admin_url(PARTICIPANTS, "edit", participant.pk)
    data = edit_form_data(client, url, exited_on="2026-06-30", exit_outcome=ExitOutcome.EMPLOYMENT)

    response = client.post(url, data)

    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.exit_outcome == ExitOutcome.EMPLOYMENT
    assert participant.code == "KR-2026-01"
    entries = ModelLogEntry.objects.for_instance(participant)
    assert list(entries.values_list("action", "content_changed")) == [(HistoryAction.EDIT, True)]


def test_an_exit_without_its_outcome_is_refused_on_the_field_and_kept_in_the_form(
    client, member, team
):
    participant = team.participants[0]
    url = admin_url(PARTICIPANTS, "edit", participant.pk)
    data = edit_form_data(client, url, exited_on="2026-06-30", exit_outcome="")

    with translation.override("en"):
        response = client.post(url, data)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["exit_outcome"] == ["Say where the participant went on leaving."]
    assert form["exited_on"].value() == "2026-06-30"
    participant.refresh_from_db()
    assert participant.exited_on is None
    assert not ModelLogEntry.objects.for_instance(participant).exists()


def test_the_participants_listing_shows_only_visible_participants(
    client, member, team, other_cycle
):
    content = client.get(admin_url(PARTICIPANTS, "index")).content.decode()

    assert team.participants[0].code in content
    assert other_cycle.participants.get().code not in content


def test_another_cycles_participant_does_not_exist(client, member, other_cycle):
    other = other_cycle.participants.get()

    assert client.get(admin_url(PARTICIPANTS, "edit", other.pk)).status_code == 404
    assert client.get(admin_url(PARTICIPANTS, "history", other.pk)).status_code == 404
