"""Count the SQL queries of each benchmarked page, in-process, on the benchmark's database.

Run by ``python -m bench`` as ``python -m bench.probe OUTPUT.json`` with the
same environment as gunicorn, before gunicorn starts. Django's test client
goes through the whole middleware stack, so the count is what a gunicorn
worker runs per request. The first request to each page is a warm-up:
Wagtail caches the site's root paths, and the first view of the partnership
page makes the logos' renditions.
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
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    report = {
        "database": _database(),
        "dataset": _dataset(),
        "targets": {name: _measure(client, path) for name, path in _targets().items()},
    }
    Path(output).write_text(json.dumps(report, indent=2, ensure_ascii=False))


def _targets() -> dict[str, str]:
    """Paths of the pages the benchmark loads, in the order it reports them."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.urls import reverse
    from django.utils import translation

    from partners.models import PartnershipPage
    from portal.models import HomePage, StandardPage

    from .content import SEARCH_TERMS

    with translation.override("sl"):
        search = f"{reverse('search')}?q={quote_plus(SEARCH_TERMS.sl)}"
        login = reverse("account_login")
    return {
        "home (sl)": HomePage.objects.get(locale__language_code="sl").url,
        "home (hr)": HomePage.objects.get(locale__language_code="hr").url,
        "partnership (sl)": PartnershipPage.objects.get(locale__language_code="sl").url,
        "about (sl)": StandardPage.objects.get(locale__language_code="sl", slug="o-projektu").url,
        "search (sl)": search,
        "login (sl)": login,
        "sitemap": reverse("sitemap"),
        "static CSS": staticfiles_storage.url("portal/css/portal.css"),
    }


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

    from partners.models import Institution, Membership

    return {
        "pages": Page.objects.filter(depth__gt=1).count(),
        "institutions": Institution.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
    }


if __name__ == "__main__":
    main(sys.argv[1])
