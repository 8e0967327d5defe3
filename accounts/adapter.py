from allauth.account.adapter import DefaultAccountAdapter

from django.urls import reverse


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """People join by invitation only (accounts.services), never by signing up."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        # The home page in the language the person is reading, not the browser's.
        return reverse("wagtail_serve", args=[""])
