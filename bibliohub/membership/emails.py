"""Rendering and sending the membership e-mails, each in its reader's language."""

from collections.abc import Sequence
from typing import Any

from bibliohub.core.mail import absolute_url, render_email

__all__ = ["absolute_url", "send_templated"]


def send_templated(
    *, to: Sequence[str], template: str, context: dict[str, Any], language: str
) -> None:
    """Send `membership/email/<template>` (subject, text and HTML) in the given language."""
    render_email(
        to=list(to), template=f"membership/email/{template}", context=context, language=language
    ).send()
