"""One router module per resource; each lists its routers in ROUTERS."""
