"""Read queries about accounts: invitations, who may invite, who needs MFA."""

from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from partners.models import Institution, MembershipRole

from .models import Invitation


def invitation_get_by_token(*, token: str) -> Invitation | None:
    """The invitation a link points to, found by the hash of its token."""
    return (
        Invitation.objects.select_related("institution", "invited_by")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def invitations_pending_sent_by(*, user) -> QuerySet[Invitation]:
    """Invitations the user sent that can still be accepted, newest first."""
    return Invitation.objects.select_related("institution").filter(
        invited_by=user, accepted_at__isnull=True, expires_at__gt=timezone.now()
    )


def institutions_user_may_invite_to(*, user) -> QuerySet[Institution]:
    """Superusers invite to any institution, institution admins only to their own."""
    if not user.is_authenticated:
        return Institution.objects.none()
    if user.is_superuser:
        return Institution.objects.all()
    return Institution.objects.filter(
        memberships__user=user, memberships__role=MembershipRole.INSTITUTION_ADMIN
    )


def user_get_by_email(*, email: str):
    """The account that owns the address, as the User's e-mail or an allauth address."""
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
        .distinct()
        .first()
    )


def user_is_demo_user(user) -> bool:
    """Demo users may skip MFA, and only where the settings allow it (dev.py)."""
    return settings.PORTAL_DEMO_USERS_SKIP_MFA and user.email.lower().endswith(
        "@" + settings.PORTAL_DEMO_EMAIL_DOMAIN
    )


def user_must_set_up_mfa(user) -> bool:
    """Whether the user may reach nothing but the TOTP setup yet.

    Everyone who can see partnership data or the admin, i.e. staff, members of
    an institution and editors with admin access, needs TOTP. Runs on every
    request: one query for a person who has TOTP, none for visitors.
    """
    if not user.is_authenticated or user_is_demo_user(user):
        return False
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return False
    return (
        user.is_staff
        or user.is_superuser
        or user.memberships.exists()
        or user.has_perm("wagtailadmin.access_admin")
    )
