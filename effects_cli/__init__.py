"""effects: a terminal reader for the guide "10 Dynamic Positive Effects of Social Media"."""

__version__ = "0.1.0"
