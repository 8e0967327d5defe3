"""What a browser would send for a form as the portal rendered it."""

from django.forms import CheckboxInput


def _add_fields(data, form):
    for field in form:
        value = field.field.prepare_value(field.value())
        if isinstance(field.field.widget, CheckboxInput):
            if value:
                data[field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(v) for v in value]
        elif value is not None:
            data[field.html_name] = field.field.widget.format_value(value) or ""


def form_data(form, **changes) -> dict:
    """The form's fields, and its rows' with their management forms, as posted; then ``changes``."""
    data = {}
    _add_fields(data, form)
    for formset in getattr(form, "formsets", {}).values():
        _add_fields(data, formset.management_form)
        for row in formset:
            _add_fields(data, row)
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
