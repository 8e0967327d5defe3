"""Local development: SQLite, console e-mail, demo users without MFA."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Only good for a developer's machine; production.py refuses this value.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)

# Demo-only: the users created by `manage.py load_demo` (e-mail addresses at
# PORTAL_DEMO_EMAIL_DOMAIN) may use the portal without setting up TOTP, so a
# newcomer can look around at once. Never set in production.py.
PORTAL_DEMO_USERS_SKIP_MFA = env.bool("PORTAL_DEMO_USERS_SKIP_MFA", default=True)
