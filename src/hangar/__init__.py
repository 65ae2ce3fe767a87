"""Hangar: an open server for spaceflight data that speaks Launch Library 2 (2.3.0) on the wire."""

__version__ = "0.1.0"
