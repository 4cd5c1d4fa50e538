"""Test settings: the real settings with fast password hashing and tasks run at once."""

import os
import tempfile
from pathlib import Path

from .settings import *  # noqa: F403
from .settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests see every page as rendered; the page cache has its own tests (core/tests/test_pagecache.py).
PUBLIC_PAGE_CACHE_SECONDS = 0
# Uploaded files of a test run (demo documents included) go to a folder of their own.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bibliohub-test-media-"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: tests of concurrent registration need real
    # write locks (WAL, IMMEDIATE), which shared-cache memory databases do not have.
    # One file per test run, so that two runs side by side never share a database.
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405 - a fresh clone has no var/
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")  # noqa: F405
    }
