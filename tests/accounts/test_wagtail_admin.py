import pytest

from django.utils import timezone

from accounts.factories import InvitationFactory
from partners.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/invitations/"


def test_superuser_finds_invitations_in_the_admin_menu(client, superuser):
    client.force_login(superuser)

    assert LIST_URL in client.get("/admin/").content.decode()


def test_invitations_can_be_filtered_by_institution(client, superuser):
    ljubljana = InvitationFactory(email="ljubljana@example.org")
    InvitationFactory(email="osijek@example.org", institution=InstitutionFactory())
    client.force_login(superuser)

    content = client.get(LIST_URL, {"institution": ljubljana.institution.pk}).content.decode()

    assert "ljubljana@example.org" in content
    assert "osijek@example.org" not in content


@pytest.mark.parametrize(
    ("accepted", "shown", "hidden"), [("true", "used@", "pending@"), ("false", "pending@", "used@")]
)
def test_invitations_can_be_filtered_by_acceptance(client, superuser, accepted, shown, hidden):
    InvitationFactory(email="used@example.org", accepted_at=timezone.now())
    InvitationFactory(email="pending@example.org")
    client.force_login(superuser)

    content = client.get(LIST_URL, {"accepted": accepted}).content.decode()

    assert shown in content
    assert hidden not in content


def test_invitations_cannot_be_added_in_the_admin(client, superuser):
    client.force_login(superuser)

    assert client.get(f"{LIST_URL}new/").status_code == 302
    assert f"{LIST_URL}new/" not in client.get(LIST_URL).content.decode()


def test_a_member_without_admin_rights_cannot_list_invitations(client, institution_admin):
    client.force_login(institution_admin)

    response = client.get(LIST_URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response.url
