"""`manage.py export_xliff` and `import_xliff`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale

from tests.translation.xliff_files import fill, translations
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db


def test_export_then_import_by_command(
    original: ContentPage,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    exported = tmp_path / "ar.xlf"
    call_command("export_xliff", "testkreis", "ar", "--missing", "-o", str(exported))
    assert b'target-language="ar"' in exported.read_bytes()
    translated = tmp_path / "ar-done.xlf"
    translated.write_bytes(fill(exported.read_bytes(), "1.2", translations("1.2")))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_xliff", "testkreis", "ar", str(translated))
    assert "Segmente importiert" in capsys.readouterr().out
    assert original.get_translation_or_none(Locale.objects.get(language_code="ar"))


def test_import_command_fails_on_errors(
    original: ContentPage,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    broken = tmp_path / "broken.xlf"
    broken.write_bytes(b"<xliff")
    with pytest.raises(CommandError, match="Nichts importiert"):
        call_command("import_xliff", "testkreis", "ar", str(broken))
    assert "kein lesbares XML" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Keine passenden"):
        call_command("export_xliff", "testkreis", "ar", "--page", "999999")
