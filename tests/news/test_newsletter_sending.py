"""Sending an issue: the test to the editor first, then each confirmed subscriber once.

Through a real SMTP server on loopback (``tests.smtp.MailSink``); tasks run
where they are queued (the tests' backend), so a send finishes inside the test.
"""

from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from accounts.factories import UserFactory
from news import services
from news.factories import SubscriberFactory
from news.models import NewsletterDelivery, NewsletterSending, Subscriber, Unsubscription
from news.tasks import newsletter_send
from tests.smtp import MailSink, smtp_settings

from .conftest import published

pytestmark = pytest.mark.django_db
Status = NewsletterDelivery.Status


@pytest.fixture
def editor():
    return UserFactory(email="urednica@example.si")


def sent(issue, editor):
    """Test, start, and (tasks running inline) the whole send; the sending afterwards."""
    services.newsletter_send_test(issue, editor)
    services.newsletter_send_start(issue, editor)
    newsletter_send.enqueue(issue.pk)
    return NewsletterSending.objects.get(issue=issue)


def test_the_test_goes_to_the_editor_as_subscribers_will_get_it(sink, bare_issue, editor):
    services.newsletter_send_test(bare_issue, editor)

    [message] = sink.to("urednica@example.si")
    assert "Socialna aktivacija čez mejo" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith("<http://")
    parts = {part.get_content_type() for part in message.walk()}
    assert {"text/plain", "text/html"} <= parts
    sending = NewsletterSending.objects.get(issue=bare_issue)
    assert sending.tested_revision_id == bare_issue.live_revision_id
    assert sending.started_at is None
    assert not NewsletterDelivery.objects.exists()


def test_no_send_without_a_test_of_the_published_revision(sink, bare_issue, editor):
    SubscriberFactory()
    with pytest.raises(ValidationError):
        services.newsletter_send_start(bare_issue, editor)

    services.newsletter_send_test(bare_issue, editor)
    bare_issue.title = "Popravljen naslov"
    published(bare_issue)
    with pytest.raises(ValidationError):
        services.newsletter_send_start(bare_issue, editor)
    assert not NewsletterDelivery.objects.exists()


def test_an_issue_with_no_subscribers_is_refused_with_a_reason_and_nothing_changes(
    sink, bare_issue, editor
):
    SubscriberFactory(language="hr")
    SubscriberFactory(confirmed_at=None)
    services.newsletter_send_test(bare_issue, editor)

    with pytest.raises(ValidationError) as refusal:
        services.newsletter_send_start(bare_issue, editor)

    with translation.override("sl"):
        reason = translation.gettext(
            "No one has confirmed a subscription in this language yet: nothing was sent."
        )
    assert refusal.value.messages == [reason]
    assert NewsletterSending.objects.get(issue=bare_issue).started_at is None
    assert not NewsletterDelivery.objects.exists()


def test_each_confirmed_subscriber_of_the_language_gets_it_once_with_their_own_link(
    sink, bare_issue, editor
):
    readers = SubscriberFactory.create_batch(3)
    SubscriberFactory(email="cakam@example.si", confirmed_at=None)
    SubscriberFactory(email="hrvatica@example.hr", language="hr")
    gone = SubscriberFactory(email="odjavljena@example.si")
    Unsubscription.objects.create(email_key=gone.email_key)

    sending = sent(bare_issue, editor)

    received = sink.received
    assert received == {reader.email: 1 for reader in readers} | {"urednica@example.si": 1}
    links = {sink.to(reader.email)[0]["List-Unsubscribe"] for reader in readers}
    assert len(links) == 3
    for reader in readers:
        [message] = sink.to(reader.email)
        html = message.get_body(("html",)).get_content()
        assert message["List-Unsubscribe"].strip()[1:-1] in html
    assert sending.__class__.objects.get(pk=sending.pk).finished_at is not None
    assert set(NewsletterDelivery.objects.values_list("status", flat=True)) == {Status.SENT}
    assert NewsletterDelivery.objects.count() == 3


def test_starting_twice_is_refused(sink, bare_issue, editor):
    SubscriberFactory()
    sent(bare_issue, editor)

    with pytest.raises(ValidationError):
        services.newsletter_send_start(bare_issue, editor)
    with pytest.raises(ValidationError):
        services.newsletter_send_test(bare_issue, editor)
    assert NewsletterDelivery.objects.count() == 1


def test_a_permanent_refusal_is_recorded_and_not_tried_again(settings, bare_issue, editor):
    refused = SubscriberFactory(email="ni-je@example.si")
    reader = SubscriberFactory()
    with MailSink(refuse={refused.email: ["550 5.1.1 No such user"]}) as sink:
        smtp_settings(settings, sink)
        sent(bare_issue, editor)
        services.newsletter_send_batch(bare_issue)

        assert sink.received[reader.email] == 1
        assert sink.received[refused.email] == 0
    delivery = NewsletterDelivery.objects.get(subscriber=refused)
    assert (delivery.status, delivery.attempts) == (Status.REFUSED, 1)
    assert delivery.error.startswith("550")


