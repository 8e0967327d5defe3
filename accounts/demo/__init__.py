"""The demo users: one per role, and a coordinator for each institution of the demo cycles.

Other apps' demo data names these people by key (``people.PEOPLE``); their
loaders find them with ``demo_users()`` once this app's loader has run.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from partners.models import MembershipRole

from .people import PEOPLE


def demo_email(key: str) -> str:
    return f"{key}@{settings.PORTAL_DEMO_EMAIL_DOMAIN}"


def demo_users() -> dict:
    """The demo users by key."""
    users = get_user_model().objects.filter(email__in=[demo_email(p.key) for p in PEOPLE])
    return {user.email.partition("@")[0]: user for user in users}


def demo_coordinators() -> dict:
    """The demo coordinator of each institution that has one, by the institution's short name."""
    users = demo_users()
    return {
        person.membership[0]: users[person.key]
        for person in PEOPLE
        if person.membership and person.membership[1] == MembershipRole.COORDINATOR
    }
