"""The services on the real database: cycles, participants, save, submit, approve, follow up.

Every refused call says why and leaves every table as it was (``rows_written``).
"""

from datetime import date, timedelta

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from meetings import services
from meetings.factories import meeting_time
from meetings.history import HistoryAction
from meetings.models import (
    ActionItem,
    ActionItemReview,
    MeetingKind,
    MeetingProtocol,
    ParticipantEntry,
    ProtocolStatus,
    ReviewOutcome,
)
from meetings.selectors import action_items_to_review, protocol_history

from .conftest import rows_written, unsaved_protocol

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _intake(team, *, goals=True, day=date(2026, 2, 3)):
    protocol = MeetingProtocol(
        cycle=team.cycle, kind=MeetingKind.INTAKE, starts_at=meeting_time(day), place="CSD"
    )
    protocol.institutions_present = team.institutions
    protocol.staff_present = [team.members[team.csd.pk]]
    protocol.participant_entries = [
        ParticipantEntry(participant=p, text="Vključitev v delavnice." if goals else "")
        for p in team.participants
    ]
    return protocol


def _saved_intake(team, **kwargs):
    return services.protocol_save(protocol=_intake(team, **kwargs), user=team.members[team.csd.pk])


def _approve_by_all(team, protocol):
    for institution in team.institutions:
        services.protocol_approve(
            protocol=protocol, user=team.coordinators[institution.pk], institution=institution
        )


def test_saving_a_new_protocol_makes_a_draft_with_a_revision_and_history(team):
    protocol = _saved_intake(team)

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.DRAFT
    assert protocol.latest_revision.user == team.members[team.csd.pk]
    assert protocol.participant_entries.count() == 3
    assert [entry.action for entry in protocol_history(protocol)] == [HistoryAction.CREATE]


def test_an_incomplete_draft_is_saved_but_not_submitted(team):
    protocol = _saved_intake(team, goals=False)

    before = rows_written()

    with pytest.raises(services.ProtocolIncomplete) as refused:
        services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])

    assert refused.value.missing == [
        "Record goals for participants KR-2026-01, KR-2026-02, KR-2026-03."
    ]
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.DRAFT
    assert rows_written() == before


def test_a_complete_protocol_is_submitted(team):
    protocol = _saved_intake(team)

    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SUBMITTED
    assert protocol.submitted_at is not None


