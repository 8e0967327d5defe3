"""The knowledge base's own views, reached through its pages' routes."""

from django.core.cache import cache
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify

from portal.pdf import pdf_response, render_pdf

from . import selectors

# A guide's PDF is made again only when a new version of the guide is published.
PDF_CACHE_SECONDS = 7 * 24 * 3600


def guide_pdf(request, guide):
    """The guide as a tagged PDF (PDF/UA-1) in the language of the page it was asked from."""
    language = guide.locale.language_code
    key = f"knowledge_base:guide-pdf:{guide.pk}:{guide.live_revision_id}:{language}"
    pdf = cache.get(key)
    if pdf is None:
        with translation.override(language):
            pdf = render_pdf(
                "knowledge_base/guide_pdf.html",
                {"page": guide, **selectors.guide_relations(guide)},
                request=request,
            )
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    response = pdf_response(pdf, filename=f"{slugify(guide.title) or 'guide'}.pdf")
    # Unlike a protocol, a guide is public: a browser may keep it.
    response["Cache-Control"] = "public, max-age=600"
    return response


def service_detail(request, directory, pk):
    service = selectors.service_get(pk)
    if service is None:
        raise Http404
    context = {
        **directory.get_context(request),
        "service": service,
        "guides": selectors.guides_of_service(service, directory.locale_id),
    }
    return TemplateResponse(request, "knowledge_base/service_page.html", context)
