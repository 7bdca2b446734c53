"""The runtime: what every channel calls to turn an event into stored state and replies.

Owns the turn loop (load state → `conversation.step` → save state and effects in one
transaction → hand back the replies for the channel to send), the hand-over relay, reminders,
the hot-reloaded knowledge (directory + intents) and start-up. It may import `conversation`,
`understanding`, `places`, `data` and `storage`; it never imports a channel or the CLI —
channels import it.
"""

from bot.runtime.boot import open_runtime
from bot.runtime.handover import Delivery, Mediators, Outlet, Relay
from bot.runtime.knowledge import KnowledgeSource
from bot.runtime.reminders import Send, Undeliverable
from bot.runtime.turns import Clock, Runtime, utc_now

__all__ = ["Clock", "Delivery", "KnowledgeSource", "Mediators", "Outlet", "Relay", "Runtime", "Send", "Undeliverable",
           "open_runtime", "utc_now"]
