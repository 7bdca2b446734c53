"""WhatsApp (Cloud API): webhook deliveries into the core's events, replies into WhatsApp messages.

Modules: `api` (a thin Graph API client), `render` (replies as messages within WhatsApp's
limits), `channel` (the adapter, reminders as templates), `webhook` (handshake and signed
deliveries), `templates.json` (the message templates to submit to Meta).
"""

from bot.channels.whatsapp.api import GraphClient, GraphError
from bot.channels.whatsapp.channel import CHANNEL, WhatsAppChannel, incoming, load_templates
from bot.channels.whatsapp.render import messages_for
from bot.channels.whatsapp.webhook import PATH, whatsapp_routes

__all__ = ["CHANNEL", "PATH", "GraphClient", "GraphError", "WhatsAppChannel", "incoming", "load_templates",
           "messages_for", "whatsapp_routes"]
