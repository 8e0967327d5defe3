"""The newsletter's PDF and its sending to 10,000 subscribers (``python -m bench.newsletter``).

``python -m bench`` runs each case once per database, after the approved
PDFs (``bench.pdf``) and before gunicorn serves the pages, each in a process
of its own, as ``python -m bench.newsletter CASE OUTPUT.json``:

- **the PDF** (``PDF_CASES``): an issue of 12 pages that chooses 20 news
  items, each with a photo of its own, built under the demo's Slovenian news
  index and newsletter archive in a transaction that is rolled back.
  Measured: the first ``newsletter_pdf_make`` in the process (fonts, the
  stylesheet and the photos' renditions still to load and make), then
  ``REPEATS`` more renders and stores of the same issue, and the peak
  resident memory above what the process held before (``VmHWM``, reset just
  before, as in ``bench.pdf``).
- **the sending** (``SENDING_CASES``): 10,000 confirmed Slovenian
  subscribers and a short issue; the test to the editor, the start, then the
  real ``db_worker``, in this process, sending every batch through an SMTP
  server on loopback (``bench.mail_sink``, a process of its own, as a mail
  server is). The worker sees only committed rows, so this case commits, and
  deletes what it made afterwards: the pages measured next see the database
  as it was built.

Both report the load average before and after: the machine may have other
work, and a render that shares two cores with it takes longer.
"""

import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from .pdf import memory_kib, pdf_pages, reset_peak_memory
from .server import HOST, free_port

PDF_CASES = ("12 pages, 20 images",)
SENDING_CASES = ("10,000 subscribers",)
REPEATS = 3
# Not a secret: a fixed seed, so every run renders the same text and photos.
SEED = 2026

# The PDF's issue: four sections of five items, each section followed by free text.
PDF_ITEMS = 20
ITEMS_PER_SECTION = 5
ITEM_PARAGRAPHS = 2
SENTENCES_PER_ITEM_PARAGRAPH = 3
# Tuned so that the issue fills 12 pages: the free text after each section of news.
SENTENCES_AFTER_SECTION = 47
SENTENCES_PER_PARAGRAPH = 5

# The sending: everything it makes is found again by these names, to be deleted.
SUBSCRIBERS = 10_000
SENDING_ITEMS = 3
SENDING_SLUG = "bench-razposiljanje"
SUBSCRIBER_DOMAIN = "bralci.example"
EDITOR_USERNAME = "bench-urednica"
EDITOR_EMAIL = "urednica@bench.example"
# Where the tasks already waiting (index updates, the issues' PDFs) wait while it sends.
HELD_QUEUE = "bench-held"
SINK_START_TIMEOUT = 30
SINK_STOP_TIMEOUT = 15


def main(case_name: str, output: str) -> None:
    if case_name in PDF_CASES:
        figures = pdf_case()
    elif case_name in SENDING_CASES:
        figures = sending_case()
    else:
        raise SystemExit(f"No such case: {case_name}")
    Path(output).write_text(json.dumps({"case": case_name, **figures}, indent=2))


# --- The PDF ----------------------------------------------------------------


def pdf_case() -> dict:
    import django

    django.setup()
    from django.db import transaction

    from .photos import forget_noise

    with transaction.atomic():
        issue = pdf_issue(random.Random(SEED))  # noqa: S311 - the same issue every run
        # What made the photos is no part of what a worker holds when it makes a PDF.
        forget_noise()
        figures = measure_pdf(issue)
        transaction.set_rollback(True)
    return figures


