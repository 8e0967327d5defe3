"""What the news do besides pages: the newsletter's PDF, its subscribers and its sending."""

from .pdf import newsletter_pdf_make, newsletter_pdf_request
from .sending import (
    newsletter_send_batch,
    newsletter_send_resume,
    newsletter_send_start,
    newsletter_send_test,
)
from .subscriptions import (
    SubscriptionLinkError,
    email_key,
    subscription_confirm,
    subscription_confirmable,
    subscription_request,
    subscription_unsubscribable,
    unsubscribe,
    unsubscribe_url,
)

__all__ = [
    "SubscriptionLinkError",
    "email_key",
    "newsletter_pdf_make",
    "newsletter_pdf_request",
    "newsletter_send_batch",
    "newsletter_send_resume",
    "newsletter_send_start",
    "newsletter_send_test",
    "subscription_confirm",
    "subscription_confirmable",
    "subscription_request",
    "subscription_unsubscribable",
    "unsubscribe",
    "unsubscribe_url",
]
