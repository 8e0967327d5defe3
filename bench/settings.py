"""The production settings, served on loopback for the benchmark.

``python -m bench`` puts what production.py requires into the environment
(a random SECRET_KEY for the run, ALLOWED_HOSTS=127.0.0.1,
WAGTAILADMIN_BASE_URL, SECURE_SSL_REDIRECT=false because there is no TLS
proxy in front of gunicorn, DATABASE_URL, REDIS_URL, STATIC_ROOT and
MEDIA_ROOT), so the portal runs exactly as deployed. Only what a measurement
needs is added here.
"""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import CACHES, env

# The SQLite and the PostgreSQL run share one Redis: Wagtail caches the site's
# root paths there, and each database has its own page ids.
CACHES["default"]["KEY_PREFIX"] = env.str("BENCH_CACHE_PREFIX", default="bench")

# Production mails errors to ADMINS; a benchmark must see them in gunicorn's log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR"}},
}
