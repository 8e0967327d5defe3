"""The Content-Security-Policy: strict on the portal, relaxed in the Wagtail admin only."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from django.conf import settings
from django.urls import reverse


def is_admin_request(request) -> bool:
    """Whether the request is for the Wagtail admin, wherever its URLs are mounted."""
    return request.path.startswith(reverse("wagtailadmin_home"))


def is_preview_request(request) -> bool:
    """Whether Wagtail is rendering a page for the admin's preview or draft view.

    Wagtail renders previews through the whole middleware chain with a fake
    request for the page's public URL, which it marks with ``is_dummy``.
    """
    return getattr(request, "is_dummy", False)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with a second policy for the Wagtail admin.

    The admin's own templates and widgets carry inline scripts and style
    attributes, so they cannot live under the public policy; the public site has
    none and must not be weakened for the admin's sake. A page preview keeps the
    public policy (it is the public template) but may be framed by the admin. A
    policy set on a response by django-csp's decorators wins over all of these.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if is_preview_request(request):
            parts.replace = {"frame-ancestors": [SELF], **(parts.replace or {})}
        elif is_admin_request(request):
            parts.config = default_config(
                settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        return parts
