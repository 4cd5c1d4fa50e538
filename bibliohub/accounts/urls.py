"""A person's own pages, beside allauth's sign-in pages under /accounts/."""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("me/", views.dashboard, name="dashboard"),
    path("me/profile/", views.profile, name="profile"),
    path("me/tokens/", views.tokens, name="tokens"),
    path("me/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("me/export/", views.export, name="export"),
]
