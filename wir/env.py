"""Reading configuration from the environment (12-factor), in one place.

Only `wir/settings.py` imports this module; it must not import Django models.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """A configuration variable has a value we cannot use."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not an integer") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def secret_key(var_dir: Path) -> str:
    """SECRET_KEY from the environment, else from `var/secret_key`, generated once."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    key_file = var_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # Create with 0600 so that the key is readable by the service user only.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def email_settings(url: str) -> dict[str, Any]:
    """Django mail settings from an `EMAIL_URL`.

    Supported: `console:`, `locmem:`, `dummy:`, `file:///path`, `smtp://user:pass@host:port`
    and `smtps://...` (implicit TLS); `?tls=1` on smtp asks for STARTTLS,
    `?from=adress@example.org` sets the sender.
    """
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ConfigError(
            f"EMAIL_URL scheme {parts.scheme!r} is not supported (one of: {', '.join(backends)})"
        )
    result: dict[str, Any] = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme == "file":
        result["EMAIL_FILE_PATH"] = unquote(parts.path)
    if parts.scheme in {"smtp", "smtps"}:
        result.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (465 if parts.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=parts.scheme == "smtps",
            EMAIL_USE_TLS=query.get("tls", "0").lower() in TRUE_WORDS,
            EMAIL_TIMEOUT=10,
        )
    if "from" in query:
        result["DEFAULT_FROM_EMAIL"] = query["from"]
        result["SERVER_EMAIL"] = query["from"]
    return result


def cache_settings(url: str) -> dict[str, Any]:
    """Django's CACHES from a `CACHE_URL`.

    `locmem:` (default; one cache per process), `db:` (a table in the database, shared by all
    workers; create it with `manage.py createcachetable`), `file:///path` (a folder shared by
    the workers of one machine), `redis://host:6379/0` (needs the `redis` package).
    """
    parts = urlsplit(url)
    if parts.scheme == "locmem":
        backend, location = "django.core.cache.backends.locmem.LocMemCache", "wir"
    elif parts.scheme == "db":
        backend, location = "django.core.cache.backends.db.DatabaseCache", "wir_cache"
    elif parts.scheme == "file":
        if not parts.path:
            raise ConfigError("CACHE_URL file:/// needs a folder, e.g. file:///var/cache/wir")
        backend, location = "django.core.cache.backends.filebased.FileBasedCache", parts.path
    elif parts.scheme in {"redis", "rediss"}:
        backend, location = "django.core.cache.backends.redis.RedisCache", url
    else:
        raise ConfigError(
            f"CACHE_URL scheme {parts.scheme!r} is not supported (one of: locmem, db, file, redis)"
        )
    return {"default": {"BACKEND": backend, "LOCATION": unquote(location)}}


# Rate-limit counters are few and small; this many never push each other out in practice.
LIMITS_MAX_ENTRIES = 1_000_000


def limits_cache_settings(limits_url: str, cache_url: str) -> dict[str, Any]:
    """The cache alias for rate limits, apart from rendered answers so that public traffic
    cannot push the counters out.

    `limits_url` (`WIR_LIMITS_CACHE_URL`) has the syntax of `CACHE_URL`; empty means "like
    `CACHE_URL`, but separate": its own local memory, its own table `wir_limits`, a
    sub-folder `limits` of the file cache, or the same Redis under its own key prefix
    (Redis must not evict: `maxmemory-policy noeviction`, its default).
    """
    url = limits_url.strip() or cache_url
    try:
        config = cache_settings(url)["default"]
    except ConfigError as error:
        name = "WIR_LIMITS_CACHE_URL" if limits_url.strip() else "CACHE_URL"
        raise ConfigError(str(error).replace("CACHE_URL", name, 1)) from None
    scheme = urlsplit(url).scheme
    if scheme == "locmem":
        config["LOCATION"] = "wir-limits"
    elif scheme == "db":
        config["LOCATION"] = "wir_limits"
    elif scheme == "file" and not limits_url.strip():
        config["LOCATION"] = config["LOCATION"].rstrip("/") + "/limits"
    if scheme != "redis" and scheme != "rediss":
        config["OPTIONS"] = {"MAX_ENTRIES": LIMITS_MAX_ENTRIES}
    config["KEY_PREFIX"] = "limits"
    return config


def session_cache_settings(url: str) -> dict[str, Any]:
    """The cache alias "sessions" (`WIR_SESSION_CACHE_URL`, syntax of `CACHE_URL`): sessions
    apart from answers and limits, under their own key prefix."""
    try:
        config = cache_settings(url)["default"]
    except ConfigError as error:
        raise ConfigError(str(error).replace("CACHE_URL", "WIR_SESSION_CACHE_URL", 1)) from None
    if urlsplit(url).scheme == "locmem":
        config["LOCATION"] = "wir-sessions"
    elif urlsplit(url).scheme == "db":
        config["LOCATION"] = "wir_sessions"
    config["KEY_PREFIX"] = "sessions"
    return config


def trusted_proxies(behind_proxy: bool) -> int:
    """`WIR_TRUSTED_PROXIES`: how many proxies in front of us append to X-Forwarded-For
    (default 1 with `WIR_BEHIND_PROXY=1`, else 0: the connection's address counts)."""
    count = env_int("WIR_TRUSTED_PROXIES", 1 if behind_proxy else 0)
    if count < 0:
        raise ConfigError(f"WIR_TRUSTED_PROXIES={count!r} must be 0 or more")
    return count


MT_PROVIDERS = ("none", "deepl", "libretranslate")


def machine_translation_settings() -> dict[str, Any]:
    """The machine-translation provider from `WIR_MT_*`, `WIR_DEEPL_*`, `WIR_LIBRETRANSLATE_*`.

    Raises ConfigError naming the variable when the configuration cannot work.
    """
    provider = env_str("WIR_MT_PROVIDER", "none").strip().lower() or "none"
    if provider not in MT_PROVIDERS:
        raise ConfigError(
            f"WIR_MT_PROVIDER={provider!r} is not supported (one of: {', '.join(MT_PROVIDERS)})"
        )
    timeout = env_int("WIR_MT_TIMEOUT", 30)
    if timeout <= 0:
        raise ConfigError(f"WIR_MT_TIMEOUT={timeout!r} must be a positive number of seconds")
    deepl_key = env_str("WIR_DEEPL_KEY").strip()
    deepl_url = env_str("WIR_DEEPL_URL").strip().rstrip("/")
    if not deepl_url:
        free = deepl_key.endswith(":fx")
        deepl_url = "https://api-free.deepl.com" if free else "https://api.deepl.com"
    libre_url = env_str("WIR_LIBRETRANSLATE_URL").strip().rstrip("/")
    libre_key = env_str("WIR_LIBRETRANSLATE_KEY").strip()
    if provider == "deepl" and not deepl_key:
        raise ConfigError("WIR_DEEPL_KEY is needed with WIR_MT_PROVIDER=deepl")
    if provider == "libretranslate" and not libre_url:
        raise ConfigError("WIR_LIBRETRANSLATE_URL is needed with WIR_MT_PROVIDER=libretranslate")
    for name, url in (("WIR_DEEPL_URL", deepl_url), ("WIR_LIBRETRANSLATE_URL", libre_url)):
        if url and urlsplit(url).scheme not in {"http", "https"}:
            raise ConfigError(f"{name}={url!r} is not an http(s) URL")
    return {
        "WIR_MT_PROVIDER": provider,
        "WIR_MT_TIMEOUT": timeout,
        "WIR_DEEPL_KEY": deepl_key,
        "WIR_DEEPL_URL": deepl_url,
        "WIR_LIBRETRANSLATE_URL": libre_url,
        "WIR_LIBRETRANSLATE_KEY": libre_key,
        "WIR_MT_BACKGROUND": env_bool("WIR_MT_BACKGROUND", False),
    }
