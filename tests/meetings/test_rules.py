"""Every refusal of ``meetings.rules`` by its words, each beside the near miss it accepts.

The rules read records as a form leaves them, unsaved, so most tests here
build them in memory; the services' tests show that every door enforces them.
"""

from datetime import date, timedelta

import pytest

from django.core.exceptions import NON_FIELD_ERRORS

from accounts.factories import UserFactory
from meetings import rules
from meetings.factories import (
    ActionItemFactory,
    ActionItemReviewFactory,
    MeetingProtocolFactory,
    ParticipantFactory,
    ProgrammeCycleFactory,
    meeting_time,
)
from meetings.models import (
    ActionItem,
    ActionItemReview,
    CyclePhase,
    ExitOutcome,
    MeetingKind,
    MeetingProtocol,
    Participant,
    ParticipantEntry,
    ProgrammeCycle,
    ProtocolStatus,
    ReviewOutcome,
)

from .conftest import unsaved_protocol

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

INTAKE_DAY = date(2026, 2, 3)
MID_TERM_DAY = date(2026, 4, 1)
CLOSING_DAY = date(2026, 9, 25)


def non_field(*messages):
    return {NON_FIELD_ERRORS: list(messages)}


# --- Programme cycles ------------------------------------------------------------------


def _cycle(team, **fields):
    values = {
        "code": "NM",
        "provider": team.provider,
        "starts_on": date(2026, 3, 2),
        "ends_on": date(2026, 10, 30),
        **fields,
    }
    return ProgrammeCycle(programme_name_sl="Korak naprej", locations="Novo mesto", **values)


def test_a_cycle_may_not_end_before_it_starts(team):
    cycle = _cycle(team, ends_on=date(2026, 3, 1))

    assert rules.cycle_errors(cycle, institutions=[team.provider]) == {
        "ends_on": ["The cycle cannot end before it starts."]
    }


def test_a_cycle_may_end_on_the_day_it_starts(team):
    cycle = _cycle(team, ends_on=date(2026, 3, 2))

    assert rules.cycle_errors(cycle, institutions=[team.provider]) == {}


def test_a_phase_may_not_end_before_it_starts(team):
    cycle = _cycle(team)
    cycle.phases = [
        CyclePhase(name_sl="Delavnice", starts_on=date(2026, 4, 1), ends_on=date(2026, 3, 31))
    ]

    assert rules.cycle_errors(cycle, institutions=[team.provider]) == non_field(
        "The phase “Delavnice” cannot end before it starts."
    )


def test_a_phase_of_one_day_is_accepted(team):
    cycle = _cycle(team)
    cycle.phases = [
        CyclePhase(name_sl="Delavnice", starts_on=date(2026, 4, 1), ends_on=date(2026, 4, 1))
    ]

    assert rules.cycle_errors(cycle, institutions=[team.provider]) == {}


def test_the_provider_must_take_part_in_its_cycle(team):
    cycle = _cycle(team)

    assert rules.cycle_errors(cycle, institutions=[team.csd]) == {
        "institutions": [
            f"Include the programme provider, {team.provider}, among the participating "
            "institutions: its staff run the cycle."
        ]
    }


def test_a_cycle_with_its_provider_among_the_institutions_is_accepted(team):
    cycle = _cycle(team)

    assert rules.cycle_errors(cycle, institutions=[team.csd, team.provider]) == {}


# --- Participants ------------------------------------------------------------------------


def _participant(team, **fields):
    return Participant(
        cycle=team.cycle, number=9, target_group="adults", entered_on=date(2026, 2, 2), **fields
    )


def test_the_code_is_the_cycles_code_its_year_and_the_number():
    cycle = ProgrammeCycle(code="KR", starts_on=date(2026, 2, 2))

    assert rules.participant_code(cycle=cycle, number=7) == "KR-2026-07"


def test_a_participant_may_not_leave_before_entering(team):
    participant = team.participants[0]
    participant.exited_on = participant.entered_on - timedelta(days=1)
    participant.exit_outcome = ExitOutcome.EMPLOYMENT

    assert rules.participant_errors(participant) == {
        "exited_on": ["A participant cannot leave before entering."]
    }


def test_a_participant_may_leave_on_the_day_of_entry(team):
    participant = team.participants[0]
    participant.exited_on = participant.entered_on
    participant.exit_outcome = ExitOutcome.EMPLOYMENT

    assert rules.participant_errors(participant) == {}


