"""Images of the public guide: Wagtail's image model with a required alternative text.

Wagtail's `description` is the image's default alt text (rich text and templates use it).
Here it is required in the model, the admin form and the database, so no image of the
public site can appear without a text for people who cannot see it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

ALT_TEXT_HELP = _(
    "Beschreibt, was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen können "
    "(Screenreader). Kurz und sachlich, z. B. „Eingang des Rathauses mit Rampe“."
)


class AccessibleImage(AbstractImage):
    description = models.CharField(
        _("Alternativtext"), max_length=255, help_text=ALT_TEXT_HELP, blank=False
    )

    admin_form_fields = WagtailImage.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")
        permissions = [("choose_image", "Can choose image")]
        constraints = [
            models.CheckConstraint(condition=~Q(description=""), name="image_alt_text_required")
        ]

    @property
    def alt_text(self) -> str:
        return self.description


class AccessibleRendition(AbstractRendition):
    image = models.ForeignKey(AccessibleImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
