import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupCollectionPermission, GroupPagePermission

pytestmark = pytest.mark.django_db


def _codenames(group):
    return {p.codename for p in group.permissions.all()}


def test_the_migration_creates_the_three_staff_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Partner staff",
        "Administrators",
    }


def test_editors_may_publish_pages_and_translate_but_not_manage_partners():
    editors = Group.objects.get(name="Editors")

    page_permissions = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= page_permissions
    assert {"access_admin", "submit_translation"} <= _codenames(editors)
    assert "change_institution" not in _codenames(editors)
    assert GroupCollectionPermission.objects.filter(
        group=editors, permission__codename="add_image"
    ).exists()


def test_partner_staff_reach_the_admin_without_editing_pages():
    staff = Group.objects.get(name="Partner staff")

    assert {"access_admin", "view_institution"} <= _codenames(staff)
    assert not GroupPagePermission.objects.filter(group=staff).exists()


def test_administrators_manage_partners_memberships_and_users():
    administrators = Group.objects.get(name="Administrators")

    assert {
        "add_institution",
        "change_institution",
        "add_membership",
        "change_membership",
        "add_user",
        "change_user",
    } <= _codenames(administrators)
