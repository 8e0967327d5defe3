"""Editors translate pages in the Wagtail admin with wagtail-localize."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from accounts.factories import UserFactory
from portal.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory(totp=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_submits_the_home_page_for_translation_into_croatian(client, editor):
    home = HomePage.objects.get(locale__language_code="sl")
    croatian = Locale.objects.get(language_code="hr")
    client.force_login(editor)

    response = client.post(f"/admin/localize/submit/page/{home.pk}/", {"locales": [croatian.pk]})

    assert response.status_code == 302
    translation = HomePage.objects.get(locale=croatian)
    assert translation.translation_key == home.translation_key
    assert response["Location"] == f"/admin/pages/{translation.pk}/edit/"


def test_editor_sees_the_admin_in_croatian(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "hr"
    profile.save()
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert '<html lang="hr"' in response.content.decode()


@pytest.fixture
def partner_staff(db):
    user = UserFactory(totp=True)
    user.groups.add(Group.objects.get(name="Partner staff"))
    return user


@pytest.mark.parametrize("path", ["", "results/"])
def test_wagtail_localizes_report_is_for_those_who_translate(client, editor, partner_staff, path):
    url = f"/admin/localize/reports/translations/{path}"
    home = HomePage.objects.get(locale__language_code="sl")
    client.force_login(editor)
    client.post(
        f"/admin/localize/submit/page/{home.pk}/",
        {"locales": [Locale.objects.get(language_code="hr").pk]},
    )

    assert client.get(url).status_code == 200
    client.force_login(partner_staff)
    assert client.get(url).status_code == 404


def test_the_reports_menu_offers_wagtail_localizes_report_only_to_translators(
    client, editor, partner_staff
):
    # The admin's menu is drawn by its script from JSON: the address, not a link, is in the page.
    report = "/admin/localize/reports/translations/"
    client.force_login(editor)
    assert report in client.get("/admin/").content.decode()
    client.force_login(partner_staff)
    assert report not in client.get("/admin/").content.decode()
