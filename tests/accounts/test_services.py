from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from accounts.factories import InvitationFactory, UserFactory
from accounts.models import Invitation
from accounts.services import (
    InvitationAlreadyUsed,
    InvitationExpired,
    invitation_accept,
    invitation_accept_as_existing_user,
    invitation_create,
)
from partners.factories import MembershipFactory
from partners.models import Membership, MembershipRole
from partners.services import membership_grant

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "Ptuj-Ormož-socialna-aktivacija-2019"


def test_invitation_create_stores_only_the_hash_of_the_emailed_token(
    institution_admin, institution
):
    invitation = invitation_create(
        invited_by=institution_admin,
        email="Mojca.Kralj@Example.org",
        institution=institution,
        role=MembershipRole.COORDINATOR,
        language="en",
    )

    assert invitation.email == "mojca.kralj@example.org"
    (message,) = mail.outbox
    token = message.body.split("/en/accounts/invitation/")[1].split("/")[0]
    assert invitation.token_hash == Invitation.hash_token(token)
    assert token not in invitation.token_hash


def test_invitation_create_sets_expiry_from_settings(institution_admin, institution, settings):
    settings.INVITATION_VALID_DAYS = 3

    invitation = invitation_create(
        invited_by=institution_admin,
        email="mojca@example.org",
        institution=institution,
        role=MembershipRole.MEMBER,
    )

    assert invitation.expires_at - invitation.created_at == timedelta(days=3)


def test_invitation_accept_creates_verified_user_and_membership():
    invitation = InvitationFactory(email="mojca@example.org", role=MembershipRole.COORDINATOR)

    user = invitation_accept(
        invitation=invitation, first_name="Mojca", last_name="Kralj", password=STRONG_PASSWORD
    )

    assert user.email == "mojca@example.org"
    assert user.username
    assert user.check_password(STRONG_PASSWORD)
    assert EmailAddress.objects.filter(
        user=user, email="mojca@example.org", verified=True, primary=True
    ).exists()
    assert Membership.objects.get(user=user, institution=invitation.institution).role == (
        MembershipRole.COORDINATOR
    )
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert invitation.accepted_at is not None


def test_invitation_accept_gives_unique_usernames_to_same_local_parts():
    UserFactory(username="mojca", email="mojca@elsewhere.example")
    invitation = InvitationFactory(email="mojca@example.org")

    user = invitation_accept(
        invitation=invitation, first_name="Mojca", last_name="Kralj", password=STRONG_PASSWORD
    )

    assert user.username != "mojca"


def test_invitation_accept_a_second_time_raises_and_creates_nobody():
    invitation = InvitationFactory()
    invitation_accept(
        invitation=invitation, first_name="A", last_name="B", password=STRONG_PASSWORD
    )
    stale_copy = Invitation.objects.get(pk=invitation.pk)
    stale_copy.accepted_at = None  # as another request read it before the first accept

    with pytest.raises(InvitationAlreadyUsed):
        invitation_accept(
            invitation=stale_copy, first_name="C", last_name="D", password=STRONG_PASSWORD
        )

    assert get_user_model().objects.filter(email=invitation.email).count() == 1
    assert Membership.objects.filter(institution=invitation.institution).count() == 1


def test_invitation_accept_after_expiry_raises_and_creates_nobody():
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(minutes=1))

    with pytest.raises(InvitationExpired):
        invitation_accept(
            invitation=invitation, first_name="A", last_name="B", password=STRONG_PASSWORD
        )

    assert not get_user_model().objects.filter(email=invitation.email).exists()


def test_invitation_accept_as_existing_user_only_adds_the_membership():
    user = UserFactory(email="mojca@example.org")
    invitation = InvitationFactory(email="mojca@example.org", role=MembershipRole.MEMBER)

    membership = invitation_accept_as_existing_user(invitation=invitation, user=user)

    assert membership.user == user
    assert membership.institution == invitation.institution
    assert get_user_model().objects.filter(email="mojca@example.org").count() == 1
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_membership_grant_changes_the_role_of_an_existing_membership(institution):
    membership = MembershipFactory(institution=institution, role=MembershipRole.MEMBER)

    membership_grant(
        user=membership.user, institution=institution, role=MembershipRole.INSTITUTION_ADMIN
    )

    membership.refresh_from_db()
    assert membership.role == MembershipRole.INSTITUTION_ADMIN
    assert Membership.objects.filter(user=membership.user).count() == 1
