"""Changes a person makes to their own account: profile, language, personal API tokens."""

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from bibliohub.core.audit import audit_record

from .models import ApiToken, User

# Writing last_used_at on every API call would turn each read into a write.
TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)


@transaction.atomic
def profile_update(
    *, user: User, full_name: str, phone: str, language: str, time_zone: str = ""
) -> User:
    user.full_name = full_name
    user.phone = phone
    user.language = language
    user.time_zone = time_zone
    user.save(update_fields=["full_name", "phone", "language", "time_zone", "username"])
    return user


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Issue a token; the raw value is returned once and never stored."""
    token, raw = ApiToken.issue(user=user, name=name)
    audit_record(actor=user, action="accounts.api_token_created", obj=token)
    return token, raw


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> bool:
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        return False
    audit_record(actor=user, action="accounts.api_token_revoked", obj=token)
    token.delete()
    return True


def api_token_authenticate(*, raw: str) -> AbstractBaseUser | None:
    """The active person a raw token belongs to, or None; notes when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOKEN_TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user
