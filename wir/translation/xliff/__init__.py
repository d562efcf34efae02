"""XLIFF exchange with translators: export, file formats, inline markup, import
(importing), and its admin screen (views, hooks)."""
