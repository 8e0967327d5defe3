from django import template

from meetings.selectors import user_has_staff_area

register = template.Library()


@register.simple_tag(takes_context=True)
def has_staff_area(context):
    """Whether the header links to "My work" for the person reading the page."""
    request = context.get("request")
    return bool(request) and user_has_staff_area(request.user)
