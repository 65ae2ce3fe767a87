"""The fast path: cache misses answered with DRF's exact bytes without DRF serializers on the hot path.

``encoder`` writes a serializer's JSON from flat rows (derived from the serializer, memoised per
class), ``fragments`` keeps the JSON of nested objects per data version, ``formats`` formats each
column as its DRF field would, ``page_ids`` compiles a list's page-ids
SQL once per query form, ``filter_values`` validates filters without django-filter's form, and
``views`` puts them in a viewset.
"""
