"""Registers the meetings with Wagtail: the admin's menu, the workflow's history, the search.

What is registered lives in ``meetings.admin``, ``meetings.history`` and
``meetings.search``.
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import history, search
from .admin.views import NoBulkDeleteAction
from .admin.viewsets import JointTeamMeetingsViewSetGroup

register_snippet(JointTeamMeetingsViewSetGroup)
# After Wagtail's snippet bulk delete, which it replaces for protocols and cycles.
hooks.register("register_bulk_action", NoBulkDeleteAction, order=1)
hooks.register("register_log_actions", history.register)
hooks.register("register_portal_search_area", search.protocols_search_area)
