import pytest

from partners.factories import MembershipFactory
from partners.models import MembershipRole

pytestmark = pytest.mark.django_db


def test_institution_admin_finds_the_invitation_page_in_the_header(
    client, home_pages, institution_admin
):
    client.force_login(institution_admin)

    html = client.get("/hr/").content.decode()

    assert 'href="/hr/accounts/invitations/new/"' in html


def test_member_is_not_offered_the_invitation_page(client, home_pages, institution):
    member = MembershipFactory(
        institution=institution, role=MembershipRole.COORDINATOR, user__totp=True
    ).user
    client.force_login(member)

    html = client.get("/sl/").content.decode()

    assert "/accounts/invitations/new/" not in html
    assert member.email in html
