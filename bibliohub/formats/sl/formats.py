# Slovenian writes a short date in numbers: 25. 3. 2025 (not "25. mar. 2025").
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = "j. n. Y H:i"
