"""The event-sourced registry application: use cases, persistence, the `mlw` command line."""
