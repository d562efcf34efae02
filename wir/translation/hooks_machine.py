"""Admin hooks: machine (filled by the machine part of the translation workflow)."""
