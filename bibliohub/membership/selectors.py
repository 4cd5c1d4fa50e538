"""Read queries for memberships and applications."""

from typing import Any

from django.db.models import QuerySet

from bibliohub.core.visibility import coordinated_network_ids

from .models import Application, Membership


def applications_for_reviewer(user: Any) -> QuerySet[Application]:
    """Applications to the networks the person coordinates (sections included)."""
    return Application.objects.filter(network_id__in=coordinated_network_ids(user)).select_related(
        "network", "library", "region", "decided_by"
    )


def waiting_application_count(user: Any) -> int:
    if not coordinated_network_ids(user):
        return 0
    return applications_for_reviewer(user).filter(status=Application.Status.PENDING).count()


def active_memberships(**filters: Any) -> QuerySet[Membership]:
    return Membership.objects.filter(status=Membership.Status.ACTIVE, **filters)
