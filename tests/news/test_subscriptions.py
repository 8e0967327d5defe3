"""Subscribing to the newsletter with double opt-in, confirming, and unsubscribing in one click.

Every form is posted as the rendered page sends it (``tests.sent_form``);
what the pages and e-mails say is compared with the Slovenian (or the
chosen language's) translation of the message, so the tests hold once the
translations exist.
"""

import re
import socket
import time
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from news.factories import SubscriberFactory
from news.models import Subscriber, Unsubscription
from news.rules import CONFIRMATION_VALID_DAYS, CONSENT_TEXT, CONSENT_VERSION
from news.services.subscriptions import email_key, unsubscribe_url
from tests.sent_form import sent_form

pytestmark = pytest.mark.django_db

LANGUAGES = ("sl", "hr", "en")
DAY = 24 * 60 * 60
CONFIRM_LINK = re.compile(r"https?://\S+/newsletter/confirm/\S+/")


@pytest.fixture(autouse=True)
def site(home_pages):
    """The public pages extend ``base.html``, which needs the site and its home pages."""
    return home_pages


def url(name, *, language="sl", **kwargs):
    with translation.override(language):
        return reverse(f"news:{name}", kwargs=kwargs)


def translated(message, language="sl", **values):
    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def translated_plural(singular, plural, number, language="sl", **values):
    with translation.override(language):
        return translation.ngettext(singular, plural, number) % values


def text_of(response):
    """What a person reads on the page, whitespace collapsed."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(soup.get_text(" ").split())


def typed_email(response):
    return BeautifulSoup(response.content.decode(), "html.parser").select_one(
        "form input[name=email]"
    )["value"]


def subscribe(client, email="ana@example.si", language="sl", consent="on", page_language="sl"):
    """The subscribe form, as its page renders it, sent with ``email``, ``language``, consent."""
    address = url("subscribe", language=page_language)
    page = client.get(address)
    assert page.status_code == 200
    data = sent_form(page.content.decode(), email=email, language=language, consent=consent)
    return client.post(address, data)


def confirm_path(message):
    """The path of the confirmation link in an e-mail."""
    links = CONFIRM_LINK.findall(message.body)
    assert len(links) == 1, message.body
    return urlsplit(links[0]).path


def confirm(client, path):
    """The confirmation page's button, pressed."""
    page = client.get(path)
    assert page.status_code == 200
    return client.post(path, sent_form(page.content.decode()))


def unsubscribe_path(subscriber, language="sl"):
    return urlsplit(unsubscribe_url(subscriber.email_key, language)).path


def closed_port():
    """A loopback port nobody listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def days_later(days):
    """The signatures' clock (only theirs) ``days`` from now."""
    return mock.patch("django.core.signing.time", mock.Mock(time=lambda: time.time() + days * DAY))


# The subscribe form


def test_the_subscribe_page_offers_the_address_the_languages_and_the_consent(client):
    response = client.get(url("subscribe"))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    form = soup.select_one("form[method=post]")
    assert form.select_one("input[type=email][name=email]")
    languages = form.select("input[type=radio][name=language]")
    assert [radio["value"] for radio in languages] == list(LANGUAGES)
    assert [radio["value"] for radio in languages if radio.has_attr("checked")] == ["sl"]
    assert form.select_one("input[type=checkbox][name=consent]")
    assert soup.h1.get_text(strip=True) == translated("Subscribe to the newsletter")
    with translation.override("sl"):
        assert str(CONSENT_TEXT) in text_of(response)


def test_a_subscription_is_stored_unconfirmed_and_its_link_is_mailed(client):
    before = timezone.now()

    response = subscribe(client, email="ana@example.si", language="sl")

    assert response.status_code == 302
    assert response["Location"] == url("subscription_requested")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ana@example.si"
    assert subscriber.email_key == email_key("ana@example.si")
    assert subscriber.language == "sl"
    assert subscriber.consent_version == CONSENT_VERSION
    assert before <= subscriber.consented_at <= timezone.now()
    assert subscriber.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["ana@example.si"]
    assert translated("Confirm your subscription to the 2SoKroG newsletter") in message.subject
    assert confirm_path(message).startswith("/sl/newsletter/confirm/")


