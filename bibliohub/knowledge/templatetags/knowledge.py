"""Template helpers of the document library for other apps' pages (the network page)."""

from typing import Any

from django import template

from bibliohub.knowledge.services import can_upload

register = template.Library()


@register.simple_tag(takes_context=True)
def may_upload_documents(context: dict[str, Any], network: Any) -> bool:
    """`{% may_upload_documents network as may_upload %}`: may the reader upload to it?"""
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is not None and can_upload(user, network)
