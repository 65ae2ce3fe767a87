"""API keys and rate limits: who a request is, and how many requests it may make (``api.throttling``)."""
