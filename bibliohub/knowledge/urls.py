from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("new/", views.document_create, name="create"),
    path("<slug:slug>/", views.document_detail, name="document"),
    path("<slug:slug>/versions/new/", views.version_add, name="version_add"),
    path("<slug:slug>/edit/", views.document_edit, name="edit"),
    path("<slug:slug>/delete/", views.document_delete, name="delete"),
    path("<slug:slug>/follow/", views.follow, name="follow"),
    path("<slug:slug>/download/", views.download, name="download"),
    path("<slug:slug>/v/<int:number>/download/", views.version_download, name="version_download"),
]
