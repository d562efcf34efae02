"""The translation editor in the browser: its admin screens (views, hooks) and the writes
they make (actions)."""