def pdf_issue(rng):
    """The published issue of 12 pages: 20 items with photos in four sections, and text."""
    from .content import HEADINGS

    items = news_items(rng, PDF_ITEMS, slug="bench-glasilo")
    sections = []
    for number, heading in enumerate(HEADINGS[: PDF_ITEMS // ITEMS_PER_SECTION]):
        chosen = items[number * ITEMS_PER_SECTION : (number + 1) * ITEMS_PER_SECTION]
        sections.append(("news", {"heading": heading.sl, "items": chosen}))
        sections.append(("paragraph", _rich_text(rng, SENTENCES_AFTER_SECTION)))
    return published_issue(rng, number=100, slug="bench-glasilo", sections=sections)


def news_items(rng, count: int, *, slug: str) -> list:
    """``count`` live news items under the demo's Slovenian index, each with its own photo."""
    from django.utils import timezone

    from news.factories import NewsPageFactory
    from news.models import NewsIndexPage

    from .content import KINDS, PLACES, TOPICS
    from .photos import news_image

    index = NewsIndexPage.objects.get(locale__language_code="sl")
    today = timezone.localdate()
    items = []
    for number in range(count):
        title = f"{rng.choice(KINDS).sl}: {rng.choice(TOPICS).sl} ({rng.choice(PLACES)})"
        items.append(
            NewsPageFactory(
                parent=index,
                title=title,
                slug=f"{slug}-{number}",
                date=today - timedelta(days=number),
                introduction=_sentences(rng, 1),
                image=news_image(rng, title),
                body=[
                    ("paragraph", _rich_text(rng, SENTENCES_PER_ITEM_PARAGRAPH))
                    for _paragraph in range(ITEM_PARAGRAPHS)
                ],
            )
        )
    return items


def published_issue(rng, *, number: int, slug: str, sections: list):
    """An issue under the demo's Slovenian archive, published as an editor publishes it."""
    from django.utils import timezone

    from news.models import NewsletterArchivePage, NewsletterIssuePage

    archive = NewsletterArchivePage.objects.get(locale__language_code="sl")
    issue = archive.add_child(
        instance=NewsletterIssuePage(
            title=f"Številka {number}",
            slug=slug,
            number=number,
            date=timezone.localdate(),
            introduction=_sentences(rng, 2),
            sections=sections,
        )
    )
    issue.save_revision().publish()
    issue.refresh_from_db()
    return issue


def _sentences(rng, count: int) -> str:
    from .content import SENTENCES

    return " ".join(rng.choice(SENTENCES).sl for _ in range(count))


def _rich_text(rng, sentences: int):
    """``sentences`` sentences, in paragraphs of ``SENTENCES_PER_PARAGRAPH``."""
    from wagtail.rich_text import RichText

    sizes = [SENTENCES_PER_PARAGRAPH] * (sentences // SENTENCES_PER_PARAGRAPH)
    if sentences % SENTENCES_PER_PARAGRAPH:
        sizes.append(sentences % SENTENCES_PER_PARAGRAPH)
    return RichText("".join(f"<p>{_sentences(rng, size)}</p>" for size in sizes))


def measure_pdf(issue) -> dict:
    """Time the first make of the PDF, then ``REPEATS`` more; the peak memory of all."""
    from news import services
    from news.models import NewsletterPDF

    load_before = os.getloadavg()[0]
    resident_before = memory_kib("VmRSS")
    reset_peak_memory()
    started = time.perf_counter()
    pdf = services.newsletter_pdf_make(issue)
    first = time.perf_counter() - started
    repeats = []
    for _ in range(REPEATS):
        # The service makes no new PDF of the same source: forgetting its hash makes one.
        NewsletterPDF.objects.filter(pk=pdf.pk).update(source_sha256="")
        started = time.perf_counter()
        pdf = services.newsletter_pdf_make(issue)
        repeats.append(time.perf_counter() - started)
    peak = memory_kib("VmHWM")
    with pdf.document.file.open("rb") as stored:
        body = stored.read()
    return {
        "first_make_ms": round(first * 1000),
        "render_and_store_ms": round(statistics.median(repeats) * 1000),
        "peak_memory_added_mib": round((peak - resident_before) / 1024, 1),
        "peak_memory_mib": round(peak / 1024, 1),
        "pdf_kib": round(len(body) / 1024, 1),
        "pages": pdf_pages(body),
        "images": PDF_ITEMS,
        # An image WeasyPrint could not read would make a lighter PDF than the goal's.
        "images_left_out": len(pdf.images_left_out),
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }


# --- The sending ------------------------------------------------------------


def sending_case() -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-mail-sink-") as folder:
        count_file = Path(folder) / "recipients"
        with _mail_sink(count_file) as port:
            # Before Django reads its settings: base.py takes the mail server from EMAIL_URL.
            os.environ["EMAIL_URL"] = f"smtp://{HOST}:{port}"
            import django

            django.setup()
            figures = measure_sending()
        received = int(count_file.read_text())
    # Each recipient once, and the editor's test.
    return {**figures, "sink_received": received, "sink_expected": figures["recipients"] + 1}


@contextlib.contextmanager
def _mail_sink(count_file: Path):
    """``bench.mail_sink`` on a free port, answering; stopped (and its count written) on leaving."""
    port = free_port()
    sink = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-m", "bench.mail_sink", str(port), str(count_file)]
    )
    try:
        _wait_until_answering(sink, port)
        yield port
    finally:
        sink.terminate()
        try:
            sink.wait(SINK_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            sink.kill()
            raise


def _wait_until_answering(sink, port: int) -> None:
    deadline = time.monotonic() + SINK_START_TIMEOUT
    while time.monotonic() < deadline:
        if sink.poll() is not None:
            raise SystemExit(f"The mail sink exited with {sink.returncode}.")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"The mail sink did not answer within {SINK_START_TIMEOUT} s.")


def measure_sending() -> dict:
    """Test, start and send the issue to every subscriber; then delete what was made."""
    from django_tasks_db.models import DBTaskResult

    from django.conf import settings
    from django.utils import timezone

    from news import services
    from news.models import NewsletterSending
    from news.selectors import newsletter_sending_progress
    from news.tasks import newsletter_send

    tasks_before = set(DBTaskResult.objects.values_list("pk", flat=True))
    # The build's: thousands of search and reference index updates, the issues' PDFs.
    held = _hold_back_waiting_tasks()
    try:
        issue, editor = _sending_issue(random.Random(SEED))  # noqa: S311 - the same every run
        # This case's own: its pages' index updates, its issue's PDF.
        held |= _hold_back_waiting_tasks()
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        services.newsletter_send_test(issue, editor)
        tested = time.perf_counter()
        started_at = timezone.now()
        services.newsletter_send_start(issue, editor)
        queued = time.perf_counter()
        newsletter_send.enqueue(issue.pk)
        _run_worker()
        worked = time.perf_counter()
        finished_at = NewsletterSending.objects.get(issue=issue).finished_at
        seconds = (finished_at - started_at).total_seconds() if finished_at else None
        deliveries = newsletter_sending_progress(issue)
        return {
            # This case's subscribers and the demo's Slovenian reader.
            "recipients": deliveries["total"],
            "batch_size": settings.NEWSLETTER_BATCH_SIZE,
            "test_ms": round((tested - started) * 1000),
            "start_s": round(queued - tested, 2),
            "worker_s": round(worked - queued, 2),
            # From the editor's click on "send" to the last message handed over.
            "seconds": None if seconds is None else round(seconds, 1),
            "messages_per_s": round(deliveries["total"] / seconds, 1) if seconds else None,
            "deliveries": deliveries,
            "load_average_before": round(load_before, 2),
            "load_average_after": round(os.getloadavg()[0], 2),
        }
    finally:
        _clean_up(tasks_before, held)


def _run_worker() -> None:
    """The portal's worker, as deployed, until no task is left that it may take."""
    from django.core.management import call_command

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def _sending_issue(rng):
    """A published issue of three items with photos, its editor and 10,000 subscribers."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from news.models import Subscriber
    from news.rules import CONSENT_VERSION
    from news.services import email_key

    items = news_items(rng, SENDING_ITEMS, slug=SENDING_SLUG)
    issue = published_issue(
        rng,
        number=101,
        slug=SENDING_SLUG,
        sections=[
            ("news", {"heading": "Iz partnerstva", "items": items}),
            ("paragraph", _rich_text(rng, SENTENCES_PER_PARAGRAPH)),
        ],
    )
    editor = get_user_model().objects.create_user(username=EDITOR_USERNAME, email=EDITOR_EMAIL)
    now = timezone.now()
    subscribers = []
    for number in range(SUBSCRIBERS):
        email = f"bralec{number:05}@{SUBSCRIBER_DOMAIN}"
        consented = now - timedelta(days=1 + number % 700, minutes=number % 1440)
        subscribers.append(
            Subscriber(
                email=email,
                email_key=email_key(email),
                language="sl",
                consent_version=CONSENT_VERSION,
                consented_at=consented,
                confirmed_at=consented + timedelta(minutes=5),
            )
        )
    Subscriber.objects.bulk_create(subscribers, batch_size=1000)
    return issue, editor


def _hold_back_waiting_tasks() -> dict:
    """Move the tasks waiting in the queues to one no worker reads; their queues, by id.

    A worker takes the oldest first: it would update the search and reference
    indexes for everything the build saved, and make the issues' PDFs, before
    the first batch, and the sending's time would be theirs too.
    """
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).exclude(
        queue_name=HELD_QUEUE
    )
    held = dict(waiting.values_list("pk", "queue_name"))
    DBTaskResult.objects.filter(pk__in=held).update(queue_name=HELD_QUEUE)
    return held


def _clean_up(tasks_before: set, held: dict) -> None:
    """Delete what the case made, and give the build's tasks back to their queues."""
    from django_tasks_db.models import DBTaskResult

    from django.contrib.auth import get_user_model

    from wagtail.images import get_image_model
    from wagtail.models import Page, PageLogEntry

    from news.models import NewsPage, Subscriber

    pages = Page.objects.filter(slug__startswith=SENDING_SLUG)
    page_ids = list(pages.values_list("pk", flat=True))
    image_ids = list(NewsPage.objects.filter(pk__in=page_ids).values_list("image_id", flat=True))
    # The issue takes its sending, its deliveries and its PDF's note with it.
    for page in pages:
        page.delete()
    PageLogEntry.objects.filter(page_id__in=page_ids).delete()
    get_image_model().objects.filter(pk__in=image_ids).delete()
    Subscriber.objects.filter(email__endswith=f"@{SUBSCRIBER_DOMAIN}").delete()
    get_user_model().objects.filter(username=EDITOR_USERNAME).delete()
    # What the deletions queued (removing the photos' files, updating the indexes) is done
    # now, while every other task waits aside; then no task of this case is left.
    _run_worker()
    DBTaskResult.objects.exclude(pk__in=tasks_before).delete()
    for queue in set(held.values()):
        ids = [pk for pk, held_from in held.items() if held_from == queue]
        DBTaskResult.objects.filter(pk__in=ids).update(queue_name=queue)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
