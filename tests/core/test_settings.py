"""Configuration comes from the environment; production settings pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "wir.example.org",
    "WIR_HTTPS": "1",
    "DATABASE_URL": "postgres://wir:secret@db.example.org:5432/wir",
    "EMAIL_URL": "smtp://mail.example.org:587?tls=1",
}


def run_manage(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "DATABASE_URL",
            "SECRET_KEY",
            "WIR_HTTPS",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_passes_with_the_documented_production_variables(tmp_path: Path) -> None:
    result = run_manage(
        {**PRODUCTION_ENV, "WIR_VAR_DIR": str(tmp_path)},
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_https(tmp_path: Path) -> None:
    env = {**PRODUCTION_ENV, "WIR_HTTPS": "0", "WIR_VAR_DIR": str(tmp_path)}
    result = run_manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


def test_bad_boolean_in_environment_stops_with_a_clear_message(tmp_path: Path) -> None:
    result = run_manage({"DEBUG": "vielleicht", "WIR_VAR_DIR": str(tmp_path)}, "check")
    assert result.returncode != 0
    assert "DEBUG='vielleicht' is not a boolean" in result.stderr


def test_sqlite_default_uses_wal(tmp_path: Path) -> None:
    result = run_manage(
        {"WIR_VAR_DIR": str(tmp_path)},
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"
    assert (tmp_path / "wir.sqlite3").exists()


def test_collectstatic_with_the_production_storage_succeeds(tmp_path: Path) -> None:
    """The manifest storage rewrites every url() and source map: a missing file fails."""
    result = run_manage(
        {**PRODUCTION_ENV, "WIR_VAR_DIR": str(tmp_path)}, "collectstatic", "--noinput", "-v0"
    )
    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "vendor/kern/kern.min.css" in manifest
    assert list((tmp_path / "static" / "wir" / "css").glob("site.*.css.gz"))
