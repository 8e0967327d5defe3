"""Sending an issue from the admin: the forms its page sends, the progress, who may."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from news import services
from news.factories import SubscriberFactory
from news.models import NewsletterDelivery, NewsletterSending
from tests.meetings.admin.conftest import in_the_admin
from tests.sent_form import sent_form

pytestmark = pytest.mark.django_db


def sending_url(issue):
    return reverse("news_admin:newsletter_sending", args=[issue.pk])


def logged_in(client, group="Editors"):
    user = in_the_admin(UserFactory(totp=True, email="urednica@example.si"), group=group)
    client.force_login(user)
    return user


def press(client, url, action):
    """Press the page's button ``action`` in the form that holds it, as the browser sends it."""
    html = client.get(url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    button = soup.select_one(f"button[name=action][value={action}]")
    assert button is not None, f"The page has no {action!r} button."
    form = str(button.find_parent("form"))
    data = sent_form(form, button={"action": action})
    return client.post(url, data, follow=True)


def text(response):
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


def test_an_editor_tests_then_sends_and_sees_the_result(
    client, sink, bare_issue, django_capture_on_commit_callbacks
):
    logged_in(client)
    readers = SubscriberFactory.create_batch(3)
    url = sending_url(bare_issue)
    before = client.get(url)
    assert before.status_code == 200
    assert b'value="start"' not in before.content

    tested = press(client, url, "test")
    assert "urednica@example.si" in text(tested)
    assert sink.received == {"urednica@example.si": 1}

    with django_capture_on_commit_callbacks(execute=True):
        press(client, url, "start")

    done = client.get(url)
    assert sink.received == {r.email: 1 for r in readers} | {"urednica@example.si": 1}
    assert "3 of 3 sent" in text(done)
    assert NewsletterSending.objects.get(issue=bare_issue).finished_at is not None
    assert b'value="start"' not in done.content
    assert b'http-equiv="refresh"' not in done.content


def test_with_no_subscribers_the_editor_hears_why_and_nothing_is_queued(client, sink, bare_issue):
    logged_in(client)
    url = sending_url(bare_issue)
    press(client, url, "test")

    response = press(client, url, "start")

    with translation.override("en"):
        reason = translation.gettext(
            "No one has confirmed a subscription in this language yet: nothing was sent."
        )
    assert reason in text(response)
    assert not NewsletterDelivery.objects.exists()
    assert NewsletterSending.objects.get(issue=bare_issue).started_at is None


def test_a_running_send_shows_its_progress_refreshes_and_can_be_resumed(
    client, sink, bare_issue, django_capture_on_commit_callbacks
):
    user = logged_in(client)
    SubscriberFactory.create_batch(2)
    services.newsletter_send_test(bare_issue, user)
    services.newsletter_send_start(bare_issue, user)  # queued, no worker has run yet
    url = sending_url(bare_issue)

    running = client.get(url)
    assert "0 of 2 sent" in text(running)
    assert b'http-equiv="refresh"' in running.content

    with django_capture_on_commit_callbacks(execute=True):
        press(client, url, "resume")
    assert "2 of 2 sent" in text(client.get(url))


def test_the_issue_offers_its_sending_page_to_whoever_may_publish_it(client, bare_issue):
    logged_in(client)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[bare_issue.pk]))
    assert sending_url(bare_issue).encode() in edit.content


def test_partner_staff_may_not_send(client, sink, bare_issue):
    logged_in(client, group="Partner staff")
    SubscriberFactory()

    response = client.post(sending_url(bare_issue), {"action": "test"})

    assert response.status_code in (302, 403)
    assert sink.received == {}
    assert not NewsletterSending.objects.exists()
