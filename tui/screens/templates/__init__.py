"""Templates: the list (make, rename, delete) and the editor of one template's lines."""
