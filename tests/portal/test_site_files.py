"""The files every site has: robots.txt, a favicon, and markup that validates."""

import re

import pytest

from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_keeps_crawlers_out_of_the_staff_area_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Disallow: /sl/meetings/" in text
    assert "Disallow: /hr/accounts/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_favicon_is_linked_and_answered(client, home_pages):
    page = client.get("/sl/").content.decode()

    assert 'rel="icon"' in page
    assert client.get("/favicon.ico").url.endswith("portal/favicon.svg")


def test_a_pages_time_of_publishing_is_a_valid_datetime_without_microseconds(client, home_pages):
    page = StandardPageFactory(parent=home_pages["sl"], title="O projektu", slug="o-projektu")
    page.save_revision().publish()

    html = client.get("/sl/o-projektu/").content.decode()

    stamp = re.search(r'<time datetime="([^"]+)"', html)[1]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp)
