"""Read models, the collaboration network, risk flags and exports."""
