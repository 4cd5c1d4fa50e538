"""Handing a rendered e-mail to the background worker, so a slow mail server never blocks a page."""

from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django_tasks import task


@task()
def send_rendered_email(message: dict[str, Any]) -> None:
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    email.send()


def email_enqueue(message: EmailMessage) -> None:
    """Send `message` from the worker once the current transaction has committed."""
    data = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [
            (str(content), mimetype) for content, mimetype in getattr(message, "alternatives", [])
        ],
    }
    transaction.on_commit(lambda: send_rendered_email.enqueue(data))


def absolute_url(viewname: str, **kwargs: Any) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL.rstrip("/") + reverse(viewname, kwargs=kwargs or None)


def render_email(
    *,
    to: list[str],
    template: str,
    context: dict[str, Any],
    language: str,
) -> EmailMultiAlternatives:
    """An e-mail from `<template>_subject.txt`, `<template>.txt` and `<template>.html`, rendered
    in the reader's language (`template` is a path such as "events/email/confirmed")."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language):
        context = {**context, "SITE_URL": settings.SITE_URL, "LANGUAGE_CODE": language}
        subject = render_to_string(f"{template}_subject.txt", context)
        subject = " ".join(subject.split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=list(to))
    message.attach_alternative(html, "text/html")
    message.extra_headers["Content-Language"] = language
    return message
