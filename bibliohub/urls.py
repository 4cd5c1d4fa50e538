"""The site's addresses."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from bibliohub.core import bench_views
from bibliohub.core import views as core_views

urlpatterns = [
    path("", include("bibliohub.directory.urls")),
    path("join/", include("bibliohub.membership.urls")),
    path("events/", include("bibliohub.events.urls")),
    path("documents/", include("bibliohub.knowledge.urls")),
    path("search/", include("bibliohub.search.urls")),
    path("accounts/", include("bibliohub.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include("bibliohub.api.urls")),
    path("admin/", admin.site.urls),
    path("language/", core_views.set_language, name="set_language"),
    path("healthz", core_views.healthz, name="healthz"),
]
if settings.BENCH_ENABLED:
    urlpatterns.append(path("_bench/baseline", bench_views.baseline, name="bench_baseline"))
