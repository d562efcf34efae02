"""Images in rich text always carry an alternative text.

Wagtail stores the alt text chosen at insertion in the `<embed>` (prefilled from the image's
required alt text). An embed without one — marked "decorative", imported, or written by the
API — falls back to the image's own alt text, so no image of the guide is shown without it.
"""

from __future__ import annotations

from typing import Any

from wagtail.images.formats import get_image_format
from wagtail.images.rich_text import ImageEmbedHandler


class AltTextImageEmbedHandler(ImageEmbedHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict[str, Any]]) -> list[str]:
        images = cls.get_many(attrs_list)
        tags = []
        for attrs, image in zip(attrs_list, images, strict=True):
            if image is None:
                tags.append("")  # a deleted image leaves no empty box behind
                continue
            alt = (attrs.get("alt") or "").strip() or image.default_alt_text
            image_format = get_image_format(attrs.get("format", "fullwidth"))
            tags.append(image_format.image_to_html(image, alt))
        return tags
