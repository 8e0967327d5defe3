"""Settings of a ``db_worker`` that a test runs as a process of its own.

The test's settings, with the queue in the database and mail through SMTP;
the test names its database and its SMTP sink's port in the environment.
"""

import os

from portal.settings.test import *  # noqa: F403
from tests.tasks import DATABASE_QUEUE

TASKS = DATABASE_QUEUE
DATABASES["default"]["NAME"] = os.environ["PORTAL_TEST_DATABASE"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST, EMAIL_PORT = "127.0.0.1", int(os.environ["PORTAL_TEST_SMTP_PORT"])
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
EMAIL_USE_TLS = EMAIL_USE_SSL = False
