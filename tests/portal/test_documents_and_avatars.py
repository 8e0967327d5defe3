import pytest
from wagtail_factories import CollectionFactory, DocumentFactory

from django.core.files.base import ContentFile

from wagtail.models import CollectionViewRestriction
from wagtail.users.utils import get_gravatar_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_only_document():
    collection = CollectionFactory(name="Interna gradiva")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return DocumentFactory(
        collection=collection, file=ContentFile(b"%PDF-1.4 zapisnik", name="zapisnik.pdf")
    )


def test_document_in_a_login_restricted_collection_is_not_served_to_anonymous_visitors(
    client, members_only_document
):
    response = client.get(members_only_document.url)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_document_urls_go_through_wagtails_serve_view(members_only_document):
    assert members_only_document.url.startswith("/documents/")
    assert "/media/" not in members_only_document.url


def test_no_avatar_is_requested_from_a_third_party():
    assert get_gravatar_url("ana.novak@example.org") is None
