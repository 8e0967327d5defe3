"""The protocols in the admin: only what the user may see, saved through the services."""

from datetime import date

import pytest

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import urlencode

from wagtail.admin.ui.tables import UpdatedAtColumn

from accounts.factories import UserFactory
from meetings import services
from meetings.admin.viewsets import MeetingProtocolViewSet
from meetings.history import HistoryAction
from meetings.models import (
    ActionItem,
    MeetingKind,
    MeetingProtocol,
    ProtocolStatus,
    ReviewOutcome,
)
from meetings.selectors import action_items_to_review, protocol_history

from ..conftest import saved_protocol
from .conftest import (
    CYCLES,
    MID_TERM_DAY,
    PROTOCOLS,
    admin_url,
    edit_form_data,
    in_the_admin,
    protocol_views,
)

pytestmark = pytest.mark.django_db


# --- The protocols listing ------------------------------------------------------------


def test_listing_shows_only_the_protocols_of_the_members_cycles(
    client, member, protocol, other_cycle
):
    response = client.get(admin_url(PROTOCOLS, "list"))

    content = response.content.decode()
    assert response.status_code == 200
    assert admin_url(PROTOCOLS, "edit", protocol.pk) in content
    assert admin_url(PROTOCOLS, "edit", other_cycle.protocols.get().pk) not in content
    assert "ZQ9" not in content


def test_a_member_of_an_outside_institution_sees_no_protocol_of_the_team(
    client, outsider, protocol
):
    response = client.get(admin_url(PROTOCOLS, "list"))

    assert response.status_code == 200
    assert admin_url(PROTOCOLS, "edit", protocol.pk) not in response.content.decode()
    assert admin_url(PROTOCOLS, "inspect", protocol.pk) not in response.content.decode()


def test_the_cycle_filter_neither_offers_nor_applies_a_cycle_the_user_cannot_see(
    client, member, protocol, other_cycle
):
    response = client.get(admin_url(PROTOCOLS, "list"), {"cycle": other_cycle.pk})

    content = response.content.decode()
    assert "ZQ9" not in content
    assert admin_url(PROTOCOLS, "edit", other_cycle.protocols.get().pk) not in content


def test_the_institution_filter_keeps_the_protocols_it_was_present_at(client, member, team):
    with_provider = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    without_provider = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 6))
    without_provider.institutions_present.remove(team.provider)
    without_provider.save()  # a parental relation is written when its protocol is saved

    response = client.get(admin_url(PROTOCOLS, "list"), {"institutions_present": team.provider.pk})

    content = response.content.decode()
    assert admin_url(PROTOCOLS, "edit", with_provider.pk) in content
    assert admin_url(PROTOCOLS, "edit", without_provider.pk) not in content


