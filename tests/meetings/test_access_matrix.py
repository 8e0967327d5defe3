"""Who may do what in the staff area: each role × each object × each action.

A cycle's participants and protocols exist only for the staff of its
institutions and for site administrators: to everyone else every address is
404, as if nothing were there. Those who may read but not change get 403;
visitors who are not logged in are sent to the login page whatever the
address, so that it tells them nothing either.
"""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from meetings.models import MeetingKind, ProtocolAccessLogEntry, ProtocolApproval, ProtocolStatus

from .conftest import page_form, protocols_found, saved_protocol

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "editor without institution",
    "coordinator of an outside institution",
    "member",
    "coordinator",
    "site administrator",
    "administrator by permission",
]

OK, FOUND, LOGIN, FORBIDDEN, NOT_FOUND = 200, 302, "login", 403, 404

# What each role gets on each page (GET). ``FOUND`` for a redirect that is success.
PAGES = {
    "cycle": ("cycle", "cycle"),
    "participant form": ("participant_edit", "participant"),
    "new participant": ("participant_create", "cycle"),
    "new protocol": ("protocol_create", "cycle"),
    "protocol": ("protocol", "protocol"),
    "protocol form": ("protocol_edit", "protocol"),
    "protocol PDF": ("protocol_pdf", "protocol"),
}
READ_ONLY = {"cycle", "protocol", "protocol PDF"}

EXPECTED_GET = {
    "anonymous": dict.fromkeys(PAGES, LOGIN),
    "editor without institution": dict.fromkeys(PAGES, NOT_FOUND),
    "coordinator of an outside institution": dict.fromkeys(PAGES, NOT_FOUND),
    "member": dict.fromkeys(PAGES, OK),
    "coordinator": dict.fromkeys(PAGES, OK),
    "site administrator": dict.fromkeys(PAGES, OK),
    "administrator by permission": {page: OK if page in READ_ONLY else FORBIDDEN for page in PAGES},
}

EXPECTED_APPROVE = {
    "anonymous": LOGIN,
    "editor without institution": NOT_FOUND,
    "coordinator of an outside institution": NOT_FOUND,
    "member": FORBIDDEN,
    "coordinator": FOUND,
    "site administrator": FORBIDDEN,
    "administrator by permission": FORBIDDEN,
}

EXPECTED_SUBMIT = {
    "anonymous": LOGIN,
    "editor without institution": NOT_FOUND,
    "coordinator of an outside institution": NOT_FOUND,
    "member": FOUND,
    "coordinator": FOUND,
    "site administrator": FOUND,
    "administrator by permission": FORBIDDEN,
}


def _user(role, team):
    if role == "anonymous":
        return None
    if role == "editor without institution":
        editor = UserFactory(totp=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        return editor
    if role == "coordinator of an outside institution":
        return team.outsider_coordinator
    if role == "member":
        return team.members[team.csd.pk]
    if role == "coordinator":
        return team.coordinators[team.csd.pk]
    if role == "site administrator":
        return UserFactory(is_superuser=True, is_staff=True, totp=True)
    administrator = UserFactory(totp=True)
    administrator.groups.add(Group.objects.get(name="Administrators"))
    return administrator


@pytest.fixture
def objects(team):
    protocol = saved_protocol(team, MeetingKind.INTAKE, date(2026, 2, 3))
    return {"cycle": team.cycle, "participant": team.participants[0], "protocol": protocol}


def _url(name, pk):
    with translation.override("sl"):
        return reverse(f"meetings:{name}", args=[pk])


def _client_for(client, role, team):
    user = _user(role, team)
    if user is not None:
        client.force_login(user)
    return user


def _outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_each_page(client, team, objects, role, page):
    _client_for(client, role, team)
    name, obj = PAGES[page]

    response = client.get(_url(name, objects[obj].pk))

    assert _outcome(response) == EXPECTED_GET[role][page]


@pytest.mark.parametrize("role", ROLES)
def test_who_may_approve(client, team, objects, role):
    protocol = objects["protocol"]
    protocol.status = ProtocolStatus.SUBMITTED
    protocol.save(update_fields=["status"])
    _client_for(client, role, team)

    response = client.post(
        _url("protocol_approve", protocol.pk),
        {"institution": team.csd.pk, "revision": protocol.latest_revision_id},
    )

    assert _outcome(response) == EXPECTED_APPROVE[role]
    approved = ProtocolApproval.objects.filter(protocol=protocol).exists()
    assert approved == (EXPECTED_APPROVE[role] == FOUND)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_submit(client, team, objects, role):
    protocol = objects["protocol"]
    _client_for(client, role, team)

    response = client.post(_url("protocol_submit", protocol.pk))

    assert _outcome(response) == EXPECTED_SUBMIT[role]
    protocol.refresh_from_db()
    assert (protocol.status == ProtocolStatus.SUBMITTED) == (EXPECTED_SUBMIT[role] == FOUND)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_change_a_protocol(client, team, objects, role):
    protocol = objects["protocol"]
    colleague = Client()
    colleague.force_login(team.members[team.provider.pk])
    form = colleague.get(_url("protocol_edit", protocol.pk))
    _client_for(client, role, team)

    client.post(_url("protocol_edit", protocol.pk), page_form(form, decisions="Sprememba"))

    protocol.refresh_from_db()
    changed = protocol.decisions == "Sprememba"
    assert changed == (EXPECTED_GET[role]["protocol form"] == OK)
    assert protocol.revisions.count() == (2 if changed else 1)


@pytest.mark.parametrize("role", ROLES)
def test_only_viewers_are_written_to_the_access_log(client, team, objects, role):
    user = _client_for(client, role, team)

    client.get(_url("protocol", objects["protocol"].pk))

    logged = list(ProtocolAccessLogEntry.objects.values_list("user", flat=True))
    assert logged == ([user.pk] if EXPECTED_GET[role]["protocol"] == OK else [])


@pytest.mark.parametrize("role", ROLES)
def test_search_finds_a_protocol_only_for_those_who_may_see_it(client, team, role):
    saved_protocol(
        team, MeetingKind.MID_TERM, date(2026, 5, 4), decisions="Obisk kavarniške popravljalnice"
    )
    _client_for(client, role, team)

    response = client.get(reverse("search"), {"q": "popravljalnice"})

    found = len(protocols_found(response))
    assert found == (1 if EXPECTED_GET[role]["protocol"] == OK else 0)
