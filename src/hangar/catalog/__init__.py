"""The catalog: Hangar's data model, independent of the wire (``api``) and of ingestion (``ingest``)."""
