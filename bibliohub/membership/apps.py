from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "bibliohub.membership"
    label = "membership"
