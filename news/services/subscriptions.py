"""Subscribing to the newsletter with double opt-in, and unsubscribing in one click.

Nothing is sent to an address until the link in its confirmation e-mail is
followed. Links are signed, so nothing secret is stored: the confirmation
link carries the address's keyed hash and the time it was made (valid for
``CONFIRMATION_VALID_DAYS``, used once: it confirms); the unsubscribe link
carries the keyed hash only, and works as long as the address is subscribed.
Unsubscribing deletes the address and keeps the keyed hash
(``Unsubscription``), which the sending checks.
"""

from datetime import timedelta

from allauth.account.adapter import get_adapter

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from ..models import Subscriber, Unsubscription
from ..rules import CONFIRMATION_VALID_DAYS, CONSENT_VERSION

_CONFIRM_SALT = "news.subscription.confirm"
_UNSUBSCRIBE_SALT = "news.subscription.unsubscribe"


class SubscriptionLinkError(Exception):
    """A confirmation or unsubscribe link that cannot do what it was sent for, and why."""

    EXPIRED, USED, INVALID = "expired", "used", "invalid"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def email_normalized(email: str) -> str:
    """One address, however it is typed: mail providers do not tell case apart."""
    return email.strip().lower()


def email_key(email: str) -> str:
    """The keyed hash of an address: equal for equal addresses, useless without ``SECRET_KEY``."""
    return salted_hmac("news.subscriber", email_normalized(email), algorithm="sha256").hexdigest()


@transaction.atomic
def subscription_request(*, email: str, language: str) -> Subscriber:
    """Note the wish to receive the newsletter and e-mail the link that confirms it.

    A second request for an address not yet confirmed sends a new link (and
    takes the new language and consent); for a confirmed address it changes
    nothing and e-mails a note that it is subscribed already, so the form
    tells no one which addresses are on the list. Unconfirmed requests older
    than the link are forgotten here. The mail server's refusal is raised
    and nothing is stored.
    """
    email = email_normalized(email)
    validate_email(email)
    if language not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    now = timezone.now()
    Subscriber.objects.filter(
        confirmed_at=None, consented_at__lt=now - timedelta(days=CONFIRMATION_VALID_DAYS)
    ).delete()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is not None and subscriber.confirmed_at is not None:
        _mail(subscriber, "news/email/already_subscribed", {})
        return subscriber
    subscriber = subscriber or Subscriber(email=email, email_key=email_key(email))
    subscriber.language, subscriber.consent_version, subscriber.consented_at = (
        language,
        CONSENT_VERSION,
        now,
    )
    subscriber.save()
    token = signing.TimestampSigner(salt=_CONFIRM_SALT).sign(subscriber.email_key)
    _mail(
        subscriber,
        "news/email/subscription_confirm",
        {
            "confirm_url": _absolute("news:subscription_confirm", token, subscriber.language),
            "valid_days": CONFIRMATION_VALID_DAYS,
        },
    )
    return subscriber


def subscription_confirmable(token: str) -> Subscriber:
    """The subscription a confirmation link was sent for; ``SubscriptionLinkError`` says why not."""
    signer = signing.TimestampSigner(salt=_CONFIRM_SALT)
    try:
        key = signer.unsign(token, max_age=timedelta(days=CONFIRMATION_VALID_DAYS))
    except signing.SignatureExpired:
        raise SubscriptionLinkError(SubscriptionLinkError.EXPIRED) from None
    except signing.BadSignature:
        raise SubscriptionLinkError(SubscriptionLinkError.INVALID) from None
    subscriber = Subscriber.objects.filter(email_key=key).first()
    if subscriber is None:
        raise SubscriptionLinkError(SubscriptionLinkError.INVALID)
    if subscriber.confirmed_at is not None:
        raise SubscriptionLinkError(SubscriptionLinkError.USED)
    return subscriber


@transaction.atomic
def subscription_confirm(token: str) -> Subscriber:
    """Confirm the subscription the link was sent for: from now on it receives the newsletter."""
    subscriber = subscription_confirmable(token)
    subscriber.confirmed_at = timezone.now()
    # Conditional, so that two clicks at once confirm once and the second hears it was used.
    if not Subscriber.objects.filter(pk=subscriber.pk, confirmed_at=None).update(
        confirmed_at=subscriber.confirmed_at
    ):
        raise SubscriptionLinkError(SubscriptionLinkError.USED)
    # Subscribing again after unsubscribing is a new, confirmed wish.
    Unsubscription.objects.filter(email_key=subscriber.email_key).delete()
    return subscriber


def unsubscribe_url(subscriber_key: str, language: str) -> str:
    """The subscriber's own unsubscribe address, absolute, for e-mails and their headers."""
    token = signing.Signer(salt=_UNSUBSCRIBE_SALT).sign(subscriber_key)
    return _absolute("news:unsubscribe", token, language)


def subscription_unsubscribable(token: str) -> str:
    """The keyed hash an unsubscribe link was made for; ``SubscriptionLinkError`` if forged."""
    try:
        return signing.Signer(salt=_UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        raise SubscriptionLinkError(SubscriptionLinkError.INVALID) from None


@transaction.atomic
def unsubscribe(token: str) -> None:
    """Delete the address the link was made for, keeping its keyed hash; again is harmless."""
    key = subscription_unsubscribable(token)
    Subscriber.objects.filter(email_key=key).delete()
    Unsubscription.objects.get_or_create(email_key=key)


def _absolute(url_name: str, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse(url_name, kwargs={"token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mail(subscriber: Subscriber, template_prefix: str, context: dict) -> None:
    """An e-mail about the subscription, in its language, through allauth's adapter (prefix)."""
    with translation.override(subscriber.language):
        get_adapter().render_mail(
            template_prefix, subscriber.email, {"subscriber": subscriber, **context}
        ).send()
