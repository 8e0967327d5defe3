"""``load_demo``: every app's loader in order, once; the portal's pages in three languages."""

import pytest
from allauth.account.models import EmailAddress

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError
from django.db import connection

from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from knowledge_base.demo.content import GUIDES, SERVICES, STUDY_VISITS
from news.demo.content import NEWS
from partners.demo.institutions import INSTITUTIONS
from partners.models import Institution, Membership
from portal.demo.base import DemoDataError
from portal.demo.registry import demo_loaders
from portal.models import HomePage
from tests.demo import DEMO_USERS, load_demo

pytestmark = pytest.mark.django_db


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
    load_demo()
    counts, rows = _row_counts(), _key_rows()

    load_demo()

    assert _row_counts() == counts
    assert _key_rows() == rows


def test_home_page_has_a_title_in_each_language():
    load_demo()

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
    load_demo()

    pages = {url: client.get(url) for url in PAGE_TEXTS}

    assert {url: response.status_code for url, response in pages.items()} == dict.fromkeys(
        PAGE_TEXTS, 200
    )
    for url, text in PAGE_TEXTS.items():
        assert text in pages[url].content.decode()


def test_translations_are_synced_by_wagtail_localize():
    load_demo()

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
    load_demo()

    redirects = {code: client.get(url) for code, url in MEMBERS_PAGE_URLS.items()}

    for code, response in redirects.items():
        assert response.status_code == 302
        assert response.url.startswith(f"/{code}/accounts/login/")


def test_members_page_is_restricted_to_logged_in_users_in_every_language():
    load_demo()

    restrictions = PageViewRestriction.objects.values_list("page__url_path", "restriction_type")

    assert sorted(restrictions) == [
        ("/home-en/for-partners/", PageViewRestriction.LOGIN),
        ("/home-hr/za-partnere/", PageViewRestriction.LOGIN),
        ("/home/za-partnerje/", PageViewRestriction.LOGIN),
    ]


def test_a_missing_translation_stops_it_without_loading_anything(monkeypatch):
    monkeypatch.setattr("portal.demo.pages._translated_strings", lambda data, language: {})

    with pytest.raises(CommandError, match="No hr translation of"):
        load_demo()

    assert not Institution.objects.exists()
    assert not Translation.objects.exists()


# --- The apps' loaders ---------------------------------------------------------


def test_each_app_loads_its_demo_after_the_apps_it_needs():
    assert [loader.app.label for loader in demo_loaders()] == [
        "portal",
        "partners",
        "news",
        "accounts",
        "knowledge_base",
        "meetings",
    ]


def test_the_command_prints_what_each_app_loaded():
    lines = load_demo().splitlines()

    summaries = [line for line in lines if not line.startswith(" ")]
    assert summaries == [
        "portal: Site address: 0 created, 1 updated, 0 unchanged; "
        "Slovenian pages: 2 created, 1 updated, 0 unchanged; "
        "Translations: 6 created, 0 updated, 0 unchanged",
        f"partners: Institutions: {len(INSTITUTIONS)} created, 0 updated, 0 unchanged; "
        "Slovenian pages: 1 created, 0 updated, 0 unchanged; "
        "Translations: 2 created, 0 updated, 0 unchanged",
        # The news index, the newsletter's archive, the news and the newsletter's issue;
        # a subscriber in each language.
        f"news: Slovenian pages: {3 + len(NEWS)} created, 0 updated, 0 unchanged; "
        f"Translations: {2 * (3 + len(NEWS))} created, 0 updated, 0 unchanged; "
        "Subscribers: 3 created, 0 updated, 0 unchanged",
        f"accounts: Users: {DEMO_USERS} created, 0 updated, 0 unchanged",
        # The three index pages, the guides and the study visits; the directory's services.
        f"knowledge_base: Local services: {len(SERVICES)} created, 0 updated, 0 unchanged; "
        f"Slovenian pages: {3 + len(GUIDES) + len(STUDY_VISITS)} created, 0 updated, 0 unchanged; "
        f"Translations: {2 * (3 + len(GUIDES) + len(STUDY_VISITS))} created, 0 updated, "
        "0 unchanged",
        "meetings: Programme cycles: 2 created, 0 updated, 0 unchanged",
    ]


def test_a_demo_needing_an_app_without_a_loader_is_refused(monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("meetings"), "demo_after", ("partners", "wagtailimages")
    )

    with pytest.raises(DemoDataError, match=r"The demo of meetings needs \['wagtailimages'\]"):
        demo_loaders()


def test_demos_needing_each_other_in_a_circle_are_refused(monkeypatch):
    monkeypatch.setattr(apps.get_app_config("partners"), "demo_after", ("meetings",))

    with pytest.raises(DemoDataError, match="need each other in a circle"):
        demo_loaders()


def test_the_sitemap_gives_the_portals_own_address(client):
    load_demo()

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://127.0.0.1:8000/sl/" in sitemap
    assert "localhost" not in sitemap
