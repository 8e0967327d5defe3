"""The demo: every app's demo data, loaded by ``manage.py load_demo`` in the order they need.

Each app keeps its demo data and its loader beside its code (``<app>/demo/``)
and names the loader on its ``AppConfig``::

    class MeetingsConfig(AppConfig):
        demo_loader = "meetings.demo.loader"  # a module with load(**options) -> DemoReport
        demo_after = ("partners", "accounts")  # labels of the apps whose demo data it uses

A loader module may also define ``add_arguments(parser)`` for options of its
own. ``registry`` orders the loaders; ``base`` and ``pages`` hold what every
loader shares (texts in three languages, idempotent writes, pages translated
through wagtail-localize). Running the demo again changes nothing.
"""
