"""Hangar's URLs plus /baseline/2.3.0/spacecraft/: the same viewset without the fast render path.

The baseline is issue 5's reference point: DRF nested ModelSerializers over the prefetching queryset
(``Spacecraft.objects.for_list()``), rendered by DRF's JSON renderer. The fast-path registry is keyed on
the exact viewset class, so a subclass takes DRF's path; its URLs still point at /2.3.0/.
"""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from hangar.api.views.spacecraft import SpacecraftViewSet
from hangar.urls import urlpatterns as hangar_urlpatterns


class BaselineSpacecraftViewSet(SpacecraftViewSet):
    """DRF's nested serializers, select_related/prefetch_related: the variant issue 5 measures against."""


router = SimpleRouter()
router.register("spacecraft", BaselineSpacecraftViewSet, basename="baseline-spacecraft")

urlpatterns = [path("baseline/2.3.0/", include(router.urls)), *hangar_urlpatterns]
