"""The JSON API at /api/v1/, described at /api/v1/openapi.json."""

from ninja import NinjaAPI

api = NinjaAPI(title="BiblioHub API", version="1", urls_namespace="api")
