"""The inventory: every scan run, its judged findings, errors and reviews, in one database."""
