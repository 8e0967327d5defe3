"""The demo programme cycles and their meetings, written through the services."""

from datetime import date

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import CharField, TextField

from wagtail.models import ModelLogEntry, Revision

from meetings import rules
from meetings.history import HistoryAction
from meetings.models import (
    ActionItem,
    ActionItemReview,
    ApprovedProtocolDocument,
    MeetingKind,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolAccessLogEntry,
    ProtocolStatus,
    ReviewOutcome,
)
from meetings.rules import participants_expected, protocol_missing_parts
from meetings.selectors import my_work
from partners.models import Country, MembershipRole
from portal.personal_data import find_personal_data
from tests.demo import DOMAIN, load_demo

pytestmark = pytest.mark.django_db


# --- Programme cycles and their meetings -----------------------------------


def _protocol(code, kind):
    return MeetingProtocol.objects.get(cycle__code=code, kind=kind)


def test_there_is_a_cycle_in_slovenia_and_one_across_the_border():
    load_demo()

    countries = {
        cycle.code: set(cycle.institutions.values_list("country", flat=True))
        for cycle in ProgrammeCycle.objects.all()
    }
    assert countries == {
        "KR": {Country.SLOVENIA},
        "OROS": {Country.SLOVENIA, Country.CROATIA},
    }


def test_every_institution_of_a_cycle_has_a_coordinator_who_can_approve():
    load_demo()

    for cycle in ProgrammeCycle.objects.all():
        for institution in cycle.institutions.all():
            assert institution.memberships.filter(role=MembershipRole.COORDINATOR).exists(), (
                f"{cycle.code}: {institution.short_name}"
            )


def test_participants_have_the_codes_the_portal_gives():
    load_demo()

    codes = list(
        Participant.objects.order_by("cycle__code", "number").values_list("code", flat=True)
    )
    assert codes == [
        *(f"KR-2026-{number:02d}" for number in range(1, 9)),
        *(f"OROS-2026-{number:02d}" for number in range(1, 9)),
    ]
    assert set(Participant.objects.exclude(exited_on=None).values_list("code", "exit_outcome")) == {
        ("KR-2026-05", "employment"),
        ("OROS-2026-06", "education"),
    }


def test_there_is_a_protocol_of_each_kind():
    load_demo()

    kinds = set(MeetingProtocol.objects.values_list("kind", flat=True))
    assert kinds == set(MeetingKind.values)


def test_protocols_are_in_the_states_a_team_leaves_them():
    load_demo()

    statuses = {
        (code, kind): status
        for code, kind, status in MeetingProtocol.objects.values_list(
            "cycle__code", "kind", "status"
        )
    }
    assert statuses == {
        ("KR", MeetingKind.RECRUITMENT): ProtocolStatus.APPROVED,
        ("KR", MeetingKind.INTAKE): ProtocolStatus.APPROVED,
        ("KR", MeetingKind.MID_TERM): ProtocolStatus.APPROVED,
        ("KR", MeetingKind.CLOSING): ProtocolStatus.DRAFT,
        ("OROS", MeetingKind.RECRUITMENT): ProtocolStatus.APPROVED,
        ("OROS", MeetingKind.INTAKE): ProtocolStatus.APPROVED,
        ("OROS", MeetingKind.MID_TERM): ProtocolStatus.SUBMITTED,
    }
    assert MeetingProtocol.objects.latest("starts_at").status == ProtocolStatus.DRAFT


def test_approved_protocols_are_approved_by_every_institution_present():
    load_demo()

    for protocol in MeetingProtocol.objects.filter(status=ProtocolStatus.APPROVED):
        approved = protocol.approvals.filter(superseded_at__isnull=True)
        assert set(approved.values_list("institution", flat=True)) == set(
            protocol.institutions_present.values_list("pk", flat=True)
        ), str(protocol)
        assert set(approved.values_list("revision", flat=True)) == {protocol.latest_revision_id}


def test_the_amended_protocol_was_approved_again_and_keeps_the_first_approvals():
    load_demo()

    amended = _protocol("KR", MeetingKind.MID_TERM)

    assert amended.approvals.filter(superseded_at__isnull=False).count() == 4
    assert amended.approvals.filter(superseded_at__isnull=True).count() == 4
    assert amended.decisions.startswith("Delovni modul se začne šestega julija")


