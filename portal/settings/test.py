"""Test settings: fast hashing, in-memory e-mail, MFA enforced as in production."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import database_from_environment

SECRET_KEY = "test-only-secret-key-for-the-test-suite-0123456789abcdef"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
DATABASES = {"default": database_from_environment(BASE_DIR / "test.sqlite3")}  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the newsletter's crash test runs db_worker as a process of its
    # own, which must see the test database. One file per test run, as memory was, so
    # that two runs never share one; the root conftest.py deletes it afterwards.
    DATABASES["default"]["TEST"] = {
        "NAME": Path(tempfile.gettempdir()) / f"portal-test-{os.getpid()}.sqlite3"
    }
PORTAL_DEMO_USERS_SKIP_MFA = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks run where they are enqueued, so a test sees their effect at once; the tests of the
# worker itself (tests/portal/test_tasks.py) put them in the database and run db_worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
