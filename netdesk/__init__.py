"""netdesk: a desktop personal CRM for people who network."""

__version__ = "0.1.0"
APP_ID = "io.github.netdesk.Netdesk"
APP_NAME = "netdesk"
ORG_NAME = "netdesk"
