"""Date formats where Django's defaults differ from how the language writes dates."""