def test_a_participant_who_leaves_needs_an_exit_outcome(team):
    participant = team.participants[0]
    participant.exited_on = date(2026, 5, 4)

    assert rules.participant_errors(participant) == {
        "exit_outcome": ["Say where the participant went on leaving."]
    }


def test_an_exit_outcome_needs_the_date_of_exit(team):
    participant = team.participants[0]
    participant.exit_outcome = ExitOutcome.EDUCATION

    assert rules.participant_errors(participant) == {
        "exited_on": ["Give the date of exit together with the exit outcome."]
    }


def test_a_full_group_takes_no_new_participant(team):
    team.cycle.max_group_size = len(team.participants)

    assert rules.participant_errors(_participant(team)) == non_field(
        "The group is full: at most 3 participants take part at a time."
    )


def test_a_group_with_one_place_left_takes_a_participant(team):
    team.cycle.max_group_size = len(team.participants) + 1

    assert rules.participant_errors(_participant(team)) == {}


def test_someone_who_left_frees_a_place_in_the_group(team):
    team.cycle.max_group_size = len(team.participants)
    leaver = team.participants[0]
    leaver.exited_on, leaver.exit_outcome = date(2026, 3, 2), ExitOutcome.EMPLOYMENT
    leaver.save()

    assert rules.participant_errors(_participant(team)) == {}


def test_a_full_group_keeps_its_participants_changeable(team):
    team.cycle.max_group_size = len(team.participants)
    team.cycle.save()

    assert rules.participant_errors(Participant.objects.get(pk=team.participants[0].pk)) == {}


# --- What a change may not change --------------------------------------------------------


def test_a_protocol_does_not_move_to_another_cycle(team):
    stored = MeetingProtocolFactory(cycle=team.cycle)
    moved = MeetingProtocol.objects.get(pk=stored.pk)
    moved.cycle = ProgrammeCycleFactory()

    assert rules.protocol_change_errors(moved, stored=stored) == {
        "cycle": ["A protocol cannot move to another programme cycle."]
    }


def test_a_protocol_keeps_its_kind(team):
    stored = MeetingProtocolFactory(cycle=team.cycle, kind=MeetingKind.MID_TERM)
    changed = MeetingProtocol.objects.get(pk=stored.pk)
    changed.kind = MeetingKind.CLOSING

    assert rules.protocol_change_errors(changed, stored=stored) == {
        "kind": ["The kind of meeting does not change: it decides what the protocol records."]
    }


def test_a_change_to_the_text_keeps_cycle_and_kind(team):
    stored = MeetingProtocolFactory(cycle=team.cycle)
    changed = MeetingProtocol.objects.get(pk=stored.pk)
    changed.decisions = "Informativni dan bo 10. 3."

    assert rules.protocol_change_errors(changed, stored=stored) == {}


# --- What each kind of meeting records --------------------------------------------------


def test_only_a_recruitment_meeting_records_its_five_points(team):
    protocol = unsaved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY)
    protocol.information_day = "Informativni dan 10. 3. v knjižnici."

    assert rules.protocol_errors(protocol) == {
        "information_day": ["Only a recruitment meeting records this point."]
    }


def test_a_recruitment_meeting_records_its_five_points(team):
    protocol = unsaved_protocol(team, MeetingKind.RECRUITMENT, date(2026, 1, 15))

    assert protocol.information_day
    assert rules.protocol_errors(protocol) == {}


def test_a_recruitment_meeting_records_no_entries_about_participants(team):
    protocol = unsaved_protocol(team, MeetingKind.RECRUITMENT, date(2026, 1, 15))
    protocol.participant_entries = [
        ParticipantEntry(participant=team.participants[0], text="Motiviran.")
    ]

    assert rules.protocol_errors(protocol) == non_field(
        "Only intake, mid-term and closing meetings record entries about participants."
    )


