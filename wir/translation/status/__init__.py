"""The translation status: the matrix of German originals × languages (states), what
changed (diffs), Easy German's own rules, and its admin screens (views, hooks)."""
