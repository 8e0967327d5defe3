"""Submitting and approving in the admin: every kind, through the forms its pages send.

The admin's *Submission and approval* page takes the same steps as the
portal's protocol page (``meetings.steps``), with the protocol in front of
whoever approves it and the revision they read in the form.
"""

from datetime import date

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from meetings import services
from meetings.history import HistoryAction
from meetings.models import (
    RECRUITMENT_POINTS,
    AccessChannel,
    MeetingKind,
    MeetingProtocol,
    ProtocolAccess,
    ProtocolAccessLogEntry,
    ProtocolApproval,
    ProtocolStatus,
)
from meetings.selectors import protocol_history
from tests.sent_form import sent_form

from ..conftest import saved_protocol
from .conftest import MID_TERM_DAY, PROTOCOLS, admin_url, edit_form_data, in_the_admin

pytestmark = pytest.mark.django_db

DECISION = "Skupina se srečuje trikrat na teden."


def _step_data(client, page_url, action_url):
    """What the form posting to ``action_url`` on the page at ``page_url`` sends."""
    page = client.get(page_url)
    assert page.status_code == 200
    return sent_form(page.content.decode(), selector=f'form[action="{action_url}"]')


def _new_protocol(client, team, kind, author):
    """Write a protocol of ``kind`` in the admin, from its cycle, as its form is sent."""
    url = f"{admin_url(PROTOCOLS, 'add')}?{urlencode({'cycle': team.cycle.pk, 'kind': kind})}"
    form = client.get(url).context["form"]
    changes = {
        "starts_at": "2026-03-04 09:00",
        "place": "CSD Novo mesto",
        "language": "sl",
        "institutions_present": [i.pk for i in team.institutions],
        "staff_present": [author.pk],
        "decisions": DECISION,
    }
    if kind == MeetingKind.RECRUITMENT:
        changes |= {field: "Dogovorjeno na sestanku." for field, _label in RECRUITMENT_POINTS}
    else:
        for row in form.formsets["participant_entries"].forms:
            changes[row.add_prefix("text")] = "Redno obiskovanje delavnic."
    response = client.post(url, edit_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["form"].errors
    return MeetingProtocol.objects.get()


@pytest.mark.parametrize("kind", MeetingKind.values)
def test_every_kind_is_written_submitted_approved_and_amended_in_the_admin(client, team, kind):
    author = in_the_admin(team.members[team.csd.pk])
    client.force_login(author)
    protocol = _new_protocol(client, team, kind, author)
    approval = admin_url(PROTOCOLS, "approval", protocol.pk)
    submit = admin_url(PROTOCOLS, "submit", protocol.pk)

    response = client.post(submit, _step_data(client, approval, submit))

    assert response.url == approval
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SUBMITTED

    for institution in team.institutions:
        client.force_login(in_the_admin(team.coordinators[institution.pk]))
        client.post(approval, _step_data(client, approval, approval))

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.APPROVED
    assert {a.institution for a in protocol.approvals.all()} == set(team.institutions)
    assert {a.revision_id for a in protocol.approvals.all()} == {protocol.latest_revision_id}
    assert protocol.approved_documents.get().revision_id == protocol.latest_revision_id

    client.force_login(author)
    edit = admin_url(PROTOCOLS, "edit", protocol.pk)
    data = edit_form_data(
        client, edit, amendment_reason="Popravek sklepa.", decisions="Popravljen sklep."
    )
    assert client.post(edit, data).status_code == 302

    protocol.refresh_from_db()
    assert (protocol.kind, protocol.status) == (kind, ProtocolStatus.SUBMITTED)
    assert protocol.decisions == "Popravljen sklep."
    latest = protocol_history(protocol).first()
    assert latest.action == HistoryAction.AMEND
    assert "Popravek sklepa." in latest.message


def test_the_approval_page_shows_the_protocol_and_logs_the_view(client, team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)
    coordinator = in_the_admin(team.coordinators[team.csd.pk])
    client.force_login(coordinator)

    page = client.get(admin_url(PROTOCOLS, "approval", protocol.pk)).content.decode()

    assert protocol.decisions in page
    with translation.override("en"):
        assert f"You are reading revision {protocol.latest_revision_id}" in page
        assert f"Approve for {team.csd.name}" in page
    assert ProtocolAccessLogEntry.objects.filter(
        protocol=protocol, user=coordinator, action=ProtocolAccess.VIEW, channel=AccessChannel.ADMIN
    ).exists()


def test_the_edit_page_leads_to_the_approval_page(client, team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    client.force_login(in_the_admin(team.members[team.csd.pk]))

    page = client.get(admin_url(PROTOCOLS, "edit", protocol.pk)).content.decode()

    assert admin_url(PROTOCOLS, "approval", protocol.pk) in page


def test_an_incomplete_draft_is_not_submitted_and_the_page_says_what_it_lacks(client, team):
    protocol = saved_protocol(team, MeetingKind.INTAKE, date(2026, 3, 4), complete=False)
    client.force_login(in_the_admin(team.members[team.csd.pk]))
    approval = admin_url(PROTOCOLS, "approval", protocol.pk)

    page = client.get(approval).content.decode()
    response = client.post(admin_url(PROTOCOLS, "submit", protocol.pk), follow=True)

    codes = ", ".join(p.code for p in team.participants)
    with translation.override("en"):
        assert f"Record goals for participants {codes}." in page
    assert admin_url(PROTOCOLS, "submit", protocol.pk) not in page
    assert response.redirect_chain[-1][0] == approval
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.DRAFT


def test_an_approval_of_a_revision_no_longer_the_latest_is_refused_with_what_changed(client, team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)
    client.force_login(in_the_admin(team.coordinators[team.csd.pk]))
    approval = admin_url(PROTOCOLS, "approval", protocol.pk)
    read = _step_data(client, approval, approval)
    # Meanwhile a colleague amends the decisions.
    changed = MeetingProtocol.objects.get(pk=protocol.pk)
    changed.decisions = "Drugačen sklep."
    services.protocol_save(
        protocol=changed, user=team.members[team.employment_office.pk], reason="Popravek."
    )

    response = client.post(approval, read, follow=True)

    assert not ProtocolApproval.objects.exists()
    with translation.override("en"):
        assert "See what changed." in response.content.decode()


def test_only_a_coordinator_of_an_institution_present_approves(client, team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)
    approval = admin_url(PROTOCOLS, "approval", protocol.pk)
    client.force_login(in_the_admin(team.members[team.csd.pk]))
    page = client.get(approval).content.decode()

    response = client.post(
        approval, {"institution": team.csd.pk, "revision": protocol.latest_revision_id}
    )

    assert f'action="{approval}"' not in page
    # The admin answers a refusal as it does everywhere: back to its home page.
    assert response.url == reverse("wagtailadmin_home")
    assert not ProtocolApproval.objects.exists()


def test_whoever_reads_the_cycle_without_working_in_it_does_not_submit(client, team, administrator):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)

    response = client.post(admin_url(PROTOCOLS, "submit", protocol.pk))

    assert response.url == reverse("wagtailadmin_home")
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.DRAFT
