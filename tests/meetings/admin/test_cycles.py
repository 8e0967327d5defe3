"""Programme cycles in the admin: set up by administrators, read by their staff."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.models import ModelLogEntry

from meetings.history import HistoryAction
from meetings.models import (
    ProgrammeCycle,
    TargetGroup,
)
from partners.factories import InstitutionFactory

from .conftest import (
    CYCLES,
    admin_url,
    edit_form_data,
)

pytestmark = pytest.mark.django_db


# --- Programme cycles -----------------------------------------------------------------------


def _cycle_form(client, institutions, provider):
    return edit_form_data(
        client,
        admin_url(CYCLES, "add"),
        programme_name_sl="Aktivno v Dravogradu",
        programme_name_hr="Aktivno u Dravogradu",
        code="DR",
        provider=provider.pk,
        locations="Dravograd",
        target_group=TargetGroup.ADULTS,
        starts_on="2026-09-01",
        ends_on="2027-04-30",
        max_group_size="15",
        institutions=[institution.pk for institution in institutions],
    )


def test_the_administrators_group_adds_a_cycle(client, administrator):
    provider, csd = InstitutionFactory(short_name="Slokva"), InstitutionFactory()

    response = client.post(admin_url(CYCLES, "add"), _cycle_form(client, [provider, csd], provider))

    assert response.status_code == 302
    cycle = ProgrammeCycle.objects.get(code="DR")
    assert set(cycle.institutions.all()) == {provider, csd}
    entries = ModelLogEntry.objects.for_instance(cycle)
    assert list(entries.values_list("action", "user")) == [(HistoryAction.CREATE, administrator.pk)]


def test_a_cycle_that_would_end_before_it_starts_is_refused(client, administrator):
    provider = InstitutionFactory(short_name="Slokva")
    data = _cycle_form(client, [provider], provider)
    data["ends_on"] = "2026-08-31"

    with translation.override("en"):
        response = client.post(admin_url(CYCLES, "add"), data)

    assert response.status_code == 200
    assert "The cycle cannot end before it starts." in response.content.decode()
    assert not ProgrammeCycle.objects.filter(code="DR").exists()


def test_the_cycle_form_refuses_a_provider_outside_the_participating_institutions(
    client, administrator
):
    provider, csd = InstitutionFactory(short_name="Slokva"), InstitutionFactory()

    response = client.post(admin_url(CYCLES, "add"), _cycle_form(client, [csd], provider))

    assert response.status_code == 200
    assert "Include the programme provider, Slokva, among the participating" in (
        response.content.decode()
    )
    assert not ProgrammeCycle.objects.filter(code="DR").exists()


def test_a_member_reads_the_teams_cycle_but_another_cycle_does_not_exist(
    client, member, team, other_cycle
):
    listing = client.get(admin_url(CYCLES, "list")).content.decode()

    assert admin_url(CYCLES, "inspect", team.cycle.pk) in listing
    assert "ZQ9" not in listing
    assert client.get(admin_url(CYCLES, "inspect", team.cycle.pk)).status_code == 200
    assert client.get(admin_url(CYCLES, "inspect", other_cycle.pk)).status_code == 404
    assert client.get(admin_url(CYCLES, "edit", other_cycle.pk)).status_code == 404


def test_a_member_without_the_permission_does_not_edit_the_cycle(client, member, team):
    response = client.get(admin_url(CYCLES, "edit", team.cycle.pk))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_the_administrators_group_has_the_permissions_for_cycles_and_the_access_log():
    codenames = set(
        Group.objects.get(name="Administrators")
        .permissions.filter(content_type__app_label="meetings")
        .values_list("codename", flat=True)
    )

    assert codenames == {
        "add_programmecycle",
        "change_programmecycle",
        "delete_programmecycle",
        "view_programmecycle",
        "view_every_cycle",
        "view_protocolaccesslogentry",
    }
