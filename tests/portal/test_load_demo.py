import re
from datetime import date
from io import StringIO

import pytest
from allauth.account.models import EmailAddress

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import CharField, TextField
from django.urls import reverse

from wagtail.models import ModelLogEntry, Page, PageViewRestriction, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from meetings.models import (
    ActionItem,
    ActionItemReview,
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
from partners.models import Country, Institution, Membership, MembershipRole
from portal.models import HomePage
from portal.personal_data import find_personal_data

pytestmark = pytest.mark.django_db

DOMAIN = "demo.2sokrog.invalid"
# A coordinator for each institution of the demo cycles (besides Urad za delo Ptuj's).
CYCLE_COORDINATORS = {
    "csd-gorenjska": "CSD Gorenjska",
    "zrsz-kranj": "ZRSZ OS Kranj",
    "rme-gorenjska": "RME Gorenjska",
    "lu-kranj": "LU Kranj",
    "csd-podravje": "CSD Sp. Podravje",
    "cpu-ormoz": "CPU Ormož",
    "pou-obris": "POU Obris",
    "hzz-osijek": "HZZ Osijek",
    "czss-osijek": "CZSS Osijek",
}
# One per role, and the cycles' coordinators.
DEMO_USERS = 5 + len(CYCLE_COORDINATORS)


def _load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def _printed_password(output, email):
    return re.search(rf"^\s*{re.escape(email)}\s.*password: (\S+)$", output, re.MULTILINE)[1]


def _row_counts():
    """Rows in every table of the project, by model."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables
    }


def _key_rows():
    """The rows load_demo writes, with the timestamps a needless save would change."""
    user_model = get_user_model()
    return {
        "institutions": list(Institution.objects.order_by("short_name").values()),
        "pages": list(
            Page.objects.order_by("path").values_list(
                "path",
                "locale__language_code",
                "slug",
                "title",
                "live",
                "has_unpublished_changes",
                "show_in_menus",
                "numchild",
                "first_published_at",
                "last_published_at",
                "latest_revision_id",
                "live_revision_id",
            )
        ),
        "restrictions": list(
            PageViewRestriction.objects.order_by("page__path").values_list(
                "page__path", "restriction_type"
            )
        ),
        "users": list(
            user_model.objects.order_by("email").values_list(
                "username",
                "email",
                "first_name",
                "last_name",
                "is_superuser",
                "is_staff",
                "password",
                "date_joined",
            )
        ),
        "email_addresses": list(
            EmailAddress.objects.order_by("email").values_list(
                "user__email", "email", "primary", "verified"
            )
        ),
        "groups": list(
            user_model.groups.through.objects.order_by("user__email", "group__name").values_list(
                "user__email", "group__name"
            )
        ),
        "memberships": list(
            Membership.objects.order_by("user__email").values_list(
                "user__email", "institution__short_name", "role", "created_at"
            )
        ),
        "translation_sources": list(
            TranslationSource.objects.order_by("pk").values_list(
                "object_id", "locale__language_code", "content_json", "last_updated_at"
            )
        ),
        "translations": list(
            Translation.objects.order_by("pk").values_list(
                "uuid", "source_id", "target_locale__language_code", "enabled", "created_at"
            )
        ),
        "string_translations": list(
            StringTranslation.objects.order_by("pk").values_list(
                "locale__language_code", "data", "updated_at"
            )
        ),
    }


def test_running_it_twice_leaves_the_database_as_it_was():
    _load_demo()
    counts, rows = _row_counts(), _key_rows()

    _load_demo()

    assert _row_counts() == counts
    assert _key_rows() == rows


def test_home_page_has_a_title_in_each_language():
    _load_demo()

    titles = dict(HomePage.objects.values_list("locale__language_code", "title"))
    assert titles == {
        "sl": "Čezmejno partnerstvo za socialno aktivacijo",
        "hr": "Prekogranično partnerstvo za socijalnu aktivaciju",
        "en": "Cross-border partnership for social activation",
    }


# A text of each page, as a reader of that language sees it.
PAGE_TEXTS = {
    "/sl/": "Kaj je socialna aktivacija?",
    "/hr/": "Što je socijalna aktivacija?",
    "/en/": "What is social activation?",
    "/sl/partnerstvo/": "Zavod za izobraževanje in kulturo Črnomelj",
    "/hr/partnerstvo/": "Hrvatski zavod za zapošljavanje, Regionalni ured Osijek",
    "/en/partnership/": "University of Ljubljana, Faculty of Social Work",
    "/sl/o-projektu/": "Programa sodelovanja Interreg V-A Slovenija–Hrvaška",
    "/hr/o-projektu/": "Programa suradnje Interreg V-A Slovenija–Hrvatska",
    "/en/about-the-project/": "Interreg V-A Slovenia–Croatia Cooperation Programme",
}
MEMBERS_PAGE_URLS = {"sl": "/sl/za-partnerje/", "hr": "/hr/za-partnere/", "en": "/en/for-partners/"}


def test_demo_pages_are_published_in_every_language(client):
    _load_demo()

    pages = {url: client.get(url) for url in PAGE_TEXTS}

    assert {url: response.status_code for url, response in pages.items()} == dict.fromkeys(
        PAGE_TEXTS, 200
    )
    for url, text in PAGE_TEXTS.items():
        assert text in pages[url].content.decode()


def test_translations_are_synced_by_wagtail_localize():
    _load_demo()

    for page in Page.objects.filter(locale__language_code="sl", depth__gt=1):
        source = TranslationSource.objects.get_for_instance(page)
        for translation in Translation.objects.filter(source=source):
            total, translated = translation.get_progress()
            assert (translation.enabled, translated) == (True, total)
        assert sorted(
            Translation.objects.filter(source=source).values_list(
                "target_locale__language_code", flat=True
            )
        ) == ["en", "hr"]


def test_members_page_sends_visitors_to_login_in_every_language(client):
    _load_demo()

    redirects = {code: client.get(url) for code, url in MEMBERS_PAGE_URLS.items()}

    for code, response in redirects.items():
        assert response.status_code == 302
        assert response.url.startswith(f"/{code}/accounts/login/")


def test_members_page_is_restricted_to_logged_in_users_in_every_language():
    _load_demo()

    restrictions = PageViewRestriction.objects.values_list("page__url_path", "restriction_type")

    assert sorted(restrictions) == [
        ("/home-en/for-partners/", PageViewRestriction.LOGIN),
        ("/home-hr/za-partnere/", PageViewRestriction.LOGIN),
        ("/home/za-partnerje/", PageViewRestriction.LOGIN),
    ]


def test_institutions_have_names_in_three_languages_and_invented_addresses():
    _load_demo()

    zik = Institution.objects.get(short_name="ZIK Črnomelj")
    assert (zik.name_sl, zik.name_hr, zik.name_en) == (
        "Zavod za izobraževanje in kulturo Črnomelj",
        "Zavod za obrazovanje i kulturu Črnomelj",
        "Črnomelj Institute for Education and Culture",
    )
    assert Institution.objects.count() >= 15
    assert all(
        email.endswith(".example") for email in Institution.objects.values_list("email", flat=True)
    )


def test_demo_users_have_one_role_each():
    _load_demo()

    memberships = set(
        Membership.objects.values_list("user__email", "institution__short_name", "role")
    )
    assert memberships == {
        (f"institution-admin@{DOMAIN}", "CSD Gorenjska", MembershipRole.INSTITUTION_ADMIN),
        (f"coordinator@{DOMAIN}", "Urad za delo Ptuj", MembershipRole.COORDINATOR),
        (f"member@{DOMAIN}", "HZZ Osijek", MembershipRole.MEMBER),
        *(
            (f"coordinator-{key}@{DOMAIN}", institution, MembershipRole.COORDINATOR)
            for key, institution in CYCLE_COORDINATORS.items()
        ),
    }
    admin = get_user_model().objects.get(email=f"admin@{DOMAIN}")
    assert admin.is_superuser
    assert list(admin.groups.values_list("name", flat=True)) == ["Administrators"]
    editor = get_user_model().objects.get(email=f"editor@{DOMAIN}")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]


def test_every_demo_user_has_a_verified_primary_address():
    _load_demo()

    addresses = EmailAddress.objects.filter(email__endswith=f"@{DOMAIN}")
    assert addresses.count() == DEMO_USERS
    assert all(address.primary and address.verified for address in addresses)


def test_demo_user_logs_in_with_the_printed_password(client):
    email = f"editor@{DOMAIN}"
    password = _printed_password(_load_demo(), email)

    client.post(reverse("account_login"), {"login": email, "password": password})

    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email=email).pk)


def test_second_run_says_the_passwords_are_unchanged():
    _load_demo()

    output = _load_demo()

    assert "password: " not in output
    assert output.count("password unchanged") == DEMO_USERS


def test_reset_passwords_replaces_the_old_password(client):
    email = f"editor@{DOMAIN}"
    old_password = _printed_password(_load_demo(), email)

    new_password = _printed_password(_load_demo("--reset-passwords"), email)

    user = get_user_model().objects.get(email=email)
    assert not user.check_password(old_password)
    assert user.check_password(new_password)


def test_a_missing_translation_stops_it_without_loading_anything(monkeypatch):
    monkeypatch.setattr("portal.demo.pages._translated_strings", lambda data, language: {})

    with pytest.raises(CommandError, match="No hr translation of"):
        _load_demo()

    assert not Institution.objects.exists()
    assert not Translation.objects.exists()


# --- Programme cycles and their meetings -----------------------------------


def _protocol(code, kind):
    return MeetingProtocol.objects.get(cycle__code=code, kind=kind)


def test_there_is_a_cycle_in_slovenia_and_one_across_the_border():
    _load_demo()

    countries = {
        cycle.code: set(cycle.institutions.values_list("country", flat=True))
        for cycle in ProgrammeCycle.objects.all()
    }
    assert countries == {
        "KR": {Country.SLOVENIA},
        "OROS": {Country.SLOVENIA, Country.CROATIA},
    }


def test_every_institution_of_a_cycle_has_a_coordinator_who_can_approve():
    _load_demo()

    for cycle in ProgrammeCycle.objects.all():
        for institution in cycle.institutions.all():
            assert institution.memberships.filter(role=MembershipRole.COORDINATOR).exists(), (
                f"{cycle.code}: {institution.short_name}"
            )


def test_participants_have_the_codes_the_portal_gives():
    _load_demo()

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
    _load_demo()

    kinds = set(MeetingProtocol.objects.values_list("kind", flat=True))
    assert kinds == set(MeetingKind.values)


def test_protocols_are_in_the_states_a_team_leaves_them():
    _load_demo()

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
    _load_demo()

    for protocol in MeetingProtocol.objects.filter(status=ProtocolStatus.APPROVED):
        approved = protocol.approvals.filter(superseded_at__isnull=True)
        assert set(approved.values_list("institution", flat=True)) == set(
            protocol.institutions_present.values_list("pk", flat=True)
        ), str(protocol)
        assert set(approved.values_list("revision", flat=True)) == {protocol.latest_revision_id}


def test_the_amended_protocol_was_approved_again_and_keeps_the_first_approvals():
    _load_demo()

    amended = _protocol("KR", MeetingKind.MID_TERM)

    assert amended.approvals.filter(superseded_at__isnull=False).count() == 4
    assert amended.approvals.filter(superseded_at__isnull=True).count() == 4
    assert amended.decisions.startswith("Delovni modul se začne šestega julija")


def test_the_submitted_protocol_waits_for_the_demo_coordinator():
    _load_demo()
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
    _load_demo()

    for protocol in MeetingProtocol.objects.all():
        actions = set(ModelLogEntry.objects.for_instance(protocol).values_list("action", flat=True))
        assert protocol.latest_revision.user is not None
        assert "wagtail.create" in actions
        if protocol.status != ProtocolStatus.DRAFT:
            assert "meetings.submit" in actions


def test_action_items_are_carried_forward_and_closed_at_later_meetings():
    _load_demo()

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
    _load_demo()

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
    _load_demo()
    counts = _meetings_counts()

    _load_demo()

    assert _meetings_counts() == counts
    assert counts["cycles"] == 2
    assert counts["protocols"] == 7


def _demo_texts():
    """Every text stored in the meetings app, as (model.field, text)."""
    for model in apps.get_app_config("meetings").get_models():
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, CharField | TextField)
        ]
        for row in model.objects.values_list(*fields) if fields else ():
            yield from zip((f"{model.__name__}.{name}" for name in fields), row, strict=True)


def test_no_demo_text_contains_personal_data():
    _load_demo()

    texts = list(_demo_texts())

    assert len(texts) > 300
    assert [
        (where, text) for where, text in texts if find_personal_data(text, phone_numbers=True)
    ] == []
