"""How django-allauth fits BiblioHub: accounts come from approved applications and invitations."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_str

from bibliohub.core.mail import email_enqueue


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # People join through their library's application; an administrator can add anyone.
        return False

    def format_email_subject(self, subject: str) -> str:
        # The Site object's name is "example.com" on a fresh install; our name is fixed.
        return f"[BiblioHub] {force_str(subject)}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Send allauth's e-mails in the person's own language, with a way in for strangers."""
        request = allauth_context.request
        networks = reverse("directory:networks")
        extra = {
            "networks_url": request.build_absolute_uri(networks)
            if request is not None
            else settings.SITE_URL.rstrip("/") + networks
        }
        language = (
            get_user_model()
            .objects.filter(email__iexact=email)
            .values_list("language", flat=True)
            .first()
        )
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **extra,
            **context,
        }
        with translation.override(language or translation.get_language()):
            message = self.render_mail(template_prefix, email, ctx)
        # The worker sends it: a slow or unreachable mail server never shows anyone an error page.
        email_enqueue(message)
