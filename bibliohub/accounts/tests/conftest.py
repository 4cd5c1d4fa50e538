"""Fixtures of the accounts tests (shared with the API tests)."""

from .world import *  # noqa: F403
