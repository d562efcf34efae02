"""Machine translation: one object or a batch as a job (jobs), the providers, the
background task, and its admin screens (views, hooks)."""
