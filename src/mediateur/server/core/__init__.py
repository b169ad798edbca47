"""What every part of the server stands on: settings (`config`), the database (`db`), and the
password and token primitives (`security`)."""
