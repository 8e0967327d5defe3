"""A coordinator logs a joint team meeting through the staff pages, as people do it.

Every control is found by its role and accessible name, or by its label, in
the language of the page: each step also proves that someone using a screen
reader finds the same control. The rows of the form that the page does not
offer at first are added with its "add" buttons (``rows.js``).
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from meetings import services
from meetings.models import RECRUITMENT_POINTS, MeetingKind, MeetingProtocol, ProtocolStatus

from .staff_area import institution_name, team
from .support import account_menu, field_label, label, translated

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AGENDA = ["Predstavitev programa in udeležencev", "Urnik delavnic in delovnega modula"]
DECISION = "Skupina se srečuje trikrat na teden po štiri ure."
ACTION_ITEMS = ["Pripraviti seznam lokalnih programov.", "Dogovoriti obisk knjižnice."]


def goal(participant):
    return f"Cilji za {participant.code}: redna udeležba in priprava življenjepisa."


def group(page, name):
    """A fieldset of the form by its legend: a row, or a set of checkboxes."""
    return page.get_by_role("group", name=name, exact=True)


def status(page, language, message):
    """The protocol's status as its page states it."""
    return page.get_by_role("definition").filter(
        has_text=re.compile(rf"^\s*{re.escape(translated(language, message))}\s*$")
    )


def start_intake_protocol(page, language):
    """From the cycle's page, the form of a new intake meeting."""
    page.get_by_role("link", name=translated(language, "Intake meeting")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(language, "New protocol: %(kind)s")
        % {"kind": translated(language, "Intake meeting")}
    )


def fill_the_meeting(page, language, work, *, staff):
    """When and where, and who was there: every institution of the cycle, ``staff`` by name."""
    meeting_day = timezone.localdate()
    page.get_by_label(field_label(language, "date and time")).fill(
        f"{meeting_day.isoformat()}T09:30"
    )
    page.get_by_label(field_label(language, "place")).fill("Sejna soba CSD Gorenjska, Kranj")
    institutions = group(page, field_label(language, "institutions present"))
    for institution in work.institutions:
        institutions.get_by_label(institution_name(institution, language)).check()
    present = group(page, field_label(language, "staff present"))
    for person in staff:
        present.get_by_label(person.get_full_name()).check()


def fill_goals(page, language, participants):
    for participant in participants:
        row = group(page, participant.code)
        row.get_by_label(label(language, "Goals")).fill(goal(participant))