def test_the_protocol_is_approved_when_every_institution_present_has_approved(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    *first, last = team.institutions
    for institution in first:
        services.protocol_approve(
            protocol=protocol, user=team.coordinators[institution.pk], institution=institution
        )
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SUBMITTED

    services.protocol_approve(protocol=protocol, user=team.coordinators[last.pk], institution=last)

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.APPROVED
    assert protocol.approvals.filter(superseded_at__isnull=True).count() == 4


def test_a_member_who_is_not_coordinator_cannot_approve(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    before = rows_written()

    with pytest.raises(PermissionDenied, match="does not approve for CSD Dolenjska"):
        services.protocol_approve(
            protocol=protocol, user=team.members[team.csd.pk], institution=team.csd
        )

    assert rows_written() == before


def test_a_coordinator_cannot_approve_for_another_institution(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])

    before = rows_written()

    with pytest.raises(PermissionDenied, match="does not approve for RK Novo mesto"):
        services.protocol_approve(
            protocol=protocol, user=team.coordinators[team.csd.pk], institution=team.provider
        )

    assert rows_written() == before


def test_a_change_after_approval_makes_a_new_revision_and_resets_the_approvals(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    _approve_by_all(team, protocol)
    approved_revision = MeetingProtocol.objects.get(pk=protocol.pk).latest_revision_id

    protocol = MeetingProtocol.objects.get(pk=protocol.pk)
    protocol.decisions = "Informativni dan bo 10. 3."
    services.protocol_save(
        protocol=protocol,
        user=team.members[team.provider.pk],
        loaded_revision_id=approved_revision,
        reason="Datum informativnega dneva se je spremenil.",
    )

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SUBMITTED
    assert protocol.latest_revision_id != approved_revision
    assert protocol.latest_revision.user == team.members[team.provider.pk]
    assert protocol.approvals.filter(superseded_at__isnull=True).count() == 0
    assert protocol.approvals.filter(revision_id=approved_revision).count() == 4
    latest = protocol_history(protocol).first()
    assert (latest.action, latest.data) == (
        HistoryAction.AMEND,
        {
            "changed": ["decisions"],
            "reason": "Datum informativnega dneva se je spremenil.",
            "approvals_reset": True,
        },
    )
    assert latest.message == (
        "Amended: decisions. Reason: Datum informativnega dneva se je spremenil. "
        "Every institution present approves again."
    )


def test_an_amendment_without_a_reason_is_refused(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    _approve_by_all(team, protocol)
    amended = MeetingProtocol.objects.get(pk=protocol.pk)
    amended.decisions = "Informativni dan bo 10. 3."
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.protocol_save(protocol=amended, user=team.members[team.csd.pk], reason="  ")

    assert refused.value.message_dict == {
        "amendment_reason": [
            "Say why the protocol is amended: the institutions present read it before they "
            "approve the amended text."
        ]
    }
    assert rows_written() == before


def test_a_change_to_a_draft_is_one_history_entry_naming_what_changed(team):
    protocol = _saved_intake(team)
    changed = MeetingProtocol.objects.get(pk=protocol.pk)
    changed.decisions = "Nov sklep."
    changed.place = "Knjižnica Novo mesto"

    services.protocol_save(protocol=changed, user=team.members[team.csd.pk])

    entries = list(protocol_history(protocol))
    assert [entry.action for entry in entries] == [HistoryAction.REVISE, HistoryAction.CREATE]
    assert entries[0].message == "Changed: place, decisions"


def test_saving_without_a_change_keeps_the_approvals(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    _approve_by_all(team, protocol)

    unchanged = MeetingProtocol.objects.get(pk=protocol.pk)
    services.protocol_save(protocol=unchanged, user=team.members[team.csd.pk])

    unchanged.refresh_from_db()
    assert unchanged.status == ProtocolStatus.APPROVED
    assert unchanged.approvals.filter(superseded_at__isnull=True).count() == 4


def test_the_second_of_two_concurrent_saves_is_refused_and_the_first_text_survives(team):
    protocol = _saved_intake(team)
    opened_at = protocol.latest_revision_id
    first = MeetingProtocol.objects.get(pk=protocol.pk)
    second = MeetingProtocol.objects.get(pk=protocol.pk)
    first.decisions = "Prvi zapis: informativni dan 10. 3."
    second.decisions = "Drugi zapis"

    services.protocol_save(
        protocol=first, user=team.members[team.csd.pk], loaded_revision_id=opened_at
    )
    before = rows_written()
    with pytest.raises(services.ProtocolEditConflict) as conflict:
        services.protocol_save(
            protocol=second, user=team.members[team.provider.pk], loaded_revision_id=opened_at
        )

    assert conflict.value.revision.user == team.members[team.csd.pk]
    assert MeetingProtocol.objects.get(pk=protocol.pk).decisions == (
        "Prvi zapis: informativni dan 10. 3."
    )
    assert rows_written() == before


def test_an_outsider_cannot_save_a_protocol_of_the_cycle(team):
    before = rows_written()

    with pytest.raises(PermissionDenied, match="does not work in the cycle KR"):
        services.protocol_save(protocol=_intake(team), user=team.outsider_coordinator)

    assert rows_written() == before


def test_institutions_present_must_take_part_in_the_cycle(team):
    protocol = _intake(team)
    protocol.institutions_present = [*team.institutions, team.outside_institution]
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.protocol_save(protocol=protocol, user=team.members[team.csd.pk])

    assert refused.value.messages == [
        f"{team.outside_institution.name} does not take part in this programme cycle."
    ]
    assert rows_written() == before


def test_personal_data_in_a_participant_entry_is_refused_naming_the_field(team):
    protocol = _intake(team)
    protocol.participant_entries.first().text = "Pokliče jo na 041 123 456."
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.protocol_save(protocol=protocol, user=team.members[team.csd.pk])

    assert refused.value.message_dict == {
        "text": [
            "“Goals, progress or exit plan” contains a phone number. Remove it: the portal "
            "keeps no contact data of participants."
        ]
    }
    assert rows_written() == before


def _meeting(team, kind, day, *, action_items=(), reviews=(), submitted=True):
    """A complete protocol, saved and (unless said) submitted: what it sets is in effect."""
    author = team.members[team.csd.pk]
    protocol = unsaved_protocol(team, kind, day)
    protocol.action_items = [
        ActionItem(**{"due_on": day + timedelta(days=14), **fields}) for fields in action_items
    ]
    protocol.action_item_reviews = list(reviews)
    protocol = services.protocol_save(protocol=protocol, user=author)
    return services.protocol_submit(protocol=protocol, user=author) if submitted else protocol


def test_open_action_items_are_carried_forward_across_three_meetings(team):
    first = _meeting(
        team,
        MeetingKind.RECRUITMENT,
        date(2026, 1, 15),
        action_items=[
            {
                "description": "Pripraviti vabilo na informativni dan",
                "responsible_institution": team.csd,
                "due_on": date(2026, 1, 30),
            },
            {
                "description": "Uskladiti seznam kandidatov",
                "responsible_institution": team.employment_office,
                "due_on": date(2026, 1, 30),
            },
        ],
    )
    invitation, candidates = ActionItem.objects.filter(protocol=first).order_by("pk")

    # The second meeting sees both, carries one forward with a new date and closes the other.
    second_day = date(2026, 2, 3)
    assert list(action_items_to_review(cycle=team.cycle, before=meeting_time(second_day))) == [
        invitation,
        candidates,
    ]
    second = _meeting(team, MeetingKind.INTAKE, second_day, submitted=False)
    services.action_item_carry_forward(
        action_item=invitation,
        protocol=second,
        user=team.members[team.csd.pk],
        due_on=date(2026, 2, 20),
    )
    services.action_item_close(
        action_item=candidates,
        protocol=second,
        user=team.members[team.csd.pk],
        outcome=ReviewOutcome.DONE,
    )
    services.protocol_submit(protocol=second, user=team.members[team.csd.pk])

    # The third meeting sees only the item still open, with its new due date, and closes it.
    third_day = date(2026, 4, 10)
    to_review = list(action_items_to_review(cycle=team.cycle, before=meeting_time(third_day)))
    assert to_review == [invitation]
    assert to_review[0].current_due_on == date(2026, 2, 20)
    third = _meeting(team, MeetingKind.MID_TERM, third_day, submitted=False)
    services.action_item_close(
        action_item=invitation,
        protocol=third,
        user=team.members[team.csd.pk],
        outcome=ReviewOutcome.DONE,
    )
    services.protocol_submit(protocol=third, user=team.members[team.csd.pk])

    states = {item.pk: (item.status, item.closed_in_id) for item in ActionItem.objects.with_state()}
    assert states == {invitation.pk: ("done", third.pk), candidates.pk: ("done", second.pk)}
    assert not action_items_to_review(cycle=team.cycle, before=meeting_time(date(2026, 9, 1)))
    assert ActionItemReview.objects.filter(action_item=invitation).count() == 2


def test_an_item_closed_at_one_meeting_cannot_be_closed_at_another(team):
    first = _meeting(
        team,
        MeetingKind.RECRUITMENT,
        date(2026, 1, 15),
        action_items=[{"description": "Vabilo", "responsible_institution": team.csd}],
    )
    item = ActionItem.objects.get(protocol=first)
    second = _meeting(team, MeetingKind.INTAKE, date(2026, 2, 3), submitted=False)
    third = _meeting(team, MeetingKind.MID_TERM, date(2026, 4, 3), submitted=False)
    services.action_item_close(
        action_item=item, protocol=second, user=team.members[team.csd.pk], outcome="done"
    )
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.action_item_close(
            action_item=item, protocol=third, user=team.members[team.csd.pk], outcome="dropped"
        )

    assert refused.value.messages == ["Action item “Vabilo” was already closed at another meeting."]
    assert rows_written() == before


def test_recruitment_points_on_an_intake_protocol_are_refused_from_any_door(team):
    protocol = unsaved_protocol(team, MeetingKind.INTAKE, date(2026, 2, 3))
    protocol.motivational_interviews = "Razgovori z vsemi kandidati do 20. 1."
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.protocol_save(protocol=protocol, user=team.members[team.csd.pk])

    assert refused.value.message_dict == {
        "motivational_interviews": ["Only a recruitment meeting records this point."]
    }
    assert rows_written() == before


def test_a_saved_protocol_keeps_its_kind(team):
    protocol = _saved_intake(team)
    changed = MeetingProtocol.objects.get(pk=protocol.pk)
    changed.kind = MeetingKind.CLOSING
    before = rows_written()

    with pytest.raises(ValidationError) as refused:
        services.protocol_save(protocol=changed, user=team.members[team.csd.pk])

    assert refused.value.message_dict == {
        "kind": ["The kind of meeting does not change: it decides what the protocol records."]
    }
    assert rows_written() == before


def test_a_draft_is_not_submitted_twice(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    before = rows_written()

    with pytest.raises(services.ProtocolStatusError) as refused:
        services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])

    assert (refused.value.step, refused.value.status) == ("submit", ProtocolStatus.SUBMITTED)
    assert rows_written() == before


def test_a_draft_is_not_approved(team):
    protocol = _saved_intake(team)
    before = rows_written()

    with pytest.raises(services.ProtocolStatusError) as refused:
        services.protocol_approve(
            protocol=protocol, user=team.coordinators[team.csd.pk], institution=team.csd
        )

    assert (refused.value.step, refused.value.status) == ("approve", ProtocolStatus.DRAFT)
    assert rows_written() == before


def test_an_institution_approves_a_revision_once(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    coordinator = team.coordinators[team.csd.pk]
    services.protocol_approve(protocol=protocol, user=coordinator, institution=team.csd)
    before = rows_written()

    with pytest.raises(services.ProtocolStatusError) as refused:
        services.protocol_approve(protocol=protocol, user=coordinator, institution=team.csd)

    assert refused.value.institution == team.csd
    assert rows_written() == before


def test_an_approval_of_a_revision_that_is_no_longer_the_latest_is_refused(team):
    protocol = _saved_intake(team)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    read = MeetingProtocol.objects.get(pk=protocol.pk).latest_revision_id
    changed = MeetingProtocol.objects.get(pk=protocol.pk)
    changed.decisions = "Nov sklep."
    services.protocol_save(
        protocol=changed, user=team.members[team.provider.pk], reason="Popravek."
    )
    before = rows_written()

    with pytest.raises(services.ProtocolApprovalStale) as refused:
        services.protocol_approve(
            protocol=protocol,
            user=team.coordinators[team.csd.pk],
            institution=team.csd,
            revision_id=read,
        )

    assert refused.value.read == read
    assert refused.value.latest.user == team.members[team.provider.pk]
    assert rows_written() == before
