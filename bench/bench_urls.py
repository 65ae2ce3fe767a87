"""Hangar's URLs plus /baseline/2.3.0/spacecraft/: the same viewset without the fast render path.

The baseline is issue 5's reference point: DRF nested ModelSerializers over the prefetching queryset
(the loading plan ``api.loading`` derives from the serializer), rendered by DRF's JSON renderer, with
the fast path switched off; its URLs still point at /2.3.0/.
"""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from hangar.api.views.spacecraft import SpacecraftViewSet
from hangar.urls import urlpatterns as hangar_urlpatterns


class BaselineSpacecraftViewSet(SpacecraftViewSet):
    """DRF's nested serializers, select_related/prefetch_related: the variant issue 5 measures against."""

    fast_path = False


router = SimpleRouter()
router.register("spacecraft", BaselineSpacecraftViewSet, basename="baseline-spacecraft")

urlpatterns = [path("baseline/2.3.0/", include(router.urls)), *hangar_urlpatterns]