def test_only_a_closing_meeting_records_a_planned_exit(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    protocol.participant_entries.first().planned_exit = ExitOutcome.EDUCATION

    assert rules.protocol_errors(protocol) == non_field(
        "Participant KR-2026-01: only a closing meeting records a planned exit."
    )


def test_a_closing_meeting_records_a_planned_exit(team):
    protocol = unsaved_protocol(team, MeetingKind.CLOSING, CLOSING_DAY)
    protocol.participant_entries.first().planned_exit = ExitOutcome.EDUCATION

    assert rules.protocol_errors(protocol) == {}


def test_the_fields_a_kind_does_not_record():
    assert rules.protocol_fields_not_recorded(MeetingKind.RECRUITMENT) == ()
    assert rules.protocol_fields_not_recorded(MeetingKind.INTAKE) == rules.RECRUITMENT_FIELDS
    assert rules.participant_entry_fields_not_recorded(MeetingKind.CLOSING) == ()
    assert rules.participant_entry_fields_not_recorded(MeetingKind.MID_TERM) == ("planned_exit",)


# --- Everything a protocol names belongs to its cycle -----------------------------------


def test_institutions_present_take_part_in_the_cycle(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    protocol.institutions_present = [*team.institutions, team.outside_institution]

    assert rules.protocol_errors(protocol) == non_field(
        f"{team.outside_institution.name} does not take part in this programme cycle."
    )


def test_every_institution_of_the_cycle_may_be_present(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)

    assert set(protocol.institutions_present.all()) == set(team.institutions)
    assert rules.protocol_errors(protocol) == {}


def test_staff_present_work_for_an_institution_of_the_cycle(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    stranger = UserFactory(first_name="Zdenka", last_name="Oddaljena")
    protocol.staff_present = [team.members[team.csd.pk], stranger]

    assert rules.protocol_errors(protocol) == non_field(
        "Zdenka Oddaljena does not work for an institution of this programme cycle."
    )


def test_a_person_without_a_name_is_named_by_their_address(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    stranger = UserFactory(first_name="", last_name="", email="neznanec@example.org")
    protocol.staff_present = [stranger]

    assert rules.protocol_errors(protocol) == non_field(
        "neznanec@example.org does not work for an institution of this programme cycle."
    )


def test_an_entry_is_about_a_participant_of_the_cycle(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    stranger = ParticipantFactory(cycle=ProgrammeCycleFactory(code="ZQ"))
    protocol.participant_entries = [ParticipantEntry(participant=stranger, text="Napredek.")]

    assert rules.protocol_errors(protocol) == non_field(
        f"Participant {stranger.code} belongs to another programme cycle."
    )


def test_a_participant_has_one_entry_per_protocol(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    first = team.participants[0]
    protocol.participant_entries = [
        ParticipantEntry(participant=first, text="Napredek."),
        ParticipantEntry(participant=first, text="Še en zapis."),
    ]

    assert rules.protocol_errors(protocol) == non_field(
        "Participant KR-2026-01 has more than one entry."
    )


def _with_action_item(team, **fields):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    values = {
        "description": "Pripraviti seznam delodajalcev",
        "responsible_institution": team.csd,
        "due_on": MID_TERM_DAY + timedelta(days=14),
        **fields,
    }
    protocol.action_items = [ActionItem(**values)]
    return protocol


def test_the_responsible_institution_takes_part_in_the_cycle(team):
    protocol = _with_action_item(team, responsible_institution=team.outside_institution)

    assert rules.protocol_errors(protocol) == non_field(
        f"Action item “Pripraviti seznam delodajalcev”: {team.outside_institution.name} "
        "does not take part in this cycle."
    )


def test_the_responsible_person_works_for_an_institution_of_the_cycle(team):
    protocol = _with_action_item(team, responsible_person=team.outsider_coordinator)

    assert rules.protocol_errors(protocol) == non_field(
        "Action item “Pripraviti seznam delodajalcev”: the responsible person does not work "
        "for an institution of this cycle."
    )


def test_the_responsible_person_works_for_the_responsible_institution(team):
    provider_member = team.members[team.provider.pk]
    protocol = _with_action_item(team, responsible_person=provider_member)

    assert rules.protocol_errors(protocol) == non_field(
        f"Action item “Pripraviti seznam delodajalcev”: {provider_member.get_full_name()} does "
        f"not work for {team.csd.name}."
    )


def test_an_action_item_of_the_cycles_staff_is_accepted(team):
    protocol = _with_action_item(team, responsible_person=team.members[team.csd.pk])

    assert rules.protocol_errors(protocol) == {}


# --- Reviews of earlier action items ----------------------------------------------------


def _earlier_item(team, day=INTAKE_DAY, **fields):
    earlier = MeetingProtocolFactory(
        cycle=team.cycle, starts_at=meeting_time(day), status=ProtocolStatus.SUBMITTED
    )
    return ActionItemFactory(protocol=earlier, description="Vabilo na informativni dan", **fields)


def _reviewing(team, *reviews, day=MID_TERM_DAY):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, day)
    protocol.action_item_reviews = list(reviews)
    return protocol


def test_a_meeting_reviews_only_items_of_its_own_cycle(team):
    other = MeetingProtocolFactory(cycle=ProgrammeCycleFactory(code="ZQ"))
    item = ActionItemFactory(protocol=other, description="Tuja naloga")
    protocol = _reviewing(team, ActionItemReview(action_item=item, outcome=ReviewOutcome.DONE))

    assert rules.protocol_errors(protocol) == non_field(
        "Action item “Tuja naloga” belongs to another cycle."
    )


def test_a_meeting_does_not_review_an_item_a_draft_only_proposes(team):
    draft = MeetingProtocolFactory(cycle=team.cycle, starts_at=meeting_time(INTAKE_DAY))
    item = ActionItemFactory(protocol=draft, description="Predlagana naloga")
    protocol = _reviewing(team, ActionItemReview(action_item=item, outcome=ReviewOutcome.DONE))

    assert rules.protocol_errors(protocol) == non_field(
        "Action item “Predlagana naloga” is only proposed: the protocol of the meeting that set "
        "it has not been submitted yet."
    )


def test_a_meeting_reviews_only_items_set_before_it(team):
    item = _earlier_item(team, day=MID_TERM_DAY)
    protocol = _reviewing(team, ActionItemReview(action_item=item, outcome=ReviewOutcome.DONE))

    assert rules.protocol_errors(protocol) == non_field(
        "Action item “Vabilo na informativni dan” was set at this or a later meeting; only "
        "earlier items are reviewed here."
    )


def test_a_meeting_reviews_an_item_set_the_day_before(team):
    item = _earlier_item(team, day=MID_TERM_DAY - timedelta(days=1))
    protocol = _reviewing(team, ActionItemReview(action_item=item, outcome=ReviewOutcome.DONE))

    assert rules.protocol_errors(protocol) == {}


def test_an_item_closed_at_another_meeting_is_not_closed_again(team):
    item = _earlier_item(team)
    ActionItemReviewFactory(
        protocol=MeetingProtocolFactory(
            cycle=team.cycle,
            starts_at=meeting_time(MID_TERM_DAY - timedelta(days=7)),
            status=ProtocolStatus.SUBMITTED,
        ),
        action_item=item,
        outcome=ReviewOutcome.DONE,
    )
    protocol = _reviewing(team, ActionItemReview(action_item=item, outcome=ReviewOutcome.DROPPED))

    assert rules.protocol_errors(protocol) == non_field(
        "Action item “Vabilo na informativni dan” was already closed at another meeting."
    )


def test_an_item_carried_forward_elsewhere_may_be_closed(team):
    item = _earlier_item(team)
    ActionItemReviewFactory(
        protocol=MeetingProtocolFactory(
            cycle=team.cycle,
            starts_at=meeting_time(MID_TERM_DAY - timedelta(days=7)),
            status=ProtocolStatus.SUBMITTED,
        ),
        action_item=item,
        outcome=ReviewOutcome.CARRIED_FORWARD,
    )
    protocol = _reviewing(team, ActionItemReview(action_item=item, outcome=ReviewOutcome.DONE))

    assert rules.protocol_errors(protocol) == {}


def test_a_meeting_reviews_an_item_once(team):
    item = _earlier_item(team)
    protocol = _reviewing(
        team,
        ActionItemReview(action_item=item, outcome=ReviewOutcome.CARRIED_FORWARD),
        ActionItemReview(action_item=item, outcome=ReviewOutcome.DONE),
    )

    assert rules.protocol_errors(protocol) == non_field(
        "Action item “Vabilo na informativni dan” is reviewed twice."
    )


# --- What submitting needs ----------------------------------------------------------------


def test_a_complete_protocol_lacks_nothing(team):
    assert (
        rules.protocol_missing_parts(unsaved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY)) == []
    )


def test_submitting_needs_a_place_or_an_online_meeting(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, place="")

    assert rules.protocol_missing_parts(protocol) == [
        "Say where the meeting took place, or that it was held online."
    ]


def test_an_online_meeting_needs_no_place(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, place="", is_online=True)

    assert rules.protocol_missing_parts(protocol) == []


def test_submitting_needs_the_institutions_present(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    protocol.institutions_present = []

    assert rules.protocol_missing_parts(protocol) == ["Name the institutions present."]


def test_submitting_needs_the_staff_present(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    protocol.staff_present = []

    assert rules.protocol_missing_parts(protocol) == ["Name the staff present."]


def test_a_recruitment_meeting_needs_each_of_its_five_points(team):
    protocol = unsaved_protocol(team, MeetingKind.RECRUITMENT, date(2026, 1, 15))
    protocol.candidate_list = "  "

    assert rules.protocol_missing_parts(protocol) == [
        "Record the agreement on: Alignment of the candidate list."
    ]


def test_an_intake_meeting_needs_goals_for_every_participant(team):
    protocol = unsaved_protocol(team, MeetingKind.INTAKE, INTAKE_DAY)
    protocol.participant_entries.first().text = ""

    assert rules.protocol_missing_parts(protocol) == ["Record goals for participants KR-2026-01."]


def test_a_closing_meeting_needs_an_exit_plan_for_everyone_still_in_the_programme(team):
    protocol = unsaved_protocol(team, MeetingKind.CLOSING, CLOSING_DAY, complete=False)

    assert rules.protocol_missing_parts(protocol) == [
        "Record an exit plan for participants KR-2026-01, KR-2026-02, KR-2026-03."
    ]


def test_a_participant_who_left_before_the_closing_needs_no_exit_plan(team):
    leaver = team.participants[0]
    leaver.exited_on, leaver.exit_outcome = CLOSING_DAY - timedelta(days=1), "employment"
    leaver.save()
    protocol = unsaved_protocol(team, MeetingKind.CLOSING, CLOSING_DAY)
    protocol.participant_entries = [
        entry for entry in protocol.participant_entries.all() if entry.participant != leaver
    ]

    assert rules.protocol_missing_parts(protocol) == []


def test_a_mid_term_meeting_needs_no_entry_for_every_participant(team):
    protocol = unsaved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, complete=False)

    assert rules.protocol_missing_parts(protocol) == []


def test_every_new_action_item_needs_a_due_date(team):
    protocol = _with_action_item(team, due_on=None)

    assert rules.protocol_missing_parts(protocol) == [
        "Give a due date for the action item “Pripraviti seznam delodajalcev”."
    ]


def test_a_due_date_before_the_meeting_is_refused_on_submitting(team):
    protocol = _with_action_item(team, due_on=MID_TERM_DAY - timedelta(days=1))

    assert rules.protocol_missing_parts(protocol) == [
        "Action item “Pripraviti seznam delodajalcev”: the due date 31/03/2026 is before the "
        "meeting."
    ]


def test_an_item_due_on_the_day_of_the_meeting_is_accepted(team):
    assert rules.protocol_missing_parts(_with_action_item(team, due_on=MID_TERM_DAY)) == []


def test_a_new_due_date_before_the_meeting_is_refused_on_submitting(team):
    item = _earlier_item(team)
    protocol = _reviewing(
        team,
        ActionItemReview(
            action_item=item,
            outcome=ReviewOutcome.CARRIED_FORWARD,
            due_on=MID_TERM_DAY - timedelta(days=1),
        ),
    )

    assert rules.protocol_missing_parts(protocol) == [
        "Action item “Vabilo na informativni dan” of an earlier meeting: the new due date "
        "31/03/2026 is before this meeting."
    ]


def test_an_item_carried_forward_to_a_later_date_is_accepted(team):
    item = _earlier_item(team)
    protocol = _reviewing(
        team,
        ActionItemReview(
            action_item=item, outcome=ReviewOutcome.CARRIED_FORWARD, due_on=MID_TERM_DAY
        ),
    )

    assert rules.protocol_missing_parts(protocol) == []


def test_a_next_meeting_before_this_one_is_refused_on_submitting(team):
    protocol = unsaved_protocol(
        team, MeetingKind.MID_TERM, MID_TERM_DAY, next_meeting_on=MID_TERM_DAY - timedelta(days=1)
    )

    assert rules.protocol_missing_parts(protocol) == [
        "The next meeting, 31/03/2026, is before this one."
    ]


def test_a_next_meeting_after_this_one_is_accepted(team):
    protocol = unsaved_protocol(
        team, MeetingKind.MID_TERM, MID_TERM_DAY, next_meeting_on=MID_TERM_DAY + timedelta(days=30)
    )

    assert rules.protocol_missing_parts(protocol) == []
