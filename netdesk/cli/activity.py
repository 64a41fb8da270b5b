"""Interaction log and follow-up subcommands."""

COMMANDS = ()
