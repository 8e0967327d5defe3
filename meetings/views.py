"""The staff area: "My work", the cycle page, participants and protocols.

A cycle or protocol the user may not see does not exist for them (404). One
they may see but not change answers 403. Every view of a protocol, and every
export, goes into the access log.
"""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.pdf import pdf_response
from portal.work import work_sections

from . import documents, rules, selectors, services
from .forms import NewParticipantForm, ParticipantForm, ProtocolForm
from .messages import add_refusal_to_form, edit_notice
from .models import AccessChannel, MeetingKind, MeetingProtocol, Participant, ProtocolAccess
from .steps import protocol_approve_step, protocol_steps_context, protocol_submit_step

# The button of the protocol form that also submits the protocol.
SUBMIT_ACTION = "submit"


def _cycle(request, pk):
    return get_object_or_404(
        selectors.cycles_visible_to(request.user).select_related("provider"), pk=pk
    )


def _protocol(request, pk):
    return get_object_or_404(
        selectors.protocols_visible_to(request.user).select_related(
            "cycle__provider", "latest_revision__user", "locked_by"
        ),
        pk=pk,
    )


def _require_work_in(request, cycle):
    if not selectors.user_works_in_cycle(request.user, cycle):
        raise PermissionDenied


@login_required
def my_work(request):
    work = selectors.my_work(request.user)
    context = {"work": work, "sections": work_sections(user=request.user, today=work.today)}
    return TemplateResponse(request, "meetings/my_work.html", context)


@login_required
def cycle_detail(request, pk):
    cycle = _cycle(request, pk)
    context = {
        "overview": selectors.cycle_overview(cycle),
        "works_in_cycle": selectors.user_works_in_cycle(request.user, cycle),
        "meeting_kinds": MeetingKind.choices,
        "today": timezone.localdate(),
    }
    return TemplateResponse(request, "meetings/programme_cycle.html", context)


# --- Participants ------------------------------------------------------------


@login_required
def participant_create(request, pk):
    cycle = _cycle(request, pk)
    _require_work_in(request, cycle)
    form = NewParticipantForm(request.POST or None, instance=Participant(cycle=cycle))
    if form.is_valid():
        try:
            participant = services.participant_create(
                cycle=cycle, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(
                request, _("Participant %(code)s was added.") % {"code": participant.code}
            )
            return redirect("meetings:cycle", cycle.pk)
    return TemplateResponse(
        request, "meetings/participant_form.html", {"form": form, "cycle": cycle}
    )


@login_required
def participant_edit(request, pk):
    participant = get_object_or_404(
        selectors.participants_visible_to(request.user).select_related("cycle__provider"), pk=pk
    )
    _require_work_in(request, participant.cycle)
    form = ParticipantForm(request.POST or None, instance=participant)
    if form.is_valid():
        try:
            services.participant_update(
                participant=participant, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(
                request, _("Participant %(code)s was saved.") % {"code": participant.code}
            )
            return redirect("meetings:cycle", participant.cycle_id)
    return TemplateResponse(
        request,
        "meetings/participant_form.html",
        {"form": form, "cycle": participant.cycle, "participant": participant},
    )


# --- Protocols ---------------------------------------------------------------


@login_required
def protocol_create(request, pk):
    """First the kind of meeting, then the protocol form for that kind."""
    cycle = _cycle(request, pk)
    _require_work_in(request, cycle)
    kind = request.GET.get("kind")
    day = parse_date(request.GET.get("on", "") or "")
    if kind not in MeetingKind.values:
        context = {"cycle": cycle, "meeting_kinds": MeetingKind.choices, "day": day}
        return TemplateResponse(request, "meetings/protocol_kind_choice.html", context)
    protocol = MeetingProtocol(
        cycle=cycle,
        kind=kind,
        language=get_language()[:2],
        starts_at=_nine_oclock(day) if day else None,
    )
    return _protocol_form(request, protocol)


def _nine_oclock(day):
    """When a meeting announced for ``day`` starts until someone says otherwise."""
    return timezone.make_aware(datetime.combine(day, time(9)))


@login_required
def protocol_edit(request, pk):
    protocol = _protocol(request, pk)
    _require_work_in(request, protocol.cycle)
    if request.method == "GET":
        _record(request, protocol, ProtocolAccess.VIEW)
    return _protocol_form(request, protocol)


def _protocol_form(request, protocol):
    """Show the protocol's form; save it, and submit it if asked, through the services.

    Whatever goes wrong, the form comes back with everything the person typed.
    """
    form = ProtocolForm(request.POST or None, instance=protocol)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        try:
            services.protocol_save(
                protocol=edited,
                user=request.user,
                loaded_revision_id=form.cleaned_data["loaded_revision_id"],
                reason=form.cleaned_data.get("amendment_reason", ""),
            )
        except services.ProtocolEditConflict as conflict:
            add_refusal_to_form(form, conflict)
            # Saving this form again is now a deliberate choice to replace the newer version.
            form.data = form.data.copy()
            form.data["loaded_revision_id"] = conflict.revision.pk
        except (services.ProtocolRefused, ValidationError) as refused:
            add_refusal_to_form(form, refused)
        else:
            if request.POST.get("action") == SUBMIT_ACTION:
                protocol_submit_step(request, edited)
            else:
                messages.success(request, _("The protocol was saved."))
            return redirect("meetings:protocol", edited.pk)
    context = {
        "form": form,
        "protocol": protocol,
        "cycle": protocol.cycle,
        "edit_notice": edit_notice(protocol),
    }
    return TemplateResponse(request, "meetings/protocol_form.html", context)


@login_required
def protocol_detail(request, pk):
    protocol = _protocol(request, pk)
    _record(request, protocol, ProtocolAccess.VIEW)
    context = {
        **protocol_steps_context(request.user, protocol),
        "history": selectors.protocol_history(protocol),
        "reference": rules.protocol_reference(protocol),
    }
    return TemplateResponse(request, "meetings/meeting_protocol.html", context)


@require_POST
@login_required
def protocol_submit(request, pk):
    protocol = _protocol(request, pk)
    _require_work_in(request, protocol.cycle)
    protocol_submit_step(request, protocol)
    return redirect("meetings:protocol", protocol.pk)


@require_POST
@login_required
def protocol_approve(request, pk):
    protocol = _protocol(request, pk)
    protocol_approve_step(request, protocol)
    return redirect("meetings:protocol", protocol.pk)


@login_required
def protocol_pdf(request, pk):
    """The protocol as a PDF: the filed document once approved, else as it stands, marked so."""
    protocol = _protocol(request, pk)
    if protocol.is_approved:
        document = documents.approved_document(protocol)
        response = pdf_response(
            document.pdf, filename=documents.document_filename(document.reference)
        )
    else:
        pdf = documents.protocol_pdf(protocol, request=request)
        filename = documents.document_filename(rules.protocol_reference(protocol), draft=True)
        response = pdf_response(pdf, filename=filename)
    _record(request, protocol, ProtocolAccess.EXPORT_PDF)
    return response


@login_required
def approved_document_download(request, pk, document_pk):
    """A version of the protocol as it was approved and filed: the same bytes every time."""
    protocol = _protocol(request, pk)
    document = get_object_or_404(protocol.approved_documents, pk=document_pk)
    _record(request, protocol, ProtocolAccess.EXPORT_PDF)
    return pdf_response(document.pdf, filename=documents.document_filename(document.reference))


def _record(request, protocol, action):
    services.protocol_access_record(
        protocol=protocol, user=request.user, action=action, channel=AccessChannel.PORTAL
    )
