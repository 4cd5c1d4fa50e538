from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bibliohub.accounts"
    label = "accounts"
