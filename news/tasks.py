"""The newsletter's background work, done by ``manage.py db_worker``."""

from django_tasks import task

from django.utils import timezone

from . import services
from .models import NewsletterIssuePage


@task()
def newsletter_pdf_make(issue_pk: int) -> None:
    """Make the PDF of the issue as it is live now; a later publication queues another run."""
    issue = NewsletterIssuePage.objects.live().filter(pk=issue_pk).first()
    if issue is not None:
        services.newsletter_pdf_make(issue)


@task()
def newsletter_send(issue_pk: int) -> None:
    """Send one batch of the issue, and queue the next for when it is due.

    An issue unpublished in the meantime is not sent further.
    """
    issue = NewsletterIssuePage.objects.live().filter(pk=issue_pk).first()
    if issue is None:
        return
    next_at = services.newsletter_send_batch(issue)
    if next_at is None:
        return
    if next_at <= timezone.now():
        newsletter_send.enqueue(issue_pk)
    elif newsletter_send.get_backend().supports_defer:
        newsletter_send.using(run_after=next_at).enqueue(issue_pk)
    # A backend that cannot wait (the tests' immediate one) leaves retries to its caller.