def test_the_page_after_subscribing_says_to_check_the_e_mail(client):
    response = subscribe(client)

    page = client.get(response["Location"])

    assert page.status_code == 200
    assert translated("Check your e-mail") in text_of(page)


def test_following_the_link_shows_a_button_and_confirms_nothing(client):
    subscribe(client)
    path = confirm_path(mail.outbox[0])

    response = client.get(path)

    assert response.status_code == 200
    button = BeautifulSoup(response.content.decode(), "html.parser").select_one(
        "form[method=post] button[type=submit]"
    )
    assert button.get_text(strip=True) == translated("Confirm the subscription")
    assert Subscriber.objects.get().confirmed_at is None


def test_pressing_the_button_confirms_the_subscription_and_mails_nothing_more(client):
    subscribe(client)

    response = confirm(client, confirm_path(mail.outbox[0]))

    assert response.status_code == 200
    assert translated("You are subscribed") in text_of(response)
    assert Subscriber.objects.get().confirmed_at is not None
    assert len(mail.outbox) == 1


def test_a_link_used_once_says_so_the_second_time(client):
    subscribe(client)
    path = confirm_path(mail.outbox[0])
    confirm(client, path)
    confirmed_at = Subscriber.objects.get().confirmed_at

    response = client.post(path)

    assert response.status_code == 409
    assert translated("The link has already been used") in text_of(response)
    assert Subscriber.objects.get().confirmed_at == confirmed_at


def test_an_expired_link_says_so_and_confirms_nothing(client):
    subscribe(client)
    path = confirm_path(mail.outbox[0])

    with days_later(CONFIRMATION_VALID_DAYS + 1):
        shown = client.get(path)
        pressed = client.post(path)

    for response in (shown, pressed):
        assert response.status_code == 410
        assert translated("The link has expired") in text_of(response)
        assert translated_plural(
            "A confirmation link works for %(days)s day, and this one is older. "
            "Nothing was changed.",
            "A confirmation link works for %(days)s days, and this one is older. "
            "Nothing was changed.",
            CONFIRMATION_VALID_DAYS,
            days=CONFIRMATION_VALID_DAYS,
        ) in text_of(response)
    assert Subscriber.objects.get().confirmed_at is None


def test_a_link_still_works_on_its_last_day(client):
    subscribe(client)
    path = confirm_path(mail.outbox[0])

    with days_later(CONFIRMATION_VALID_DAYS - 1):
        response = confirm(client, path)

    assert response.status_code == 200
    assert Subscriber.objects.get().confirmed_at is not None


