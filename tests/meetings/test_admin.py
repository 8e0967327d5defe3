"""The meetings in the Wagtail admin: only what the user may see, saved through the services."""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.factories import UserFactory
from meetings import services
from meetings.factories import MeetingProtocolFactory, ParticipantFactory, ProgrammeCycleFactory
from meetings.models import (
    AccessChannel,
    ActionItem,
    ExitOutcome,
    MeetingKind,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolAccess,
    ProtocolAccessLogEntry,
    ProtocolStatus,
    ReviewOutcome,
    TargetGroup,
)
from meetings.selectors import action_items_to_review, protocol_history
from partners.factories import InstitutionFactory, MembershipFactory

from .conftest import saved_protocol
from .formdata import form_data

pytestmark = pytest.mark.django_db

MID_TERM_DAY = date(2026, 4, 1)
PROTOCOLS = "wagtailsnippets_meetings_meetingprotocol"
CYCLES = "wagtailsnippets_meetings_programmecycle"
PARTICIPANTS = "meetings_participants"
ACCESS_LOG = "meetings_access_log"


def admin_url(namespace, view, *args):
    return reverse(f"{namespace}:{view}", args=args)


def in_the_admin(user, group="Partner staff"):
    """``user`` with access to the admin, whose admin speaks English."""
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def edit_form_data(client, url, **changes):
    """What the admin's form at ``url`` posts as the browser got it, with ``changes``."""
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response.context["form"], **changes)
    latest_revision = getattr(response.context.get("object"), "latest_revision_id", None)
    if latest_revision:
        data["loaded_revision_id"] = latest_revision
    return data


@pytest.fixture
def member(team, client):
    """A member of the CSD, one of the team's institutions, logged in to the admin."""
    user = in_the_admin(team.members[team.csd.pk])
    client.force_login(user)
    return user


@pytest.fixture
def outsider(team, client):
    """A coordinator of an institution that takes part in no cycle of the team."""
    user = in_the_admin(team.outsider_coordinator)
    client.force_login(user)
    return user


@pytest.fixture
def admin(site_administrator, client):
    in_the_admin(site_administrator)
    client.force_login(site_administrator)
    return site_administrator


@pytest.fixture
def other_cycle(team):
    """A cycle of the outside institution with a participant, a person and a protocol of its own."""
    cycle = ProgrammeCycleFactory(code="ZQ9", provider=team.outside_institution)
    ParticipantFactory(cycle=cycle)
    MembershipFactory(
        institution=team.outside_institution,
        user__first_name="Zdenka",
        user__last_name="Oddaljena",
    )
    MeetingProtocolFactory(
        cycle=cycle, place="Slovenj Gradec", decisions="Zaupni sklep o informativnem dnevu."
    )
    return cycle


@pytest.fixture
def protocol(team):
    return saved_protocol(
        team, MeetingKind.MID_TERM, MID_TERM_DAY, decisions="Skupni sklep o informativnem dnevu."
    )


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


def _views_of(protocol):
    revision = protocol.latest_revision_id
    return {
        "edit": ("get", admin_url(PROTOCOLS, "edit", protocol.pk)),
        "inspect": ("get", admin_url(PROTOCOLS, "inspect", protocol.pk)),
        "history": ("get", admin_url(PROTOCOLS, "history", protocol.pk)),
        "history results": ("get", admin_url(PROTOCOLS, "history_results", protocol.pk)),
        "usage": ("get", admin_url(PROTOCOLS, "usage", protocol.pk)),
        "delete": ("post", admin_url(PROTOCOLS, "delete", protocol.pk)),
        "lock": ("post", admin_url(PROTOCOLS, "lock", protocol.pk)),
        "unlock": ("post", admin_url(PROTOCOLS, "unlock", protocol.pk)),
        "revert": ("get", admin_url(PROTOCOLS, "revisions_revert", protocol.pk, revision)),
        "compare": (
            "get",
            admin_url(PROTOCOLS, "revisions_compare", protocol.pk, "earliest", "latest"),
        ),
    }


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
    method, url = _views_of(protocol)[view]

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
    with pytest.raises(NoReverseMatch):
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
    assert [entry.action for entry in protocol_history(protocol)] == ["wagtail.create"]