def test_a_coordinator_logs_an_intake_meeting_saves_it_as_a_draft_and_submits_it(page, log_in):
    language = "sl"
    work = team()
    log_in(work.coordinator)
    page.goto(f"/{language}/")

    account_menu(page, language).get_by_role("link", name=translated(language, "My work")).click()
    page.get_by_role("link", name=work.link_text(language)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(work.programme_name(language))
    start_intake_protocol(page, language)

    fill_the_meeting(page, language, work, staff=work.staff)
    agenda_label = translated(language, "Agenda item")
    group(page, f"{agenda_label} 1").get_by_label(field_label(language, "agenda item")).fill(
        AGENDA[0]
    )
    page.get_by_role("button", name=translated(language, "Add an agenda item")).click()
    second_agenda_item = group(page, f"{agenda_label} 2")
    # The new row takes the focus, so that a keyboard user types straight into it.
    expect(second_agenda_item.get_by_label(field_label(language, "agenda item"))).to_be_focused()
    second_agenda_item.get_by_label(field_label(language, "agenda item")).fill(AGENDA[1])
    fill_goals(page, language, work.participants)
    page.get_by_label(field_label(language, "decisions")).fill(DECISION)
    action_label = translated(language, "Action item")
    page.get_by_role("button", name=translated(language, "Add an action item")).click()
    due = timezone.localdate() + timedelta(days=14)
    for number, (description, institution, person) in enumerate(
        zip(ACTION_ITEMS, work.institutions[:2], work.staff[:2], strict=True), start=1
    ):
        row = group(page, f"{action_label} {number}")
        row.get_by_label(field_label(language, "what")).fill(description)
        row.get_by_label(field_label(language, "responsible institution")).select_option(
            label=institution_name(institution, language)
        )
        row.get_by_label(field_label(language, "responsible person")).select_option(
            label=person.get_full_name()
        )
        row.get_by_label(field_label(language, "due date")).fill(due.isoformat())
    page.get_by_role("button", name=translated(language, "Save the draft")).click()

    expect(page.get_by_role("status")).to_contain_text(
        translated(language, "The protocol was saved.")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(language, "Intake meeting")
    )
    expect(status(page, language, "Draft")).to_be_visible()
    for text in [*AGENDA, DECISION, *ACTION_ITEMS, *(goal(p) for p in work.participants)]:
        expect(page.get_by_role("main").get_by_text(text, exact=True)).to_be_visible()

    page.get_by_role("button", name=translated(language, "Submit for approval"), exact=True).click()

    expect(page.get_by_role("status")).to_contain_text(
        translated(
            language, "The protocol was submitted. The institutions present can now approve it."
        )
    )
    expect(status(page, language, "Submitted for approval")).to_be_visible()
    protocol = MeetingProtocol.objects.get(cycle=work.cycle)
    assert (protocol.kind, protocol.status) == (MeetingKind.INTAKE, ProtocolStatus.SUBMITTED)
    assert [item.title for item in protocol.agenda_items.all()] == AGENDA
    assert sorted(item.description for item in protocol.action_items.all()) == sorted(ACTION_ITEMS)
    assert {entry.participant: entry.text for entry in protocol.participant_entries.all()} == {
        participant: goal(participant) for participant in work.participants
    }


def test_submitting_an_intake_without_a_participants_goals_is_refused_naming_the_participant(
    page, log_in
):
    language = "hr"
    work = team()
    forgotten = work.participants[1]
    log_in(work.coordinator)
    page.goto(f"/{language}/")
    account_menu(page, language).get_by_role("link", name=translated(language, "My work")).click()
    page.get_by_role("link", name=work.link_text(language)).click()
    start_intake_protocol(page, language)

    fill_the_meeting(page, language, work, staff=[work.coordinator])
    fill_goals(page, language, [p for p in work.participants if p != forgotten])
    page.get_by_role("button", name=translated(language, "Save and submit for approval")).click()

    missing = translated(language, "Record goals for participants %(codes)s.") % {
        "codes": forgotten.code
    }
    expect(page.get_by_role("status")).to_have_text(
        translated(
            language,
            "The protocol was saved as a draft, but it cannot be submitted yet: %(missing)s",
        )
        % {"missing": missing}
    )
    expect(status(page, language, "Draft")).to_be_visible()
    assert MeetingProtocol.objects.get(cycle=work.cycle).status == ProtocolStatus.DRAFT


ENTRY_LABELS = {
    MeetingKind.INTAKE: "Goals",
    MeetingKind.MID_TERM: "Progress",
    MeetingKind.CLOSING: "Exit plan",
}
ROUND_LANGUAGES = {
    MeetingKind.RECRUITMENT: "sl",
    MeetingKind.INTAKE: "hr",
    MeetingKind.MID_TERM: "en",
    MeetingKind.CLOSING: "sl",
}


@pytest.mark.parametrize("kind", MeetingKind.values)
def test_a_protocol_of_each_kind_is_written_submitted_approved_and_amended(page, log_in, kind):
    language = ROUND_LANGUAGES[kind]
    kind_name = translated(language, MeetingKind(kind).label)
    work = team()
    log_in(work.coordinator)
    page.goto(f"/{language}/")
    account_menu(page, language).get_by_role("link", name=translated(language, "My work")).click()
    page.get_by_role("link", name=work.link_text(language)).click()
    page.get_by_role("link", name=kind_name, exact=True).click()

    fill_the_meeting(page, language, work, staff=[work.coordinator])
    if kind == MeetingKind.RECRUITMENT:
        for field, point in RECRUITMENT_POINTS:
            page.get_by_label(field_label(language, str(point))).fill(f"Dogovor: {field}.")
    else:
        for participant in work.participants:
            row = group(page, participant.code)
            row.get_by_label(label(language, ENTRY_LABELS[kind])).fill(goal(participant))
    page.get_by_label(field_label(language, "decisions")).fill(DECISION)
    page.get_by_role("button", name=translated(language, "Save and submit for approval")).click()

    expect(status(page, language, "Submitted for approval")).to_be_visible()
    protocol = MeetingProtocol.objects.get(cycle=work.cycle)
    for colleague, institution in zip(work.colleagues, work.institutions[1:], strict=True):
        services.protocol_approve(protocol=protocol, user=colleague, institution=institution)
    page.reload()
    page.get_by_role(
        "button",
        name=translated(language, "Approve for %(institution)s")
        % {"institution": institution_name(work.csd, language)},
    ).click()

    expect(status(page, language, "Approved")).to_be_visible()
    protocol.refresh_from_db()
    assert (protocol.kind, protocol.status) == (kind, ProtocolStatus.APPROVED)

    page.get_by_role("link", name=translated(language, "Amend"), exact=True).click()
    page.get_by_label(label(language, "Why is the protocol amended?")).fill("Popravek sklepa.")
    page.get_by_label(field_label(language, "decisions")).fill("Popravljen sklep.")
    page.get_by_role("button", name=translated(language, "Save the changes")).click()

    expect(status(page, language, "Submitted for approval")).to_be_visible()
    protocol.refresh_from_db()
    assert (protocol.decisions, protocol.status) == ("Popravljen sklep.", ProtocolStatus.SUBMITTED)
    assert protocol.approved_documents.count() == 1
