"""The services' refusals in words, as both doors show them."""

import pytest

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

from meetings import messages, services
from meetings.models import ProtocolStatus
from partners.factories import InstitutionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.mark.parametrize(
    ("step", "status", "words"),
    [
        ("submit", ProtocolStatus.SUBMITTED, "This protocol has already been submitted."),
        (
            "approve",
            ProtocolStatus.DRAFT,
            "Only a protocol submitted for approval can be approved.",
        ),
        ("approve", ProtocolStatus.APPROVED, "This protocol is already approved."),
    ],
)
def test_a_step_the_status_does_not_allow_is_named(step, status, words):
    refused = services.ProtocolStatusError(step=step, status=status)

    assert messages.status_message(refused) == words


def test_an_approval_given_already_names_the_institution():
    institution = InstitutionFactory(name_en="Social work centre Osijek")
    refused = services.ProtocolStatusError(
        step="approve", status=ProtocolStatus.SUBMITTED, institution=institution
    )

    assert messages.status_message(refused) == (
        f"{institution.name} has already approved this protocol."
    )


def test_an_incomplete_protocol_lists_what_it_lacks_after_the_reason():
    refused = services.ProtocolIncomplete(["Name the staff present."])

    assert messages.refusal(refused).messages == [
        "A submitted protocol must stay complete.",
        "Name the staff present.",
    ]


def test_a_refused_permission_is_said_in_the_users_words():
    assert messages.refusal(PermissionDenied("user1 does not work in the cycle KR.")).messages == [
        "Only the staff of the institutions of a cycle record its meetings."
    ]


class _NoteForm(forms.Form):
    note = forms.CharField()


def test_a_refusal_goes_on_the_field_it_names_and_above_the_form_for_the_rest():
    form = _NoteForm({"note": "x"})
    form.is_valid()

    messages.add_refusal_to_form(
        form, ValidationError({"note": ["Too short."], "text": ["Not on this form."]})
    )

    assert form.errors == {"note": ["Too short."], "__all__": ["Not on this form."]}
