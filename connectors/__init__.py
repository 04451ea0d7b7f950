"""Connectors: where personal data lives (databases, file shares) and how to read it."""
