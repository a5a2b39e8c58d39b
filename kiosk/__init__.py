"""Help Desk queue kiosk: the command line, the App and the Help Desk rules."""
