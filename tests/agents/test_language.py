import pytest

from agents.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("How much is a haircut?", "en"),
        ("כמה עולה תספורת?", "he"),
        ("היי, can I book for tomorrow?", "en"),
        ("אפשר לקבוע תור ל-Friday?", "he"),
        ("shalom, kama ze ole?", "he"),
        ("Shalom! I'd like to book a table for two", "en"),
        ("ok", "en"),
    ],
)
def test_it_detects_the_language_by_script_and_words(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["👍", "0501234567", "  "])
def test_a_message_without_words_keeps_the_conversations_language(text):
    assert detect_language(text, default="he") == "he"
