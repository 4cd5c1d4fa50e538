"""The JSON API at /api/v1/, described at /api/v1/openapi.json."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from . import directory, documents, events, me, membership, search

api = NinjaAPI(
    title="BiblioHub API",
    version="1",
    urls_namespace="api",
    description=(
        "The public library directory, and for signed-in people their networks and the"
        " applications they review. Authenticate with the browser session or with"
        " `Authorization: Bearer <token>` (a personal token from My BiblioHub)."
    ),
)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = (
        exc.message
        if exc.message != "Unauthorized"
        else _("Sign in, or send a personal API token as “Authorization: Bearer <token>”.")
    )
    response = api.create_response(request, {"detail": message}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="BiblioHub"'
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error.get('loc', ())[1:]) or 'request'}: "
        f"{error.get('msg', '')}"
        for error in exc.errors
    )
    return api.create_response(
        request,
        {
            "detail": _("The request is not valid: %(problems)s") % {"problems": problems},
            "errors": exc.errors,
        },
        status=422,
    )


api.add_router("", directory.router)
api.add_router("", membership.router)
api.add_router("", me.router)
api.add_router("", events.router)
api.add_router("", search.router)
api.add_router("", documents.router)
