"""What a browser sends for a form as the page rendered it, read from the HTML itself.

Building POST data from the form object would pass even when the page lacks
a field the view needs (a formset's management form, say); reading the HTML
cannot. Controls inside ``<template>`` (rows the page adds with JavaScript)
and disabled ones are not sent, as in a browser; of the submit buttons only
the one pressed is.
"""

from bs4 import BeautifulSoup

_NOT_SENT_TYPES = {"submit", "button", "reset", "image", "file"}


def sent_form(
    html: str, *, selector: str = "form[method=post]", button: dict | None = None, **changes
):
    """The data the first form matching ``selector`` sends, with ``changes`` typed in.

    ``changes`` maps field names to a value or a list of values; ``None``
    unticks a checkbox or empties a field. A change to a name the page does
    not have fails: the user could not have typed it.
    """
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, f"The page has no form {selector!r}."
    data: dict[str, list[str]] = {}
    names = set()
    for control in form.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name or control.find_parent("template") or control.has_attr("disabled"):
            continue
        names.add(name)
        for value in _values(control):
            data.setdefault(name, []).append(value)
    unknown = set(changes) - names
    assert not unknown, f"The form has no fields {sorted(unknown)}."
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = (
                [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
            )
    for name, value in (button or {}).items():
        data[name] = [value]
    return data


def _values(control) -> list[str]:
    if control.name == "textarea":
        # A browser drops the one newline that follows the opening tag.
        text = control.string or ""
        return [text[1:] if text.startswith("\n") else text]
    if control.name == "select":
        options = control.find_all("option")
        chosen = [o for o in options if o.has_attr("selected")]
        if not chosen and options and not control.has_attr("multiple"):
            chosen = options[:1]
        return [o.get("value", o.get_text()) for o in chosen]
    kind = control.get("type", "text").lower()
    if kind in _NOT_SENT_TYPES:
        return []
    if kind in {"checkbox", "radio"}:
        return [control.get("value", "on")] if control.has_attr("checked") else []
    return [control.get("value", "")]
