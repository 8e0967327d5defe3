"""Production settings refuse unsafe configuration; other settings stay safe by default."""

import os
import subprocess
import sys

import pytest

from django.conf import settings

STRONG_SECRET = "x" * 64


def _load_production_settings(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "DATABASE_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **environment)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_development_secret_key():
    result = _load_production_settings(
        SECRET_KEY="dev-only-insecure-key-never-use-in-production",
        ALLOWED_HOSTS="portal.example.org",
        WAGTAILADMIN_BASE_URL="https://portal.example.org",
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be a random value" in result.stderr


def test_production_requires_a_secret_key():
    result = _load_production_settings(
        ALLOWED_HOSTS="portal.example.org", WAGTAILADMIN_BASE_URL="https://portal.example.org"
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_loads_with_a_strong_secret_and_hosts():
    result = _load_production_settings(
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="portal.example.org",
        WAGTAILADMIN_BASE_URL="https://portal.example.org",
    )

    assert result.returncode == 0, result.stderr


def test_production_never_exempts_demo_users_from_mfa():
    from portal.settings import production

    assert production.PORTAL_DEMO_USERS_SKIP_MFA is False


@pytest.fixture(scope="module", autouse=True)
def production_environment():
    """Importing production.py in this process needs its required variables."""
    saved = {k: os.environ.get(k) for k in ("SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL")}
    os.environ.update(
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="portal.example.org",
        WAGTAILADMIN_BASE_URL="https://portal.example.org",
    )
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def test_tests_use_a_fast_password_hasher_and_production_keeps_djangos_default():
    from portal.settings import production

    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert not hasattr(production, "PASSWORD_HASHERS")
