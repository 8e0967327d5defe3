"""Every kind of protocol saves, submits and is amended on the portal, as a browser sends it.

The data posted is read from the rendered page (``tests.sent_form``), so a
form that lacks a field the view needs fails here as it fails for a person.
"""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import translation

from meetings import services
from meetings.models import MeetingKind, MeetingProtocol, ProtocolStatus
from meetings.rules import RECRUITMENT_FIELDS
from tests.sent_form import sent_form

pytestmark = pytest.mark.django_db

DAYS = {
    MeetingKind.RECRUITMENT: date(2026, 1, 20),
    MeetingKind.INTAKE: date(2026, 2, 3),
    MeetingKind.MID_TERM: date(2026, 4, 1),
    MeetingKind.CLOSING: date(2026, 9, 25),
}
LANGUAGES = ("sl", "hr", "en")


def _url(name, *args, language):
    with translation.override(language):
        return reverse(f"meetings:{name}", args=args)


def _filled_in(html, team, author, kind):
    """The new protocol's form with what a team writes into it, and "Save and submit" pressed."""
    data = sent_form(html, selector="form.protocol-form")
    changes = {
        "place": "CSD Novo mesto, sejna soba",
        "institutions_present": [institution.pk for institution in team.institutions],
        "staff_present": [author.pk],
        "decisions": "Naslednji sestanek skliče CSD.",
    }
    if kind == MeetingKind.RECRUITMENT:
        changes |= dict.fromkeys(RECRUITMENT_FIELDS, "Dogovorjeno na sestanku.")
    rows = int(data.get("participant_entries-TOTAL_FORMS", ["0"])[0])
    changes |= {f"participant_entries-{row}-text": "Cilji dogovorjeni." for row in range(rows)}
    return sent_form(html, selector="form.protocol-form", button={"action": "submit"}, **changes)


@pytest.fixture
def author(team, client):
    user = team.members[team.csd.pk]
    client.force_login(user)
    return user


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", MeetingKind.values)
def test_a_new_protocol_of_each_kind_is_saved_and_submitted(client, team, author, kind, language):
    new = _url("protocol_create", team.cycle.pk, language=language)
    page = client.get(new, {"kind": kind, "on": DAYS[kind].isoformat()})
    query = f"?kind={kind}&on={DAYS[kind].isoformat()}"

    response = client.post(new + query, _filled_in(page.content.decode(), team, author, kind))

    protocol = MeetingProtocol.objects.get()
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == _url("protocol", protocol.pk, language=language)
    assert (protocol.kind, protocol.status) == (kind, ProtocolStatus.SUBMITTED)
    assert protocol.language == language
    assert set(protocol.institutions_present.all()) == set(team.institutions)


@pytest.mark.parametrize("kind", MeetingKind.values)
def test_an_approved_protocol_of_each_kind_is_amended_and_approved_again(
    client, team, author, kind
):
    new = _url("protocol_create", team.cycle.pk, language="sl")
    query = f"?kind={kind}&on={DAYS[kind].isoformat()}"
    page = client.get(new + query)
    client.post(new + query, _filled_in(page.content.decode(), team, author, kind))
    protocol = MeetingProtocol.objects.get()
    for institution in team.institutions:
        services.protocol_approve(
            protocol=protocol, user=team.coordinators[institution.pk], institution=institution
        )
    edit = _url("protocol_edit", protocol.pk, language="sl")
    html = client.get(edit).content.decode()

    response = client.post(
        edit,
        sent_form(
            html,
            selector="form.protocol-form",
            decisions="Popravljen sklep o delavnicah.",
            amendment_reason="Sklep je bil zapisan narobe.",
        ),
    )

    protocol.refresh_from_db()
    assert response.status_code == 302
    assert protocol.decisions == "Popravljen sklep o delavnicah."
    assert protocol.status == ProtocolStatus.SUBMITTED
    assert not protocol.approvals.filter(superseded_at__isnull=True).exists()


def test_a_recruitment_protocol_form_has_no_participant_rows(client, team, author):
    page = client.get(
        _url("protocol_create", team.cycle.pk, language="sl"), {"kind": MeetingKind.RECRUITMENT}
    )

    data = sent_form(page.content.decode(), selector="form.protocol-form")
    assert not any(name.startswith("participant_entries-") for name in data)
    assert set(RECRUITMENT_FIELDS) <= set(data)


def _new_form_html(client, team, kind=MeetingKind.MID_TERM):
    page = client.get(
        _url("protocol_create", team.cycle.pk, language="sl"),
        {"kind": kind, "on": DAYS[kind].isoformat()},
    )
    return BeautifulSoup(page.content.decode(), "html.parser")


def test_the_responsible_person_is_chosen_among_the_responsible_institutions_people(
    client, team, author
):
    page = _new_form_html(client, team)

    person = page.select_one('select[name="action_items-0-responsible_person"]')
    groups = {
        group["label"]: {int(option["value"]) for option in group.find_all("option")}
        for group in person.find_all("optgroup")
    }
    csd_member = team.members[team.csd.pk]
    assert sorted(groups) == sorted(institution.name for institution in team.institutions)
    assert groups[team.csd.name] == {csd_member.pk, team.coordinators[team.csd.pk].pk}
    assert csd_member.pk not in groups[team.provider.name]


def test_the_staff_present_are_listed_with_their_institutions(client, team, author):
    page = _new_form_html(client, team)

    labels = [label.get_text(strip=True) for label in page.select("#id_staff_present label")]
    assert f"{author.get_full_name()} ({team.csd.short_name})" in labels
