"""Subject requests (開示・訂正・削除): every place one person's data lives, and acting on it.

A person is looked up by HMAC fingerprints of their normalised identifiers, in the subject
index the scan built (``kojin scan --index-subjects``) or live in the places the inventory
marked as personal. Raw values are read only to export them to the person (開示) and are
never stored; deletion runs from a reviewed plan, in one transaction per database.
"""
