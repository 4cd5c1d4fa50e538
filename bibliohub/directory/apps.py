from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "bibliohub.directory"
    label = "directory"
