import re

import pytest

from django.core import mail

from accounts.factories import InvitationFactory, UserFactory
from accounts.models import Invitation
from partners.factories import InstitutionFactory, MembershipFactory
from partners.models import MembershipRole

pytestmark = pytest.mark.django_db

INVITE_URL = "/en/accounts/invitations/new/"


def invite(client, *, institution, email="mojca.kralj@example.org", role=MembershipRole.MEMBER):
    return client.post(INVITE_URL, {"email": email, "institution": institution.pk, "role": role})


def test_institution_admin_sees_the_invitation_form(client, institution_admin, institution):
    client.force_login(institution_admin)

    response = client.get(INVITE_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1>") == 1
    assert '<label for="id_email">' in content
    assert f'<option value="{institution.pk}">' in content


def test_institution_admin_invites_to_own_institution(client, institution_admin, institution):
    client.force_login(institution_admin)

    response = invite(client, institution=institution, role=MembershipRole.COORDINATOR)

    assert response.status_code == 302
    assert response.url == INVITE_URL
    invitation = Invitation.objects.get()
    assert invitation.institution == institution
    assert invitation.role == MembershipRole.COORDINATOR
    assert invitation.invited_by == institution_admin


def test_institution_admin_cannot_invite_to_another_institution(client, institution_admin):
    other = InstitutionFactory(short_name="HZZ Osijek")
    client.force_login(institution_admin)

    response = invite(client, institution=other)

    assert response.status_code == 200
    assert 'aria-describedby="id_institution_error"' in response.content.decode()
    assert not Invitation.objects.exists()
    assert f'<option value="{other.pk}">' not in client.get(INVITE_URL).content.decode()


def test_superuser_can_invite_to_any_institution(client, superuser):
    anywhere = InstitutionFactory(short_name="HZZ Osijek")
    client.force_login(superuser)

    response = invite(client, institution=anywhere, role=MembershipRole.INSTITUTION_ADMIN)

    assert response.status_code == 302
    assert Invitation.objects.get().institution == anywhere


@pytest.mark.parametrize("role", [MembershipRole.MEMBER, MembershipRole.COORDINATOR])
def test_member_or_coordinator_gets_404_on_the_invite_page(client, institution, role):
    member = MembershipFactory(institution=institution, role=role, user__totp=True).user
    client.force_login(member)

    assert client.get(INVITE_URL).status_code == 404
    assert invite(client, institution=institution).status_code == 404
    assert not Invitation.objects.exists()


def test_anonymous_visitor_gets_404_on_the_invite_page(client, institution):
    assert client.get(INVITE_URL).status_code == 404


def test_invite_page_lists_the_inviters_pending_invitations(client, institution_admin, institution):
    InvitationFactory(
        invited_by=institution_admin, institution=institution, email="pending@example.org"
    )
    InvitationFactory(email="someone-elses@example.org")
    client.force_login(institution_admin)

    content = client.get(INVITE_URL).content.decode()

    assert "pending@example.org" in content
    assert "someone-elses@example.org" not in content


def test_invitation_email_has_an_absolute_link_in_the_inviters_language(
    client, institution_admin, institution, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.org"
    client.force_login(institution_admin)

    client.post(
        "/hr/accounts/invitations/new/",
        {"email": "ivana@example.org", "institution": institution.pk, "role": "member"},
    )

    (message,) = mail.outbox
    assert message.to == ["ivana@example.org"]
    assert message.subject.startswith("[2SoKroG] ")
    assert institution.name_hr in message.subject
    link = re.search(r"https://portal\.example\.org/hr/accounts/invitation/([\w-]+)/", message.body)
    assert link
    assert Invitation.objects.get().token_hash == Invitation.hash_token(link.group(1))


def test_invitation_email_names_the_inviter_and_the_institution(client, institution, settings):
    inviter = MembershipFactory(
        institution=institution,
        role=MembershipRole.INSTITUTION_ADMIN,
        user=UserFactory(first_name="Tanja", last_name="Horvat", totp=True),
    ).user
    client.force_login(inviter)

    invite(client, institution=institution, role=MembershipRole.COORDINATOR)

    body = mail.outbox[0].body
    assert "Tanja Horvat invites you" in body
    assert institution.name_en in body
    assert "Coordinator" in body
