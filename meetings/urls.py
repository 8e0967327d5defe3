"""The staff area of the portal: the team's cycles, participants and meeting protocols."""

from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("cycles/<int:pk>/", views.cycle_detail, name="cycle"),
    path(
        "cycles/<int:pk>/participants/new/",
        views.participant_create,
        name="participant_create",
    ),
    path("participants/<int:pk>/edit/", views.participant_edit, name="participant_edit"),
    path("cycles/<int:pk>/protocols/new/", views.protocol_create, name="protocol_create"),
    path("protocols/<int:pk>/", views.protocol_detail, name="protocol"),
    path("protocols/<int:pk>/edit/", views.protocol_edit, name="protocol_edit"),
    path("protocols/<int:pk>/submit/", views.protocol_submit, name="protocol_submit"),
    path("protocols/<int:pk>/approve/", views.protocol_approve, name="protocol_approve"),
    path("protocols/<int:pk>/pdf/", views.protocol_pdf, name="protocol_pdf"),
    path(
        "protocols/<int:pk>/approved/<int:document_pk>/",
        views.approved_document_download,
        name="approved_document",
    ),
]
