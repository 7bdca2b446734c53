"""Orientation bot: guides residents to the nearest human help for their need."""

__version__ = "0.1.0"
