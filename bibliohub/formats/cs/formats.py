# Czech writes a short date with spaces and no leading zeros: 25. 3. 2025 (ČSN 01 6910).
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = "j. n. Y G:i"
