"""Fixtures of the API tests: the same small world as the accounts tests."""

from bibliohub.accounts.tests.world import *  # noqa: F403
