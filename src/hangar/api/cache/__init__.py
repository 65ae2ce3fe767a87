"""The response cache: whole pages keyed on the catalog's data version, answered in front of Django.

``responses`` stores and replays pages (and answers conditional GETs) inside Django, ``front`` answers
hits from the WSGI environ before Django runs, ``counts`` keeps exact counts and deep-page checkpoints
per data version, ``locmem`` is the byte-bounded local-memory backend used without Redis.
"""
