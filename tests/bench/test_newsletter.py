"""The benchmark's newsletter is an issue the portal would publish: chosen news with photos."""

import random

import pytest

from bench import newsletter
from news.models import NewsletterIssuePage
from tests.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_pdf_case_builds_a_published_issue_choosing_twenty_items_with_photos():
    load_demo()

    issue = newsletter.pdf_issue(random.Random(newsletter.SEED))  # noqa: S311 - fixed seed

    issue = NewsletterIssuePage.objects.get(pk=issue.pk)
    assert issue.live and issue.locale.language_code == "sl"
    chosen = [
        item
        for block in issue.sections
        if block.block_type == "news"
        for item in block.value["items"]
    ]
    assert len(chosen) == newsletter.PDF_ITEMS == 20
    assert all(item.live and item.specific.image for item in chosen)
    assert len({item.specific.image_id for item in chosen}) == 20