def test_a_tampered_link_is_not_found_and_confirms_nothing(client):
    subscribe(client)
    path = confirm_path(mail.outbox[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = url("subscription_confirm", token=("0" if token[0] != "0" else "1") + token[1:])

    shown = client.get(tampered)
    pressed = client.post(tampered)

    for response in (shown, pressed):
        assert response.status_code == 404
        assert translated("The link is not valid") in text_of(response)
    assert Subscriber.objects.get().confirmed_at is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_s_language_is_the_confirmation_s_language(client, language):
    subscribe(client, language=language)

    [message] = mail.outbox
    path = confirm_path(message)
    assert path.startswith(f"/{language}/")
    assert (
        translated("Confirm your subscription to the 2SoKroG newsletter", language)
        in message.subject
    )
    assert Subscriber.objects.get().language == language
    page = client.get(path)
    assert page.status_code == 200
    assert BeautifulSoup(page.content.decode(), "html.parser").html["lang"] == language
    assert translated("Confirm the subscription", language) in text_of(page)
    confirmed = client.post(path, sent_form(page.content.decode()))
    assert confirmed.status_code == 200
    assert translated("You are subscribed", language) in text_of(confirmed)


@pytest.mark.parametrize("page_language", LANGUAGES)
def test_the_subscribe_page_works_in_each_language(client, page_language):
    response = subscribe(client, language=page_language, page_language=page_language)

    assert response["Location"] == url("subscription_requested", language=page_language)
    assert Subscriber.objects.get().language == page_language


# Bad input


@pytest.mark.parametrize("typed", ["ana", "ana@", "a b@example.si", "ana@example"])
def test_a_malformed_address_is_refused_and_kept_in_the_form(client, typed):
    response = subscribe(client, email=typed)

    assert response.status_code == 200
    assert typed_email(response) == typed
    assert translated("Enter a valid email address.") in text_of(response)
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_a_subscription_without_consent_is_refused(client):
    response = subscribe(client, consent=None)

    assert response.status_code == 200
    assert translated("The newsletter can only be sent with your consent.") in text_of(response)
    assert typed_email(response) == "ana@example.si"
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_a_language_not_offered_is_refused(client):
    response = subscribe(client, language="de")

    assert response.status_code == 200
    assert translated(
        "Select a valid choice. %(value)s is not one of the available choices.", value="de"
    ) in text_of(response)
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_subscribing_again_before_confirming_sends_a_new_link_and_keeps_one_row(client):
    subscribe(client, language="sl")

    response = subscribe(client, language="hr")

    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "hr"
    assert subscriber.confirmed_at is None
    assert len(mail.outbox) == 2
    assert confirm_path(mail.outbox[1]).startswith("/hr/")
    assert confirm(client, confirm_path(mail.outbox[1])).status_code == 200


def test_subscribing_a_confirmed_address_mails_a_note_and_changes_nothing(client):
    subscriber = SubscriberFactory(email="ana@example.si", language="hr")
    before = Subscriber.objects.values().get()

    response = subscribe(client, email="ana@example.si", language="en")

    assert response.status_code == 302
    assert Subscriber.objects.values().get() == before
    [message] = mail.outbox
    assert message.to == [subscriber.email]
    assert translated("You already receive the 2SoKroG newsletter", "hr") in message.subject
    assert not CONFIRM_LINK.search(message.body)


def test_the_form_answers_alike_for_a_listed_and_a_new_address(client):
    """Nobody learns from the form which addresses are on the list."""
    SubscriberFactory(email="ana@example.si")

    listed = subscribe(client, email="ana@example.si")
    new = subscribe(client, email="bojan@example.si")

    assert (listed.status_code, listed["Location"], listed.content) == (
        new.status_code,
        new["Location"],
        new.content,
    )
    assert client.get(listed["Location"]).content == client.get(new["Location"]).content
    assert [message.to for message in mail.outbox] == [["ana@example.si"], ["bojan@example.si"]]


def test_an_address_is_one_however_it_is_typed(client):
    subscribe(client, email="  Ana@Example.SI ")
    subscribe(client, email="ana@example.si")

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ana@example.si"
    assert subscriber.email_key == email_key("ana@example.si")
    assert [message.to for message in mail.outbox] == [["ana@example.si"]] * 2


def test_a_mail_server_that_does_not_answer_stores_nothing(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2

    response = subscribe(client, email="ana@example.si")

    assert response.status_code == 503
    assert typed_email(response) == "ana@example.si"
    assert translated(
        "The confirmation e-mail could not be sent just now: nothing was stored. "
        "Please try again in a few minutes."
    ) in text_of(response)
    assert not Subscriber.objects.exists()


# Rate limits


def test_a_fourth_request_for_one_address_within_the_hour_is_refused(client):
    for _attempt in range(3):
        assert subscribe(client, email="ana@example.si").status_code == 302

    response = subscribe(client, email="Ana@example.si")

    assert response.status_code == 429
    assert typed_email(response) == "Ana@example.si"
    assert translated("Too many subscription requests: please try again in an hour.") in text_of(
        response
    )
    assert len(mail.outbox) == 3


def test_one_client_may_send_twenty_requests_an_hour(client):
    address = url("subscribe")
    html = client.get(address).content.decode()
    for number in range(20):
        data = sent_form(html, email=f"narocnik{number}@example.si", language="sl", consent="on")
        assert client.post(address, data).status_code == 302

    data = sent_form(html, email="zadnji@example.si", language="sl", consent="on")
    response = client.post(address, data)

    assert response.status_code == 429
    assert typed_email(response) == "zadnji@example.si"
    assert not Subscriber.objects.filter(email="zadnji@example.si").exists()
    assert len(mail.outbox) == 20


# Unsubscribing


def test_the_unsubscribe_link_shows_a_button_and_unsubscribes_nobody(client):
    subscriber = SubscriberFactory()

    response = client.get(unsubscribe_path(subscriber))

    assert response.status_code == 200
    button = BeautifulSoup(response.content.decode(), "html.parser").select_one(
        "form[method=post] button[type=submit]"
    )
    assert button.get_text(strip=True) == translated("Unsubscribe")
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not Unsubscription.objects.exists()


def test_pressing_the_button_deletes_the_address_and_keeps_only_its_keyed_hash(client):
    subscriber = SubscriberFactory(email="ana@example.si")
    path = unsubscribe_path(subscriber)
    page = client.get(path)

    response = client.post(path, sent_form(page.content.decode()))

    assert response.status_code == 200
    assert translated("You are unsubscribed") in text_of(response)
    assert not Subscriber.objects.exists()
    unsubscription = Unsubscription.objects.get()
    assert unsubscription.email_key == email_key("ana@example.si")
    assert "email" not in {field.name for field in Unsubscription._meta.get_fields()}
    kept = [str(value) for value in Unsubscription.objects.values().get().values()]
    assert not any("ana" in value.lower() and "example" in value.lower() for value in kept)


def test_a_mail_client_unsubscribes_in_one_click_without_a_csrf_token():
    """RFC 8058: the mail client posts ``List-Unsubscribe=One-Click`` to the link."""
    subscriber = SubscriberFactory()
    mail_client = Client(enforce_csrf_checks=True)

    def one_click():
        return mail_client.post(
            unsubscribe_path(subscriber),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )

    assert one_click().status_code == 200
    assert not Subscriber.objects.exists()
    assert one_click().status_code == 200
    assert Unsubscription.objects.get().email_key == subscriber.email_key


def test_a_forged_unsubscribe_link_is_not_found_and_deletes_nothing(client):
    subscriber = SubscriberFactory()
    path = unsubscribe_path(subscriber)
    key, signature = path.rstrip("/").rsplit("/", 1)[1].split(":")
    altered = url("unsubscribe", token=f"{key}:{signature[::-1]}")
    forged = url("unsubscribe", token=f"{email_key('bojan@example.si')}:{signature}")

    for path in (altered, forged):
        assert client.get(path).status_code == 404
        response = client.post(path)
        assert response.status_code == 404
        assert translated("The link is not valid") in text_of(response)

    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not Unsubscription.objects.exists()


def test_one_address_s_link_never_unsubscribes_another(client):
    ana = SubscriberFactory(email="ana@example.si")
    bojan = SubscriberFactory(email="bojan@example.si")

    client.post(unsubscribe_path(ana))

    assert list(Subscriber.objects.values_list("email", flat=True)) == [bojan.email]
    assert list(Unsubscription.objects.values_list("email_key", flat=True)) == [ana.email_key]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_unsubscribe_pages_speak_the_link_s_language(client, language):
    subscriber = SubscriberFactory(language=language)
    path = unsubscribe_path(subscriber, language)

    page = client.get(path)
    done = client.post(path, sent_form(page.content.decode()))

    assert translated("Unsubscribe from the newsletter", language) in text_of(page)
    assert translated("You are unsubscribed", language) in text_of(done)


def test_subscribing_again_after_unsubscribing_forgets_the_unsubscription(client):
    subscriber = SubscriberFactory(email="ana@example.si")
    client.post(unsubscribe_path(subscriber))

    subscribe(client, email="ana@example.si")
    assert Unsubscription.objects.exists(), "Only the confirmation is a new wish."
    confirm(client, confirm_path(mail.outbox[0]))

    assert not Unsubscription.objects.exists()
    assert Subscriber.objects.get(email="ana@example.si").confirmed_at is not None


# Forgetting requests nobody confirmed


def test_unconfirmed_requests_older_than_the_link_are_forgotten_at_the_next_request(client):
    now = timezone.now()
    stale = SubscriberFactory(confirmed_at=None, consented_at=now - timedelta(days=8))
    waiting = SubscriberFactory(confirmed_at=None, consented_at=now - timedelta(days=6))
    confirmed = SubscriberFactory(consented_at=now - timedelta(days=30))

    subscribe(client, email="ana@example.si")

    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        waiting.email,
        confirmed.email,
        "ana@example.si",
    }
    assert not Subscriber.objects.filter(pk=stale.pk).exists()
