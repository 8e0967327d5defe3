from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.factories import InvitationFactory, UserFactory
from partners.models import Membership, MembershipRole

pytestmark = pytest.mark.django_db

TOKEN = "a-token-from-the-e-mail"
ACCEPT_URL = f"/en/accounts/invitation/{TOKEN}/"
STRONG_PASSWORD = "Ptuj-Ormož-socialna-aktivacija-2019"


def accept(client, password=STRONG_PASSWORD, **fields):
    data = {
        "first_name": "Mojca",
        "last_name": "Kralj",
        "password1": password,
        "password2": password,
        **fields,
    }
    return client.post(ACCEPT_URL, data)


def test_accept_page_shows_the_form_for_a_newcomer(client):
    InvitationFactory(token=TOKEN)

    response = client.get(ACCEPT_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1>") == 1
    assert '<label for="id_first_name">' in content
    assert '<label for="id_password1">' in content


def test_accepting_creates_a_verified_user_with_membership_and_logs_in(client):
    invitation = InvitationFactory(
        token=TOKEN, email="mojca@example.org", role=MembershipRole.COORDINATOR
    )

    response = accept(client)

    user = get_user_model().objects.get(email="mojca@example.org")
    assert (user.first_name, user.last_name) == ("Mojca", "Kralj")
    assert EmailAddress.objects.get(user=user).verified
    assert Membership.objects.get(user=user).role == MembershipRole.COORDINATOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_after_accepting_the_next_page_is_the_mfa_setup(client):
    InvitationFactory(token=TOKEN)

    home = accept(client).url
    response = client.get(home)

    assert response.status_code == 302
    assert response.url == "/en/accounts/2fa/totp/activate/"


def test_a_weak_password_is_refused_next_to_the_password_field(client):
    InvitationFactory(token=TOKEN)

    response = accept(client, password="12345678")

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="id_password1_error"' in content
    assert "This password is too short." in content
    assert 'value="Mojca"' in content
    assert "12345678" not in content
    assert not get_user_model().objects.filter(first_name="Mojca").exists()


def test_a_password_like_the_persons_name_is_refused(client):
    InvitationFactory(token=TOKEN, email="mojca.kralj@example.org")

    response = accept(client, password="mojcakralj")

    assert "too similar" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_expired_link_explains_whom_to_ask(client):
    inviter = UserFactory(first_name="Tanja", last_name="Horvat")
    InvitationFactory(
        token=TOKEN, invited_by=inviter, expires_at=timezone.now() - timedelta(hours=1)
    )

    response = client.get(ACCEPT_URL)

    assert response.status_code == 410
    content = response.content.decode()
    assert "The invitation has expired" in content
    assert "ask Tanja Horvat" in content
    assert accept(client).status_code == 410
    assert not get_user_model().objects.filter(first_name="Mojca").exists()


def test_a_used_link_says_so_and_creates_no_second_account(client):
    invitation = InvitationFactory(token=TOKEN)
    accept(client)
    client.logout()

    response = accept(client, first_name="Someone", last_name="Else")

    assert response.status_code == 410
    assert "The invitation has already been used" in response.content.decode()
    assert get_user_model().objects.filter(email=invitation.email).count() == 1
    assert Membership.objects.filter(institution=invitation.institution).count() == 1


def test_an_unknown_token_is_404(client):
    InvitationFactory(token=TOKEN)

    assert client.get("/en/accounts/invitation/not-the-token/").status_code == 404


def test_an_existing_account_must_log_in_to_accept(client):
    UserFactory(email="mojca@example.org")
    InvitationFactory(token=TOKEN, email="mojca@example.org")

    response = client.get(ACCEPT_URL)

    assert response.status_code == 302
    assert response.url == f"/en/accounts/login/?next={ACCEPT_URL}"


def test_an_existing_account_accepts_by_confirming_and_only_gains_the_membership(client):
    user = UserFactory(email="mojca@example.org", totp=True)
    invitation = InvitationFactory(token=TOKEN, email="mojca@example.org")
    client.force_login(user)

    assert client.get(ACCEPT_URL).status_code == 200
    response = client.post(ACCEPT_URL)

    assert response.status_code == 302
    assert Membership.objects.get(user=user).institution == invitation.institution
    assert get_user_model().objects.filter(email="mojca@example.org").count() == 1
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_someone_logged_in_as_another_account_cannot_accept(client):
    InvitationFactory(token=TOKEN, email="mojca@example.org")
    client.force_login(UserFactory(email="someone@example.org"))

    response = accept(client)

    assert response.status_code == 403
    assert "mojca@example.org" in response.content.decode()
    assert not Membership.objects.exists()
