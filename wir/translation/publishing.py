"""Who publishes a translation, and when: the one place that turns complete translated
texts into the public page or snippet.

Editors and coordination (and the command line) publish; a translator's complete work
waits for them (`PendingTranslation`) and the public version stays as it is. We do not use
wagtail-localize's own drafts (`publish=False`): they write a live page's row directly,
set a live snippet to not live, and fail for models without drafts (contacts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from wir.accounts.permissions import can, region_id_of
from wir.accounts.roles import Perm
from wir.translation import segments
from wir.translation.models import MachineTranslation, PendingTranslation
from wir.translation.xliff.export import object_label

INCOMPLETE = "incomplete"
PARENT_MISSING = "parent_missing"
PENDING = "pending"


@dataclass(frozen=True)
class Held:
    """Why a translation was not published (`code`), in German (`message`)."""

    code: str
    message: str


def may_publish(user: Any, instance: Any) -> bool:
    """Editors, coordination and platform admins publish translations; so does the command
    line (no user). A translator does not."""
    if user is None or not getattr(user, "pk", None):
        return True
    return bool(user.is_superuser) or can(user, Perm.PUBLISH_CONTENT, instance)


def is_pending(instance: Any, language_code: str) -> bool:
    return PendingTranslation.objects.filter(
        translation_key=instance.translation_key, language_code=language_code
    ).exists()


def hold_for_editor(instance: Any, locale: Locale, user: Any) -> Held:
    """Record that the complete texts of `instance` in `locale` wait for an editor."""
    region_id = region_id_of(instance)
    if region_id is None:
        raise segments.SegmentError(_("Der Inhalt gehört zu keiner Region."))
    PendingTranslation.objects.update_or_create(
        translation_key=instance.translation_key,
        language_code=locale.language_code,
        defaults={
            "region_id": region_id,
            "content_type": ContentType.objects.get_for_model(instance),
            "object_id": instance.pk,
            "saved_by": user if getattr(user, "pk", None) else None,
        },
    )
    return Held(
        PENDING,
        _("%(object)s: vollständig übersetzt und gespeichert; veröffentlichen darf die Redaktion.")
        % {"object": object_label(instance)},
    )


def publish_if_complete(
    source: TranslationSource, instance: Any, locale: Locale, user: Any
) -> Held | None:
    """Write and publish the target of `instance` when all its texts are translated (and,
    for a page, its parent exists in the language) and `user` may publish; otherwise say
    why not (a translator's complete work is held for an editor). None: published."""
    missing = segments.missing(source, locale)
    if missing:
        return Held(
            INCOMPLETE,
            _(
                "%(object)s: %(count)d Segmente noch unübersetzt; gespeichert, "
                "aber noch nicht veröffentlicht."
            )
            % {"object": object_label(instance), "count": len(missing)},
        )
    if isinstance(instance, Page):
        parent = instance.get_parent()
        if parent is not None and parent.get_translation_or_none(locale) is None:
            return Held(
                PARENT_MISSING,
                _(
                    "%(object)s: die übergeordnete Seite ist in dieser Sprache noch nicht "
                    "übersetzt; gespeichert, aber noch nicht veröffentlicht."
                )
                % {"object": object_label(instance)},
            )
    if not may_publish(user, instance):
        return hold_for_editor(instance, locale, user)
    target = segments.apply(source, locale, user=user)
    _keep_machine_mark(source, instance, locale, target)
    return None


def _keep_machine_mark(
    source: TranslationSource, instance: Any, locale: Locale, target: Any
) -> None:
    """Texts that a machine made stay marked as such in public until a person reviews them
    (publishing them is no review)."""
    machine_row = StringTranslation.objects.filter(
        locale=locale,
        context__object_id=source.object_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).first()
    if machine_row is None or target is None:
        return
    target = target.specific if isinstance(target, Page) else target
    region_id = region_id_of(instance)
    if region_id is not None:
        MachineTranslation.objects.get_or_create(  # an existing mark keeps its review
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
            defaults={
                "region_id": region_id,
                "language_code": locale.language_code,
                "provider": machine_row.tool_name[:40],
            },
        )
