"""Editors see how many subscribe; Administrators also export the list of addresses."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Editors": ["view_subscriber"],
    "Administrators": ["view_subscriber", "export_subscriber"],
}


def _permissions(apps, codenames):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("news")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="news", codename__in=codenames)


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, codenames in GROUP_PERMISSIONS.items():
        Group.objects.get(name=name).permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, codenames in GROUP_PERMISSIONS.items():
        Group.objects.get(name=name).permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_subscribers_and_sending"),
        ("portal", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
