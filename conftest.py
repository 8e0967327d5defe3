from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files of a test go to a folder that disappears with it."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits live in the cache: no test may inherit another's counters."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_pages(db):
    """The migrated Slovenian home page and its Croatian and English translations, by code."""
    from wagtail.models import Locale

    from portal.models import HomePage

    slovenian = HomePage.objects.get(locale__language_code="sl")
    homes = {"sl": slovenian}
    for code in ("hr", "en"):
        homes[code] = slovenian.copy_for_translation(Locale.objects.get(language_code=code))
        homes[code].save_revision().publish()
    return homes


def pytest_unconfigure(config):
    """The SQLite test database is a file of this run (``portal.settings.test``): remove it."""
    from django.conf import settings

    name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if name is not None:
        for path in (Path(name), Path(f"{name}-journal")):
            path.unlink(missing_ok=True)
