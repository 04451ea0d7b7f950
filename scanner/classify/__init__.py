"""Column classification: a table's (or a CSV's, a sheet's) columns judged from names,
value shapes, detector hits and the column groups that hold one value between them."""
