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
