"""Background work goes into the database and the worker (``manage.py db_worker``) does it."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.test import override_settings

from wagtail.models import ReferenceIndex

from portal.factories import StandardPageFactory
from tests.tasks import DATABASE_QUEUE, run_worker_once

pytestmark = pytest.mark.django_db


@override_settings(TASKS=DATABASE_QUEUE)
def test_work_waits_in_the_database_until_the_worker_does_it(
    home_pages, django_capture_on_commit_callbacks
):
    target = StandardPageFactory(parent=home_pages["sl"], title="Vodnik", slug="vodnik")
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(
            parent=home_pages["sl"],
            slug="povezave",
            body=[("paragraph", f'<p><a linktype="page" id="{target.pk}">Vodnik</a></p>')],
        )
    linking = ReferenceIndex.get_references_to(target)
    queued = DBTaskResult.objects.filter(task_path="wagtail.tasks.update_reference_index_task")

    assert queued.ready().exists()
    assert not linking.exists()

    run_worker_once()

    assert not queued.ready().exists()
    assert queued.failed().count() == 0
    assert queued.successful().exists()
    assert linking.exists()


def test_the_settings_queue_work_in_the_database_outside_the_tests():
    from portal.settings import base

    assert base.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert {"django_tasks", "django_tasks_db"} <= set(base.INSTALLED_APPS)
