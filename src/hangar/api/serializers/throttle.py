"""``APIThrottle``: the caller's rate limit and use, as upstream's ``/api-throttle/`` reports them."""

from rest_framework import serializers


class APIThrottleSerializer(serializers.Serializer):
    your_request_limit = serializers.IntegerField(help_text="requests per period; 0: no limit")
    limit_frequency_secs = serializers.IntegerField(help_text="the period, in seconds; 0: no limit")
    current_use = serializers.IntegerField(help_text="requests counted in the current period")
    next_use_secs = serializers.IntegerField(help_text="seconds until the next request is allowed")
    ident = serializers.CharField(help_text="the caller: its IP address, or `key` and the key's prefix")
