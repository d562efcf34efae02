import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wir.settings")
# Fresh cached answers for anonymous visitors are sent before Django builds a request
# (wir/core/hotpath.py); everything else is Django's.
django_application = get_wsgi_application()

from wir.core.hotpath import HotPathApplication  # noqa: E402 - needs the apps loaded

application = HotPathApplication(django_application)
