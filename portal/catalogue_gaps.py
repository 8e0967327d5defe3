"""Django messages that its own Croatian catalogue leaves untranslated.

For a string missing from the Croatian catalogue Django falls back to the
default language, Slovenian, so a Croatian reader would get a Slovenian
sentence in the middle of a Croatian form. Django's source writes some of
these with a typographic apostrophe (’) while its Croatian catalogue still
has the older straight one, so they never match. Marking the msgids here
brings them into the project's catalogues, which take precedence.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MISSING_IN_DJANGOS_CROATIAN = [
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: "
        "%(allowed_extensions)s."
    ),
    gettext_noop("Null characters are not allowed."),
]

MISSING_PLURALS_IN_DJANGOS_CROATIAN = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
]
