"""The MLW domain: gminas, partnerships, the stakeholder catalogue and the pact."""
