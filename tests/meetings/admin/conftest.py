"""What the admin's tests share: users in the admin, another cycle, and the forms as sent."""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.users.models import UserProfile

from accounts.factories import UserFactory
from meetings.factories import MeetingProtocolFactory, ParticipantFactory, ProgrammeCycleFactory
from meetings.models import MeetingKind
from partners.factories import MembershipFactory
from tests.sent_form import sent_form

from ..conftest import saved_protocol

MID_TERM_DAY = date(2026, 4, 1)
PROTOCOLS = "wagtailsnippets_meetings_meetingprotocol"
CYCLES = "wagtailsnippets_meetings_programmecycle"
PARTICIPANTS = "meetings_participants"
ACCESS_LOG = "meetings_access_log"


def admin_url(namespace, view, *args):
    return reverse(f"{namespace}:{view}", args=args)


def in_the_admin(user, group="Partner staff"):
    """``user`` with access to the admin, whose admin speaks English."""
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def edit_form_data(client, url, **changes):
    """What the admin's form at ``url`` posts, read from the page as the browser got it."""
    response = client.get(url)
    assert response.status_code == 200
    return sent_form(response.content.decode(), selector="form[data-edit-form]", **changes)


@pytest.fixture
def member(team, client):
    """A member of the CSD, one of the team's institutions, logged in to the admin."""
    user = in_the_admin(team.members[team.csd.pk])
    client.force_login(user)
    return user


@pytest.fixture
def outsider(team, client):
    """A coordinator of an institution that takes part in no cycle of the team."""
    user = in_the_admin(team.outsider_coordinator)
    client.force_login(user)
    return user


@pytest.fixture
def admin(site_administrator, client):
    in_the_admin(site_administrator)
    client.force_login(site_administrator)
    return site_administrator


@pytest.fixture
def other_cycle(team):
    """A cycle of the outside institution with a participant, a person and a protocol of its own."""
    cycle = ProgrammeCycleFactory(code="ZQ9", provider=team.outside_institution)
    ParticipantFactory(cycle=cycle)
    MembershipFactory(
        institution=team.outside_institution,
        user__first_name="Zdenka",
        user__last_name="Oddaljena",
    )
    MeetingProtocolFactory(
        cycle=cycle, place="Slovenj Gradec", decisions="Zaupni sklep o informativnem dnevu."
    )
    return cycle


@pytest.fixture
def protocol(team):
    return saved_protocol(
        team, MeetingKind.MID_TERM, MID_TERM_DAY, decisions="Skupni sklep o informativnem dnevu."
    )


@pytest.fixture
def administrator(client):
    """A member of the Administrators group (not a superuser)."""
    user = in_the_admin(UserFactory(totp=True), group="Administrators")
    client.force_login(user)
    return user


def protocol_views(protocol):
    """Every admin view of one protocol, as (method, address), by name."""
    revision = protocol.latest_revision_id
    return {
        "edit": ("get", admin_url(PROTOCOLS, "edit", protocol.pk)),
        "inspect": ("get", admin_url(PROTOCOLS, "inspect", protocol.pk)),
        "history": ("get", admin_url(PROTOCOLS, "history", protocol.pk)),
        "history results": ("get", admin_url(PROTOCOLS, "history_results", protocol.pk)),
        "usage": ("get", admin_url(PROTOCOLS, "usage", protocol.pk)),
        "delete": ("post", admin_url(PROTOCOLS, "delete", protocol.pk)),
        "lock": ("post", admin_url(PROTOCOLS, "lock", protocol.pk)),
        "unlock": ("post", admin_url(PROTOCOLS, "unlock", protocol.pk)),
        "revert": ("get", admin_url(PROTOCOLS, "revisions_revert", protocol.pk, revision)),
        "compare": (
            "get",
            admin_url(PROTOCOLS, "revisions_compare", protocol.pk, "earliest", "latest"),
        ),
    }
