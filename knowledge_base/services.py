"""Changes to the knowledge base that are more than a form's save: the directory's import.

An editor uploads a CSV or XLSX file (``directory_import_upload``), sees what
it would change (``directory_import_preview``, a dry run in a transaction
that is rolled back) and applies it (``directory_import_apply``). Rows that
are refused are reported with their reasons and change nothing; the others
are saved with a revision naming the editor.
"""

from dataclasses import dataclass, field
from pathlib import PurePath

import tablib
from import_export.formats import base_formats
from import_export.results import RowResult

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import DirectoryImport
from .resources import LocalServiceResource

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
REQUIRED_COLUMNS = ("name", "kind", "municipality", "region")


class DirectoryImportError(Exception):
    """The file cannot be imported at all; ``message`` says why, in the editor's words."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class ImportRow:
    line: int
    action: str  # "new", "update", "unchanged" or "refused"
    name: str
    municipality: str
    reasons: tuple[str, ...] = ()


@dataclass
class ImportReport:
    directory_import: DirectoryImport
    rows: list[ImportRow] = field(default_factory=list)

    @property
    def totals(self) -> dict:
        counts = dict.fromkeys(("new", "update", "unchanged", "refused"), 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts

    @property
    def refused(self) -> list[ImportRow]:
        return [row for row in self.rows if row.action == "refused"]

    @property
    def changes(self) -> int:
        return self.totals["new"] + self.totals["update"]


def _dataset(content: bytes, file_format: str) -> tablib.Dataset:
    try:
        if file_format == DirectoryImport.Format.CSV:
            text = content.decode("utf-8-sig")
            return tablib.Dataset().load(text, format="csv")
        return tablib.Dataset().load(content, format="xlsx")
    except UnicodeDecodeError as error:
        raise DirectoryImportError(
            _("The file is not in UTF-8. Save it from your spreadsheet as “CSV UTF-8”.")
        ) from error
    except Exception as error:  # tablib and openpyxl raise many kinds for a broken file
        raise DirectoryImportError(
            _("The file could not be read as %(format)s. Check that it is not damaged.")
            % {"format": file_format.upper()}
        ) from error


def _check_columns(dataset: tablib.Dataset) -> None:
    headers = [str(header or "").strip() for header in dataset.headers or ()]
    known = set(LocalServiceResource.Meta.fields)
    missing = [column for column in REQUIRED_COLUMNS if column not in headers]
    unknown = [header for header in headers if header not in known]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(
                gettext("These columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        if unknown:
            parts.append(
                gettext("These columns are not known: %(columns)s.")
                % {"columns": ", ".join(unknown)}
            )
        parts.append(
            gettext("The columns are: %(columns)s.")
            % {"columns": ", ".join(LocalServiceResource.Meta.fields)}
        )
        raise DirectoryImportError(" ".join(parts))
    if dataset.height > MAX_IMPORT_ROWS:
        raise DirectoryImportError(
            _("The file has %(rows)d rows; import at most %(most)d at a time.")
            % {"rows": dataset.height, "most": MAX_IMPORT_ROWS}
        )
    if dataset.height == 0:
        raise DirectoryImportError(_("The file has no rows of services below its header."))
    dataset.headers = headers


def directory_import_upload(*, user, file_name: str, content: bytes) -> DirectoryImport:
    """Keep an uploaded file of services if it can be imported at all; else say why."""
    suffix = PurePath(file_name).suffix.lower().lstrip(".")
    if suffix not in DirectoryImport.Format.values:
        raise DirectoryImportError(_("Upload a CSV or an XLSX file."))
    if len(content) > MAX_IMPORT_BYTES:
        raise DirectoryImportError(
            _("The file is larger than %(size)s MB; split it into smaller files.")
            % {"size": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    _check_columns(_dataset(content, suffix))
    return DirectoryImport.objects.create(
        uploaded_by=user, file_name=file_name[:255], file_format=suffix, content=content
    )


def _run(directory_import: DirectoryImport, *, user, dry_run: bool) -> ImportReport:
    dataset = _dataset(bytes(directory_import.content), directory_import.file_format)
    _check_columns(dataset)
    resource = LocalServiceResource(user=user)
    result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True)
    report = ImportReport(directory_import=directory_import)
    for line, (row, row_result) in enumerate(zip(dataset.dict, result.rows, strict=True), 2):
        report.rows.append(_report_row(line, row, row_result))
    return report


_ACTIONS = {
    RowResult.IMPORT_TYPE_NEW: "new",
    RowResult.IMPORT_TYPE_UPDATE: "update",
    RowResult.IMPORT_TYPE_SKIP: "unchanged",
}


def _report_row(line, row, row_result) -> ImportRow:
    name, municipality = str(row.get("name") or ""), str(row.get("municipality") or "")
    if row_result.import_type in _ACTIONS:
        return ImportRow(line, _ACTIONS[row_result.import_type], name, municipality)
    reasons = []
    if row_result.validation_error is not None:
        for field_name, messages in row_result.validation_error.message_dict.items():
            reasons.extend(
                f"{field_name}: {message}" if field_name != "__all__" else message
                for message in messages
            )
    reasons.extend(
        gettext("The row could not be saved: %(error)s") % {"error": error.error}
        for error in row_result.errors
    )
    return ImportRow(line, "refused", name, municipality, tuple(reasons))


def directory_import_preview(directory_import: DirectoryImport, *, user) -> ImportReport:
    """What applying the file would do, row by row; nothing is written."""
    return _run(directory_import, user=user, dry_run=True)


@transaction.atomic
def directory_import_apply(directory_import_id: int, *, user) -> ImportReport:
    """Apply a previewed file once: its accepted rows are saved, the refused ones change nothing."""
    directory_import = DirectoryImport.objects.select_for_update().get(pk=directory_import_id)
    if directory_import.applied_at is not None:
        raise DirectoryImportError(_("This file has been imported already."))
    report = _run(directory_import, user=user, dry_run=False)
    directory_import.applied_at = timezone.now()
    directory_import.applied_by = user
    directory_import.totals = report.totals
    directory_import.save(update_fields=["applied_at", "applied_by", "totals"])
    return report


def directory_export(file_format: str) -> bytes:
    """Every service as a CSV or XLSX file that the import reads back unchanged."""
    dataset = LocalServiceResource().export()
    # import-export's formats strip a leading "=" (IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT):
    # a spreadsheet would run a service's name as a formula.
    if file_format == DirectoryImport.Format.CSV:
        return base_formats.CSV().export_data(dataset).encode("utf-8-sig")
    return base_formats.XLSX().export_data(dataset)
