"""NLP engines for presidio: SudachiPy morphemes (fast) and GiNZA NER on top (deep)."""
