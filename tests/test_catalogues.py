"""The theme's words in every language it has a catalogue of: no message a template or the generator's Python
marks is missing from a catalogue, left fuzzy or untranslated, and the catalogues are those `invoke
translations` makes from the code as it is (a message added without them is caught here, not by a reader)."""

from __future__ import annotations

from babel.messages.checkers import python_format

from pelican.plugins.timeline import catalogues


def test_every_language_translates_every_message():
    assert catalogues.languages(), "at least one catalogue besides English"
    assert [str(message) for message in catalogues.missing()] == []


def test_the_catalogues_hold_the_messages_of_the_code_as_it_is():
    extracted = {message.id for message in catalogues.extracted() if message.id}
    template = {message.id for message in catalogues.read(catalogues.TEMPLATE) if message.id}
    assert extracted == template, "run `invoke translations`"
    for language in catalogues.languages():
        translated = {message.id for message in catalogues.read(catalogues.catalogue_path(
            catalogues.THEME_CATALOGUES, language)) if message.id}
        assert translated == extracted, language


def test_every_translation_keeps_its_message_s_placeholders():
    for language in catalogues.languages():
        catalog = catalogues.read(catalogues.catalogue_path(catalogues.THEME_CATALOGUES, language))
        for message in catalog:
            if message.id and message.string:
                python_format(catalog, message)  # raises TranslationError on a placeholder lost or added
