"""Static briefing-site generator for Vietnam–Japan local cooperation news."""

__version__ = "0.1.0"
