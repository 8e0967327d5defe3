"""The knowledge base of the tests: its index pages in Slovenian and Croatian, and helpers."""

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from accounts.factories import UserFactory
from knowledge_base.factories import (
    DirectoryPageFactory,
    GuideIndexPageFactory,
    StudyVisitIndexPageFactory,
)
from tests.sent_form import sent_form


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translated(page, language, **fields):
    """``page`` translated into ``language`` through wagtail-localize and published, with
    ``fields`` as the translator wrote them (untranslated texts stay as in the source)."""
    # Read afresh, as the admin's "Translate" does: an instance in memory may hold child
    # objects without their database ids.
    page = type(page).objects.get(pk=page.pk)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    copy, _created = source.create_or_update_translation(
        Locale.objects.get(language_code=language), fallback=True
    )
    copy = copy.specific
    for name, value in fields.items():
        setattr(copy, name, value)
    return published(copy)


@pytest.fixture
def guide_indexes(home_pages):
    slovenian = published(GuideIndexPageFactory(parent=home_pages["sl"]))
    return {"sl": slovenian, "hr": translated(slovenian, "hr", title="Vodiči", slug="vodici")}


@pytest.fixture
def directories(home_pages):
    slovenian = published(DirectoryPageFactory(parent=home_pages["sl"]))
    return {"sl": slovenian, "hr": translated(slovenian, "hr", title="Imenik usluga")}


@pytest.fixture
def visit_indexes(home_pages):
    slovenian = published(StudyVisitIndexPageFactory(parent=home_pages["sl"]))
    return {"sl": slovenian, "hr": translated(slovenian, "hr", title="Studijski posjeti")}


def in_the_admin(user, group):
    """``user`` in ``group``, whose admin speaks English."""
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor(client):
    """A member of the Editors group, logged in: who writes guides and keeps the directory."""
    user = in_the_admin(UserFactory(totp=True, first_name="Luka", last_name="Vidmar"), "Editors")
    client.force_login(user)
    return user


def page_tests(client) -> WagtailPageTestCase:
    """Wagtail's page assertions (``assertCanCreate``) for a pytest test, posting as ``client``."""
    tests = WagtailPageTestCase()
    tests.client = client
    return tests


def add_page_form(client, parent, model, **changes):
    """What the admin's form for a new ``model`` page under ``parent`` sends as rendered.

    Parts that the admin's scripts build (a StreamField's blocks, inline rows) are added
    by the caller with Wagtail's form-data helpers.
    """
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    data = sent_form(response.content.decode(), selector="form[data-edit-form]", **changes)
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


def queries_of(client, url, params=None) -> int:
    """How many queries answering ``url`` costs (after a first request has warmed the caches)."""
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)
