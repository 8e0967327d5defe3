from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.demo.base import DemoDataError
from portal.demo.registry import demo_loaders


class Command(BaseCommand):
    help = (
        "Fill the portal with the demo partnership: every app's demo data (pages in "
        "Slovenian, Croatian and English, institutions, one user per role, programme cycles "
        "and their meetings), in the order the apps need. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        for loader in demo_loaders():
            loader.add_arguments(parser)

    def handle(self, *args, **options):
        # One transaction: a failure leaves no half-loaded demo behind. Wagtail-localize
        # publishes the translations when it commits.
        try:
            with transaction.atomic():
                reports = [(loader, loader.load(**options)) for loader in demo_loaders()]
        except DemoDataError as error:
            raise CommandError(str(error)) from error

        for loader, report in reports:
            self.stdout.write(self.style.SUCCESS(f"{loader.app.label}: {report.summary()}"))
            for line in report.lines:
                self.stdout.write(f"  {line}")
