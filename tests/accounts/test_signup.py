import pytest

from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/accounts/signup/"


def test_signup_page_is_refused_with_an_explanation(client):
    response = client.get(SIGNUP_URL)

    assert response.status_code == 403
    content = response.content.decode()
    assert "Accounts by invitation only" in content
    assert 'class="site-header"' in content


def test_signup_post_is_refused_and_creates_no_user(client):
    response = client.post(
        SIGNUP_URL,
        {
            "email": "intruder@example.org",
            "password1": "x-Long-enough-1234",
            "password2": "x-Long-enough-1234",
        },
    )

    assert response.status_code == 403
    assert not get_user_model().objects.exists()


def test_login_page_does_not_invite_to_sign_up(client):
    content = client.get("/en/accounts/login/").content.decode()

    assert SIGNUP_URL not in content
    assert "sign up" not in content.lower()
    assert '<label for="id_login">' in content


def test_password_reset_for_an_unknown_address_does_not_offer_to_sign_up(client):
    client.post("/en/accounts/password/reset/", {"email": "stranger@example.org"})

    (message,) = mail.outbox
    assert SIGNUP_URL not in message.body
    assert "invitation only" in message.body
