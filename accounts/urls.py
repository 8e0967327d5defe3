"""Mounted at /<lang>/accounts/ before allauth's URLs, so that these paths win."""

from django.urls import path

from . import views

urlpatterns = [
    path("signup/", views.signup_closed, name="signup_closed"),
    path("invitations/new/", views.invitation_create, name="invitation_create"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
