"""Template context every page needs."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {"SITE_NAME": "BiblioHub", "LANGUAGES": settings.LANGUAGES}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from bibliohub.membership.selectors import waiting_application_count

        context["waiting_applications"] = waiting_application_count(user)
    return context
