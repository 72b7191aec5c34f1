"""Kaart: reflect on your work with card decks, in the terminal."""

__version__ = "0.1.0"
