"""How django-allauth fits BiblioHub: accounts come from approved applications and invitations."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # People join through their library's application; an administrator can add anyone.
        return False
