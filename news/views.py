"""The newsletter's public pages: subscribe, confirm the subscription, unsubscribe."""

from allauth.account.adapter import get_adapter
from django_ratelimit.core import is_ratelimited

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import rules, services
from .forms import SubscribeForm
from .services import SubscriptionLinkError

# What a link that cannot be used says, by reason; the page also offers to subscribe again.
LINK_ERROR_STATUS = {
    SubscriptionLinkError.EXPIRED: 410,
    SubscriptionLinkError.USED: 409,
    SubscriptionLinkError.INVALID: 404,
}


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(
        request.POST if request.method == "POST" else None, initial={"language": get_language()}
    )
    status = 200
    valid = request.method == "POST" and form.is_valid()
    if request.method == "POST" and _rate_limited(request, form):
        form.add_error(None, _("Too many subscription requests: please try again in an hour."))
        status = 429
    elif valid:
        try:
            services.subscription_request(
                email=form.cleaned_data["email"], language=form.cleaned_data["language"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        except rules.MAIL_FAILURES:
            form.add_error(
                None,
                _(
                    "The confirmation e-mail could not be sent just now: nothing was stored. "
                    "Please try again in a few minutes."
                ),
            )
            status = 503
        else:
            return redirect("news:subscription_requested")
    return TemplateResponse(request, "news/subscribe.html", {"form": form}, status=status)


def subscription_requested(request):
    return TemplateResponse(
        request,
        "news/subscription_requested.html",
        {"valid_days": rules.CONFIRMATION_VALID_DAYS},
    )


@require_http_methods(["GET", "POST"])
def subscription_confirm(request, token):
    """A button, not the link itself, confirms: mail scanners that open links confirm nothing."""
    try:
        if request.method == "POST":
            subscriber = services.subscription_confirm(token)
            return render(request, "news/subscription_confirmed.html", {"subscriber": subscriber})
        services.subscription_confirmable(token)
    except SubscriptionLinkError as error:
        return _link_error(request, error)
    return render(request, "news/subscription_confirm.html")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks; POST unsubscribes: the page's button, or a mail client's one click (RFC 8058).

    Without a CSRF token: the signed token in the address is the authority, and
    mail clients post ``List-Unsubscribe=One-Click`` without any page.
    """
    if request.method == "GET":
        try:
            services.subscription_unsubscribable(token)
        except SubscriptionLinkError as error:
            return _link_error(request, error)
        return render(request, "news/unsubscribe.html")
    try:
        services.unsubscribe(token)
    except SubscriptionLinkError as error:
        return _link_error(request, error)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse(status=200)
    return render(request, "news/unsubscribed.html")


def _rate_limited(request, form) -> bool:
    """Counts every attempt from this client, and every attempt for this address."""
    client = is_ratelimited(
        request,
        group="news.subscribe.client",
        # The client as allauth's login limits see it (ALLAUTH_TRUSTED_PROXY_COUNT).
        key=lambda _group, request: get_adapter().get_client_ip(request),
        rate=rules.SUBSCRIBE_RATE_PER_CLIENT,
        increment=True,
    )
    email = request.POST.get("email", "").strip()
    address = bool(email) and is_ratelimited(
        request,
        group="news.subscribe.address",
        key=lambda _group, _request: services.email_key(email),
        rate=rules.SUBSCRIBE_RATE_PER_ADDRESS,
        increment=True,
    )
    return client or address


def _link_error(request, error):
    return render(
        request,
        "news/subscription_link_error.html",
        {"reason": error.reason, "valid_days": rules.CONFIRMATION_VALID_DAYS},
        status=LINK_ERROR_STATUS[error.reason],
    )
