from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bibliohub.api"
    label = "api"
