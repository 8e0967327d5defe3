"""Every msgid of the project has a Slovenian and a Croatian translation.

The catalogues are extracted afresh from a copy of the source, so a string
added to the code but never put into locale/ fails here too.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.catalogue_gaps import MISSING_IN_DJANGOS_CROATIAN

LANGUAGES = ["sl", "hr"]
SKIPPED = shutil.ignore_patterns(
    ".venv",
    ".git",
    "node_modules",
    "media",
    "staticfiles",
    "screenshots",
    "results",
    "*.sqlite3*",
    "__pycache__",
    "*.mo",
)


@pytest.fixture(scope="module")
def extracted_catalogues(tmp_path_factory):
    copy = tmp_path_factory.mktemp("source") / "project"
    shutil.copytree(settings.BASE_DIR, copy, ignore=SKIPPED)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *[f"--locale={code}" for code in LANGUAGES],
            "--no-obsolete",
            "--verbosity=0",
        ],
        cwd=copy,
        check=True,
    )
    return {code: polib.pofile(str(_catalogue_path(copy, code))) for code in LANGUAGES}


def _catalogue_path(project, code):
    return project / "locale" / code / "LC_MESSAGES" / "django.po"


def _untranslated(catalogue):
    return [
        entry.msgid
        for entry in catalogue
        if entry.fuzzy
        or (entry.msgid_plural and not all(entry.msgstr_plural.values()))
        or (not entry.msgid_plural and not entry.msgstr)
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_of_the_project_is_translated(extracted_catalogues, code):
    assert _untranslated(extracted_catalogues[code]) == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_catalogue_in_the_repository_is_up_to_date(extracted_catalogues, code):
    committed = polib.pofile(str(_catalogue_path(Path(settings.BASE_DIR), code)))

    assert {e.msgid for e in extracted_catalogues[code]} == {
        e.msgid for e in committed if not e.obsolete
    }


@pytest.mark.parametrize("msgid", MISSING_IN_DJANGOS_CROATIAN)
def test_croatian_readers_never_get_djangos_slovenian_fallback(msgid):
    with translation.override("hr"):
        croatian = translation.gettext(msgid)
    with translation.override("sl"):
        slovenian = translation.gettext(msgid)

    assert croatian not in {msgid, slovenian}


@pytest.mark.parametrize("password", ["kratko", "123456789012345", "lozinka123"])
def test_croatian_readers_get_djangos_password_rules_in_croatian(password):
    def messages(code):
        with translation.override(code):
            try:
                password_validation.validate_password(password)
            except ValidationError as error:
                return error.messages
        return []

    croatian, slovenian, english = messages("hr"), messages("sl"), messages("en")

    assert croatian
    assert not set(croatian) & (set(slovenian) | set(english))


def test_croatian_readers_get_djangos_password_help_in_croatian():
    with translation.override("hr"):
        croatian = password_validation.password_validators_help_texts()
    with translation.override("sl"):
        slovenian = password_validation.password_validators_help_texts()

    assert not set(croatian) & set(slovenian)
