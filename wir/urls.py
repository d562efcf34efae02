from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wir.core import views as core_views
from wir.network.views import public as network_public
from wir.portal import views as portal_views
from wir.portal.views import feedback as portal_feedback
from wir.portal.views import sitemap as portal_sitemap
from wir.sprachpool import site_views as sprachpool_site

handler404 = "wir.core.views.page_not_found"
handler500 = "wir.core.views.server_error"

urlpatterns = [
    # Staff sign in through our login (password + second factor), never Wagtail's own form.
    path(
        "admin/login/",
        RedirectView.as_view(url="/konto/anmelden/", query_string=True),
        name="admin_login_redirect",
    ),
    # Wagtail's external-link chooser answers a form without "url" with a server error.
    path(
        "admin/choose-external-link/",
        core_views.external_link_chooser,
        name="admin_external_link_chooser",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("konto/", include("wir.accounts.urls")),
    path("api/", include("wir.api.urls")),
    path("offline/", include("wir.offline.urls")),
    path("sprachpool/", include("wir.sprachpool.urls")),
    path("ehrenamt/", include("wir.volunteers.urls")),
    path(
        "sprachpool/angebot/<str:token>/",
        sprachpool_site.offer_link,
        name="sprachpool_offer_link",
    ),
    path("netzwerk/", include("wir.network.urls")),
    path(
        "willkommen/konzept/<int:welcome_concept_id>/<str:language>/",
        network_public.concept_summary,
        name="network_public_concept",
    ),
    path("healthz", core_views.health, name="health"),
    path("rueckmeldung/", portal_feedback.feedback_view, name="feedback"),
    path("sitemap.xml", portal_sitemap.sitemap_view, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("", portal_views.region_list, name="region_list"),
    # Wagtail computes page URLs by reversing "wagtail_serve" with the page's url_path.
    re_path(r"^(?P<path>.+)$", portal_views.serve, name="wagtail_serve"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
