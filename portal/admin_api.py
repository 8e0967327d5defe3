"""wagtail-localize's snippet endpoints and its report, answering as the rest of the admin does.

wagtail-localize lists every object of any snippet model to anyone who can
reach the admin (``/admin/localize/api/snippets/<app>/<model>/``, for its
translation editor), and its "translate this snippet" page answers before it
asks whether the object may be seen. Here they consider only what the
snippet's own permission policy lets the user see: anything else does not
exist (404), as in every other admin view. Its *Translations* report lists
the title of every translated page and snippet to anyone in the admin; here it
is for those who may translate (``wagtail_localize.submit_translation``), as
the menu shows it (``portal.wagtail_hooks``). ``portal/urls.py`` puts these
before the admin's URLs.
"""

from functools import wraps

from django.http import Http404

from wagtail.admin.auth import require_admin_access
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.snippets_api import SnippetViewSet
from wagtail_localize.views.submit_translations import SubmitSnippetTranslationView

ANY_PERMISSION = {"add", "change", "delete", "view"}
TRANSLATE = "wagtail_localize.submit_translation"


def snippets_permitted(user, app_label, model_name):
    """The objects of a snippet model that its permission policy lets ``user`` see."""
    model = get_snippet_model_from_url_params(app_label, model_name)
    policy = model.snippet_viewset.permission_policy
    return policy.instances_user_has_any_permission_for(user, ANY_PERMISSION)


class PermittedSnippetViewSet(SnippetViewSet):
    def get_queryset(self):
        return snippets_permitted(
            self.request.user, self.kwargs["app_label"], self.kwargs["model_name"]
        )


def _only_permitted_snippet(view):
    @wraps(view)
    def permitted_only(request, app_label, model_name, pk, **kwargs):
        if not snippets_permitted(request.user, app_label, model_name).filter(pk=pk).exists():
            raise Http404
        return view(request, app_label=app_label, model_name=model_name, pk=pk, **kwargs)

    return permitted_only


# Behind the admin's own door, as Wagtail puts every URL registered for the admin.
snippets_listing = require_admin_access(PermittedSnippetViewSet.as_view({"get": "list"}))
snippet_detail = require_admin_access(PermittedSnippetViewSet.as_view({"get": "retrieve"}))
snippet_translation_submit = require_admin_access(
    _only_permitted_snippet(SubmitSnippetTranslationView.as_view())
)


def _translators_only(view):
    @wraps(view)
    def translators_only(request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATE):
            raise Http404
        return view(request, *args, **kwargs)

    return translators_only


translations_report = require_admin_access(_translators_only(TranslationsReportView.as_view()))
translations_report_results = require_admin_access(
    _translators_only(TranslationsReportView.as_view(results_only=True))
)
