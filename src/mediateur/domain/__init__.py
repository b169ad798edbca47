"""Pure domain knowledge: the data dictionary, reference data, validation rules. No I/O but reading
the bundled reference files; shared by the laptop and the server."""
