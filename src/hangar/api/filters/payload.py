"""The payload endpoints' filters.

- Payload flights (``/payload_flights/``): ``payload``, a payload id.
- Payloads (``/payloads/``): the official file's seven. ``operator`` and ``operator__id`` are the same
  filter under upstream's two names; names match exactly, as upstream's. ``program__id`` is one id of a
  payload's programs: a payload holds a program once, so the join cannot repeat a payload.
"""

import django_filters

from hangar.api.filters.fields import IdFilter
from hangar.catalog.models import Payload, PayloadFlight


class PayloadFlightFilterSet(django_filters.FilterSet):
    payload = IdFilter(field_name="payload_id")

    class Meta:
        model = PayloadFlight
        fields = ("payload",)


class PayloadFilterSet(django_filters.FilterSet):
    manufacturer__id = IdFilter(field_name="manufacturer_id")
    manufacturer__name = django_filters.CharFilter(field_name="manufacturer__name", lookup_expr="exact")
    name = django_filters.CharFilter(lookup_expr="exact")
    operator = IdFilter(field_name="operator_id")
    operator__id = IdFilter(field_name="operator_id")
    operator__name = django_filters.CharFilter(field_name="operator__name", lookup_expr="exact")
    program__id = IdFilter(field_name="program")

    class Meta:
        model = Payload
        fields = (
            "manufacturer__id",
            "manufacturer__name",
            "name",
            "operator",
            "operator__id",
            "operator__name",
            "program__id",
        )
