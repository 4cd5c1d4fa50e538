"""Who is calling the API: a personal token, the browser session, or nobody (public endpoints)."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from bibliohub.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal token from My BiblioHub › API tokens."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(raw=token)
        if user is None:
            # A token that was sent but is wrong or revoked never falls back to anonymous access.
            raise AuthenticationError(401, _("The API token is not valid or has been revoked."))
        request.user = user
        return user


def anonymous(request: HttpRequest) -> AnonymousUser:
    """Public endpoints answer visitors too; the caller is then an anonymous user."""
    return AnonymousUser()


token_auth = TokenAuth()
# The session check (django_auth) requires the CSRF token on unsafe methods.
SIGNED_IN = [token_auth, django_auth]
PUBLIC = [token_auth, django_auth, anonymous]