def test_search_finds_words_only_in_the_protocols_the_user_may_see(
    client, member, team, protocol, other_cycle
):
    response = client.get(
        admin_url(PROTOCOLS, "list"),
        {"q": "informativnem", "institutions_present": team.csd.pk},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert admin_url(PROTOCOLS, "edit", protocol.pk) in content
    assert admin_url(PROTOCOLS, "edit", other_cycle.protocols.get().pk) not in content


def test_the_listing_links_each_protocol_to_its_portal_page(client, member, protocol):
    response = client.get(admin_url(PROTOCOLS, "list"))

    with translation.override("en"):
        portal_url = reverse("meetings:protocol", args=[protocol.pk])
    assert portal_url in response.content.decode()


# --- Another cycle's protocol does not exist --------------------------------------------


@pytest.mark.parametrize(
    "view",
    [
        "edit",
        "inspect",
        "history",
        "history results",
        "usage",
        "delete",
        "lock",
        "unlock",
        "revert",
        "compare",
    ],
)
def test_every_view_of_another_cycles_protocol_is_not_found(client, outsider, protocol, view):
    method, url = protocol_views(protocol)[view]

    response = getattr(client, method)(url)

    assert response.status_code == 404
    protocol.refresh_from_db()
    assert not protocol.locked
    assert MeetingProtocol.objects.filter(pk=protocol.pk).exists()


def test_an_unknown_protocol_in_the_compare_address_is_not_found(client, member):
    response = client.get(
        admin_url(PROTOCOLS, "revisions_compare", "no-such-pk", "earliest", "latest")
    )

    assert response.status_code == 404


def test_the_bulk_delete_of_protocols_names_nothing(client, outsider, protocol):
    response = client.get(
        reverse("wagtail_bulk_action", args=["meetings", "meetingprotocol", "delete"]),
        {"id": protocol.pk},
    )

    assert response.status_code == 404
    assert str(protocol) not in response.content.decode()


def test_there_is_no_chooser_that_would_list_every_protocol(client, member):
    with pytest.raises(NoReverseMatch, match="is not a registered namespace"):
        reverse("wagtailsnippetchoosers_meetings_meetingprotocol:choose")

    assert client.get("/admin/snippets/choose/meetings/meetingprotocol/").status_code == 404


def test_a_member_of_the_cycle_locks_and_unlocks_the_protocol(client, member, protocol):
    client.post(admin_url(PROTOCOLS, "lock", protocol.pk))
    protocol.refresh_from_db()
    assert protocol.locked
    assert protocol.locked_by == member

    client.post(admin_url(PROTOCOLS, "unlock", protocol.pk))
    protocol.refresh_from_db()
    assert not protocol.locked


def test_an_administrator_by_permission_reads_a_protocol_but_does_not_edit_it(
    client, team, protocol
):
    auditor = in_the_admin(UserFactory(totp=True), group="Administrators")
    client.force_login(auditor)

    assert client.get(admin_url(PROTOCOLS, "inspect", protocol.pk)).status_code == 200
    response = client.get(admin_url(PROTOCOLS, "edit", protocol.pk))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


# --- Creating and editing a protocol ------------------------------------------------------


def test_creating_a_protocol_makes_a_draft_with_a_revision_and_a_history_entry(
    client, member, team
):
    data = edit_form_data(
        client,
        admin_url(PROTOCOLS, "add"),
        cycle=team.cycle.pk,
        kind=MeetingKind.MID_TERM,
        starts_at="2026-04-01 09:00",
        place="CSD Novo mesto",
        language="sl",
        institutions_present=[team.csd.pk, team.provider.pk],
        decisions="Delavnice se nadaljujejo.",
    )

    response = client.post(admin_url(PROTOCOLS, "add"), data)

    assert response.status_code == 302
    protocol = MeetingProtocol.objects.get()
    assert protocol.status == ProtocolStatus.DRAFT
    assert protocol.created_by == member
    assert protocol.latest_revision.user == member
    assert set(protocol.institutions_present.all()) == {team.csd, team.provider}
    assert [entry.action for entry in protocol_history(protocol)] == [HistoryAction.CREATE]


def test_editing_a_protocol_saves_a_new_revision_and_a_history_entry(client, member, protocol):
    url = admin_url(PROTOCOLS, "edit", protocol.pk)
    data = edit_form_data(client, url, decisions="Informativni dan bo 10. 3.")

    response = client.post(url, data)

    assert response.status_code == 302
    protocol.refresh_from_db()
    assert protocol.decisions == "Informativni dan bo 10. 3."
    assert protocol.revisions.count() == 2
    assert protocol.latest_revision.user == member
    assert [entry.action for entry in protocol_history(protocol)][0] == HistoryAction.REVISE


def test_a_form_opened_before_a_colleague_saved_is_refused_and_their_text_survives(
    client, member, team, protocol
):
    url = admin_url(PROTOCOLS, "edit", protocol.pk)
    stale = edit_form_data(client, url, decisions="Moje besedilo iz starega obrazca.")
    colleague = team.members[team.provider.pk]
    colleague.first_name, colleague.last_name = "Mojca", "Kralj"
    colleague.save()
    newer = MeetingProtocol.objects.get(pk=protocol.pk)
    newer.decisions = "Besedilo sodelavke."
    services.protocol_save(
        protocol=newer, user=colleague, loaded_revision_id=protocol.latest_revision_id
    )

    response = client.post(url, stale)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Mojca Kralj saved this protocol at" in content
    assert "Moje besedilo iz starega obrazca." in content
    protocol.refresh_from_db()
    assert protocol.decisions == "Besedilo sodelavke."
    assert protocol.revisions.count() == 2


def test_editing_an_approved_protocol_warns_and_resets_the_approvals(client, member, team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, approved=True)
    url = admin_url(PROTOCOLS, "edit", protocol.pk)

    response = client.get(url)
    assert "This protocol is approved. If you save a change, you amend it" in (
        response.content.decode()
    )

    client.post(
        url,
        edit_form_data(
            client, url, decisions="Popravljen sklep.", amendment_reason="Napaka v sklepu."
        ),
    )

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SUBMITTED
    assert protocol.decisions == "Popravljen sklep."
    assert not protocol.approvals.filter(superseded_at__isnull=True).exists()
    assert [entry.action for entry in protocol_history(protocol)][0] == HistoryAction.AMEND


def test_a_submitted_protocol_that_would_lose_its_place_is_refused_with_the_reason(
    client, member, team
):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)
    url = admin_url(PROTOCOLS, "edit", protocol.pk)

    response = client.post(
        url, edit_form_data(client, url, place="", decisions="Novo.", amendment_reason="Popravek.")
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "A submitted protocol must stay complete." in content
    assert "Say where the meeting took place, or that it was held online." in content
    protocol.refresh_from_db()
    assert protocol.place == "CSD Novo mesto"
    assert protocol.revisions.count() == 1


def test_the_new_protocol_form_offers_no_other_cycles_participants_or_people(
    client, member, team, other_cycle
):
    response = client.get(admin_url(PROTOCOLS, "add"))

    content = response.content.decode()
    assert team.participants[0].code in content
    assert other_cycle.participants.get().code not in content
    assert "Oddaljena" not in content
    assert "ZQ9" not in content


def test_the_protocol_form_offers_only_its_own_cycles_participants_and_people(
    client, member, team, protocol, other_cycle
):
    response = client.get(admin_url(PROTOCOLS, "edit", protocol.pk))

    form = response.context["form"]
    entries = form.formsets["participant_entries"]
    assert set(entries.empty_form.fields["participant"].queryset) == set(team.participants)
    action_items = form.formsets["action_items"].empty_form
    assert "Oddaljena" not in {
        person.last_name for person in action_items.fields["responsible_person"].queryset
    }
    assert set(form.fields["staff_present"].queryset) == {
        *team.members.values(),
        *team.coordinators.values(),
    }


def _intake_with_two_open_items(team):
    """A submitted intake meeting that set two action items, still open; and those items."""
    intake = saved_protocol(
        team,
        MeetingKind.INTAKE,
        date(2026, 3, 4),
        submitted=True,
        action_items=[
            ActionItem(
                description="Pripraviti urnik delavnic",
                responsible_institution=team.provider,
                due_on=date(2026, 3, 20),
            ),
            ActionItem(
                description="Preveriti prijave na zavodu",
                responsible_institution=team.employment_office,
                due_on=date(2026, 3, 20),
            ),
        ],
    )
    return intake, list(intake.action_items.order_by("sort_order"))


def test_the_protocol_form_offers_a_row_for_each_open_item_and_each_participant_missing(
    client, member, team
):
    _intake, (timetable, registrations) = _intake_with_two_open_items(team)
    mid_term = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    mid_term.participant_entries.filter(participant=team.participants[2]).delete()
    url = admin_url(PROTOCOLS, "edit", mid_term.pk)

    form = client.get(url).context["form"]

    reviews = form.formsets["action_item_reviews"].forms
    assert [row.initial for row in reviews] == [
        {"action_item": timetable, "outcome": ReviewOutcome.CARRIED_FORWARD},
        {"action_item": registrations, "outcome": ReviewOutcome.CARRIED_FORWARD},
    ]
    entries = form.formsets["participant_entries"].forms
    assert [row.initial.get("participant") for row in entries if not row.instance.pk] == [
        team.participants[2]
    ]

    # The team closes one item; the rows left as offered record nothing.
    data = edit_form_data(client, url, **{reviews[0].add_prefix("outcome"): ReviewOutcome.DONE})
    response = client.post(url, data)

    assert response.status_code == 302
    assert [
        (review.action_item, review.outcome) for review in mid_term.action_item_reviews.all()
    ] == [(timetable, ReviewOutcome.DONE)]
    assert not mid_term.participant_entries.filter(participant=team.participants[2]).exists()
    assert list(action_items_to_review(cycle=team.cycle, before=mid_term.starts_at)) == [
        registrations
    ]


def _new_protocol_url(cycle, kind):
    return f"{admin_url(PROTOCOLS, 'add')}?{urlencode({'cycle': cycle.pk, 'kind': kind})}"


def test_a_protocol_opened_from_its_cycle_offers_the_open_items_before_its_first_save(
    client, member, team
):
    intake, (timetable, registrations) = _intake_with_two_open_items(team)
    url = _new_protocol_url(team.cycle, MeetingKind.MID_TERM)

    form = client.get(url).context["form"]

    assert form.fields["cycle"].disabled and form.fields["kind"].disabled
    assert [row.initial for row in form.formsets["action_item_reviews"].forms] == [
        {"action_item": timetable, "outcome": ReviewOutcome.CARRIED_FORWARD},
        {"action_item": registrations, "outcome": ReviewOutcome.CARRIED_FORWARD},
    ]
    assert [row.initial["participant"] for row in form.formsets["participant_entries"].forms] == (
        team.participants
    )
    assert "information_day" not in form.fields

    # The team closes one item at its first save; the rows left as offered record nothing.
    first_review = form.formsets["action_item_reviews"].forms[0]
    data = edit_form_data(
        client,
        url,
        starts_at="2026-04-01 09:00",
        place="CSD Novo mesto",
        language="sl",
        institutions_present=[team.csd.pk, team.provider.pk],
        decisions="Delavnice se nadaljujejo.",
        **{first_review.add_prefix("outcome"): ReviewOutcome.DONE},
    )
    response = client.post(url, data)

    assert response.status_code == 302
    protocol = MeetingProtocol.objects.exclude(pk=intake.pk).get()
    assert (protocol.cycle, protocol.kind) == (team.cycle, MeetingKind.MID_TERM)
    assert [(r.action_item, r.outcome) for r in protocol.action_item_reviews.all()] == [
        (timetable, ReviewOutcome.DONE)
    ]
    assert not protocol.participant_entries.exists()


@pytest.mark.parametrize(
    "query",
    [
        {"kind": MeetingKind.INTAKE},
        {"cycle": "not-a-number", "kind": MeetingKind.INTAKE},
        {"cycle": "{cycle}", "kind": "annual"},
        {"cycle": "{other}", "kind": MeetingKind.INTAKE},
    ],
)
def test_a_new_protocol_for_a_cycle_or_kind_the_author_cannot_name_is_not_found(
    client, member, team, other_cycle, query
):
    query = {
        key: value.format(cycle=team.cycle.pk, other=other_cycle.pk) for key, value in query.items()
    }

    response = client.get(f"{admin_url(PROTOCOLS, 'add')}?{urlencode(query)}")

    assert response.status_code == 404


def test_the_cycle_listing_offers_a_new_protocol_of_each_kind_for_the_cycles_worked_in(
    client, member, team, administrator
):
    client.force_login(member)
    listing = client.get(admin_url(CYCLES, "list")).content.decode()

    for kind, label in MeetingKind.choices:
        assert escape(_new_protocol_url(team.cycle, kind)) in listing
        with translation.override("en"):
            assert f"New protocol: {label}" in listing

    # Whoever reads the cycle without working in it is offered no protocol to write.
    client.force_login(administrator)
    listing = client.get(admin_url(CYCLES, "list")).content.decode()
    assert admin_url(CYCLES, "inspect", team.cycle.pk) in listing
    assert escape(_new_protocol_url(team.cycle, MeetingKind.INTAKE)) not in listing


def test_a_superuser_deletes_a_draft_but_not_a_submitted_protocol(client, admin, team):
    draft = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    submitted = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 6), submitted=True)

    client.post(admin_url(PROTOCOLS, "delete", draft.pk))
    client.post(admin_url(PROTOCOLS, "delete", submitted.pk))

    assert list(MeetingProtocol.objects.all()) == [submitted]


