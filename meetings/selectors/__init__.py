"""Every query of the meetings that decides who sees or may name what, and the staff pages' reads.

``access``: who may see and do what, the one rule behind everything else;
``naming``: what a protocol may name, offered by both doors' forms;
``pages``: what the staff pages show, each in a fixed number of queries.
One function answers one question; views, forms, the admin, the rules and
the services all ask here.
"""

from .access import (
    access_log_visible_to,
    approvals_current,
    cycle_membership_exists,
    cycles_visible_to,
    cycles_worked_in_by,
    institutions_coordinated_by,
    institutions_user_may_approve_for,
    participants_visible_to,
    people_in_access_log,
    protocol_has_current_approvals,
    protocols_matching,
    protocols_visible_to,
    user_has_staff_area,
    user_is_site_administrator,
    user_works_in_cycle,
)
from .naming import (
    ProtocolChoices,
    action_item_reviews_closing_elsewhere,
    action_items_of_cycles,
    action_items_to_review,
    action_items_with_meeting,
    institutions_of_cycles,
    participants_in_programme,
    participants_of_cycles,
    protocol_choices,
    staff_memberships_of_cycles,
    staff_of_cycles,
)
from .pages import (
    DASHBOARD_LIST_LENGTH,
    Attendance,
    CycleOverview,
    MyWork,
    ProtocolRecord,
    UpcomingMeeting,
    cycle_overview,
    my_work,
    protocol_approved_documents,
    protocol_attendance,
    protocol_history,
    protocol_record,
)

__all__ = [
    "DASHBOARD_LIST_LENGTH",
    "Attendance",
    "CycleOverview",
    "MyWork",
    "ProtocolChoices",
    "ProtocolRecord",
    "UpcomingMeeting",
    "access_log_visible_to",
    "action_item_reviews_closing_elsewhere",
    "action_items_of_cycles",
    "action_items_to_review",
    "action_items_with_meeting",
    "approvals_current",
    "cycle_membership_exists",
    "cycle_overview",
    "cycles_visible_to",
    "cycles_worked_in_by",
    "institutions_coordinated_by",
    "institutions_of_cycles",
    "institutions_user_may_approve_for",
    "my_work",
    "participants_in_programme",
    "participants_of_cycles",
    "participants_visible_to",
    "people_in_access_log",
    "protocol_choices",
    "protocol_has_current_approvals",
    "protocol_approved_documents",
    "protocol_attendance",
    "protocol_history",
    "protocol_record",
    "protocols_matching",
    "protocols_visible_to",
    "staff_memberships_of_cycles",
    "staff_of_cycles",
    "user_has_staff_area",
    "user_is_site_administrator",
    "user_works_in_cycle",
]
