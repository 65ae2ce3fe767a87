"""The payload flights endpoint's filter: ``payload``, a payload id."""

import django_filters

from hangar.api.filters.fields import IdFilter
from hangar.catalog.models import PayloadFlight


class PayloadFlightFilterSet(django_filters.FilterSet):
    payload = IdFilter(field_name="payload_id")

    class Meta:
        model = PayloadFlight
        fields = ("payload",)