def test_a_recruitment_point_on_a_new_intake_protocol_is_refused_on_its_field(client, member, team):
    data = edit_form_data(
        client,
        admin_url(PROTOCOLS, "add"),
        cycle=team.cycle.pk,
        kind=MeetingKind.INTAKE,
        starts_at="2026-02-03 09:00",
        place="CSD Novo mesto",
        language="sl",
        information_day="Informativni dan 10. 3.",
    )

    with translation.override("en"):
        response = client.post(admin_url(PROTOCOLS, "add"), data)

    assert response.status_code == 200
    assert response.context["form"].errors["information_day"] == [
        "Only a recruitment meeting records this point."
    ]
    assert not MeetingProtocol.objects.exists()


def test_a_submitted_protocol_nobody_has_approved_yet_is_edited_without_a_warning(
    client, member, team
):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)

    response = client.get(admin_url(PROTOCOLS, "edit", protocol.pk))

    assert response.status_code == 200
    assert "their approvals are reset" not in response.content.decode()


def test_the_updated_column_speaks_the_readers_language_whichever_loaded_the_module():
    column = next(
        column
        for column in MeetingProtocolViewSet.list_display
        if isinstance(column, UpdatedAtColumn)
    )

    with translation.override("en"):
        assert str(column.label) == "Updated"
    with translation.override("sl"):
        assert str(column.label) == "Posodobljeno"
