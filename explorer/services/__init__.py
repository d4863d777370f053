"""Services layer: the read model every screen uses, built once per published version."""
