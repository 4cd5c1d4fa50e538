"""Rendering and sending the membership e-mails, each in its reader's language."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(viewname: str, **kwargs: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(viewname, kwargs=kwargs or None)


def send_templated(
    *, to: Sequence[str], template: str, context: dict[str, Any], language: str
) -> None:
    """Send `membership/email/<template>` (subject, text and HTML) in the given language.

    The text and HTML bodies come from `<template>.txt` and `<template>.html`, the subject from
    the first line of `<template>_subject.txt`.
    """
    with translation.override(language):
        context = {**context, "SITE_URL": settings.SITE_URL, "LANGUAGE_CODE": language}
        subject = render_to_string(f"membership/email/{template}_subject.txt", context)
        subject = " ".join(subject.split())
        text = render_to_string(f"membership/email/{template}.txt", context)
        html = render_to_string(f"membership/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=list(to))
    message.attach_alternative(html, "text/html")
    message.extra_headers["Content-Language"] = language
    message.send()
