"""Sending an issue to its subscribers: a test to the editor, then batches, each message once.

Starting a send writes one ``NewsletterDelivery`` per confirmed subscriber of
the issue's language (unique per issue and address); the worker then sends
them in batches (``newsletter_send_batch``, one task each). A delivery is
claimed with a conditional update just before its message is handed to the
mail server and marked sent just after, each committed at once, so a worker
that dies leaves at most the one message it was handing over in doubt
(``sending``); ``newsletter_send_resume`` reports those as uncertain and
never sends them again. See docs/newsletter.md.
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..emails import UNSUBSCRIBE_PLACEHOLDER, newsletter_email
from ..models import NewsletterDelivery, NewsletterIssuePage, NewsletterSending, Unsubscription
from ..rules import DELIVERY_ATTEMPTS, DELIVERY_RETRY_SECONDS
from ..selectors import newsletter_recipients
from .subscriptions import email_key, unsubscribe_url

Status = NewsletterDelivery.Status
logger = logging.getLogger(__name__)


def newsletter_send_test(issue: NewsletterIssuePage, user) -> NewsletterSending:
    """E-mail the live issue to the editor, exactly as subscribers will get it; a send needs it."""
    if not issue.live or issue.live_revision_id is None:
        raise ValidationError(_("Publish the issue first: only a published issue can be sent."))
    if not user.email:
        raise ValidationError(_("Your account has no e-mail address to send the test to."))
    sending, _created = NewsletterSending.objects.get_or_create(issue=issue)
    if sending.started_at is not None:
        raise ValidationError(_("This issue has been sent already."))
    content = newsletter_email(issue, unsubscribe_url=UNSUBSCRIBE_PLACEHOLDER)
    _message(content, user.email, email_key(user.email), issue.locale.language_code).send()
    sending.tested_revision_id = issue.live_revision_id
    sending.tested_at, sending.tested_to = timezone.now(), user.email
    sending.save()
    return sending


@transaction.atomic
def newsletter_send_start(issue: NewsletterIssuePage, user) -> NewsletterSending:
    """Queue the issue for every confirmed subscriber of its language; the worker sends it."""
    sending = NewsletterSending.objects.select_for_update().filter(issue=issue).first()
    if sending is not None and sending.started_at is not None:
        raise ValidationError(_("This issue has been sent already."))
    if sending is None or sending.tested_revision_id != issue.live_revision_id:
        raise ValidationError(
            _("Send the published issue to yourself as a test first, and check it.")
        )
    recipients = list(newsletter_recipients(issue.locale.language_code).values("pk", "email_key"))
    if not recipients:
        raise ValidationError(
            _("No one has confirmed a subscription in this language yet: nothing was sent.")
        )
    NewsletterDelivery.objects.bulk_create(
        [
            NewsletterDelivery(issue=issue, subscriber_id=r["pk"], recipient_key=r["email_key"])
            for r in recipients
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    sending.revision_id = issue.live_revision_id
    sending.started_at, sending.started_by = timezone.now(), user
    sending.save()
    return sending


def newsletter_send_batch(issue: NewsletterIssuePage) -> datetime | None:
    """Send the next batch of the issue's deliveries that are due; when the next batch is due.

    ``None`` means nothing is left to do now: the sending is finished, or
    deliveries are still held by a worker (or were, by one that died).
    Runs outside a transaction: each delivery's state is committed at once.
    """
    now = timezone.now()
    due = list(
        issue.deliveries.filter(
            Q(status=Status.QUEUED) | Q(status=Status.DEFERRED, next_attempt_at__lte=now)
        )
        .select_related("subscriber")
        .order_by("pk")[: settings.NEWSLETTER_BATCH_SIZE]
    )
    if due:
        # Who unsubscribed since the send started, asked once for the batch.
        unsubscribed = set(
            Unsubscription.objects.filter(
                email_key__in=[delivery.recipient_key for delivery in due]
            ).values_list("email_key", flat=True)
        )
        content = newsletter_email(_version_sent(issue), unsubscribe_url=UNSUBSCRIBE_PLACEHOLDER)
        language = issue.locale.language_code
        connection = get_connection()
        try:
            connection.open()
        except (smtplib.SMTPException, OSError):
            logger.exception("The mail server cannot be reached; the batch waits.")
            return timezone.now() + timedelta(seconds=DELIVERY_RETRY_SECONDS)
        try:
            for delivery in due:
                if not _deliver(delivery, content, language, connection, unsubscribed):
                    break
        finally:
            connection.close()
    return _next_batch_at(issue)


def _version_sent(issue: NewsletterIssuePage) -> NewsletterIssuePage:
    """The issue as it was when it was tested and sent: a later publication changes no batch."""
    sending = NewsletterSending.objects.select_related("revision").get(issue=issue)
    return sending.revision.as_object() if sending.revision is not None else issue


def newsletter_send_resume(issue: NewsletterIssuePage) -> int:
    """After a worker died: report the messages it was handing over as uncertain; how many.

    They may or may not have reached the mail server, so they are not sent
    again (no one gets the issue twice). Only deliveries held longer than a
    mail server may take are touched, so a worker still at work is not
    disturbed; the caller queues the next batch for the rest.
    """
    # Django's SMTP backend waits at most EMAIL_TIMEOUT for each reply of the server.
    timeout = 60 if settings.EMAIL_TIMEOUT is None else settings.EMAIL_TIMEOUT
    held_since = timezone.now() - timedelta(seconds=2 * timeout)
    return issue.deliveries.filter(status=Status.SENDING, claimed_at__lt=held_since).update(
        status=Status.UNCERTAIN,
        error=_("The worker stopped while handing this message to the mail server."),
    )


def _deliver(delivery, content, language, connection, unsubscribed) -> bool:
    """Send one delivery if no one else holds it; ``False`` when the mail server is gone."""
    claimed = NewsletterDelivery.objects.filter(
        pk=delivery.pk, status__in=[Status.QUEUED, Status.DEFERRED]
    ).update(status=Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1)
    if not claimed:
        return True
    subscriber = delivery.subscriber
    if subscriber is None or delivery.recipient_key in unsubscribed:
        _record(delivery, Status.CANCELLED)
        return True
    message = _message(content, subscriber.email, subscriber.email_key, language, connection)
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as refusal:
        code, reason = next(iter(refusal.recipients.values()))
        _refused(delivery, code, reason)
    except smtplib.SMTPResponseException as refusal:
        _refused(delivery, refusal.smtp_code, refusal.smtp_error)
    except (smtplib.SMTPException, OSError) as failure:
        # The connection is gone; the message did not get through. Try again later.
        _refused(delivery, 421, str(failure))
        return False
    else:
        _record(delivery, Status.SENT, sent_at=timezone.now())
    return True


def _refused(delivery, code: int, reason: bytes | str) -> None:
    """5xx: refused for good, recorded; 4xx: tried again later, until the attempts run out."""
    error = f"{code} {reason.decode(errors='replace') if isinstance(reason, bytes) else reason}"
    attempts = delivery.attempts + 1
    if 400 <= code < 500 and attempts < DELIVERY_ATTEMPTS:
        wait = timedelta(seconds=DELIVERY_RETRY_SECONDS * 2 ** (attempts - 1))
        _record(delivery, Status.DEFERRED, error=error[:255], next_attempt_at=timezone.now() + wait)
    else:
        _record(delivery, Status.REFUSED, error=error[:255])


def _record(delivery, status, **fields) -> None:
    NewsletterDelivery.objects.filter(pk=delivery.pk).update(status=status, **fields)


def _message(content, address, key, language, connection=None) -> EmailMultiAlternatives:
    """The issue for one address, with its own unsubscribe link and RFC 8058 headers."""
    url = unsubscribe_url(key, language)
    message = EmailMultiAlternatives(
        subject=content["subject"],
        body=content["text"].replace(UNSUBSCRIBE_PLACEHOLDER, url),
        to=[address],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(content["html"].replace(UNSUBSCRIBE_PLACEHOLDER, url), "text/html")
    return message


def _next_batch_at(issue) -> datetime | None:
    """Now (after the pause) while some are queued; the first retry's time; else ``None``."""
    deliveries = issue.deliveries
    if deliveries.filter(status=Status.QUEUED).exists():
        return timezone.now() + timedelta(seconds=settings.NEWSLETTER_BATCH_PAUSE)
    retry = (
        deliveries.filter(status=Status.DEFERRED)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if retry is not None:
        return retry
    if not deliveries.filter(status=Status.SENDING).exists():
        NewsletterSending.objects.filter(issue=issue, finished_at=None).update(
            finished_at=timezone.now()
        )
    return None
