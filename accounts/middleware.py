from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .selectors import user_must_set_up_mfa


class RequireMFAMiddleware:
    """Sends people who can see partnership data or the admin to TOTP setup until they have it.

    A password alone must not open protocols about vulnerable people, so until
    the person has an authenticator app, every page except those needed to set
    it up (or to leave) redirects to allauth's TOTP activation.
    """

    # allauth's MFA pages (activation, recovery codes, reauthentication) all start with "mfa_".
    exempt_url_name_prefix = "mfa_"
    exempt_url_names = frozenset(
        {
            # Activating TOTP asks for the password again if the login is not recent.
            "account_reauthenticate",
            "account_logout",
            # allauth refuses TOTP while an address is unverified; this is where it is fixed.
            "account_email",
            "account_confirm_email",
            "set_language",
            "invitation_accept",
        }
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.is_exempt(request) or not user_must_set_up_mfa(request.user):
            return None
        messages.warning(
            request,
            _(
                "Set up two-factor authentication with an authenticator app "
                "before you continue. The portal holds data about vulnerable people."
            ),
        )
        return redirect("mfa_activate_totp")

    def is_exempt(self, request):
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        url_name = request.resolver_match.url_name or ""
        return url_name.startswith(self.exempt_url_name_prefix) or url_name in self.exempt_url_names
