"""Database connector: any SQLAlchemy URL, read-only, sampled or full."""
