"""Channels: thin adapters between a messaging service and the runtime."""