def test_a_temporary_refusal_is_tried_again_later_and_then_delivered(settings, bare_issue, editor):
    busy = SubscriberFactory(email="polna@example.si")
    with MailSink(refuse={busy.email: ["451 4.2.2 Mailbox full", "452 4.2.2 Still full"]}) as sink:
        smtp_settings(settings, sink)
        sending = sent(bare_issue, editor)

        delivery = NewsletterDelivery.objects.get(subscriber=busy)
        assert (delivery.status, delivery.attempts) == (Status.DEFERRED, 1)
        assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=50)
        # Not yet due: nothing is sent again.
        assert services.newsletter_send_batch(bare_issue) == delivery.next_attempt_at
        assert sink.received[busy.email] == 0

        for _attempt in range(2):
            NewsletterDelivery.objects.update(next_attempt_at=timezone.now())
            services.newsletter_send_batch(bare_issue)

        assert sink.received[busy.email] == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.SENT, 3)
    second = NewsletterSending.objects.get(pk=sending.pk)
    assert second.finished_at is not None


def test_temporary_refusals_give_up_after_the_last_attempt(settings, bare_issue, editor):
    busy = SubscriberFactory(email="vedno-polna@example.si")
    with MailSink(refuse={busy.email: ["421 4.7.0 Try later"] * 10}) as sink:
        smtp_settings(settings, sink)
        sent(bare_issue, editor)
        for _attempt in range(10):
            NewsletterDelivery.objects.update(next_attempt_at=timezone.now())
            services.newsletter_send_batch(bare_issue)
    delivery = NewsletterDelivery.objects.get(subscriber=busy)
    assert delivery.status == Status.REFUSED
    assert delivery.attempts == 6


def test_an_unreachable_mail_server_loses_nothing(settings, bare_issue, editor):
    SubscriberFactory.create_batch(2)
    with MailSink() as sink:
        smtp_settings(settings, sink)
        services.newsletter_send_test(bare_issue, editor)
    services.newsletter_send_start(bare_issue, editor)
    # The sink is gone: its port refuses connections.

    next_at = services.newsletter_send_batch(bare_issue)

    assert next_at > timezone.now()
    assert set(NewsletterDelivery.objects.values_list("status", flat=True)) == {Status.QUEUED}
    with MailSink() as sink:
        smtp_settings(settings, sink)
        services.newsletter_send_batch(bare_issue)
        assert sum(sink.received.values()) == 2


def test_who_unsubscribes_during_the_send_is_not_sent_it(sink, bare_issue, editor):
    leaving = SubscriberFactory(email="grem@example.si")
    staying = SubscriberFactory()
    services.newsletter_send_test(bare_issue, editor)
    services.newsletter_send_start(bare_issue, editor)
    services.unsubscribe(
        services.unsubscribe_url(leaving.email_key, "sl").rstrip("/").split("/")[-1]
    )

    newsletter_send.enqueue(bare_issue.pk)

    assert sink.received[leaving.email] == 0
    assert sink.received[staying.email] == 1
    assert not Subscriber.objects.filter(email="grem@example.si").exists()
    statuses = dict(NewsletterDelivery.objects.values_list("recipient_key", "status"))
    assert statuses[leaving.email_key] == Status.CANCELLED


def test_batches_follow_one_another_until_everyone_has_it(settings, sink, bare_issue, editor):
    settings.NEWSLETTER_BATCH_SIZE = 2
    readers = SubscriberFactory.create_batch(5)

    sent(bare_issue, editor)

    assert sink.received == {r.email: 1 for r in readers} | {"urednica@example.si": 1}


def test_an_issue_unpublished_during_the_send_is_not_sent_further(sink, bare_issue, editor):
    SubscriberFactory.create_batch(2)
    services.newsletter_send_test(bare_issue, editor)
    services.newsletter_send_start(bare_issue, editor)
    bare_issue.unpublish()

    newsletter_send.enqueue(bare_issue.pk)

    assert sum(sink.received.values()) == 1  # the editor's test
    assert set(NewsletterDelivery.objects.values_list("status", flat=True)) == {Status.QUEUED}


def test_a_publication_during_the_send_changes_nothing_of_what_is_sent(
    settings, sink, bare_issue, editor
):
    settings.NEWSLETTER_BATCH_SIZE = 1
    first, second = SubscriberFactory.create_batch(2)
    services.newsletter_send_test(bare_issue, editor)
    services.newsletter_send_start(bare_issue, editor)
    services.newsletter_send_batch(bare_issue)

    bare_issue.title = "Popravljen naslov"
    published(bare_issue)
    services.newsletter_send_batch(bare_issue)

    for reader in (first, second):
        [message] = sink.to(reader.email)
        assert "Socialna aktivacija čez mejo" in message["Subject"]
        assert "Popravljen naslov" not in message.get_body(("html",)).get_content()
