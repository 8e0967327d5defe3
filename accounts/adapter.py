from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings
from django.urls import reverse


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """People join by invitation only (accounts.services), never by signing up."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        """Staff of an institution land on their work (``PORTAL_STAFF_LANDING``), others at home.

        Both in the language the person is reading, not the browser's.
        """
        if request.user.memberships.exists():
            return reverse(settings.PORTAL_STAFF_LANDING)
        return reverse("wagtail_serve", args=[""])
