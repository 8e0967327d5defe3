from django import template

from accounts.selectors import institutions_user_may_invite_to

register = template.Library()


@register.simple_tag(takes_context=True)
def user_may_invite(context):
    """Whether the person reading may invite colleagues, to offer the link in the header."""
    request = context.get("request")
    if request is None:
        return False
    return institutions_user_may_invite_to(user=request.user).exists()
