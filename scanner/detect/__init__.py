"""Detection in text: the presidio detector, Japanese recognizers, NLP engines, normalisation,
context words and dates."""
