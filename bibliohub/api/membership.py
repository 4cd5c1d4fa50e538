"""API endpoints for applications to join, limited to the ones the caller may review."""

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from bibliohub.membership.models import Application
from bibliohub.membership.selectors import applications_for_reviewer

from .auth import SIGNED_IN
from .schemas import ApplicationOut, ErrorOut

router = Router(tags=["membership"])


def _application(a: Application) -> dict[str, Any]:
    return {
        "id": a.pk,
        "network": a.network.slug,
        "library": a.library.slug if a.library_id else None,
        "library_name": a.display_library_name,
        "library_type": a.library_type or (a.library.library_type if a.library_id else ""),
        "town": a.town or (a.library.town if a.library_id else ""),
        "region": a.region.slug if a.region_id else None,
        "contact_name": a.contact_name,
        "contact_role": a.contact_role,
        "email": a.email,
        "phone": a.phone,
        "note": a.note,
        "consent": a.consent,
        "language": a.language,
        "status": a.status,
        "created_at": a.created_at,
        "decided_at": a.decided_at,
        "reason": a.reason,
    }


@router.get(
    "/applications",
    response={200: list[ApplicationOut], 401: ErrorOut},
    auth=SIGNED_IN,
    summary="Applications to the networks the caller coordinates",
)
def applications(
    request: HttpRequest,
    status: str = "",
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
) -> list[dict[str, Any]]:
    """Newest first; `status` is one of pending, approved, rejected. Everyone else gets []."""
    queryset = applications_for_reviewer(request.auth).order_by("-created_at", "-pk")
    if status:
        queryset = queryset.filter(status=status)
    return [_application(a) for a in queryset[offset : offset + limit]]


@router.get(
    "/applications/{int:pk}",
    response={200: ApplicationOut, 401: ErrorOut, 404: ErrorOut},
    auth=SIGNED_IN,
    summary="One application the caller may review",
)
def application(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _application(get_object_or_404(applications_for_reviewer(request.auth), pk=pk))
