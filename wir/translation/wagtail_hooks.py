"""Admin views of the translation workflow, one module per part (Wagtail loads this one)."""

from wir.translation.editor import hooks as hooks_editor  # noqa: F401
from wir.translation.machine import hooks as hooks_machine  # noqa: F401
from wir.translation.status import hooks as hooks_status  # noqa: F401
from wir.translation.xliff import hooks as hooks_xliff  # noqa: F401
