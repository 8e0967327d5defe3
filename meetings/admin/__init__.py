"""The meetings in the Wagtail admin: permissions, forms, views and viewsets.

The privacy rule of ``meetings.selectors`` holds here as on the portal: a
programme cycle, its participants and its protocols exist only for members
of the institutions taking part in the cycle and for site administrators.
Changes go through ``meetings.services`` and refusals are worded by
``meetings.messages``, as on the portal. ``meetings.wagtail_hooks`` only
registers what is here.
"""
