"""Counting the SQL queries of one request, for the tests that pin them.

A first request fills what Wagtail caches per request and per process (the
site's root paths, logo renditions) before anything is counted.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation


def queries(client, url) -> int:
    """Queries of one request to ``url``, after a warm-up request; it must succeed."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def assert_pinned(client, url, expected, django_assert_num_queries):
    """Exactly ``expected`` queries after a warm-up: fewer is as much news as more."""
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


def url(name, *args, language="sl"):
    """The address of a view in ``language``: the prefix comes from the active language."""
    with translation.override(language):
        return reverse(name, args=args)
