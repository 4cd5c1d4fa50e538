"""API endpoint about the caller: profile, libraries and networks."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from bibliohub.accounts import selectors
from bibliohub.core.visibility import coordinated_network_ids
from bibliohub.directory.models import Network

from .auth import SIGNED_IN
from .schemas import ErrorOut, MeOut

router = Router(tags=["me"])


@router.get("/me", response={200: MeOut, 401: ErrorOut}, auth=SIGNED_IN, summary="The caller")
def me(request: HttpRequest) -> dict[str, Any]:
    user = request.auth
    coordinated = Network.objects.filter(pk__in=coordinated_network_ids(user)).order_by("slug")
    return {
        "email": user.email,
        "full_name": user.full_name,
        "phone": user.phone,
        "language": user.language,
        "libraries": [
            {
                "slug": role.library.slug,
                "name": role.library.name,
                "role": role.role,
                "title": role.title,
            }
            for role in selectors.library_roles_of(user)
        ],
        "networks": [
            {
                "slug": tie.network.slug,
                "name": tie.network.name,
                "roles": [role.role for role in tie.roles],
                "through_libraries": [library.slug for library in tie.libraries],
            }
            for tie in selectors.network_ties_of(user)
        ],
        "coordinated_networks": list(coordinated.values_list("slug", flat=True)),
    }
