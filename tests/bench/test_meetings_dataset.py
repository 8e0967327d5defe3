"""The benchmark's staff area, built small, holds to the meetings' own rules.

The benchmark writes its 10,000 protocols in bulk, past the services; this
builds the same kind of data at a small size and checks every record as the
services would: valid, complete where submitted, with the app's participant
codes, history action names, revision contents and approvers.
"""

import json
import random

import pytest

from django.core.serializers.json import DjangoJSONEncoder

from wagtail.models import ModelLogEntry

from bench.content import institutions
from bench.meetings import Size, add_meetings
from meetings import rules, selectors
from meetings.history import HistoryAction
from meetings.models import (
    MeetingKind,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolStatus,
)
from partners.demo.institutions import INSTITUTIONS
from partners.factories import InstitutionFactory, MembershipFactory
from partners.models import MembershipRole

pytestmark = pytest.mark.django_db

# Enough cycles that the oldest have ended (closing meetings, a forgotten approval).
SMALL = Size(cycles=24, participants_per_cycle=4, protocols=200)


@pytest.fixture
def protocols():
    # As in the benchmark: the demo's institutions (its hub among them), then its own.
    for values in [*INSTITUTIONS, *institutions()]:
        institution = InstitutionFactory(**values)
        MembershipFactory(institution=institution, role=MembershipRole.COORDINATOR)
    # Not a secret: the benchmark's own fixed seed.
    add_meetings(random.Random(2026), SMALL)  # noqa: S311
    return list(MeetingProtocol.objects.select_related("cycle", "latest_revision").order_by("pk"))


def test_it_builds_every_kind_of_meeting_in_every_status(protocols):
    assert {p.kind for p in protocols} == set(MeetingKind.values)
    assert {p.status for p in protocols} == set(ProtocolStatus.values)
    assert len(protocols) == SMALL.protocols


def test_every_protocol_it_builds_is_valid(protocols):
    assert {p.pk: rules.protocol_errors(p) for p in protocols} == {p.pk: {} for p in protocols}


def test_every_submitted_or_approved_protocol_is_complete(protocols):
    handed_in = [p for p in protocols if p.status != ProtocolStatus.DRAFT]

    assert {p.pk: rules.protocol_missing_parts(p) for p in handed_in} == {
        p.pk: [] for p in handed_in
    }


def test_every_cycle_and_participant_it_builds_is_valid(protocols):
    cycles = ProgrammeCycle.objects.prefetch_related("institutions")

    assert all(rules.cycle_errors(c, institutions=c.institutions.all()) == {} for c in cycles)
    assert all(rules.participant_errors(p) == {} for p in Participant.objects.all())


def test_participants_have_the_codes_the_app_gives(protocols):
    participants = Participant.objects.select_related("cycle")

    assert all(
        p.code == rules.participant_code(cycle=p.cycle, number=p.number) for p in participants
    )


def test_its_history_uses_the_apps_action_names(protocols):
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))

    assert actions == {
        HistoryAction.CREATE,
        HistoryAction.SUBMIT,
        HistoryAction.APPROVE,
        HistoryAction.APPROVED,
    }


def test_each_revision_holds_what_saving_a_revision_stores(protocols):
    """``save_revision`` serialises the protocol and its rows before it points at the revision."""
    for protocol in protocols:
        expected = {**protocol.serializable_data(), "latest_revision": None}

        assert protocol.latest_revision.content == json.loads(
            json.dumps(expected, cls=DjangoJSONEncoder)
        )


def test_every_approval_is_by_a_coordinator_of_an_institution_present(protocols):
    for protocol in protocols:
        present = set(protocol.institutions_present.values_list("pk", flat=True))
        for approval in selectors.approvals_current(protocol).select_related("approved_by"):
            coordinated = selectors.institutions_coordinated_by(approval.approved_by)

            assert approval.institution_id in present
            assert coordinated.filter(pk=approval.institution_id).exists()
            assert approval.revision_id == protocol.latest_revision_id
