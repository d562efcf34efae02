"""Admin views of the translation workflow, one module per part (Wagtail loads this one)."""

from wir.translation import hooks_editor, hooks_machine, hooks_status, hooks_xliff  # noqa: F401
