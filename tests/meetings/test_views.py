"""The staff area as a member of a cycle's institution uses it."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import UserFactory
from meetings import services
from meetings.factories import ActionItemFactory, CyclePhaseFactory, meeting_time
from meetings.models import (
    AccessChannel,
    MeetingKind,
    MeetingProtocol,
    Participant,
    ProtocolAccess,
    ProtocolAccessLogEntry,
    ProtocolStatus,
    ReviewOutcome,
)
from meetings.selectors import protocol_record

from .conftest import page_form, protocols_found, saved_protocol

pytestmark = pytest.mark.django_db

INTAKE_DAY = date(2026, 2, 3)


def url(name, *args, language="sl"):
    with translation.override(language):
        return reverse(f"meetings:{name}", args=args)


@pytest.fixture
def member(team, client):
    user = team.members[team.csd.pk]
    client.force_login(user)
    return user


# --- My work ---------------------------------------------------------------


def test_my_work_lists_what_awaits_the_coordinators_approval(client, team):
    awaiting = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    client.force_login(team.coordinators[team.csd.pk])

    response = client.get(url("my_work"))

    assert response.status_code == 200
    assert response.context["work"].awaiting_approval == [awaiting]
    assert url("protocol", awaiting.pk) in response.content.decode()


def test_my_work_no_longer_lists_a_protocol_once_the_institution_approved(client, team):
    protocol = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    coordinator = team.coordinators[team.csd.pk]
    services.protocol_approve(protocol=protocol, user=coordinator, institution=team.csd)
    client.force_login(coordinator)

    response = client.get(url("my_work"))

    assert response.context["work"].awaiting_approval == []
    assert "Nothing is waiting for your approval." in _english(client, "my_work")


def test_my_work_lists_the_institutions_open_action_items_by_due_date(client, team, member):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1), submitted=True)
    later = ActionItemFactory(
        protocol=protocol, responsible_institution=team.csd, due_on=date(2026, 5, 1)
    )
    sooner = ActionItemFactory(
        protocol=protocol, responsible_institution=team.csd, due_on=date(2026, 4, 15)
    )
    ActionItemFactory(protocol=protocol, responsible_institution=team.provider)

    response = client.get(url("my_work"))

    assert response.context["work"].open_action_items == [sooner, later]
    assert sooner.description in response.content.decode()


def test_my_work_shows_meetings_ahead_and_the_one_announced_without_a_protocol(
    client, team, member
):
    today = timezone.localdate()
    scheduled = saved_protocol(team, MeetingKind.MID_TERM, today + timedelta(days=3))
    announced_day = today + timedelta(days=30)
    scheduled.next_meeting_on = announced_day
    scheduled.save()

    response = client.get(url("my_work"))

    meetings = response.context["work"].upcoming_meetings
    assert [(m.day, m.protocol) for m in meetings] == [
        (today + timedelta(days=3), scheduled),
        (announced_day, None),
    ]
    create_link = f"{url('protocol_create', team.cycle.pk)}?on={announced_day.isoformat()}"
    assert create_link in response.content.decode()


def test_my_work_links_every_cycle_the_member_works_in(client, team, member):
    response = client.get(url("my_work"))

    assert response.context["work"].cycles == [team.cycle]
    assert url("cycle", team.cycle.pk) in response.content.decode()


def test_the_header_links_my_work_for_staff(client, team, member):
    assert url("my_work") in client.get(reverse("search")).content.decode()


def test_the_header_has_no_my_work_for_someone_without_an_institution(client, db):
    client.force_login(UserFactory(totp=True))

    assert url("my_work") not in client.get(reverse("search")).content.decode()


def _english(client, name, *args):
    return client.get(url(name, *args, language="en")).content.decode()


# --- The cycle page ----------------------------------------------------------


def test_a_drafts_action_items_are_only_proposed_until_it_is_submitted(client, team, member):
    draft = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1))
    item = ActionItemFactory(protocol=draft, responsible_institution=team.csd)

    cycle_page = client.get(url("cycle", team.cycle.pk, language="en"))
    my_work = client.get(url("my_work"))
    later_form = client.get(url("protocol_create", team.cycle.pk) + "?kind=mid_term&on=2026-05-04")
    draft_page = client.get(url("protocol", draft.pk, language="en"))

    assert cycle_page.context["overview"].open_action_items == []
    assert my_work.context["work"].open_action_items == []
    assert later_form.context["form"].formsets["action_item_reviews"].forms == []
    assert item.description in draft_page.content.decode()
    assert "Proposed: these action items take effect when the protocol is submitted." in (
        draft_page.content.decode()
    )


def test_the_record_shows_an_item_as_set_and_what_a_later_meeting_decided_apart(
    client, team, member
):
    intake = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    item = ActionItemFactory(
        protocol=intake, responsible_institution=team.csd, due_on=date(2026, 2, 20)
    )
    later = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1))
    services.action_item_close(
        action_item=item, protocol=later, user=member, outcome=ReviewOutcome.DONE
    )
    services.protocol_submit(protocol=later, user=member)

    page = client.get(url("protocol", intake.pk, language="en")).content.decode()
    pdf_html = render_to_string(
        "meetings/includes/protocol_content.html", {"record": protocol_record(intake)}
    )

    assert "20/02/2026" in page or "2/20/2026" in page or "20. 2. 2026" in page
    assert "Done at the meeting of" in page
    assert "Done at the meeting of" not in pdf_html


def test_cycle_page_lists_participants_protocols_in_date_order_and_open_items(client, team, member):
    mid_term = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 4))
    intake = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    item = ActionItemFactory(protocol=intake, responsible_institution=team.employment_office)

    response = client.get(url("cycle", team.cycle.pk))

    overview = response.context["overview"]
    assert overview.protocols == [intake, mid_term]
    assert [p.code for p in overview.participants] == ["KR-2026-01", "KR-2026-02", "KR-2026-03"]
    assert overview.open_action_items == [item]
    content = response.content.decode()
    assert "KR-2026-03" in content
    assert item.description in content


# --- Participants ------------------------------------------------------------


def test_a_member_adds_a_participant_and_the_portal_gives_the_code(client, team, member):
    response = client.post(
        url("participant_create", team.cycle.pk),
        {
            "target_group": "roma_women",
            "entered_on": "2026-03-02",
            "note": "Vključena po dogovoru.",
        },
    )

    assert response.status_code == 302
    participant = Participant.objects.get(code="KR-2026-04")
    assert participant.target_group == "roma_women"
    assert participant.created_by == member


def test_personal_data_in_a_participant_note_is_refused_and_the_form_keeps_the_rest(
    client, team, member
):
    response = client.post(
        url("participant_create", team.cycle.pk, language="en"),
        {"target_group": "adults", "entered_on": "2026-03-02", "note": "EMŠO 0101006500006"},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "“Note” contains an EMŠO" in content
    assert 'value="2026-03-02"' in content
    assert Participant.objects.count() == 3


def test_a_participant_leaves_with_an_exit_outcome(client, team, member):
    participant = team.participants[0]

    response = client.post(
        url("participant_edit", participant.pk),
        {
            "target_group": "adults",
            "entered_on": "2026-02-02",
            "exited_on": "2026-06-30",
            "exit_outcome": "employment",
            "note": "",
        },
    )

    assert response.status_code == 302
    participant.refresh_from_db()
    assert (participant.exited_on, participant.exit_outcome) == (date(2026, 6, 30), "employment")


def test_an_exit_without_its_outcome_is_refused_on_the_field_and_kept_in_the_form(
    client, team, member
):
    participant = team.participants[0]
    edit = url("participant_edit", participant.pk, language="en")
    data = page_form(client.get(edit), exited_on="2026-06-30")

    response = client.post(edit, data)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"exit_outcome": ["Say where the participant went on leaving."]}
    assert form["exited_on"].value() == "2026-06-30"
    participant.refresh_from_db()
    assert participant.exited_on is None


# --- Protocols ---------------------------------------------------------------


def _new_intake_form(client, team):
    response = client.get(
        url("protocol_create", team.cycle.pk, language="en") + "?kind=intake&on=2026-02-03"
    )
    assert response.status_code == 200
    return response


def _intake_data(page, team, button=None, **changes):
    rows = {
        f"participant_entries-{index}-text": f"Cilj udeleženca {index + 1}"
        for index in range(len(team.participants))
    }
    return page_form(
        page,
        button=button,
        place="CSD Novo mesto",
        institutions_present=[str(i.pk) for i in team.institutions],
        staff_present=[str(team.members[team.csd.pk].pk)],
        **{"agenda_items-0-title": "Predstavitev udeležencev"},
        **{**rows, **changes},
    )


def test_the_intake_form_offers_a_row_for_each_participant(client, team, member):
    form = _new_intake_form(client, team).context["form"]

    rows = form.formsets["participant_entries"].forms
    assert [row.entry_participant.code for row in rows] == [
        "KR-2026-01",
        "KR-2026-02",
        "KR-2026-03",
    ]
    assert rows[0].fields["text"].label == "Goals"


def test_a_member_logs_an_intake_meeting_and_submits_it(client, team, member):
    form = _new_intake_form(client, team)

    response = client.post(
        url("protocol_create", team.cycle.pk) + "?kind=intake",
        _intake_data(form, team, button={"action": "submit"}),
    )

    protocol = MeetingProtocol.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("protocol", protocol.pk)
    assert protocol.status == ProtocolStatus.SUBMITTED
    assert protocol.starts_at == meeting_time(INTAKE_DAY)
    assert sorted(e.text for e in protocol.participant_entries.all()) == [
        "Cilj udeleženca 1",
        "Cilj udeleženca 2",
        "Cilj udeleženca 3",
    ]
    assert protocol.agenda_items.get().title == "Predstavitev udeležencev"
    assert protocol.latest_revision.user == member


def test_submitting_an_incomplete_protocol_keeps_it_as_a_draft_and_says_what_is_missing(
    client, team, member
):
    form = _new_intake_form(client, team)
    data = _intake_data(
        form, team, button={"action": "submit"}, **{"participant_entries-1-text": ""}
    )

    response = client.post(
        url("protocol_create", team.cycle.pk, language="en") + "?kind=intake", data, follow=True
    )

    protocol = MeetingProtocol.objects.get()
    assert protocol.status == ProtocolStatus.DRAFT
    assert "Record goals for participants KR-2026-02." in response.content.decode()


def test_personal_data_in_a_protocol_is_refused_naming_the_field_and_nothing_is_lost(
    client, team, member
):
    form = _new_intake_form(client, team)
    data = _intake_data(form, team, decisions="Pošlji na ana.novak@example.org")

    response = client.post(
        url("protocol_create", team.cycle.pk, language="en") + "?kind=intake", data
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "“Decisions” contains an e-mail address" in content
    assert "Cilj udeleženca 2" in content
    assert "Predstavitev udeležencev" in content
    assert not MeetingProtocol.objects.exists()


def test_an_error_in_a_participant_entry_names_the_participant_in_the_summary(client, team, member):
    form = _new_intake_form(client, team)
    data = _intake_data(form, team, **{"participant_entries-1-text": "Pokliče na 041 123 456."})

    response = client.post(
        url("protocol_create", team.cycle.pk, language="en") + "?kind=intake", data
    )

    summary = BeautifulSoup(response.content.decode(), "html.parser").select_one(".error-summary")
    assert "KR-2026-02 – Goals: “Goals, progress or exit plan” contains a phone number" in (
        summary.get_text(" ", strip=True)
    )


def test_the_online_box_stands_before_its_label_on_a_line_of_its_own(client, team, member):
    page = BeautifulSoup(_new_intake_form(client, team).content.decode(), "html.parser")

    field = page.select_one("#id_is_online").parent
    assert "field--checkbox" in field["class"]
    assert [child.name for child in field.find_all(True)][:2] == ["input", "label"]


def test_search_that_finds_only_protocols_does_not_say_nothing_was_found(client, team, member):
    saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 4), decisions="Kavarniški obisk")

    response = client.get(reverse("search"), {"q": "Kavarniški"})

    assert protocols_found(response)
    assert "ni bilo najdenega ničesar" not in response.content.decode()


def test_the_second_of_two_people_editing_a_protocol_is_refused_and_keeps_their_text(client, team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 4))
    first, second = team.members[team.csd.pk], team.members[team.provider.pk]
    client.force_login(first)
    first_form = client.get(url("protocol_edit", protocol.pk))
    client.force_login(second)
    second_form = client.get(url("protocol_edit", protocol.pk, language="en"))

    client.force_login(first)
    client.post(url("protocol_edit", protocol.pk), page_form(first_form, decisions="Prvi zapis"))
    client.force_login(second)
    response = client.post(
        url("protocol_edit", protocol.pk, language="en"),
        page_form(second_form, decisions="Drugi zapis"),
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert f"{first.get_full_name()} saved this protocol at" in content
    assert "Drugi zapis" in content
    protocol.refresh_from_db()
    assert protocol.decisions == "Prvi zapis"


def test_after_the_conflict_warning_saving_again_replaces_the_other_version(client, team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 4))
    client.force_login(team.members[team.provider.pk])
    stale = client.get(url("protocol_edit", protocol.pk))
    meanwhile = MeetingProtocol.objects.get(pk=protocol.pk)
    meanwhile.decisions = "Prvi"
    services.protocol_save(protocol=meanwhile, user=team.members[team.csd.pk])
    refused = client.post(url("protocol_edit", protocol.pk), page_form(stale, decisions="Drugi"))

    client.post(url("protocol_edit", protocol.pk), page_form(refused))

    protocol.refresh_from_db()
    assert protocol.decisions == "Drugi"


def test_open_items_of_earlier_meetings_are_offered_and_carried_forward_by_default(
    client, team, member
):
    earlier = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    item = ActionItemFactory(protocol=earlier, responsible_institution=team.csd)
    page = client.get(url("protocol_create", team.cycle.pk) + "?kind=mid_term&on=2026-05-04")
    rows = page.context["form"].formsets["action_item_reviews"].forms
    assert [row.reviewed_item for row in rows] == [item]

    client.post(
        url("protocol_create", team.cycle.pk) + "?kind=mid_term",
        page_form(page, **{"action_item_reviews-0-due_on": "2026-06-01"}),
    )

    review = MeetingProtocol.objects.get(kind=MeetingKind.MID_TERM).action_item_reviews.get()
    assert (review.action_item, review.outcome, review.due_on) == (
        item,
        "carried_forward",
        date(2026, 6, 1),
    )


def test_a_coordinator_approves_for_the_institution(client, team):
    protocol = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    coordinator = team.coordinators[team.provider.pk]
    client.force_login(coordinator)
    page = client.get(url("protocol", protocol.pk, language="en")).content.decode()
    assert f"Approve for {team.provider.name}" in page

    response = client.post(
        url("protocol_approve", protocol.pk),
        {"institution": team.provider.pk, "revision": protocol.latest_revision_id},
    )

    assert response.status_code == 302
    approval = protocol.approvals.get()
    assert (approval.institution, approval.approved_by) == (team.provider, coordinator)


def test_a_draft_page_lists_what_is_missing_before_submitting(client, team, member):
    protocol = saved_protocol(team, MeetingKind.CLOSING, date(2026, 9, 28), complete=False)

    content = client.get(url("protocol", protocol.pk, language="en")).content.decode()

    assert "Record an exit plan for participants KR-2026-01, KR-2026-02, KR-2026-03." in content


def test_viewing_a_protocol_is_written_to_the_access_log(client, team, member):
    protocol = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY)

    client.get(url("protocol", protocol.pk))

    entry = ProtocolAccessLogEntry.objects.get()
    assert (entry.protocol, entry.user, entry.action, entry.channel) == (
        protocol,
        member,
        ProtocolAccess.VIEW,
        AccessChannel.PORTAL,
    )


def test_exporting_a_protocol_gives_a_pdf_and_is_written_to_the_access_log(client, team, member):
    protocol = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, approved=True)

    response = client.get(url("protocol_pdf", protocol.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert ProtocolAccessLogEntry.objects.get().action == ProtocolAccess.EXPORT_PDF


def test_the_protocol_page_shows_its_history(client, team, member):
    protocol = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, approved=True)

    content = client.get(url("protocol", protocol.pk, language="en")).content.decode()

    assert "Submitted for approval" in content
    assert f"Approved for {team.csd.short_name}" in content
    assert "Approved by every institution present" in content


def test_search_finds_the_protocols_of_the_members_cycles(client, team, member):
    protocol = saved_protocol(
        team, MeetingKind.MID_TERM, date(2026, 5, 4), decisions="Obisk kavarniške popravljalnice"
    )

    response = client.get(reverse("search"), {"q": "popravljalnice"})

    assert protocols_found(response) == [protocol]


def test_editing_an_approved_protocol_says_it_is_approved_and_asks_why(client, team, member):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1), approved=True)

    response = client.get(url("protocol_edit", protocol.pk, language="en"))

    content = response.content.decode()
    assert "This protocol is approved. If you save a change, you amend it" in content
    assert "was submitted for approval" not in content
    assert "amendment_reason" in page_form(response)


def test_a_submitted_protocol_some_have_approved_warns_that_approvals_are_reset(
    client, team, member
):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1), submitted=True)
    services.protocol_approve(
        protocol=protocol, user=team.coordinators[team.csd.pk], institution=team.csd
    )

    response = client.get(url("protocol_edit", protocol.pk, language="en"))

    assert "If you save a change, their approvals are reset" in response.content.decode()


def test_a_drafts_form_asks_no_reason(client, team, member):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1))

    assert "amendment_reason" not in page_form(client.get(url("protocol_edit", protocol.pk)))


def test_a_submitted_protocol_nobody_has_approved_is_edited_without_a_warning(client, team, member):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1), submitted=True)

    response = client.get(url("protocol_edit", protocol.pk, language="en"))

    assert response.status_code == 200
    assert "approvals are reset" not in response.content.decode()


def test_approving_a_version_someone_changed_since_is_refused_with_who_and_a_comparison(
    client, team
):
    protocol = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    coordinator = team.coordinators[team.provider.pk]
    client.force_login(coordinator)
    page = client.get(url("protocol", protocol.pk, language="en"))
    read = page_form(page)  # the approve form is the page's first form
    colleague = team.members[team.csd.pk]
    changed = MeetingProtocol.objects.get(pk=protocol.pk)
    changed.decisions = "Spremenjen sklep po odprtju strani."
    services.protocol_save(protocol=changed, user=colleague, reason="Popravek sklepa.")

    response = client.post(url("protocol_approve", protocol.pk, language="en"), read, follow=True)

    content = response.content.decode()
    assert f"{colleague.get_full_name()} changed this protocol at" in content
    assert "/revisions/compare/" in content
    assert not protocol.approvals.exists()


def test_approving_names_the_revision_read(client, team):
    protocol = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    coordinator = team.coordinators[team.provider.pk]
    client.force_login(coordinator)
    page = client.get(url("protocol", protocol.pk, language="en"))

    client.post(url("protocol_approve", protocol.pk), page_form(page))

    approval = protocol.approvals.get()
    assert approval.revision_id == MeetingProtocol.objects.get(pk=protocol.pk).latest_revision_id


def test_the_history_links_the_field_by_field_comparison_for_those_with_the_admin(
    client, team, member
):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 4, 1))
    comparison = reverse("wagtailsnippets_meetings_meetingprotocol:history", args=[protocol.pk])
    without_admin = client.get(url("protocol", protocol.pk)).content.decode()
    member.groups.add(Group.objects.get(name="Partner staff"))

    with_admin = client.get(url("protocol", protocol.pk)).content.decode()

    assert comparison not in without_admin
    assert comparison in with_admin


@pytest.mark.parametrize(
    ("language", "name"), [("sl", "Priprava"), ("hr", "Priprema"), ("en", "Preparation")]
)
def test_the_cycles_phases_are_named_in_the_readers_language(client, team, member, language, name):
    CyclePhaseFactory(cycle=team.cycle)

    content = client.get(url("cycle", team.cycle.pk, language=language)).content.decode()

    assert f"<strong>{name}</strong>" in content


def test_a_new_protocol_offers_every_open_item_and_saves_only_those_set_before_its_date(
    client, team, member
):
    intake = saved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY, submitted=True)
    earlier = ActionItemFactory(protocol=intake, responsible_institution=team.csd)
    later_meeting = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 4), submitted=True)
    later = ActionItemFactory(protocol=later_meeting, responsible_institution=team.csd)
    new = url("protocol_create", team.cycle.pk) + "?kind=mid_term"
    page = client.get(new)
    offered = [row.reviewed_item for row in page.context["form"].formsets["action_item_reviews"]]

    response = client.post(new, page_form(page, starts_at="2026-04-01T09:00", place="CSD"))

    assert offered == [earlier, later]
    assert response.status_code == 302
    protocol = MeetingProtocol.objects.get(starts_at__date=date(2026, 4, 1))
    assert [review.action_item for review in protocol.action_item_reviews.all()] == [earlier]
