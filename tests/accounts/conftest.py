import pytest

from accounts.factories import UserFactory
from partners.factories import InstitutionFactory, MembershipFactory
from partners.models import MembershipRole


@pytest.fixture
def institution(db):
    return InstitutionFactory(short_name="CSD Gorenjska")


@pytest.fixture
def institution_admin(institution):
    """An administrator of ``institution`` who has set up TOTP."""
    return MembershipFactory(
        institution=institution, role=MembershipRole.INSTITUTION_ADMIN, user__totp=True
    ).user


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, totp=True)
