"""Pages for joining a network: apply, review and decide, accept the invitation, members."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from bibliohub.core.visibility import coordinated_network_ids
from bibliohub.directory.models import Network

from .forms import ApplicationForm, DecisionForm, InvitationPasswordForm, MembershipChangeForm
from .models import Application, Membership
from .selectors import applications_to_review, coordinated_networks, network_memberships
from .services import (
    ApplicationAlreadyDecided,
    MembershipChangeError,
    application_approve,
    application_reject,
    application_submit,
    invitation_accept,
    membership_end,
    membership_reactivate,
    membership_suspend,
)

REVIEW_PAGE_SIZE = 25


def _current_language() -> str:
    code = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, network: str) -> HttpResponse:
    network_obj = get_object_or_404(Network.objects.select_related("parent"), slug=network)
    if not network_obj.accepts_applications:
        return render(request, "membership/apply_closed.html", {"network": network_obj}, status=404)
    if request.method == "POST":
        form = ApplicationForm(request.POST, network=network_obj)
        if form.is_bot:
            # Say nothing that would teach a bot to skip the trap.
            return redirect("membership:apply_done", network=network_obj.slug)
        if form.is_valid():
            data = form.cleaned_data
            application_submit(
                network=network_obj,
                library=data["library"],
                library_name=data["library_name"],
                library_type=data["library_type"],
                town=data["town"],
                region=data["region"],
                contact_name=data["contact_name"],
                contact_role=data["contact_role"],
                email=data["email"],
                phone=data["phone"],
                note=data["note"],
                language=_current_language(),
            )
            return redirect("membership:apply_done", network=network_obj.slug)
    else:
        initial = {}
        if request.user.is_authenticated:
            initial = {"contact_name": request.user.full_name, "email": request.user.email}
        form = ApplicationForm(network=network_obj, initial=initial)
    return render(request, "membership/apply.html", {"network": network_obj, "form": form})


def apply_done(request: HttpRequest, network: str) -> HttpResponse:
    network_obj = get_object_or_404(Network, slug=network)
    return render(request, "membership/apply_done.html", {"network": network_obj})


@login_required
def review(request: HttpRequest) -> HttpResponse:
    if not coordinated_network_ids(request.user):
        raise PermissionDenied
    networks = list(coordinated_networks(request.user))
    status = request.GET.get("status", "")
    if status not in Application.Status.values:
        status = ""
    network_id: int | None = None
    raw_network = request.GET.get("network", "")
    if raw_network.isdigit() and int(raw_network) in {n.pk for n in networks}:
        network_id = int(raw_network)
    applications = applications_to_review(request.user, status=status, network_id=network_id)
    page = Paginator(applications, REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(
        applications_to_review(request.user, network_id=network_id)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return render(
        request,
        "membership/review.html",
        {
            "page": page,
            "networks": networks,
            "statuses": Application.Status.choices,
            "status": status,
            "network_id": network_id,
            "pending_count": counts.get(Application.Status.PENDING, 0),
            "querystring": _without_page(request),
        },
    )


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_http_methods(["GET", "POST"])
def application(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("network", "library", "region", "decided_by"), pk=pk
    )
    if not request.user.has_perm("membership.review_applications", application.network):
        raise PermissionDenied
    form = DecisionForm()
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if application.status != Application.Status.PENDING:
            messages.error(request, _("This application was already decided; nothing changed."))
            return redirect("membership:application", pk=application.pk)
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == DecisionForm.APPROVE:
                    membership = application_approve(application=application, actor=request.user)
                    messages.success(
                        request,
                        _(
                            "Approved: %(library)s is a member of %(network)s. We sent %(email)s "
                            "an e-mail."
                        )
                        % {
                            "library": membership.library.name,
                            "network": application.network.name,
                            "email": application.email,
                        },
                    )
                else:
                    application_reject(
                        application=application,
                        actor=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                    messages.success(
                        request,
                        _("Rejected. We sent %(email)s an e-mail with your reason.")
                        % {"email": application.email},
                    )
            except ApplicationAlreadyDecided:
                messages.error(request, _("This application was already decided; nothing changed."))
            except ValidationError as error:
                # E.g. a new library whose country nobody gave: nothing was saved.
                messages.error(
                    request,
                    _("The application could not be approved, nothing changed: %(problem)s")
                    % {"problem": " ".join(error.messages)},
                )
            return redirect("membership:application", pk=application.pk)
    return render(
        request,
        "membership/application.html",
        {
            "application": application,
            "form": form,
            "existing_person": get_user_model()
            .objects.filter(email__iexact=application.email)
            .first(),
            "existing_membership": Membership.objects.filter(
                network=application.network, library=application.library
            ).first()
            if application.library_id
            else None,
        },
    )


def _user_from_uid(uidb64: str) -> Any:
    User = get_user_model()
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        return User.objects.get(pk=pk)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = _user_from_uid(uidb64)
    if user is None or not user.is_active or not default_token_generator.check_token(user, token):
        return render(request, "membership/invitation_invalid.html", status=400)
    if request.method == "POST":
        form = InvitationPasswordForm(user, request.POST)
        if form.is_valid():
            invitation_accept(user=user, password=form.cleaned_data["new_password1"])
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your password is set. Welcome to BiblioHub."))
            response = redirect("accounts:dashboard")
            if user.language:
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
    else:
        form = InvitationPasswordForm(user)
    return render(request, "membership/invitation.html", {"form": form, "person": user})


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, network: str) -> HttpResponse:
    network_obj = get_object_or_404(Network, slug=network)
    if not request.user.has_perm("membership.review_applications", network_obj):
        raise PermissionDenied
    bound: MembershipChangeForm | None = None
    if request.method == "POST":
        bound = MembershipChangeForm(
            request.POST, memberships=Membership.objects.filter(network=network_obj)
        )
        if bound.is_valid():
            data = bound.cleaned_data
            change = {
                MembershipChangeForm.SUSPEND: membership_suspend,
                MembershipChangeForm.END: membership_end,
                MembershipChangeForm.REACTIVATE: membership_reactivate,
            }[data["action"]]
            try:
                done = change(membership=data["membership"], actor=request.user, on=data["on"])
            except MembershipChangeError as error:
                bound.add_error("on", error.message)
            else:
                messages.success(
                    request,
                    _("%(library)s: %(status)s.")
                    % {"library": done.library.name, "status": done.get_status_display()},
                )
                return redirect("membership:members", network=network_obj.slug)
    memberships = list(network_memberships(network_obj))
    failed_pk = bound.data.get("membership") if bound is not None else None
    rows = [(m, bound if failed_pk == str(m.pk) else None) for m in memberships]
    headings = {
        Membership.Status.ACTIVE: _("Active members"),
        Membership.Status.SUSPENDED: _("Suspended memberships"),
        Membership.Status.ENDED: _("Former members"),
    }
    groups = [
        (value, label, [row for row in rows if row[0].status == value])
        for value, label in headings.items()
    ]
    return render(
        request,
        "membership/members.html",
        {
            "network": network_obj,
            "groups": groups,
            "today": timezone.localdate(),
            "bound": bound,
        },
        status=400 if bound is not None else 200,
    )
