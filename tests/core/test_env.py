from pathlib import Path

import pytest

from wir.env import ConfigError, email_settings, env_bool, env_int, secret_key


def test_env_bool_reads_words_and_rejects_garbage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIR_FLAG", "yes")
    assert env_bool("WIR_FLAG") is True
    monkeypatch.setenv("WIR_FLAG", "0")
    assert env_bool("WIR_FLAG", default=True) is False
    monkeypatch.setenv("WIR_FLAG", "vielleicht")
    with pytest.raises(ConfigError, match="WIR_FLAG"):
        env_bool("WIR_FLAG")


def test_env_int_names_the_variable_on_bad_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIR_NUMBER", "zwölf")
    with pytest.raises(ConfigError, match="WIR_NUMBER"):
        env_int("WIR_NUMBER", 3)
    monkeypatch.delenv("WIR_NUMBER")
    assert env_int("WIR_NUMBER", 3) == 3


def test_secret_key_is_generated_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) >= 50
    assert secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path) == "from-the-environment"


def test_email_url_smtp_with_starttls_and_sender() -> None:
    config = email_settings(
        "smtp://mailer:s%40cret@mail.example.org:587?tls=1&from=wir@example.org"
    )
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert config["EMAIL_HOST"] == "mail.example.org"
    assert config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_USER"] == "mailer"
    assert config["EMAIL_HOST_PASSWORD"] == "s@cret"
    assert config["EMAIL_USE_TLS"] is True
    assert config["EMAIL_USE_SSL"] is False
    assert config["DEFAULT_FROM_EMAIL"] == "wir@example.org"


def test_email_url_defaults_and_errors() -> None:
    assert email_settings("console:")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert email_settings("smtps://mail.example.org")["EMAIL_PORT"] == 465
    with pytest.raises(ConfigError, match="pigeon"):
        email_settings("pigeon://loft")


def test_cache_url() -> None:
    from wir.env import cache_settings

    assert cache_settings("locmem:")["default"]["BACKEND"].endswith("LocMemCache")
    assert cache_settings("db:")["default"]["LOCATION"] == "wir_cache"
    assert cache_settings("file:///var/cache/wir")["default"]["LOCATION"] == "/var/cache/wir"
    redis = cache_settings("redis://cache.internal:6379/1")["default"]
    assert redis["BACKEND"].endswith("RedisCache")
    assert redis["LOCATION"] == "redis://cache.internal:6379/1"
    with pytest.raises(ConfigError, match="CACHE_URL"):
        cache_settings("memcache://x")
    with pytest.raises(ConfigError, match="folder"):
        cache_settings("file://")


@pytest.mark.django_db(transaction=True)
def test_api_answers_through_the_database_cache(settings: object, region: object) -> None:
    from django.core.management import call_command
    from django.test import Client

    from wir.env import cache_settings

    settings.CACHES = cache_settings("db:")  # type: ignore[attr-defined]
    call_command("createcachetable", verbosity=0)
    first = Client().get("/api/v1/regions/testkreis/de/pages/")
    again = Client().get(
        "/api/v1/regions/testkreis/de/pages/", headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 304
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wir_cache")
        assert cursor.fetchone()[0] >= 1


@pytest.mark.django_db(transaction=True)
def test_rate_limits_in_their_own_database_table(settings: object, region: object) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory

    from wir.core.ratelimit import request_over_limit
    from wir.env import cache_settings, limits_cache_settings

    settings.CACHES = {  # type: ignore[attr-defined]
        **cache_settings("db:"),
        "limits": limits_cache_settings("", "db:"),
    }
    call_command("createcachetable", verbosity=0)
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.9")
    assert not request_over_limit("probe", request, 1)
    assert request_over_limit("probe", request, 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wir_limits")
        assert cursor.fetchone()[0] == 1
        cursor.execute("SELECT COUNT(*) FROM wir_cache")
        assert cursor.fetchone()[0] == 0
