"""Write the demo users with their groups and memberships; print the passwords it made."""

import secrets
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from partners.models import Institution
from partners.services import membership_grant
from portal.demo.base import DemoReport, Outcome, sync

from . import demo_email
from .people import PEOPLE, DemoPerson


def add_arguments(parser) -> None:
    parser.add_argument(
        "--reset-passwords",
        action="store_true",
        help="Give the existing demo users new passwords and print them.",
    )


@dataclass(frozen=True)
class PersonResult:
    email: str
    role: str
    outcome: Outcome
    # Set only when the password was (re)generated: it is never stored in clear.
    password: str | None

    @property
    def line(self) -> str:
        password = f"password: {self.password}" if self.password else "password unchanged"
        return f"{self.email:<40} {self.role:<36} {password}"


def load(*, reset_passwords: bool = False, **options) -> DemoReport:
    """One user per role; a password is generated for new users, or for all on request."""
    people = [_sync_person(person, reset_password=reset_passwords) for person in PEOPLE]
    return DemoReport(
        counts={"Users": [person.outcome for person in people]},
        lines=["Demo users (log in with the e-mail address):", *(p.line for p in people)],
    )


def _sync_person(person: DemoPerson, *, reset_password: bool) -> PersonResult:
    email = demo_email(person.key)
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    password = None
    if user is None:
        user = user_model(username=get_adapter().generate_unique_username([email]), email=email)
        password = _new_password()
        user.set_password(password)
    outcome = sync(
        user,
        {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "is_active": True,
            "is_staff": person.is_superuser,
            "is_superuser": person.is_superuser,
        },
    )
    if reset_password and outcome is not Outcome.CREATED:
        password = _new_password()
        user.set_password(password)
        user.save(update_fields=["password"])
    sync(
        EmailAddress.objects.filter(user=user, email=email).first()
        or EmailAddress(user=user, email=email),
        {"primary": True, "verified": True},
    )
    user.groups.set([Group.objects.get(name=name) for name in person.groups])
    if person.membership:
        short_name, role = person.membership
        membership_grant(
            user=user, institution=Institution.objects.get(short_name=short_name), role=role
        )
    return PersonResult(email=email, role=person.role, outcome=outcome, password=password)


def _new_password() -> str:
    return secrets.token_urlsafe(12)
