"""Count the SQL queries of each benchmarked page, in-process, on the benchmark's database.

Run by ``python -m bench`` as ``python -m bench.probe OUTPUT.json`` with the
same environment as gunicorn, before gunicorn starts. Django's test client
goes through the whole middleware stack, so the count is what a gunicorn
worker runs per request. The first request to each page is a warm-up:
Wagtail caches the site's root paths, and the first view of the partnership
page makes the logos' renditions.

The staff pages are read by a coordinator (``bench.meetings``) who signs in
as production asks, with the password and then a code of the authenticator
app; the session this makes is in the database, and ``OUTPUT.json`` hands
its cookie to the load generator, so gunicorn serves the same signed-in
person.
"""

import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

import django

WARM_UP = 1
MEASURED = 5


def main(output: str) -> None:
    """Write the database's version, the data's size and each page's figures to ``output``."""
    django.setup()
    from django.conf import settings
    from django.test import Client

    headers = {"HTTP_HOST": "127.0.0.1", "HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    visitor = Client(**headers)
    coordinator = _signed_in(Client(**headers))
    *public, static = _targets().items()
    targets = {name: _measure(visitor, path) for name, path in public}
    for name, path in measured_pages().items():
        targets[name] = {**_measure(coordinator, path), "signed_in": True}
    targets[static[0]] = _measure(visitor, static[1])
    report = {
        "database": _database(),
        "dataset": _dataset(),
        "targets": targets,
        # Only for the load generator: bench.run keeps it out of the results.
        "session_cookie": (
            f"{settings.SESSION_COOKIE_NAME}="
            f"{coordinator.cookies[settings.SESSION_COOKIE_NAME].value}"
        ),
    }
    Path(output).write_text(json.dumps(report, indent=2, ensure_ascii=False))


def measured_pages():
    """The staff pages the benchmark loads, as the measured coordinator reaches them.

    "My work"; the first protocol waiting for the coordinator's approval (the
    first link of the dashboard); the cycle that protocol belongs to.
    """
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import translation

    from meetings.selectors import my_work

    from .meetings import MEASURED_COORDINATOR_EMAIL

    user = get_user_model().objects.get(email=MEASURED_COORDINATOR_EMAIL)
    protocol = my_work(user).awaiting_approval[0]
    with translation.override("sl"):
        return {
            "my work (sl)": reverse("meetings:my_work"),
            "cycle (sl)": reverse("meetings:cycle", args=[protocol.cycle_id]),
            "protocol (sl)": reverse("meetings:protocol", args=[protocol.pk]),
        }


def _targets() -> dict[str, str]:
    """Paths of the pages the benchmark loads, in the order it reports them."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.urls import reverse
    from django.utils import translation

    from knowledge_base.models import (
        DirectoryPage,
        GuideIndexPage,
        GuidePage,
        StudyVisitIndexPage,
        StudyVisitPage,
    )
    from news.models import NewsIndexPage, NewsletterArchivePage, NewsPage
    from partners.models import PartnershipPage
    from portal.models import HomePage, StandardPage

    from .content import SEARCH_TERMS

    with translation.override("sl"):
        search = f"{reverse('search')}?q={quote_plus(SEARCH_TERMS.sl)}"
        narrowed = f"{search}&type=guides&topic=health"
        login = reverse("account_login")
    with translation.override("hr"):
        search_hr = f"{reverse('search')}?q={quote_plus(SEARCH_TERMS.hr)}"
    directory = DirectoryPage.objects.get(locale__language_code="sl")
    newest_visit = StudyVisitPage.objects.live().filter(locale__language_code="sl")
    # The newest item with a photo: its page shows the photo's rendition and its tags.
    news_item = (
        NewsPage.objects.live()
        .filter(locale__language_code="sl", image__isnull=False)
        .order_by("-date", "-pk")
        .first()
    )
    return {
        "home (sl)": HomePage.objects.get(locale__language_code="sl").url,
        "home (hr)": HomePage.objects.get(locale__language_code="hr").url,
        "partnership (sl)": PartnershipPage.objects.get(locale__language_code="sl").url,
        "about (sl)": StandardPage.objects.get(locale__language_code="sl", slug="o-projektu").url,
        "search (sl)": search,
        "search (hr)": search_hr,
        "search, guides on a topic (sl)": narrowed,
        "guide index (sl)": GuideIndexPage.objects.get(locale__language_code="sl").url,
        "guide (sl)": GuidePage.objects.live()
        .filter(locale__language_code="sl")
        .order_by("-pk")
        .first()
        .url,
        "directory, filtered (sl)": f"{directory.url}?region=podravska&kind=ngo",
        "study visit index (sl)": StudyVisitIndexPage.objects.get(locale__language_code="sl").url,
        "study visit (sl)": newest_visit.order_by("-starts_on").first().url,
        "news index (sl)": NewsIndexPage.objects.get(locale__language_code="sl").url,
        "news item (sl)": news_item.url,
        "newsletter archive (sl)": NewsletterArchivePage.objects.get(
            locale__language_code="sl"
        ).url,
        "login (sl)": login,
        "sitemap": reverse("sitemap"),
        "static CSS": staticfiles_storage.url("portal/css/portal.css"),
    }


def _signed_in(client):
    """Sign ``client`` in as the measured coordinator: the password, then a TOTP code."""
    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from allauth.mfa.utils import decrypt

    from django.urls import reverse
    from django.utils import translation

    from accounts.factories import DEFAULT_PASSWORD

    from .meetings import MEASURED_COORDINATOR_EMAIL

    with translation.override("sl"):
        login = reverse("account_login")
    response = client.post(
        login, {"login": MEASURED_COORDINATOR_EMAIL, "password": DEFAULT_PASSWORD}
    )
    # allauth now asks for the code the coordinator's authenticator app shows.
    authenticator = Authenticator.objects.get(
        user__email=MEASURED_COORDINATOR_EMAIL, type=Authenticator.Type.TOTP
    )
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    code = format_hotp_value(hotp_value(decrypt(authenticator.data["secret"]), counter))
    client.post(response.url, {"code": code})
    if "_auth_user_id" not in client.session:
        raise SystemExit(f"Could not sign in as {MEASURED_COORDINATOR_EMAIL}.")
    return client


def _measure(client, path: str) -> dict:
    """Status, queries and in-process time of ``path``; the queries of every request must agree."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        client.get(path)
    counts, seconds, sql_seconds = [], [], []
    for _ in range(MEASURED):
        timer = _SqlTimer()
        with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timer):
            started = time.perf_counter()
            response = client.get(path)
            seconds.append(time.perf_counter() - started)
        counts.append(len(queries))
        sql_seconds.append(timer.seconds)
    return {
        "path": path,
        "status": response.status_code,
        "bytes": len(_body(response)),
        "queries": max(counts),
        "queries_stable": len(set(counts)) == 1,
        "in_process_ms": round(statistics.median(seconds) * 1000, 2),
        "sql_ms": round(statistics.median(sql_seconds) * 1000, 2),
    }


class _SqlTimer:
    """Adds up the time the database took, to tell SQL from Python in a page's time."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _database() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        version = cursor.fetchone()[0]
    return {"vendor": connection.vendor, "version": version}


def _dataset() -> dict:
    """How much there is, so a report says what size of portal it measured."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    from meetings.models import ActionItem, MeetingProtocol, Participant, ProgrammeCycle
    from news.models import NewsletterIssuePage, NewsPage
    from partners.models import Institution, Membership

    return {
        "pages": Page.objects.filter(depth__gt=1).count(),
        "news items": NewsPage.objects.count(),
        "newsletter issues": NewsletterIssuePage.objects.count(),
        "institutions": Institution.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "programme cycles": ProgrammeCycle.objects.count(),
        "participants": Participant.objects.count(),
        "protocols": MeetingProtocol.objects.count(),
        "action items": ActionItem.objects.count(),
    }


if __name__ == "__main__":
    main(sys.argv[1])
