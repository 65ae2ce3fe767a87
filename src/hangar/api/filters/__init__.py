"""Filtering, search and ordering: strict filter fields, the DRF backends, one FilterSet module per domain."""
