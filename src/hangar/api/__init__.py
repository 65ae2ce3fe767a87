"""The wire: Launch Library 2 (2.3.0) compatible serializers, filters, views and URLs over the catalog."""