def test_the_submitted_protocol_waits_for_the_demo_coordinator():
    load_demo()
    coordinator = get_user_model().objects.get(email=f"coordinator@{DOMAIN}")

    work = my_work(coordinator, today=date(2026, 11, 22))

    submitted = _protocol("OROS", MeetingKind.MID_TERM)
    assert work.awaiting_approval == [submitted]
    assert sorted(submitted.approvals.values_list("institution__short_name", flat=True)) == [
        "CPU Ormož",
        "CZSS Osijek",
        "POU Obris",
    ]
    assert [cycle.code for cycle in work.cycles] == ["OROS"]
    assert work.open_action_items


def test_every_protocol_has_revisions_and_a_history():
    load_demo()

    for protocol in MeetingProtocol.objects.all():
        actions = set(ModelLogEntry.objects.for_instance(protocol).values_list("action", flat=True))
        assert protocol.latest_revision.user is not None
        assert HistoryAction.CREATE in actions
        if protocol.status != ProtocolStatus.DRAFT:
            assert HistoryAction.SUBMIT in actions


def test_cycles_and_participants_have_the_history_the_services_write():
    load_demo()

    for record in [*ProgrammeCycle.objects.all(), *Participant.objects.all()]:
        entries = ModelLogEntry.objects.for_instance(record).order_by("timestamp", "pk")
        actions = list(entries.values_list("action", flat=True))
        assert actions[0] == HistoryAction.CREATE
        assert set(actions) <= {HistoryAction.CREATE, HistoryAction.EDIT}


def test_every_demo_protocol_holds_to_the_rules():
    load_demo()

    assert {p.pk: rules.protocol_errors(p) for p in MeetingProtocol.objects.all()} == {
        p.pk: {} for p in MeetingProtocol.objects.all()
    }


def test_action_items_are_carried_forward_and_closed_at_later_meetings():
    load_demo()

    interviews = ActionItem.objects.get(description__startswith="Opraviti motivacijske razgovore")
    assert list(
        interviews.reviews.order_by("protocol__starts_at").values_list("protocol__kind", "outcome")
    ) == [
        (MeetingKind.INTAKE, ReviewOutcome.CARRIED_FORWARD),
        (MeetingKind.MID_TERM, ReviewOutcome.DONE),
    ]
    assert set(ActionItemReview.objects.values_list("outcome", flat=True)) == set(
        ReviewOutcome.values
    )


def test_the_closing_draft_has_an_exit_plan_for_everyone_still_in_the_programme():
    load_demo()

    closing = _protocol("KR", MeetingKind.CLOSING)

    planned = {entry.participant.code for entry in closing.participant_entries.all()}
    assert planned == {participant.code for participant in participants_expected(closing)}
    assert "KR-2026-05" not in planned
    assert protocol_missing_parts(closing) == []


def _meetings_counts():
    return {
        "cycles": ProgrammeCycle.objects.count(),
        "participants": Participant.objects.count(),
        "protocols": MeetingProtocol.objects.count(),
        "action items": ActionItem.objects.count(),
        "revisions": Revision.objects.filter(base_content_type__app_label="meetings").count(),
        "log entries": ModelLogEntry.objects.filter(content_type__app_label="meetings").count(),
        "access log entries": ProtocolAccessLogEntry.objects.count(),
        "last revision": Revision.objects.order_by("pk").last().pk,
    }


def test_a_second_run_adds_no_cycle_participant_protocol_revision_or_log_entry():
    load_demo()
    counts = _meetings_counts()

    load_demo()

    assert _meetings_counts() == counts
    assert counts["cycles"] == 2
    assert counts["protocols"] == 7


def _demo_texts():
    """Every text stored in the meetings app, as (model.field, text).

    A filed document's fields are no text: its hash is 64 hexadecimal digits.
    """
    for model in apps.get_app_config("meetings").get_models():
        if model is ApprovedProtocolDocument:
            continue
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, CharField | TextField)
        ]
        for row in model.objects.values_list(*fields) if fields else ():
            yield from zip((f"{model.__name__}.{name}" for name in fields), row, strict=True)


def test_no_demo_text_contains_personal_data():
    load_demo()

    texts = list(_demo_texts())

    assert len(texts) > 300
    assert [
        (where, text) for where, text in texts if find_personal_data(text, phone_numbers=True)
    ] == []
