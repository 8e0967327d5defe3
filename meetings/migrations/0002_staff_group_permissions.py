"""The Administrators set up programme cycles, see every cycle and read the protocol access log.

Partner staff need no model permissions for meetings: who records and reads
a cycle's protocols and participants follows from membership of the
cycle's institutions (``meetings.admin.permissions``), and their group already
has access to the admin (``portal/migrations/0003_groups.py``).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATORS_PERMISSIONS = [
    "add_programmecycle",
    "change_programmecycle",
    "delete_programmecycle",
    "view_programmecycle",
    "view_every_cycle",
    "view_protocolaccesslogentry",
]


def _permissions(apps):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("meetings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(
        content_type__app_label="meetings", codename__in=ADMINISTRATORS_PERMISSIONS
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.get(name="Administrators").permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.get(name="Administrators").permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("portal", "0003_groups"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
