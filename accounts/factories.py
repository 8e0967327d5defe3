from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from factory.django import DjangoModelFactory

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from partners.models import MembershipRole

from .models import Invitation

DEFAULT_PASSWORD = "correct-horse-battery-staple-42"  # noqa: S105


def totp_activate(user) -> str:
    """Give the user an authenticator app as allauth does; returns the secret for codes."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


class UserFactory(DjangoModelFactory):
    """A person with a verified e-mail address, able to log in with DEFAULT_PASSWORD.

    ``UserFactory(totp=True)`` also sets up TOTP, so that a member is not sent
    to the MFA setup on every request.
    """

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Ana"
    last_name = "Novak"
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=True)

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted:
            totp_activate(self)


class InvitationFactory(DjangoModelFactory):
    """A pending invitation whose link token is ``token`` (pass your own to open the link)."""

    class Meta:
        model = Invitation

    class Params:
        token = factory.Sequence(lambda n: f"invitation-token-{n}")

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    institution = factory.SubFactory("partners.factories.InstitutionFactory")
    role = MembershipRole.MEMBER
    invited_by = factory.SubFactory(UserFactory)
    token_hash = factory.LazyAttribute(lambda o: Invitation.hash_token(o.token))
    expires_at = factory.LazyFunction(
        lambda: timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    )
