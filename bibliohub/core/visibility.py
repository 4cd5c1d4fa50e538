"""The one visibility check that every read path uses: pages, API, search, feeds, exports.

Content names its network, a visibility (public, members of the network, members of one
section, a named group) and, for the last two, the section or group (its `audience`).
A person sees members' content of a network when their library is an active member of that
network or of one of its sections, or when they hold a role in it (coordinator, expert, ...).
Coordinators of a network also see everything of its sections and groups.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from django.db.models import Model, Q, QuerySet

from .models import Visibility

M = TypeVar("M", bound=Model)


class VisibleContent(Protocol):
    network_id: int | None
    visibility: str
    audience_id: int | None


def _cached(user: Any, key: str, compute: Any) -> Any:
    value = getattr(user, key, None)
    if value is None:
        value = compute()
        setattr(user, key, value)
    return value


def _descendants(network_ids: set[int]) -> set[int]:
    from bibliohub.directory.models import Network

    found, frontier = set(network_ids), set(network_ids)
    while frontier:
        frontier = (
            set(Network.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        )
        found |= frontier
    return found


def _ancestors(network_ids: set[int]) -> set[int]:
    from bibliohub.directory.models import Network

    found, frontier = set(network_ids), set(network_ids)
    while frontier:
        frontier = {
            p
            for p in Network.objects.filter(id__in=frontier).values_list("parent_id", flat=True)
            if p is not None
        } - found
        found |= frontier
    return found


def direct_network_ids(user: Any) -> frozenset[int]:
    """Networks the person belongs to directly: through their libraries or their own roles."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()

    def compute() -> frozenset[int]:
        from bibliohub.directory.models import NetworkRole
        from bibliohub.membership.models import Membership

        via_library = Membership.objects.filter(
            status=Membership.Status.ACTIVE, library__roles__user=user
        ).values_list("network_id", flat=True)
        via_role = NetworkRole.objects.filter(user=user).values_list("network_id", flat=True)
        return frozenset(set(via_library) | set(via_role))

    return _cached(user, "_bh_direct_networks", compute)


def member_network_ids(user: Any) -> frozenset[int]:
    """Networks whose members' content the person may read."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()

    def compute() -> frozenset[int]:
        # A member of a section is a member of the association it belongs to.
        ids = set(_ancestors(set(direct_network_ids(user))))
        return frozenset(ids | coordinated_network_ids(user))

    return _cached(user, "_bh_member_networks", compute)


def coordinated_network_ids(user: Any) -> frozenset[int]:
    """Networks the person coordinates, with every section and group below them."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()

    def compute() -> frozenset[int]:
        from bibliohub.directory.models import Network, NetworkRole

        if user.is_superuser:
            return frozenset(Network.objects.values_list("id", flat=True))
        direct = set(
            NetworkRole.objects.filter(user=user, role=NetworkRole.Role.COORDINATOR).values_list(
                "network_id", flat=True
            )
        )
        return frozenset(_descendants(direct))

    return _cached(user, "_bh_coordinated_networks", compute)


def audience_ids(user: Any) -> frozenset[int]:
    """Sections and groups whose restricted content the person may read."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(set(direct_network_ids(user)) | coordinated_network_ids(user))


def forget(user: Any) -> None:
    """Drop what was worked out for this person, after their roles or memberships changed."""
    for key in ("_bh_direct_networks", "_bh_member_networks", "_bh_coordinated_networks"):
        if hasattr(user, key):
            delattr(user, key)


def visible_q(user: Any, prefix: str = "") -> Q:
    """A filter for content rows (or rows related through `prefix`) the person may read."""
    p = f"{prefix}__" if prefix else ""
    q = Q(**{f"{p}visibility": Visibility.PUBLIC})
    if not getattr(user, "is_authenticated", False):
        return q
    if user.is_superuser:
        return Q()
    q |= Q(**{f"{p}visibility": Visibility.MEMBERS, f"{p}network_id__in": member_network_ids(user)})
    q |= Q(
        **{
            f"{p}visibility__in": [Visibility.SECTION, Visibility.GROUP],
            f"{p}audience_id__in": audience_ids(user),
        }
    )
    q |= Q(**{f"{p}network_id__in": coordinated_network_ids(user)})
    return q


def filter_visible(queryset: QuerySet[M], user: Any, prefix: str = "") -> QuerySet[M]:
    return queryset.filter(visible_q(user, prefix))


def can_view(user: Any, obj: VisibleContent) -> bool:
    if obj.visibility == Visibility.PUBLIC:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or obj.network_id in coordinated_network_ids(user):
        return True
    if obj.visibility == Visibility.MEMBERS:
        return obj.network_id in member_network_ids(user)
    return obj.audience_id in audience_ids(user)
