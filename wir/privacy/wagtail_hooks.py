"""Admin hooks of the privacy core, one module per part (loaded here, as Wagtail finds
only `wagtail_hooks`)."""

from wir.privacy import hooks_register  # noqa: F401 (registers its URLs and menu item)
