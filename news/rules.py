"""The news' rules: when an item is complete, and what subscribing and sending allow."""

import smtplib

from django.utils.translation import gettext_lazy as _

Errors = dict[str, list[str]]


def news_page_errors(page) -> Errors:
    """Why the news item cannot be published as it is, by field."""
    errors: Errors = {}
    if page.activity_place and page.activity_starts_at is None:
        errors["activity_starts_at"] = [
            _("Give the date and time of the activity, or leave its place empty.")
        ]
    return errors


# The consent the subscribe form shows; a new wording gets a new version, and each
# subscriber keeps the version they agreed to (``Subscriber.consent_version``).
CONSENT_VERSION = "2026-12-01"
CONSENT_TEXT = _(
    "I agree that the 2SoKroG partnership keeps my e-mail address and language to send me "
    "its newsletter until I unsubscribe, which I can do with one click in every issue."
)
CONFIRMATION_VALID_DAYS = 7
# How often the subscribe form may be sent (django-ratelimit's rates): for one
# address, and from one client whatever the addresses.
SUBSCRIBE_RATE_PER_ADDRESS = "3/h"
SUBSCRIBE_RATE_PER_CLIENT = "20/h"
# Temporary refusals (4xx) are tried again after 1, 2, 4, … times this, this often at most.
DELIVERY_RETRY_SECONDS = 60
DELIVERY_ATTEMPTS = 6
# What a mail server that does not answer or refuses raises: a message to the person, no 500.
MAIL_FAILURES = (smtplib.SMTPException, OSError)
