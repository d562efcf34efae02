"""Admin hooks: status (filled by the status part of the translation workflow)."""
