from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


def _offer_choices(region_id: int) -> list[tuple[int, str]]:
    """The region's offers in German (the originals the others translate), by title."""
    from wir.portal.models import Offer

    return list(
        Offer.objects.filter(region_id=region_id, locale__language_code="de")
        .order_by("title", "pk")
        .values_list("pk", "title")
    )


class PortalConfig(AppConfig):
    name = "wir.portal"
    label = "portal"
    verbose_name = _("Wegweiser „Was ist wo?“")

    def ready(self) -> None:
        from wagtail.fields import RichTextField
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from wir.core import linkables
        from wir.portal.models import (
            ClosedDay,
            Contact,
            Event,
            News,
            Offer,
            OpeningSlot,
            Place,
        )
        from wir.portal.signals import (
            content_changed,
            page_changed,
            restriction_changed,
            sanitise_rich_text_fields,
            sync_target_groups,
        )

        post_migrate.connect(sync_target_groups, sender=self)
        # The API's validators and caches follow the region's content (Region.content_version).
        for content_model in (Offer, Place, Event, Contact, News, OpeningSlot, ClosedDay):
            post_save.connect(content_changed, sender=content_model)
            post_delete.connect(content_changed, sender=content_model)
        self._keep_search_documents_current()
        page_published.connect(page_changed)
        page_unpublished.connect(page_changed)
        post_page_move.connect(page_changed)
        post_delete.connect(page_changed, sender=Page)
        post_save.connect(restriction_changed, sender=PageViewRestriction)
        post_delete.connect(restriction_changed, sender=PageViewRestriction)
        for model in self.get_models():
            if any(isinstance(f, RichTextField) for f in model._meta.concrete_fields):
                pre_save.connect(sanitise_rich_text_fields, sender=model)
        # The views answer the page types' routes and give their template context
        # (wir/portal/routes.py): importing them registers them, before the first request.
        from wir.portal.views import directory, events, pages, search  # noqa: F401

        # The network links offers by id (it does not import the portal): wir/core/linkables.py
        linkables.register(linkables.OFFER, _("Angebote im Wegweiser"), _offer_choices)

    def _keep_search_documents_current(self) -> None:
        """The search's own index follows every publish, change and deletion (search_index)."""
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from wir.portal import search_index
        from wir.portal.models import Event, Offer, Place

        for model in (Offer, Event, Place):
            post_save.connect(search_index.snippet_saved, sender=model)
            post_delete.connect(search_index.snippet_deleted, sender=model)
        page_published.connect(search_index.page_published)
        page_unpublished.connect(search_index.page_gone)
        post_page_move.connect(search_index.page_moved)
        post_delete.connect(search_index.page_gone, sender=Page)
        post_migrate.connect(search_index.fill_if_empty, sender=self)
        # SQLite: the function its index's triggers call, on every connection (and on any
        # opened before this).
        connection_created.connect(search_index.sqlite_functions)
        for wrapper in connections.all(initialized_only=True):
            if wrapper.connection is not None:
                search_index.sqlite_functions(None, wrapper)
