"""How every form of the portal lays out a field: label, errors, the field, then its help.

Django's own layout puts the help text between the label and the field; for
the login form's password that is the "Forgot your password?" link, which then
stands between the label and what it labels. The help stays tied to the field
by ``aria-describedby``, so screen readers read it with the field.
"""

from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    field_template_name = "includes/form_field.html"
