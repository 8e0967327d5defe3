import pytest

from wagtail.users.models import UserProfile

from accounts.factories import UserFactory


@pytest.fixture
def superuser(db):
    """A site administrator past the MFA requirement whose Wagtail admin speaks English.

    The admin follows the user's preferred language, so the tests can read
    Wagtail's English messages whatever the portal's default language is.
    """
    user = UserFactory(is_superuser=True, is_staff=True, totp=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user
