import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, InvitationFactory, UserFactory, totp_activate
from accounts.selectors import user_must_set_up_mfa
from partners.factories import MembershipFactory

pytestmark = pytest.mark.django_db

MFA_SETUP_URL = "/en/accounts/2fa/totp/activate/"


@pytest.fixture
def member_without_mfa(db):
    return MembershipFactory().user


def test_member_without_mfa_is_sent_from_the_home_page_to_mfa_setup(client, member_without_mfa):
    client.force_login(member_without_mfa)

    response = client.get("/en/")

    assert response.status_code == 302
    assert response.url == MFA_SETUP_URL


def test_the_mfa_setup_page_explains_why(client, member_without_mfa):
    client.force_login(member_without_mfa)

    response = client.get("/en/", follow=True)

    assert "Set up two-factor authentication" in response.content.decode()


def test_member_without_mfa_is_sent_from_the_admin_to_mfa_setup(client):
    staff = MembershipFactory(user__is_staff=True).user
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.endswith("/accounts/2fa/totp/activate/")


def test_staff_without_membership_must_also_set_up_mfa(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/en/").url == MFA_SETUP_URL


def test_member_without_mfa_may_open_the_setup_and_log_out(client, member_without_mfa):
    client.force_login(member_without_mfa)

    # allauth asks for the password again first; that page must be reachable too.
    setup = client.get(MFA_SETUP_URL, follow=True)
    logout = client.post("/en/accounts/logout/")

    assert setup.status_code == 200
    assert setup.redirect_chain[0][0].startswith("/en/accounts/reauthenticate/")
    assert logout.status_code == 302
    assert "_auth_user_id" not in client.session


def current_totp_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_member_activates_totp_through_allauth_and_may_then_use_the_portal(
    client, home_pages, member_without_mfa
):
    client.post(
        "/en/accounts/login/", {"login": member_without_mfa.email, "password": DEFAULT_PASSWORD}
    )
    reauthenticate_url = client.get(client.get("/en/").url).url
    setup_page = client.get(client.post(reauthenticate_url, {"password": DEFAULT_PASSWORD}).url)

    code = current_totp_code(setup_page.context["form"].secret)
    activated = client.post(MFA_SETUP_URL, {"code": code})

    assert activated.status_code == 302
    assert client.get(activated.url).status_code == 200
    assert client.get("/en/").status_code == 200


def test_member_with_totp_is_not_redirected(client, home_pages, member_without_mfa):
    totp_activate(member_without_mfa)
    client.force_login(member_without_mfa)

    assert client.get("/en/").status_code == 200


def test_user_without_membership_or_staff_status_needs_no_mfa(client, home_pages):
    client.force_login(UserFactory())

    assert client.get("/en/").status_code == 200


def test_demo_user_skips_mfa_when_the_setting_allows_it(client, home_pages, settings):
    settings.PORTAL_DEMO_USERS_SKIP_MFA = True
    demo = MembershipFactory(user__email=f"ana@{settings.PORTAL_DEMO_EMAIL_DOMAIN}").user
    client.force_login(demo)

    assert client.get("/en/").status_code == 200


def test_demo_user_must_set_up_mfa_when_the_setting_is_off(client, settings):
    settings.PORTAL_DEMO_USERS_SKIP_MFA = False
    demo = MembershipFactory(user__email=f"ana@{settings.PORTAL_DEMO_EMAIL_DOMAIN}").user
    client.force_login(demo)

    assert client.get("/en/").url == MFA_SETUP_URL


def test_other_users_do_not_skip_mfa_even_with_the_demo_setting_on(client, settings):
    settings.PORTAL_DEMO_USERS_SKIP_MFA = True
    client.force_login(MembershipFactory(user__email="ana@example.org").user)

    assert client.get("/en/").url == MFA_SETUP_URL


def test_the_mfa_decision_costs_one_query_for_a_member_with_totp(
    member_without_mfa, django_assert_num_queries
):
    totp_activate(member_without_mfa)

    with django_assert_num_queries(1):
        assert not user_must_set_up_mfa(member_without_mfa)


def test_the_mfa_decision_costs_two_queries_for_a_member_without_totp(
    member_without_mfa, django_assert_num_queries
):
    with django_assert_num_queries(2):
        assert user_must_set_up_mfa(member_without_mfa)


def test_editor_with_admin_access_is_sent_to_mfa_setup(client, home_pages):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_person_without_membership_or_admin_access_needs_no_mfa(client, home_pages):
    client.force_login(UserFactory())

    assert client.get("/sl/").status_code == 200


def test_member_without_mfa_may_still_switch_language(client, member_without_mfa):
    client.force_login(member_without_mfa)

    response = client.post("/i18n/setlang/", {"language": "hr", "next": "/hr/"})

    assert response.status_code == 302
    assert response.url == "/hr/"


def test_member_without_mfa_may_open_an_invitation_for_their_address(client, member_without_mfa):
    InvitationFactory(token="for-a-member", email=member_without_mfa.email)
    client.force_login(member_without_mfa)

    assert client.get("/en/accounts/invitation/for-a-member/").status_code == 200
