"""Every form lays out a field as label, errors, field, help: nothing between label and field."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_the_forgotten_password_link_comes_after_the_password_field(client, home_pages):
    page = BeautifulSoup(client.get("/sl/accounts/login/").content.decode(), "html.parser")

    label = page.select_one('label[for="id_password"]')
    assert label.find_next_sibling().get("id") == "id_password"
    help_text = page.select_one("#id_password").find_next_sibling()
    assert help_text.get("id") == "id_password_helptext"
    assert help_text.select_one('a[href="/sl/accounts/password/reset/"]')
