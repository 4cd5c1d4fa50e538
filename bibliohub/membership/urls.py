"""Addresses under /join/: applying, reviewing, invitations and members."""

from django.urls import path

from . import views

app_name = "membership"
urlpatterns = [
    path("review/", views.review, name="review"),
    path("review/<int:pk>/", views.application, name="application"),
    path("invitation/<uidb64>/<token>/", views.invitation, name="invitation"),
    path("members/<slug:network>/", views.members, name="members"),
    path("<slug:network>/", views.apply, name="apply"),
    path("<slug:network>/thanks/", views.apply_done, name="apply_done"),
]
