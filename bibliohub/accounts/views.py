"""A person's own pages: My BiblioHub, profile, API tokens and the export of their data."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import ApiTokenForm, ProfileForm


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/dashboard.html", selectors.dashboard_for(request.user))


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.profile_update(user=request.user, **form.cleaned_data)
        # The new language applies from this very response, and the cookie keeps it for the
        # browser even before the next sign-in.
        translation.activate(user.language)
        messages.success(request, _("Your profile is saved."))
        response = redirect("accounts:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        token, raw = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        # Shown in this response only: it is not stored anywhere it could be shown again.
        new_token = {"token": token, "raw": raw}
        form = ApiTokenForm()
    response = render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": selectors.api_tokens_of(request.user), "new_token": new_token},
    )
    if new_token:
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if services.api_token_revoke(user=request.user, token_id=pk):
        messages.success(request, _("The token is revoked; programs using it are refused now."))
    return redirect("accounts:tokens")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = selectors.personal_data_of(request.user)
    filename = f"bibliohub-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
