"""The admin's subscribers report: counts for the Editors, the list (CSV) for the Administrators."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from news.factories import SubscriberFactory
from news.models import Unsubscription
from news.services.subscriptions import email_key
from tests.meetings.admin.conftest import in_the_admin

pytestmark = pytest.mark.django_db

SUBSCRIBERS = reverse("news_admin:subscribers")
EXPORT = reverse("news_admin:subscribers_export")


@pytest.fixture
def subscribers():
    """Two confirmed and one waiting in Slovenian, one confirmed in Croatian, none in English."""
    return [
        SubscriberFactory(email="ana@example.si", language="sl"),
        SubscriberFactory(email="bojan@example.si", language="sl"),
        SubscriberFactory(email="cilka@example.si", language="sl", confirmed_at=None),
        SubscriberFactory(email="dario@example.hr", language="hr"),
    ]


@pytest.fixture
def unsubscribed():
    return [
        Unsubscription.objects.create(email_key=email_key(address))
        for address in ("eva@example.si", "filip@example.hr")
    ]


def logged_in(client, group):
    """A member of ``group`` with TOTP (the admin asks for MFA), logged in, admin in English."""
    user = in_the_admin(UserFactory(totp=True), group=group)
    client.force_login(user)
    return user


def counts_by_language(response):
    """The report's table: language name → (confirmed, waiting)."""
    rows = BeautifulSoup(response.content.decode(), "html.parser").select("table.listing tbody tr")
    return {
        name: (int(confirmed), int(waiting))
        for name, confirmed, waiting in (
            [cell.get_text(strip=True) for cell in row.find_all("td")] for row in rows
        )
    }


def text_of(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(soup.get_text(" ").split())


def refused(response):
    """Wagtail's answer to a PermissionDenied in the admin: back to the dashboard, with a note.

    The note is in the request's language (the site's, Slovenian), not the admin's: Wagtail
    writes it outside the user's admin language.
    """
    with translation.override("sl"):
        note = translation.gettext("Sorry, you do not have permission to access this area.")
    return (
        response.status_code == 302
        and response.url == reverse("wagtailadmin_home")
        and note in [str(message).strip() for message in get_messages(response.wsgi_request)]
    )


def export_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_an_editor_sees_the_counts_by_language_and_of_the_unsubscribed(
    client, subscribers, unsubscribed
):
    logged_in(client, "Editors")

    response = client.get(SUBSCRIBERS)

    assert response.status_code == 200
    assert counts_by_language(response) == {
        "Slovenščina": (2, 1),
        "Hrvatski": (1, 0),
        "English": (0, 0),
    }
    with translation.override("en"):
        unsubscribed_note = translation.ngettext(
            "%(unsubscribed)s address has unsubscribed: it has been deleted, and only a keyed "
            "hash of it is kept, so that it is never mailed again by mistake.",
            "%(unsubscribed)s addresses have unsubscribed: they have been deleted, and only "
            "keyed hashes of them are kept, so that they are never mailed again by mistake.",
            2,
        ) % {"unsubscribed": 2}
    assert unsubscribed_note in text_of(response)


def test_an_editor_sees_no_addresses_and_no_export(client, subscribers):
    logged_in(client, "Editors")

    response = client.get(SUBSCRIBERS)

    assert EXPORT not in response.content.decode()
    assert not any(subscriber.email in text_of(response) for subscriber in subscribers)


def test_an_editor_may_not_export(client, subscribers):
    logged_in(client, "Editors")

    assert refused(client.get(EXPORT))


def test_an_editor_finds_the_report_in_the_admin_menu(client):
    logged_in(client, "Editors")

    assert SUBSCRIBERS in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_administrator_exports_every_address_with_its_language_and_consent(client, subscribers):
    logged_in(client, "Administrators")
    report = client.get(SUBSCRIBERS)
    link = BeautifulSoup(report.content.decode(), "html.parser").find("a", href=EXPORT)
    assert link is not None

    response = client.get(link["href"])

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="subscribers-')
    header, *rows = export_rows(response)
    assert header == ["email", "language", "consent_version", "consented_at", "confirmed_at"]
    assert [(row[0], row[1]) for row in rows] == [
        ("ana@example.si", "sl"),
        ("bojan@example.si", "sl"),
        ("cilka@example.si", "sl"),
        ("dario@example.hr", "hr"),
    ]
    waiting = next(row for row in rows if row[0] == "cilka@example.si")
    assert waiting[2] == subscribers[2].consent_version
    assert waiting[4] == ""


def test_partner_staff_may_see_neither_the_counts_nor_the_list(client, subscribers):
    logged_in(client, "Partner staff")

    assert refused(client.get(SUBSCRIBERS))
    assert refused(client.get(EXPORT))
    assert SUBSCRIBERS not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("address", ["=cmd@example.si", "+1@example.si", "-x@example.si"])
def test_an_address_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(client, address):
    SubscriberFactory(email=address)
    logged_in(client, "Administrators")

    [_header, row] = export_rows(client.get(EXPORT))

    assert row[0] == f"'{address}"


def test_an_export_is_logged_with_who_and_how_many(client, subscribers, caplog):
    administrator = logged_in(client, "Administrators")

    with caplog.at_level("INFO", logger="news.admin_views"):
        client.get(EXPORT)

    assert f"user {administrator.pk}: {len(subscribers)} addresses" in caplog.text
