"""The protocol access log in the admin: read by site administrators, written by nobody."""

import pytest

from django.urls import NoReverseMatch, reverse

from meetings import services
from meetings.models import (
    AccessChannel,
    ProtocolAccess,
    ProtocolAccessLogEntry,
)

from .conftest import (
    ACCESS_LOG,
    admin_url,
    protocol_views,
)

pytestmark = pytest.mark.django_db


# --- The access log -------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "compare"])
def test_opening_a_protocol_in_the_admin_is_written_in_the_access_log(
    client, member, protocol, view
):
    _method, url = protocol_views(protocol)[view]

    assert client.get(url).status_code == 200

    entry = ProtocolAccessLogEntry.objects.get()
    assert entry.protocol == protocol
    assert entry.user == member
    assert entry.action == ProtocolAccess.VIEW
    assert entry.channel == AccessChannel.ADMIN


def test_the_access_log_is_for_site_administrators_only(client, member, protocol):
    services.protocol_access_record(
        protocol=protocol, user=member, action=ProtocolAccess.VIEW, channel=AccessChannel.PORTAL
    )

    response = client.get(admin_url(ACCESS_LOG, "index"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_site_administrators_search_the_access_log_by_email(client, admin, team, protocol):
    for user in (team.members[team.csd.pk], team.members[team.provider.pk]):
        services.protocol_access_record(
            protocol=protocol, user=user, action=ProtocolAccess.VIEW, channel=AccessChannel.PORTAL
        )

    response = client.get(admin_url(ACCESS_LOG, "index"), {"q": team.members[team.csd.pk].email})

    content = response.content.decode()
    assert response.status_code == 200
    assert team.members[team.csd.pk].email in content
    assert team.members[team.provider.pk].email not in content


def test_site_administrators_filter_the_access_log_by_channel(client, admin, team, protocol):
    services.protocol_access_record(
        protocol=protocol,
        user=team.members[team.csd.pk],
        action=ProtocolAccess.VIEW,
        channel=AccessChannel.PORTAL,
    )
    services.protocol_access_record(
        protocol=protocol,
        user=team.members[team.provider.pk],
        action=ProtocolAccess.EXPORT_PDF,
        channel=AccessChannel.ADMIN,
    )

    response = client.get(admin_url(ACCESS_LOG, "index"), {"channel": AccessChannel.ADMIN})

    content = response.content.decode()
    assert team.members[team.provider.pk].email in content
    assert team.members[team.csd.pk].email not in content


def test_nobody_adds_changes_or_deletes_an_access_log_entry():
    for view in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch, match="is not a valid view function or pattern name"):
            reverse(f"{ACCESS_LOG}:{view}", args=[] if view == "add" else [1])
