"""Models of the public guide: the page tree, offers, places and their opening hours."""

from wir.portal.models.contacts import Contact, ContactsPage
from wir.portal.models.directory import DirectoryPage, offer_path, offer_subpath
from wir.portal.models.events import Event, EventIndexPage
from wir.portal.models.feedback import Feedback
from wir.portal.models.news import News
from wir.portal.models.offers import Offer, TargetGroup
from wir.portal.models.pages import (
    ContentPage,
    LegalPage,
    PageExtra,
    PageOffer,
    PageOrganisation,
    PortalPage,
    RegionHomePage,
    RegionRootPage,
)
from wir.portal.models.places import ClosedDay, OpeningSlot, Place
from wir.portal.models.search import SearchDocument

__all__ = [
    "ClosedDay",
    "Contact",
    "ContactsPage",
    "ContentPage",
    "DirectoryPage",
    "Event",
    "EventIndexPage",
    "Feedback",
    "LegalPage",
    "News",
    "Offer",
    "OpeningSlot",
    "PageExtra",
    "PageOffer",
    "PageOrganisation",
    "Place",
    "PortalPage",
    "RegionHomePage",
    "RegionRootPage",
    "SearchDocument",
    "TargetGroup",
    "offer_path",
    "offer_subpath",
]
