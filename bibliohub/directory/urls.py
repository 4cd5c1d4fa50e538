"""Addresses of the directory: the public pages and the coordinators' editing pages."""

from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.home, name="home"),
    path("libraries/", views.libraries, name="libraries"),
    path("libraries/<slug:slug>/", views.library, name="library"),
    path("libraries/<slug:slug>/edit/", views.library_edit, name="library_edit"),
    path("libraries/<slug:slug>/hours/", views.library_hours, name="library_hours"),
    path("libraries/<slug:slug>/branches/add/", views.branch_add, name="branch_add"),
    path("libraries/<slug:slug>/branches/<int:pk>/", views.branch_edit, name="branch_edit"),
    path(
        "libraries/<slug:slug>/branches/<int:pk>/delete/",
        views.branch_delete,
        name="branch_delete",
    ),
    path("networks/", views.networks, name="networks"),
    path("networks/<slug:slug>/", views.network, name="network"),
    path("networks/<slug:slug>/people/", views.network_people, name="network_people"),
    path("networks/<slug:slug>/edit/", views.network_edit, name="network_edit"),
    path("networks/<slug:slug>/sections/add/", views.section_add, name="section_add"),
]
