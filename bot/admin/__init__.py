"""Tools for admins and mediators: validation, understanding explained, statistics, links.

Owns `check` (directory and intents, `file:line: what to fix`), `explain`, the anonymous
statistics (Markdown, CSV, SVG chart, Telegram's /stats) and the deep links with QR codes that
mediators print. It may import `storage`, `data`, `understanding`, `places` and
`conversation`; nothing but the CLI and the channels (for /stats) imports it.
"""
