"""The benchmark's results: a JSON file to keep, a table to read, and what failed."""

import json
from datetime import datetime
from pathlib import Path

COLUMNS = (
    # (heading, key in a target's results, format)
    ("queries", "queries", "{:d}"),
    ("median ms", "median_ms", "{:.1f}"),
    ("p95 ms", "p95_ms", "{:.1f}"),
    ("req/s", "requests_per_s", "{:.1f}"),
    ("errors", "errors", "{:d}"),
    ("server CPU ms", "server_cpu_ms", "{:.1f}"),
    ("in-process ms", "in_process_ms", "{:.1f}"),
    ("SQL ms", "sql_ms", "{:.1f}"),
)

PDF_COLUMNS = (
    ("pages", "pages", "{:d}"),
    ("KiB", "pdf_kib", "{:.1f}"),
    ("at approval ms", "at_approval_ms", "{:d}"),
    ("render and store ms", "render_and_store_ms", "{:d}"),
    ("peak memory added MiB", "peak_memory_added_mib", "{:.1f}"),
    ("peak memory MiB", "peak_memory_mib", "{:.1f}"),
)

NEWSLETTER_PDF_COLUMNS = (
    ("pages", "pages", "{:d}"),
    ("images", "images", "{:d}"),
    ("KiB", "pdf_kib", "{:.1f}"),
    ("first make ms", "first_make_ms", "{:d}"),
    ("render and store ms", "render_and_store_ms", "{:d}"),
    ("peak memory added MiB", "peak_memory_added_mib", "{:.1f}"),
    ("peak memory MiB", "peak_memory_mib", "{:.1f}"),
    ("load before", "load_average_before", "{:.2f}"),
    ("load after", "load_average_after", "{:.2f}"),
)

SENDING_COLUMNS = (
    ("recipients", "recipients", "{:d}"),
    ("received", "sink_received", "{:d}"),
    ("sent", "deliveries.sent", "{:d}"),
    ("batch", "batch_size", "{:d}"),
    ("test ms", "test_ms", "{:d}"),
    ("start s", "start_s", "{:.2f}"),
    ("seconds", "seconds", "{:.1f}"),
    ("messages/s", "messages_per_s", "{:.1f}"),
    ("load before", "load_average_before", "{:.2f}"),
    ("load after", "load_average_after", "{:.2f}"),
)


def write(result: dict, folder: Path) -> Path:
    """Save as ``bench-<date>-<time>.json`` and as ``latest.json``; returns the former."""
    text = json.dumps(result, indent=2, ensure_ascii=False)
    path = folder / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(text)
    (folder / "latest.json").write_text(text)
    return path


def print_table(result: dict) -> None:
    """One row per database and page, as a Markdown table that docs/performance.md can take."""
    about = result["machine"]
    settings = result["settings"]
    print(
        f"\n{about['cpu']}, {about['cores']} cores, {about['memory_gib']} GiB; "
        f"Python {about['python']}, Django {about['django']}, Wagtail {about['wagtail']}; "
        f"gunicorn {settings['gunicorn_workers']} workers, {settings['clients']} clients, "
        f"{settings['duration_s']:g} s per page, cache: {settings['cache']}\n"
    )
    _print_rows(result, "page", "targets", COLUMNS)
    print()
    _print_rows(result, "approved PDF", "pdf", PDF_COLUMNS)
    print()
    _print_rows(result, "newsletter PDF", "newsletter_pdf", NEWSLETTER_PDF_COLUMNS)
    print()
    _print_rows(result, "sending", "newsletter_sending", SENDING_COLUMNS)


def _print_rows(result: dict, name: str, part: str, columns) -> None:
    rows = [("database", name, *(heading for heading, _key, _format in columns))]
    for run in result["runs"]:
        database = f"{run['database']} {run['version'].split()[0]}"
        for label, measured in run.get(part, {}).items():
            cells = [_cell(_value(measured, key), form) for _heading, key, form in columns]
            rows.append((database, label, *cells))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        text = [cell.ljust(width) for cell, width in zip(row[:2], widths, strict=False)]
        numbers = [cell.rjust(width) for cell, width in zip(row[2:], widths[2:], strict=True)]
        print(f"| {' | '.join(text + numbers)} |")
        if number == 0:
            rules = ["-" * w for w in widths[:2]] + ["-" * (w - 1) + ":" for w in widths[2:]]
            print(f"| {' | '.join(rules)} |")


def failures(result: dict, *, expected_status: int) -> list[str]:
    """Everything that makes the figures untrustworthy: errors, 5xx, wrong answers."""
    found = []
    for run in result["runs"]:
        for page, measured in run["targets"].items():
            where = f"{run['database']} {page} ({measured['path']})"
            found += _target_failures(where, measured, expected_status)
        found += _newsletter_failures(run)
        if run["gunicorn_log_errors"]:
            shown = "\n    ".join(run["gunicorn_log_errors"][:5])
            found.append(f"{run['database']}: gunicorn's log reports errors:\n    {shown}")
    return found


def _target_failures(where: str, measured: dict, expected_status: int) -> list[str]:
    found = []
    if measured["status"] != expected_status:
        found.append(f"{where}: answered {measured['status']} in-process")
    if not measured["requests"]:
        found.append(f"{where}: no request completed under load")
    if measured["errors"] or measured["server_errors"]:
        found.append(
            f"{where}: {measured['errors']} errors, {measured['server_errors']} of them 5xx; "
            f"statuses {measured['statuses']}, exceptions {measured['exceptions']}"
        )
    unexpected = {s: n for s, n in measured["statuses"].items() if s != str(expected_status)}
    if unexpected:
        found.append(f"{where}: expected {expected_status} only, got {unexpected}")
    return found


def _newsletter_failures(run: dict) -> list[str]:
    """A PDF without some of its images, or a sending that missed or repeated someone."""
    found = []
    for case, measured in run.get("newsletter_pdf", {}).items():
        if measured["images_left_out"]:
            found.append(
                f"{run['database']} newsletter PDF “{case}”: "
                f"{measured['images_left_out']} images left out"
            )
    for case, measured in run.get("newsletter_sending", {}).items():
        deliveries = measured["deliveries"]
        if measured["sink_received"] != measured["sink_expected"] or (
            deliveries["sent"] != deliveries["total"]
        ):
            found.append(
                f"{run['database']} sending “{case}”: the mail server received "
                f"{measured['sink_received']} messages of {measured['sink_expected']}; "
                f"deliveries {deliveries}"
            )
    return found


def _value(measured: dict, key: str):
    """``measured[key]``; a dotted key reads into a nested dictionary (``deliveries.sent``)."""
    for part in key.split("."):
        if not isinstance(measured, dict):
            return None
        measured = measured.get(part)
    return measured


def _cell(value, form: str) -> str:
    return "–" if value is None else form.format(value)
