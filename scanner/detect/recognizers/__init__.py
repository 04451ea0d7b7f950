"""Japanese presidio recognizers, one per file, and the registry that wires them."""
