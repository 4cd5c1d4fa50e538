"""Site-wide views: language choice and a health check for the proxy."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language


@csrf_exempt
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; a signed-in person keeps it for next time too.

    For visitors who are not signed in it only sets the language cookie, so their pages need no
    CSRF token and can be cached for everyone; changing a person's saved language is protected.
    """
    if request.user.is_authenticated:
        return _set_language_of_person(request)
    return django_set_language(request)


@csrf_protect
def _set_language_of_person(request: HttpRequest) -> HttpResponse:
    response = django_set_language(request)
    code = request.POST.get("language", "")
    if code in dict(settings.LANGUAGES):
        get_user_model().objects.filter(pk=request.user.pk).update(language=code)
    return response


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
