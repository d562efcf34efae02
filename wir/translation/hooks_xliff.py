"""Admin hooks: xliff (filled by the xliff part of the translation workflow)."""
