"""No door around the privacy rule: every admin URL that names a meetings record or model.

The URL patterns are walked as the installed apps define them, so an endpoint
that a later package adds (an API, a chooser, a bulk action) is checked too.
For someone outside the cycle, an existing record is answered exactly as a
record that does not exist, and nothing of it shows.
"""

import re
from datetime import date

import pytest

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings.admin.viewsets import ParticipantViewSet, ProtocolAccessLogViewSet
from meetings.models import (
    AccessChannel,
    MeetingKind,
    MeetingProtocol,
    ProgrammeCycle,
    ProtocolAccess,
    ProtocolAccessLogEntry,
)
from meetings.services import protocol_access_record

from ..conftest import saved_protocol
from .conftest import in_the_admin

pytestmark = pytest.mark.django_db

# Parameters that say which model an endpoint is about.
MODEL_PARAMETERS = {"app_label", "app_name", "content_type_app_name"}
NOT_THERE = 987654


def _patterns(patterns=None, prefix="", namespaces=()):
    """Every URL pattern as (full regex, the name to reverse it by)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            namespace = (pattern.namespace,) if pattern.namespace else ()
            regex = prefix + pattern.pattern.regex.pattern.lstrip("^")
            yield from _patterns(pattern.url_patterns, regex, namespaces + namespace)
        elif isinstance(pattern, URLPattern):
            regex = prefix + pattern.pattern.regex.pattern.lstrip("^")
            name = ":".join([*namespaces, pattern.name]) if pattern.name else None
            yield regex, name


def _namespaces():
    """The admin's namespaces of the meetings' viewsets, by the model they show."""
    return {
        MeetingProtocol.snippet_viewset.url_namespace: MeetingProtocol,
        ProgrammeCycle.snippet_viewset.url_namespace: ProgrammeCycle,
        ParticipantViewSet.url_namespace: ParticipantViewSet.model,
        ProtocolAccessLogViewSet.url_namespace: ProtocolAccessLogEntry,
    }


def _endpoints():
    """(name, the model it is about, its parameters) of every admin URL about meetings records."""
    namespaces = _namespaces()
    meetings_models = list(apps.get_app_config("meetings").get_models())
    for regex, name in _patterns():
        if not regex.startswith("admin/") or name is None:
            continue
        parameters = set(re.compile(regex).groupindex)
        namespace = name.rpartition(":")[0]
        if namespace in namespaces:
            yield name, namespaces[namespace], parameters
        elif parameters & MODEL_PARAMETERS:
            for model in meetings_models:
                yield name, model, parameters


def _kwargs(parameters, model, pk, revision_id):
    values = {
        "app_label": "meetings",
        "app_name": "meetings",
        "content_type_app_name": "meetings",
        "model_name": model._meta.model_name,
        "content_type_model_name": model._meta.model_name,
        "pk": pk,
        "object_id": pk,
        "revision_id": revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "action": "delete",
    }
    return {name: str(values.get(name, 1)) for name in parameters}


@pytest.fixture
def records(team):
    protocol = saved_protocol(
        team, MeetingKind.MID_TERM, date(2026, 4, 1), decisions="Zaupni sklep o delodajalcih."
    )
    entry = protocol_access_record(
        protocol=protocol,
        user=team.members[team.csd.pk],
        action=ProtocolAccess.VIEW,
        channel=AccessChannel.PORTAL,
    )
    return {
        MeetingProtocol: protocol,
        ProgrammeCycle: team.cycle,
        ParticipantViewSet.model: team.participants[0],
        ProtocolAccessLogEntry: entry,
    }


def test_the_walk_finds_the_viewsets_and_the_apis_that_take_a_model():
    names = {name for name, _model, _parameters in _endpoints()}

    assert "wagtail_localize:snippets_api_listing" in names
    assert "wagtail_localize:snippets_api_detail" in names
    assert "wagtailadmin_editing_sessions:ping" in names
    assert "wagtail_bulk_action" in names
    assert f"{MeetingProtocol.snippet_viewset.url_namespace}:edit" in names


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_outsider_cannot_tell_a_record_exists_from_any_admin_url(client, team, records, method):
    client.force_login(in_the_admin(team.outsider_coordinator))
    protocol = records[MeetingProtocol]
    # What would give a record away, in any language and in JSON (which escapes č, š, ž).
    secrets = [
        "Zaupni sklep",
        team.participants[0].code,
        *(
            reverse(f"{model.snippet_viewset.url_namespace}:edit", args=[record.pk])
            for model, record in records.items()
            if hasattr(model, "snippet_viewset")
        ),
    ]
    answers = {}
    for name, model, parameters in _endpoints():
        record = records.get(model)
        pk = record.pk if record else NOT_THERE
        revision_id = protocol.latest_revision_id
        existing = reverse(name, kwargs=_kwargs(parameters, model, pk, revision_id))
        missing = reverse(name, kwargs=_kwargs(parameters, model, NOT_THERE, NOT_THERE))
        query = {"id": pk} if name == "wagtail_bulk_action" else {}
        response = getattr(client, method)(existing, query)
        content = response.content.decode(errors="replace")
        answers[existing] = (
            response.status_code,
            getattr(client, method)(missing, {"id": NOT_THERE} if query else {}).status_code,
            [secret for secret in secrets if secret in content],
        )

    told_apart = {url: answer for url, answer in answers.items() if answer[0] != answer[1]}
    showing = {url: answer for url, answer in answers.items() if answer[2]}
    assert (told_apart, showing) == ({}, {})


def test_every_admin_view_of_a_meetings_record_is_not_found_for_an_outsider(client, team, records):
    client.force_login(in_the_admin(team.outsider_coordinator))
    statuses = {}
    for name, model, parameters in _endpoints():
        if model not in records or not parameters & {"pk", "object_id"}:
            continue
        kwargs = _kwargs(parameters, model, records[model].pk, records[MeetingProtocol].pk)
        url = reverse(name, kwargs=kwargs)
        statuses[url] = client.get(url).status_code

    assert statuses
    assert {url: status for url, status in statuses.items() if status not in (404, 405)} == {}


def test_the_translation_editors_api_lists_the_protocols_a_member_may_see(client, team, records):
    protocol = records[MeetingProtocol]
    client.force_login(in_the_admin(team.members[team.csd.pk]))
    kwargs = {"app_label": "meetings", "model_name": "meetingprotocol"}

    listing = client.get(reverse("wagtail_localize:snippets_api_listing", kwargs=kwargs))
    detail = client.get(
        reverse("wagtail_localize:snippets_api_detail", kwargs={**kwargs, "pk": protocol.pk})
    )

    assert [row["id"] for row in listing.json()] == [protocol.pk]
    assert detail.status_code == 200
