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
