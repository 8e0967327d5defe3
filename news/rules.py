"""When a news item is complete: an upcoming activity has a date, wherever it is written."""

from django.utils.translation import gettext_lazy as _

Errors = dict[str, list[str]]


def news_page_errors(page) -> Errors:
    """Why the news item cannot be published as it is, by field."""
    errors: Errors = {}
    if page.activity_place and page.activity_starts_at is None:
        errors["activity_starts_at"] = [
            _("Give the date and time of the activity, or leave its place empty.")
        ]
    return errors
