"""The demo users: one per role, a coordinator per cycle institution, printed passwords."""

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.urls import reverse

from partners.models import Membership, MembershipRole
from tests.demo import CYCLE_COORDINATORS, DEMO_USERS, DOMAIN, load_demo, printed_password

pytestmark = pytest.mark.django_db


def test_demo_users_have_one_role_each():
    load_demo()

    memberships = set(
        Membership.objects.values_list("user__email", "institution__short_name", "role")
    )
    assert memberships == {
        (f"institution-admin@{DOMAIN}", "CSD Gorenjska", MembershipRole.INSTITUTION_ADMIN),
        (f"coordinator@{DOMAIN}", "Urad za delo Ptuj", MembershipRole.COORDINATOR),
        (f"member@{DOMAIN}", "HZZ Osijek", MembershipRole.MEMBER),
        *(
            (f"coordinator-{key}@{DOMAIN}", institution, MembershipRole.COORDINATOR)
            for key, institution in CYCLE_COORDINATORS.items()
        ),
    }
    admin = get_user_model().objects.get(email=f"admin@{DOMAIN}")
    assert admin.is_superuser
    assert list(admin.groups.values_list("name", flat=True)) == ["Administrators"]
    editor = get_user_model().objects.get(email=f"editor@{DOMAIN}")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]


def test_every_demo_user_has_a_verified_primary_address():
    load_demo()

    addresses = EmailAddress.objects.filter(email__endswith=f"@{DOMAIN}")
    assert addresses.count() == DEMO_USERS
    assert all(address.primary and address.verified for address in addresses)


def test_demo_user_logs_in_with_theprinted_password(client):
    email = f"editor@{DOMAIN}"
    password = printed_password(load_demo(), email)

    client.post(reverse("account_login"), {"login": email, "password": password})

    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email=email).pk)


def test_second_run_says_the_passwords_are_unchanged():
    load_demo()

    output = load_demo()

    assert "password: " not in output
    assert output.count("password unchanged") == DEMO_USERS


def test_reset_passwords_replaces_the_old_password(client):
    email = f"editor@{DOMAIN}"
    old_password = printed_password(load_demo(), email)

    new_password = printed_password(load_demo("--reset-passwords"), email)

    user = get_user_model().objects.get(email=email)
    assert not user.check_password(old_password)
    assert user.check_password(new_password)
