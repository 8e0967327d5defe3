import pytest

from accounts.factories import UserFactory


@pytest.fixture
def admin_client(client):
    """A superuser who has set up TOTP, so the MFA requirement lets them into the admin."""
    client.force_login(UserFactory(is_superuser=True, totp=True))
    return client
