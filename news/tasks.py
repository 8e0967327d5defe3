"""The newsletter's background work, done by ``manage.py db_worker``."""

from django_tasks import task

from . import services
from .models import NewsletterIssuePage


@task()
def newsletter_pdf_make(issue_pk: int) -> None:
    """Make the PDF of the issue as it is live now; a later publication queues another run."""
    issue = NewsletterIssuePage.objects.live().filter(pk=issue_pk).first()
    if issue is not None:
        services.newsletter_pdf_make(issue)
