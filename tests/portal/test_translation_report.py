"""The admin's translation report: each page and language whose translation is missing or behind.

Pages are published and translated as the editors do it, through
wagtail-localize (``portal.demo.pages`` does the same for the demo). The admin
speaks Slovenian, the site's language: the expected words are looked up with
gettext in Slovenian, and rows are told apart by their pages' titles and their
languages' names, which no catalogue translates.
"""

import csv
import io
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from wagtail.models import GroupPagePermission, Locale, Page, PageViewRestriction
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from accounts.factories import UserFactory
from partners.models import PartnershipPage
from portal.factories import StandardPageFactory
from portal.translation_status import Lag, TranslationState
from tests.performance.counting import assert_pinned

pytestmark = pytest.mark.django_db

REPORT = reverse("portal_admin:translation_report")
RESULTS = reverse("portal_admin:translation_report_results")


def in_slovenian(text):
    """``text`` (a msgid, or a lazy translation of one) as the Slovenian admin shows it."""
    with translation.override("sl"):
        return translation.gettext(text) if isinstance(text, str) else str(text)


INCOMPLETE = in_slovenian(TranslationState.INCOMPLETE.label)
MISSING = in_slovenian(TranslationState.MISSING.label)
DRAFT_ONLY = in_slovenian(TranslationState.DRAFT_ONLY.label)
OUTDATED = in_slovenian(TranslationState.OUTDATED.label)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, code, *, publish_it=True, translate_texts=True):
    """Translate ``page`` into ``code`` through wagtail-localize, as an editor's submission does.

    Every text is translated first (as ``portal.demo.pages`` imports them), unless
    ``translate_texts`` is False: then the translated page shows the source's texts.
    """
    locale = Locale.objects.get(language_code=code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    record, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if translate_texts:
        translate_every_text(record)
    record.save_target(publish=False)
    translated = source.get_translated_instance(locale)
    if publish_it:
        # As portal.demo.pages does: save_target(publish=True) publishes only on commit.
        translated.get_latest_revision().publish()
    return translated


def translate_every_text(record):
    po = record.export_po()
    for entry in po:
        entry.msgstr = f"{entry.msgid} ({record.target_locale.language_code})"
    record.import_po(po)


def sync(page):
    """wagtail-localize's *Sync translated pages*, without publishing the translations."""
    TranslationSource.objects.get_for_instance(page).update_from_db()


def publish_latest_translation(page, code):
    translated = page.get_translation(Locale.objects.get(language_code=code))
    translated.get_latest_revision().publish()


def page(home, title, model=None, **fields):
    """A Slovenian page under ``home``, published."""
    if model is None:
        return publish(StandardPageFactory(parent=home, title=title, **fields))
    return publish(home.add_child(instance=model(title=title, **fields)))


def superuser(client):
    user = UserFactory(is_superuser=True, is_staff=True, totp=True)
    client.force_login(user)
    return user


def member_of(client, group):
    user = UserFactory(totp=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@dataclass(frozen=True)
class Row:
    page: str
    page_type: str
    language: str
    state: str
    lag: str
    step: tuple[str, str] | None  # the action's label and address


def listing(response) -> list[Row]:
    """The report's table as the user reads it."""
    assert response.status_code == 200
    rows = []
    for row in BeautifulSoup(response.content.decode(), "html.parser").select("tbody tr"):
        title, page_type, language, state, *_dates, action = row.find_all("td")
        lag = state.find("div")
        link = action.find("a")
        rows.append(
            Row(
                page=title.get_text(strip=True),
                page_type=page_type.get_text(strip=True),
                language=language.get_text(strip=True),
                state=state.find(class_="w-status").get_text(strip=True),
                lag=lag.get_text(strip=True) if lag else "",
                step=(link.get_text(strip=True), link["href"]) if link else None,
            )
        )
    return rows


def report_rows(response):
    """(page, language, state) of each row."""
    return [(row.page, row.language, row.state) for row in listing(response)]


def row_for(response, page, language) -> Row:
    [row] = [row for row in listing(response) if (row.page, row.language) == (page, language)]
    return row


@pytest.fixture
def about(home_pages):
    """A Slovenian page translated into Croatian and English through wagtail-localize."""
    about = page(home_pages["sl"], "O projektu", slug="o-projektu")
    translate(about, "hr")
    translate(about, "en")
    return about


def test_a_page_translated_since_its_last_publication_is_not_listed(client, about):
    superuser(client)

    assert report_rows(client.get(REPORT)) == []


def test_publishing_the_source_again_makes_its_translations_outdated(client, about):
    superuser(client)

    publish(about)

    response = client.get(REPORT)
    assert report_rows(response) == [
        ("O projektu", "Hrvatski", OUTDATED),
        ("O projektu", "English", OUTDATED),
    ]
    assert row_for(response, "O projektu", "Hrvatski").lag == in_slovenian(
        Lag.SOURCE_PUBLISHED_SINCE_SYNC.label
    )


def test_an_outdated_translation_offers_to_sync_and_goes_once_synced_and_published(
    client, about, django_capture_on_commit_callbacks
):
    superuser(client)
    publish(about)
    label, address = row_for(client.get(REPORT), "O projektu", "Hrvatski").step
    assert label == in_slovenian("Sync translation")
    source = TranslationSource.objects.get_for_instance(about)
    assert address.startswith(reverse("wagtail_localize:update_translations", args=[source.pk]))

    # wagtail-localize publishes the synced translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, {"publish_translations": "on"})

    assert response.status_code == 302
    assert response["Location"] == REPORT
    assert report_rows(client.get(REPORT)) == []


def test_a_sync_not_yet_published_leaves_the_translation_outdated_with_its_editor_to_open(
    client, about
):
    superuser(client)
    publish(about)
    sync(about)

    response = client.get(REPORT)

    croatian = about.get_translation(Locale.objects.get(language_code="hr"))
    row = row_for(response, "O projektu", "Hrvatski")
    assert row.state == OUTDATED
    assert row.lag == in_slovenian(Lag.SYNC_NOT_PUBLISHED.label)
    assert row.step == (
        in_slovenian("Edit translation"),
        reverse("wagtailadmin_pages:edit", args=[croatian.pk]),
    )


def test_publishing_the_synced_translation_takes_it_off_the_report(client, about):
    superuser(client)
    publish(about)
    sync(about)

    publish_latest_translation(about, "hr")

    assert report_rows(client.get(REPORT)) == [("O projektu", "English", OUTDATED)]


def test_a_page_without_a_translation_is_missing_with_a_link_to_translate_it(client, home_pages):
    superuser(client)
    contacts = page(home_pages["sl"], "Kontakti", slug="kontakti")

    response = client.get(REPORT)

    assert report_rows(response) == [
        ("Kontakti", "Hrvatski", MISSING),
        ("Kontakti", "English", MISSING),
    ]
    submit = reverse("wagtail_localize:submit_page_translation", args=[contacts.pk])
    assert row_for(response, "Kontakti", "Hrvatski").step == (
        in_slovenian("Translate"),
        f"{submit}?select_locale=hr",
    )


def test_an_alias_of_the_source_counts_as_missing(client, home_pages):
    superuser(client)
    contacts = page(home_pages["sl"], "Kontakti", slug="kontakti")
    contacts.create_alias(
        recursive=False,
        parent=home_pages["hr"],
        update_locale=Locale.objects.get(language_code="hr"),
    )
    translate(contacts, "en")

    assert report_rows(client.get(REPORT)) == [("Kontakti", "Hrvatski", MISSING)]


def test_a_translation_never_published_is_draft_only(client, home_pages):
    superuser(client)
    contacts = page(home_pages["sl"], "Kontakti", slug="kontakti")
    croatian = translate(contacts, "hr", publish_it=False)
    translate(contacts, "en")

    response = client.get(REPORT)

    assert report_rows(response) == [("Kontakti", "Hrvatski", DRAFT_ONLY)]
    assert row_for(response, "Kontakti", "Hrvatski").step == (
        in_slovenian("Edit translation"),
        reverse("wagtailadmin_pages:edit", args=[croatian.pk]),
    )


def test_a_translation_published_before_its_texts_are_translated_is_incomplete(client, home_pages):
    superuser(client)
    contacts = page(home_pages["sl"], "Kontakti", slug="kontakti")
    # As wagtail-localize's "Translate this page" does for a live page: published at once,
    # in Slovenian until translated.
    croatian = translate(contacts, "hr", translate_texts=False)
    translate(contacts, "en")

    response = client.get(REPORT)

    assert report_rows(response) == [("Kontakti", "Hrvatski", INCOMPLETE)]
    assert row_for(response, "Kontakti", "Hrvatski").step == (
        in_slovenian("Edit translation"),
        reverse("wagtailadmin_pages:edit", args=[croatian.pk]),
    )


def test_an_incomplete_translation_goes_once_its_texts_are_translated(client, home_pages):
    superuser(client)
    contacts = page(home_pages["sl"], "Kontakti", slug="kontakti")
    translate(contacts, "hr", translate_texts=False)
    translate(contacts, "en")

    translate(contacts, "hr")

    assert report_rows(client.get(REPORT)) == []


def test_a_translation_edited_by_hand_is_outdated_once_the_source_is_published_after_it(
    client, home_pages
):
    superuser(client)
    contacts = page(home_pages["sl"], "Kontakti", slug="kontakti")
    for code in ("hr", "en"):
        publish(contacts.copy_for_translation(Locale.objects.get(language_code=code)))
    assert report_rows(client.get(REPORT)) == []

    publish(contacts)

    response = client.get(REPORT)
    assert report_rows(response) == [
        ("Kontakti", "Hrvatski", OUTDATED),
        ("Kontakti", "English", OUTDATED),
    ]
    assert row_for(response, "Kontakti", "Hrvatski").lag == in_slovenian(
        Lag.SOURCE_PUBLISHED_SINCE_TRANSLATION.label
    )


def test_a_stopped_translation_is_judged_as_one_edited_by_hand(client, about):
    superuser(client)
    Translation.objects.filter(target_locale__language_code="hr").update(enabled=False)

    publish(about)

    response = client.get(REPORT)
    assert row_for(response, "O projektu", "Hrvatski").lag == in_slovenian(
        Lag.SOURCE_PUBLISHED_SINCE_TRANSLATION.label
    )
    assert row_for(response, "O projektu", "English").lag == in_slovenian(
        Lag.SOURCE_PUBLISHED_SINCE_SYNC.label
    )


def test_a_page_written_in_croatian_first_is_the_source_of_its_translations(client, home_pages):
    superuser(client)
    news = page(home_pages["hr"], "Vijesti iz Varaždina", slug="vijesti-iz-varazdina")

    assert report_rows(client.get(REPORT)) == [
        ("Vijesti iz Varaždina", "Slovenščina", MISSING),
        ("Vijesti iz Varaždina", "English", MISSING),
    ]

    translate(news, "sl")
    publish(news)

    # The Slovenian page is its translation, not its source: it is behind the Croatian one.
    assert report_rows(client.get(REPORT)) == [
        ("Vijesti iz Varaždina", "Slovenščina", OUTDATED),
        ("Vijesti iz Varaždina", "English", MISSING),
    ]


def test_pages_not_live_and_the_tree_root_are_not_listed(client, home_pages):
    superuser(client)
    draft = StandardPageFactory(parent=home_pages["sl"], title="Osnutek", slug="osnutek")
    draft.unpublish()

    assert report_rows(client.get(REPORT)) == []
    assert Page.objects.filter(depth=1).exists()


def test_every_page_type_is_listed_with_its_type(client, home_pages):
    superuser(client)
    page(home_pages["sl"], "Partnerstvo", model=PartnershipPage, slug="partnerstvo")

    types = {row.page_type for row in listing(client.get(REPORT))}

    assert types == {capfirst(in_slovenian(PartnershipPage._meta.verbose_name))}


@pytest.fixture
def three_states(home_pages):
    """One page outdated into both languages, one missing in both, one draft only in Croatian."""
    about = page(home_pages["sl"], "O projektu", slug="o-projektu")
    translate(about, "hr")
    translate(about, "en")
    publish(about)
    page(home_pages["sl"], "Kontakti", slug="kontakti")
    partnership = page(home_pages["sl"], "Partnerstvo", model=PartnershipPage, slug="partnerstvo")
    translate(partnership, "hr", publish_it=False)
    translate(partnership, "en")


def test_the_report_lists_each_page_and_language_by_title(client, three_states):
    superuser(client)

    assert report_rows(client.get(REPORT)) == [
        ("Kontakti", "Hrvatski", MISSING),
        ("Kontakti", "English", MISSING),
        ("O projektu", "Hrvatski", OUTDATED),
        ("O projektu", "English", OUTDATED),
        ("Partnerstvo", "Hrvatski", DRAFT_ONLY),
    ]


def test_the_report_filters_by_language(client, three_states):
    superuser(client)

    assert report_rows(client.get(REPORT, {"locale": "en"})) == [
        ("Kontakti", "English", MISSING),
        ("O projektu", "English", OUTDATED),
    ]


def test_the_report_filters_by_state(client, three_states):
    superuser(client)

    assert report_rows(client.get(REPORT, {"state": "draft"})) == [
        ("Partnerstvo", "Hrvatski", DRAFT_ONLY)
    ]
    assert report_rows(client.get(RESULTS, {"state": "missing", "locale": "hr"})) == [
        ("Kontakti", "Hrvatski", MISSING)
    ]


def test_the_report_filters_by_page_type(client, three_states):
    superuser(client)
    partnership_type = ContentType.objects.get_for_model(PartnershipPage)

    assert report_rows(client.get(REPORT, {"content_type": partnership_type.pk})) == [
        ("Partnerstvo", "Hrvatski", DRAFT_ONLY)
    ]


def test_the_report_orders_by_a_column(client, three_states):
    superuser(client)

    rows = report_rows(client.get(REPORT, {"ordering": "-title"}))

    assert [title for title, _language, _state in rows] == [
        "Partnerstvo",
        "O projektu",
        "O projektu",
        "Kontakti",
        "Kontakti",
    ]


def test_the_report_is_paginated(client, home_pages):
    superuser(client)
    for number in range(26):
        page(home_pages["sl"], f"Stran {number:02}", slug=f"stran-{number}")

    first = report_rows(client.get(REPORT))
    second = report_rows(client.get(REPORT, {"p": 2}))

    assert len(first) == 50
    assert second == [("Stran 25", "Hrvatski", MISSING), ("Stran 25", "English", MISSING)]


def test_the_report_downloads_as_csv_and_xlsx(client, three_states):
    superuser(client)

    response = client.get(REPORT, {"export": "csv", "locale": "hr"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="translations-to-do.csv"'
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert header[:4] == [in_slovenian(text) for text in ("Page", "Page type", "Language", "State")]
    assert [row[:1] + row[2:4] for row in rows] == [
        ["Kontakti", "Hrvatski", MISSING],
        ["O projektu", "Hrvatski", OUTDATED],
        ["Partnerstvo", "Hrvatski", DRAFT_ONLY],
    ]
    xlsx = client.get(REPORT, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def test_the_csv_is_written_in_the_language_of_the_users_admin(client, three_states):
    profile = UserProfile.get_for_user(superuser(client))
    profile.preferred_language = "en"
    profile.save()

    response = client.get(REPORT, {"export": "csv"})

    header, first, *_rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert header[:4] == ["Page", "Page type", "Language", "State"]
    assert first[:4] == ["Kontakti", "Standard page", "Hrvatski", "Missing"]


def test_every_step_of_the_report_opens_for_a_superuser(client, three_states):
    superuser(client)
    response = client.get(REPORT)
    steps = {row.step for row in listing(response)}
    assert {label for label, _address in steps} == {
        in_slovenian("Translate"),
        in_slovenian("Sync translation"),
        in_slovenian("Edit translation"),
    }
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    page_links = {link["href"] for link in soup.select("tbody td.title a")}

    for address in sorted({address for _label, address in steps} | page_links):
        assert client.get(address).status_code == 200, address


def refused(response):
    """Wagtail's answer to a PermissionDenied in the admin: back to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_staff_who_may_edit_no_page_are_refused_and_see_no_menu_item(client, three_states):
    member_of(client, "Partner staff")

    assert refused(client.get(REPORT))
    assert refused(client.get(RESULTS))
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_finds_the_report_in_the_reports_menu_and_sees_every_page(client, three_states):
    member_of(client, "Editors")

    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()
    assert len(report_rows(client.get(REPORT))) == 5


def test_an_editor_of_one_section_sees_only_its_pages(client, home_pages):
    section = page(home_pages["sl"], "Dogodki", slug="dogodki")
    page(section, "Srečanje v Mariboru", slug="srecanje")
    page(home_pages["sl"], "Kontakti", slug="kontakti")
    group = Group.objects.create(name="Urednik dogodkov")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=section, permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory(totp=True)
    user.groups.add(group)
    client.force_login(user)

    rows = report_rows(client.get(REPORT))

    assert {title for title, _language, _state in rows} == {"Dogodki", "Srečanje v Mariboru"}
    # Without wagtail-localize's permission to translate, no step is offered.
    assert {row.step for row in listing(client.get(REPORT))} == {None}


def test_a_page_for_members_only_is_listed_to_its_editors(client, home_pages):
    members = page(home_pages["sl"], "Za člane", slug="za-clane")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    member_of(client, "Editors")

    assert report_rows(client.get(REPORT)) == [
        ("Za člane", "Hrvatski", MISSING),
        ("Za člane", "English", MISSING),
    ]


def _add_pages_in_every_state(home, start):
    for number in range(start, start + 3):
        outdated = page(home, f"Stran {number}", slug=f"stran-{number}")
        translate(outdated, "hr")
        publish(outdated)
        page(home, f"Manjka {number}", slug=f"manjka-{number}")
        partnership = page(
            home, f"Partnerstvo {number}", model=PartnershipPage, slug=f"partnerstvo-{number}"
        )
        translate(partnership, "en", publish_it=False)


# The report's queries, however many pages it lists: 10 of every admin page (the session,
# the user and their authenticator (MFA); the SAVEPOINT and RELEASE of the request's
# transaction; the user's and their groups' permissions; their admin profile; the locales of
# the admin's frame; the collections of its menu); 5 that the apps' menu items ask (the
# explorer's root page, the staff area's cycles and memberships); 1 for the user's page
# permissions; and the report's own 4: the locales, the count of the rows, the rows (one
# query for every language) and the page types of its filter.
REPORT_QUERIES = 20


def test_the_report_runs_the_same_queries_for_few_pages_and_many(
    client, home_pages, django_assert_num_queries
):
    member_of(client, "Editors")
    _add_pages_in_every_state(home_pages["sl"], 0)
    assert_pinned(client, REPORT, REPORT_QUERIES, django_assert_num_queries)

    _add_pages_in_every_state(home_pages["sl"], 3)

    assert len(report_rows(client.get(REPORT))) == 36
    assert_pinned(client, REPORT, REPORT_QUERIES, django_assert_num_queries)
