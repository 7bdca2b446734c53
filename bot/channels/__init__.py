"""Channels: thin adapters between a messaging service and the runtime.

Each one (console, Telegram, WhatsApp) turns its service's events into
`conversation.events.Incoming`, calls `runtime.Runtime`, and renders the `Reply` objects its own
way. A channel may import the runtime, `conversation.events`, `settings` and `admin` (for
admin-only commands); no channel imports another channel or the CLI. `serve` runs them side by
side in one process.
"""
