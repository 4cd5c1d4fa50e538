"""Production settings pass Django's deployment checks when the documented variables are set."""

import os
import subprocess
import sys

PRODUCTION = {
    "SECRET_KEY": "k" * 20 + "9f3c1e7a5b2d8046-" + "x7Qp!mZ2#rT9vL4w" * 3,
    "DEBUG": "false",
    "ALLOWED_HOSTS": "bibliohub.example.org",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_COOKIES": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "BEHIND_TLS_PROXY": "true",
}


def _check_deploy(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # The test process allows async-unsafe calls for the browser tests; a deployment never does.
    skip = set(PRODUCTION) | {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(DJANGO_SETTINGS_MODULE="bibliohub.settings", **extra)
    return subprocess.run(
        [sys.executable, "-m", "bibliohub.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = _check_deploy(PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_demo_defaults_are_flagged_for_production():
    result = _check_deploy({})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
