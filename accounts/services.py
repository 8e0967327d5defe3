"""Changes to accounts: inviting people and accepting invitations."""

import secrets
from datetime import timedelta

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from partners.models import Institution, Membership
from partners.services import membership_grant

from .models import Invitation


class InvitationNotUsable(Exception):
    """The link can no longer be used; the subclass says why."""


class InvitationExpired(InvitationNotUsable):
    """The link's time ran out before anyone used it."""


class InvitationAlreadyUsed(InvitationNotUsable):
    """The link has been used once, which is all it may be."""


@transaction.atomic
def invitation_create(
    *,
    invited_by,
    email: str,
    institution: Institution,
    role: str,
    language: str | None = None,
) -> Invitation:
    """Record an invitation and e-mail its link.

    The raw token exists only in that e-mail, so the invitation is saved only
    if the e-mail goes out. The e-mail and the link are in ``language``, by
    default the one the inviter is using.
    """
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation(
        email=email.lower(),
        institution=institution,
        role=role,
        invited_by=invited_by,
        token_hash=Invitation.hash_token(token),
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    _invitation_send(
        invitation=invitation, token=token, language=language or translation.get_language()
    )
    return invitation


def _invitation_send(*, invitation: Invitation, token: str, language: str) -> None:
    """E-mail the link through allauth's adapter, so it shares the other e-mails' subject prefix."""
    with translation.override(language):
        path = reverse("invitation_accept", kwargs={"token": token})
        message = get_adapter().render_mail(
            "accounts/email/invitation",
            invitation.email,
            {
                "invitation": invitation,
                "accept_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            },
        )
    message.send()


@transaction.atomic
def invitation_accept(*, invitation: Invitation, first_name: str, last_name: str, password: str):
    """Create the invited person's account and membership; returns the new user.

    The link proved the address, so it is stored verified and primary, and the
    person can log in without a confirmation e-mail. The password must already
    have passed the password validators (see ``InvitationAcceptForm``).
    """
    _invitation_claim(invitation=invitation)
    user = get_user_model()(
        username=get_adapter().generate_unique_username([invitation.email]),
        email=invitation.email,
        first_name=first_name,
        last_name=last_name,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    EmailAddress.objects.create(user=user, email=invitation.email, primary=True, verified=True)
    _invitation_fulfil(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_accept_as_existing_user(*, invitation: Invitation, user) -> Membership:
    """Add the membership to the account that already owns the invited address."""
    _invitation_claim(invitation=invitation)
    return _invitation_fulfil(invitation=invitation, user=user)


def _invitation_claim(*, invitation: Invitation) -> None:
    """Mark the invitation used, or raise why it cannot be.

    The conditional update is the single-use guarantee: the database lets only
    one of two concurrent accepts change the row, and the other one raises
    before it has created anything.
    """
    now = timezone.now()
    claimed = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=now
    ).update(accepted_at=now)
    if not claimed:
        invitation.refresh_from_db()
        if invitation.is_accepted:
            raise InvitationAlreadyUsed
        raise InvitationExpired
    invitation.accepted_at = now


def _invitation_fulfil(*, invitation: Invitation, user) -> Membership:
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_by"])
    return membership_grant(user=user, institution=invitation.institution, role=invitation.role)
