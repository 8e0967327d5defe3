from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .rules import CONSENT_TEXT


class SubscribeForm(forms.Form):
    """The newsletter's subscribe form: an address, the issue's language and the consent."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("The newsletter can only be sent with your consent.")},
    )