def test_editing_a_protocol_saves_a_new_revision_and_a_history_entry(client, member, protocol):
    url = admin_url(PROTOCOLS, "edit", protocol.pk)
    data = edit_form_data(client, url, decisions="Informativni dan bo 10. 3.")

    response = client.post(url, data)

    assert response.status_code == 302
    protocol.refresh_from_db()
    assert protocol.decisions == "Informativni dan bo 10. 3."
    assert protocol.revisions.count() == 2
    assert protocol.latest_revision.user == member
    assert [entry.action for entry in protocol_history(protocol)][0] == "wagtail.edit"


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
    assert "their approvals are reset" in response.content.decode()

    client.post(url, edit_form_data(client, url, decisions="Popravljen sklep."))

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SUBMITTED
    assert protocol.decisions == "Popravljen sklep."
    assert not protocol.approvals.filter(superseded_at__isnull=True).exists()
    assert [entry.action for entry in protocol_history(protocol)][0] == "meetings.approvals_reset"


def test_a_submitted_protocol_that_would_lose_its_place_is_refused_with_the_reason(
    client, member, team
):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)
    url = admin_url(PROTOCOLS, "edit", protocol.pk)

    response = client.post(url, edit_form_data(client, url, place="", decisions="Novo."))

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


def test_the_protocol_form_offers_a_row_for_each_open_item_and_each_participant_missing(
    client, member, team
):
    intake = saved_protocol(
        team,
        MeetingKind.INTAKE,
        date(2026, 3, 4),
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
    timetable, registrations = intake.action_items.order_by("sort_order")
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


def test_a_superuser_deletes_a_draft_but_not_a_submitted_protocol(client, admin, team):
    draft = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    submitted = saved_protocol(team, MeetingKind.MID_TERM, date(2026, 5, 6), submitted=True)

    client.post(admin_url(PROTOCOLS, "delete", draft.pk))
    client.post(admin_url(PROTOCOLS, "delete", submitted.pk))

    assert list(MeetingProtocol.objects.all()) == [submitted]


# --- The access log -------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "compare"])
def test_opening_a_protocol_in_the_admin_is_written_in_the_access_log(
    client, member, protocol, view
):
    _method, url = _views_of(protocol)[view]

    assert client.get(url).status_code == 200

    entry = ProtocolAccessLogEntry.objects.get()
    assert entry.protocol == protocol
    assert entry.user == member
    assert entry.action == ProtocolAccess.VIEW
    assert entry.channel == AccessChannel.ADMIN


def test_the_access_log_is_for_site_administrators_only(client, member, protocol):
    services.protocol_access_record(
        protocol=protocol, user=member, action=ProtocolAccess.VIEW, channel=AccessChannel.PORTAL
    )

    response = client.get(admin_url(ACCESS_LOG, "index"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_site_administrators_search_the_access_log_by_email(client, admin, team, protocol):
    for user in (team.members[team.csd.pk], team.members[team.provider.pk]):
        services.protocol_access_record(
            protocol=protocol, user=user, action=ProtocolAccess.VIEW, channel=AccessChannel.PORTAL
        )

    response = client.get(admin_url(ACCESS_LOG, "index"), {"q": team.members[team.csd.pk].email})

    content = response.content.decode()
    assert response.status_code == 200
    assert team.members[team.csd.pk].email in content
    assert team.members[team.provider.pk].email not in content


def test_site_administrators_filter_the_access_log_by_channel(client, admin, team, protocol):
    services.protocol_access_record(
        protocol=protocol,
        user=team.members[team.csd.pk],
        action=ProtocolAccess.VIEW,
        channel=AccessChannel.PORTAL,
    )
    services.protocol_access_record(
        protocol=protocol,
        user=team.members[team.provider.pk],
        action=ProtocolAccess.EXPORT_PDF,
        channel=AccessChannel.ADMIN,
    )

    response = client.get(admin_url(ACCESS_LOG, "index"), {"channel": AccessChannel.ADMIN})

    content = response.content.decode()
    assert team.members[team.provider.pk].email in content
    assert team.members[team.csd.pk].email not in content


def test_nobody_adds_changes_or_deletes_an_access_log_entry():
    for view in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"{ACCESS_LOG}:{view}", args=[] if view == "add" else [1])


# --- Programme cycles -----------------------------------------------------------------------


def _cycle_form(client, institutions, provider):
    return edit_form_data(
        client,
        admin_url(CYCLES, "add"),
        programme_name_sl="Aktivno v Dravogradu",
        programme_name_hr="Aktivno u Dravogradu",
        code="DR",
        provider=provider.pk,
        locations="Dravograd",
        target_group=TargetGroup.ADULTS,
        starts_on="2026-09-01",
        ends_on="2027-04-30",
        max_group_size="15",
        institutions=[institution.pk for institution in institutions],
    )


@pytest.fixture
def administrator(client):
    """A member of the Administrators group (not a superuser)."""
    user = in_the_admin(UserFactory(totp=True), group="Administrators")
    client.force_login(user)
    return user


def test_the_administrators_group_adds_a_cycle(client, administrator):
    provider, csd = InstitutionFactory(short_name="Slokva"), InstitutionFactory()

    response = client.post(admin_url(CYCLES, "add"), _cycle_form(client, [provider, csd], provider))

    assert response.status_code == 302
    cycle = ProgrammeCycle.objects.get(code="DR")
    assert set(cycle.institutions.all()) == {provider, csd}


def test_the_cycle_form_refuses_a_provider_outside_the_participating_institutions(
    client, administrator
):
    provider, csd = InstitutionFactory(short_name="Slokva"), InstitutionFactory()

    response = client.post(admin_url(CYCLES, "add"), _cycle_form(client, [csd], provider))

    assert response.status_code == 200
    assert "Include the programme provider, Slokva, among the participating" in (
        response.content.decode()
    )
    assert not ProgrammeCycle.objects.filter(code="DR").exists()


def test_a_member_reads_the_teams_cycle_but_another_cycle_does_not_exist(
    client, member, team, other_cycle
):
    listing = client.get(admin_url(CYCLES, "list")).content.decode()

    assert admin_url(CYCLES, "inspect", team.cycle.pk) in listing
    assert "ZQ9" not in listing
    assert client.get(admin_url(CYCLES, "inspect", team.cycle.pk)).status_code == 200
    assert client.get(admin_url(CYCLES, "inspect", other_cycle.pk)).status_code == 404
    assert client.get(admin_url(CYCLES, "edit", other_cycle.pk)).status_code == 404


def test_a_member_without_the_permission_does_not_edit_the_cycle(client, member, team):
    response = client.get(admin_url(CYCLES, "edit", team.cycle.pk))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_the_administrators_group_has_the_permissions_for_cycles_and_the_access_log():
    codenames = set(
        Group.objects.get(name="Administrators")
        .permissions.filter(content_type__app_label="meetings")
        .values_list("codename", flat=True)
    )

    assert codenames == {
        "add_programmecycle",
        "change_programmecycle",
        "delete_programmecycle",
        "view_programmecycle",
        "view_every_cycle",
        "view_protocolaccesslogentry",
    }


# --- Participants ------------------------------------------------------------------------


def test_adding_a_participant_gives_the_next_code_of_the_cycle(client, member, team):
    data = edit_form_data(
        client,
        admin_url(PARTICIPANTS, "add"),
        cycle=team.cycle.pk,
        target_group=TargetGroup.ROMA_WOMEN,
        entered_on="2026-02-10",
    )

    response = client.post(admin_url(PARTICIPANTS, "add"), data)

    assert response.status_code == 302
    participant = Participant.objects.get(cycle=team.cycle, number=4)
    assert participant.code == "KR-2026-04"
    assert participant.created_by == member
    assert ModelLogEntry.objects.filter(action="wagtail.create").exists()


def test_the_participant_form_offers_only_the_cycles_the_user_works_in(
    client, member, team, other_cycle
):
    response = client.get(admin_url(PARTICIPANTS, "add"))

    assert list(response.context["form"].fields["cycle"].queryset) == [team.cycle]


def test_a_participant_who_leaves_is_recorded_through_the_services(client, member, team):
    participant = team.participants[0]
    url = admin_url(PARTICIPANTS, "edit", participant.pk)
    data = edit_form_data(client, url, exited_on="2026-06-30", exit_outcome=ExitOutcome.EMPLOYMENT)

    response = client.post(url, data)

    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.exit_outcome == ExitOutcome.EMPLOYMENT
    assert participant.code == "KR-2026-01"


def test_the_participants_listing_shows_only_visible_participants(
    client, member, team, other_cycle
):
    content = client.get(admin_url(PARTICIPANTS, "index")).content.decode()

    assert team.participants[0].code in content
    assert other_cycle.participants.get().code not in content


def test_another_cycles_participant_does_not_exist(client, member, other_cycle):
    other = other_cycle.participants.get()

    assert client.get(admin_url(PARTICIPANTS, "edit", other.pk)).status_code == 404
    assert client.get(admin_url(PARTICIPANTS, "history", other.pk)).status_code == 404
