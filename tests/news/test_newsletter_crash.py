"""The worker dies half-way through a send; resumed, no one gets the issue twice.

The real ``manage.py db_worker``, as a process of its own on the test
database, sends through a real SMTP server on loopback (``tests.smtp``) and is
killed with SIGKILL: once between two batches, once while it hands a message
to the mail server (the window of doubt that docs/newsletter.md describes).
"""

import os
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

from django.conf import settings as django_settings
from django.db import connection
from django.test import override_settings

from accounts.factories import UserFactory
from news import services
from news.factories import SubscriberFactory
from news.models import NewsletterDelivery, NewsletterSending
from news.tasks import newsletter_send
from tests.smtp import MailSink, smtp_settings
from tests.tasks import DATABASE_QUEUE

from .conftest import issue

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
Status = NewsletterDelivery.Status
BATCH = 4
READERS = 10
EDITOR = "urednica@example.si"
WAIT_SECONDS = 60


@pytest.fixture
def sink(settings):
    with MailSink(hold="bralec5@example.si") as sink:
        smtp_settings(settings, sink)
        yield sink


@pytest.fixture
def started(sink, archive):
    """Issue No. 1 tested and started for ten readers, its first batch queued in the database."""
    may = issue(archive, number=1, day=date(2020, 5, 15))
    readers = [SubscriberFactory(email=f"bralec{n}@example.si") for n in range(READERS)]
    editor = UserFactory(email=EDITOR)
    services.newsletter_send_test(may, editor)
    services.newsletter_send_start(may, editor)
    with override_settings(TASKS=DATABASE_QUEUE):
        newsletter_send.enqueue(may.pk)
    return may, readers


def worker(sink, **environment):
    """``manage.py db_worker`` in a process of its own, on this test's database and sink."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=django_settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "PORTAL_TEST_DATABASE": str(connection.settings_dict["NAME"]),
            "PORTAL_TEST_SMTP_PORT": str(sink.port),
            "NEWSLETTER_BATCH_SIZE": str(BATCH),
            **environment,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def until(condition, process, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert process.poll() is None, f"The worker stopped (exit code {process.returncode})."
        assert time.monotonic() < deadline, f"Still waiting for {what}."
        time.sleep(0.05)


def statuses(may):
    return list(NewsletterDelivery.objects.filter(issue=may).values_list("status", flat=True))


def killed(process):
    process.send_signal(signal.SIGKILL)
    process.wait(10)


def stopped(process):
    process.terminate()
    process.wait(10)


def finished(may):
    return NewsletterSending.objects.get(issue=may).finished_at is not None


def test_killed_between_batches_and_resumed_everyone_gets_it_exactly_once(
    sink, started, monkeypatch
):
    sink.hold = ""
    may, readers = started
    # A pause between batches gives the test its moment to kill the worker there.
    first = worker(sink, NEWSLETTER_BATCH_PAUSE="3")
    try:
        until(lambda: statuses(may).count(Status.SENT) == BATCH, first, "the first batch")
    finally:
        killed(first)
    assert sorted(statuses(may)) == sorted([Status.SENT] * BATCH + [Status.QUEUED] * 6)

    # The next batch is still queued in the database: a new worker takes it up.
    second = worker(sink)
    try:
        until(lambda: finished(may), second, "the end of the send")
    finally:
        stopped(second)

    assert sink.received == {reader.email: 1 for reader in readers} | {EDITOR: 1}
    assert set(statuses(may)) == {Status.SENT}


def test_killed_while_handing_over_a_message_only_that_one_is_in_doubt_and_reported(
    sink, started, settings
):
    may, readers = started
    first = worker(sink)
    try:
        until(sink.holding.is_set, first, "the held message")
    finally:
        killed(first)
    sink.release.set()
    assert statuses(may).count(Status.SENDING) == 1

    second = worker(sink)
    try:
        # A worker that died leaves no task to continue with: the editor resumes.
        settings.EMAIL_TIMEOUT = 0.1
        time.sleep(0.3)
        assert services.newsletter_send_resume(may) == 1
        with override_settings(TASKS=DATABASE_QUEUE):
            newsletter_send.enqueue(may.pk)
        until(lambda: finished(may), second, "the end of the send")
    finally:
        stopped(second)

    received = sink.received
    assert received["bralec5@example.si"] == 0
    assert received == {r.email: 1 for r in readers if r.email != "bralec5@example.si"} | {
        EDITOR: 1
    }
    delivery = NewsletterDelivery.objects.get(recipient_key=readers[5].email_key)
    assert delivery.status == Status.UNCERTAIN
    assert statuses(may).count(Status.SENT) == READERS - 1
