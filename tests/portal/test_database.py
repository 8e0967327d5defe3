"""The embedded SQLite database lets concurrent requests write, as viewing a protocol does."""

import threading

import pytest

from django.db import connections, transaction
from django.db.utils import ConnectionHandler

from portal.settings.base import database_from_environment

ALIAS = "sqlite_file"


@pytest.fixture
def sqlite_file(tmp_path, monkeypatch, django_db_blocker):
    """The portal's own SQLite configuration on a file, as ``make run`` uses it."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    database = database_from_environment(tmp_path / "portal.sqlite3")
    # The handler fills in the keys Django adds to every database of the settings.
    configured = ConnectionHandler({"default": database}).settings["default"]
    monkeypatch.setitem(connections.settings, ALIAS, configured)
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE log (who TEXT)")
        yield
        connections[ALIAS].close()
        del connections[ALIAS]


def _write(who):
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("INSERT INTO log (who) VALUES (%s)", [who])


def test_a_request_that_has_read_waits_for_another_writer_instead_of_failing(sqlite_file):
    """Another worker writes after this request read; this one's write must not be refused."""
    this_one_has_read = threading.Event()
    other_committed = threading.Event()
    failures = []

    def other_worker():
        this_one_has_read.wait()
        try:
            with transaction.atomic(using=ALIAS):
                _write("other worker")
        except Exception as error:  # noqa: BLE001 - the failure is what the test reports
            failures.append(error)
        finally:
            other_committed.set()
            connections[ALIAS].close()

    worker = threading.Thread(target=other_worker)
    worker.start()
    with transaction.atomic(using=ALIAS):
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM log")
        this_one_has_read.set()
        # In SQLite's default mode the other worker would commit now, and the write below fail.
        other_committed.wait(timeout=1)
        _write("this request")
    worker.join(timeout=30)

    assert failures == []
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT who FROM log ORDER BY rowid")
        assert cursor.fetchall() == [("this request",), ("other worker",)]


def test_the_file_is_in_write_ahead_log_mode(sqlite_file):
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)


def test_a_database_url_is_used_as_given(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")

    database = database_from_environment(tmp_path / "unused.sqlite3")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["ATOMIC_REQUESTS"] is True
    assert "transaction_mode" not in database.get("OPTIONS", {})
