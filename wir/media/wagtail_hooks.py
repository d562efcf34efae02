"""Register the rich-text image handler that never renders an image without alt text."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from wir.media.rich_text import AltTextImageEmbedHandler


# After wagtail.images' own registration of the "image" embed type, which it replaces.
@hooks.register("register_rich_text_features", order=100)
def register_image_embed_handler(features: Any) -> None:
    features.register_embed_type(AltTextImageEmbedHandler)
