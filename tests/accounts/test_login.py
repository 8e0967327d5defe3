import re

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.test import RequestFactory
from django.utils import translation

from accounts.adapter import InvitationOnlyAccountAdapter
from accounts.factories import DEFAULT_PASSWORD, UserFactory
from partners.factories import MembershipFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/en/accounts/login/"


def test_admin_login_form_does_not_accept_a_password(client):
    user = UserFactory(is_staff=True, is_superuser=True, totp=True)

    response = client.post(
        "/admin/login/", {"username": user.username, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert "_auth_user_id" not in client.session


def test_admin_sends_anonymous_visitors_to_the_portal_login(client):
    response = client.get("/admin/", follow=True)

    final_url, status = response.redirect_chain[-1]
    assert status == 302
    assert re.match(r"^/(sl|hr|en)/accounts/login/\?next=/admin/", final_url)
    assert response.status_code == 200


def test_login_with_the_right_password_works(client):
    user = UserFactory()

    response = client.post(LOGIN_URL, {"login": user.email, "password": DEFAULT_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client):
    user = UserFactory()
    for _attempt in range(5):
        client.post(LOGIN_URL, {"login": user.email, "password": "wrong-password"})

    response = client.post(LOGIN_URL, {"login": user.email, "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_e_mail_links_to_the_language_of_the_request(client):
    user = UserFactory()

    client.post("/hr/accounts/password/reset/", {"email": user.email})

    (message,) = mail.outbox
    assert message.to == [user.email]
    assert re.search(r"http://testserver/hr/accounts/password/reset/key/\S+/", message.body)


def test_password_reset_link_lets_the_person_set_a_new_password(client):
    user = UserFactory()
    client.post("/en/accounts/password/reset/", {"email": user.email})
    link = re.search(
        r"http://testserver(/en/accounts/password/reset/key/\S+/)", mail.outbox[0].body
    )
    new_password = "Osijek-Baranja-partnerstvo-2020"

    # allauth moves the key from the URL into the session before showing the form.
    form_url = client.get(link.group(1)).url
    response = client.post(form_url, {"password1": new_password, "password2": new_password})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_a_new_e_mail_address_is_verified_by_a_link_in_the_persons_language(client):
    user = UserFactory()
    client.force_login(user)

    client.post("/sl/accounts/email/", {"action_add": "", "email": "new-address@example.org"})
    link = re.search(r"http://testserver(/sl/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    client.post(link.group(1))

    assert EmailAddress.objects.get(email="new-address@example.org").verified


def _landing(user):
    request = RequestFactory().get("/sl/accounts/login/")
    request.user = user
    with translation.override("sl"):
        return InvitationOnlyAccountAdapter().get_login_redirect_url(request)


@pytest.mark.django_db
def test_staff_of_an_institution_land_on_my_work_after_logging_in():
    member = MembershipFactory().user

    assert _landing(member) == "/sl/meetings/"


@pytest.mark.django_db
def test_someone_without_an_institution_lands_on_the_home_page():
    assert _landing(UserFactory()) == "/sl/"
