from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bibliohub.core"
    label = "core"
