"""Portal pages about joining: the closed sign-up, sending and accepting invitations."""

from allauth.account.utils import perform_login

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import InvitationAcceptForm, InvitationForm


def signup_closed(request):
    """Answers allauth's sign-up URL, GET or POST: people join by invitation only."""
    return TemplateResponse(request, "account/signup_closed.html", status=403)


def invitation_create(request):
    """Superusers and institution admins invite colleagues; for others the page does not exist."""
    institutions = selectors.institutions_user_may_invite_to(user=request.user)
    if not institutions.exists():
        raise Http404
    form = InvitationForm(request.POST or None, institutions=institutions)
    if form.is_valid():
        invitation = services.invitation_create(invited_by=request.user, **form.cleaned_data)
        messages.success(
            request, _("The invitation was sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("invitation_create")
    context = {
        "form": form,
        "pending_invitations": selectors.invitations_pending_sent_by(user=request.user),
        "invitation_valid_days": settings.INVITATION_VALID_DAYS,
    }
    return TemplateResponse(request, "accounts/invitation_form.html", context)


def invitation_accept(request, token):
    """The link from the invitation e-mail.

    A newcomer chooses a name and password; someone who already has an account
    with the invited address confirms while logged in as that account.
    """
    invitation = selectors.invitation_get_by_token(token=token)
    if invitation is None:
        raise Http404
    if invitation.is_accepted or invitation.is_expired:
        return _invitation_unusable(request, invitation)
    account = selectors.user_get_by_email(email=invitation.email)
    if account is not None and not request.user.is_authenticated:
        messages.info(
            request,
            _("Log in as %(email)s to accept the invitation.") % {"email": invitation.email},
        )
        return redirect_to_login(request.get_full_path())
    if request.user.is_authenticated and request.user != account:
        return TemplateResponse(
            request,
            "accounts/invitation_wrong_account.html",
            {"invitation": invitation},
            status=403,
        )
    if account is None:
        return _invitation_accept_as_newcomer(request, invitation)
    return _invitation_accept_as_existing_user(request, invitation)


def _invitation_accept_as_newcomer(request, invitation):
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationNotUsable:
            return _invitation_unusable(request, invitation)
        messages.success(request, _joined_message(invitation))
        # allauth's login, so that its signals and login stages run as for any login.
        return perform_login(request, user)
    return TemplateResponse(
        request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form}
    )


def _invitation_accept_as_existing_user(request, invitation):
    if request.method == "POST":
        try:
            services.invitation_accept_as_existing_user(invitation=invitation, user=request.user)
        except services.InvitationNotUsable:
            return _invitation_unusable(request, invitation)
        messages.success(request, _joined_message(invitation))
        return redirect("wagtail_serve", "")
    return TemplateResponse(request, "accounts/invitation_accept.html", {"invitation": invitation})


def _joined_message(invitation):
    return _("You now belong to %(institution)s.") % {"institution": invitation.institution.name}


def _invitation_unusable(request, invitation):
    """410 Gone: the link worked once and will not again, and the page says whom to ask."""
    template = (
        "accounts/invitation_used.html"
        if invitation.is_accepted
        else "accounts/invitation_expired.html"
    )
    return TemplateResponse(request, template, {"invitation": invitation}, status=410)
