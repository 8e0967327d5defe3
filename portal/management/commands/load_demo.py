from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.demo.loading import (
    DemoDataError,
    Outcome,
    load_institutions,
    load_pages,
    load_people,
)


class Command(BaseCommand):
    help = (
        "Fill the portal with the demo partnership: institutions, pages in Slovenian, "
        "Croatian and English, and one user per role. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give the existing demo users new passwords and print them.",
        )

    def handle(self, *args, reset_passwords=False, **options):
        # One transaction: a failure leaves no half-loaded demo behind. Wagtail-localize
        # publishes the translations when it commits.
        try:
            with transaction.atomic():
                institutions = load_institutions()
                pages, translations = load_pages()
                people = load_people(reset_passwords=reset_passwords)
        except DemoDataError as error:
            raise CommandError(str(error)) from error

        self.stdout.write("Demo users (log in with the e-mail address):")
        for person in people:
            password = f"password: {person.password}" if person.password else "password unchanged"
            self.stdout.write(f"  {person.email:<40} {person.role:<36} {password}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Institutions: {_summary(institutions)}. "
                f"Slovenian pages: {_summary(pages)}. "
                f"Translations: {_summary(translations)}. "
                f"Users: {_summary(person.outcome for person in people)}."
            )
        )


def _summary(outcomes):
    counts = Counter(outcomes)
    return ", ".join(f"{counts[outcome]} {outcome}" for outcome in Outcome)
