"""Running the background worker inside a test, on the test's database and transaction."""

from unittest import mock

from django.core.management import call_command

# Where the work goes outside the tests: the database, until a worker takes it.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker_once():
    """``manage.py db_worker --batch``: every task waiting, then stop.

    The worker drops database connections it finds in a transaction, as a
    long-running process should; here the transaction is the test's own,
    which PostgreSQL would lose, so that care is left out.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", verbosity=0)
