"""Subscribing to the newsletter with double opt-in, and unsubscribing, in a real browser."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from django.core import mail

from news.models import Subscriber, Unsubscription
from news.services import unsubscribe_url

from .support import label, translated

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGE_NAMES = {"sl": "Slovenščina", "hr": "Hrvatski", "en": "English"}


@pytest.mark.parametrize(("site", "newsletter"), [("sl", "sl"), ("hr", "hr"), ("sl", "en")])
def test_a_reader_subscribes_confirms_from_the_e_mail_and_unsubscribes(page, site, newsletter):
    address = f"bralka-{newsletter}@example.si"
    page.goto(f"/{site}/newsletter/subscribe/")
    page.get_by_label(label(site, "E-mail address")).fill(address)
    page.get_by_label(LANGUAGE_NAMES[newsletter]).check()
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=translated(site, "Subscribe")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(translated(site, "Check your e-mail"))
    assert Subscriber.objects.get(email=address).confirmed_at is None
    [confirmation] = mail.outbox
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", confirmation.body).group()
    assert f"/{newsletter}/newsletter/confirm/" in link

    page.goto(urlparse(link).path)
    page.get_by_role("button", name=translated(newsletter, "Confirm the subscription")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(newsletter, "You are subscribed")
    )
    reader = Subscriber.objects.get(email=address)
    assert reader.confirmed_at is not None and reader.language == newsletter

    # The link once more: it has done its work.
    page.goto(urlparse(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(newsletter, "The link has already been used")
    )

    page.goto(urlparse(unsubscribe_url(reader.email_key, newsletter)).path)
    page.get_by_role("button", name=translated(newsletter, "Unsubscribe")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(newsletter, "You are unsubscribed")
    )
    assert not Subscriber.objects.filter(email=address).exists()
    assert Unsubscription.objects.filter(email_key=reader.email_key).exists()


def test_a_malformed_address_comes_back_with_the_reason_and_what_was_typed(page):
    page.goto("/sl/newsletter/subscribe/")
    field = page.get_by_label(label("sl", "E-mail address"))
    field.fill("ana@")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=translated("sl", "Subscribe")).click()

    expect(page.get_by_role("alert")).to_be_visible()
    expect(field).to_have_value("ana@")
    assert not Subscriber.objects.exists()
    assert not mail.outbox
