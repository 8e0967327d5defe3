from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordMixin
from django.utils.translation import gettext_lazy as _

from partners.models import Institution, MembershipRole


class InvitationForm(forms.Form):
    """Whom to invite, where, in which role; only institutions the inviter may invite to."""

    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The person's own work address: the invitation link is sent there."),
    )
    institution = forms.ModelChoiceField(
        label=_("Institution"), queryset=Institution.objects.none()
    )
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
        self.fields["institution"].label_from_instance = lambda institution: institution.name


class InvitationAcceptForm(SetPasswordMixin, forms.Form):
    """A newcomer's name and password; the e-mail address comes from the invitation."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        self.validate_passwords()
        # The validators compare the password with the person's name and address.
        newcomer = get_user_model()(
            email=self.email,
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
        )
        # Errors go to the first field, where the rules are shown.
        self.validate_password_for_user(newcomer, "password1")
        return super().clean()
