"""Extract stage: language, date, places, sectors and title of a cleaned document."""

from __future__ import annotations

from generator.extract.dates import DateSources, extract_date
from generator.extract.language import language_votes
from generator.extract.places import extract_places, with_tie_parties
from generator.extract.sectors import extract_sectors
from generator.extract.ties import extract_ties
from generator.extract.title import make_title
from generator.model import Document, Extraction


def extract(document: Document) -> Extraction:
    """Everything the brief needs that is not copied verbatim from the text."""
    texts = [p.text for p in document.paragraphs]
    body = [p.text for p in document.paragraphs if not p.caption]
    language, share = language_votes(body or texts)
    headline = [document.headline] if document.headline else []
    date = extract_date(
        DateSources(document.headline, tuple(texts), document.stamps, document.page_dates),
        language,
    )
    places = extract_places(body or texts, date.date, document.headline, document.outlet)
    ties = extract_ties(headline + (body or texts), language, date.date, places.localities)
    places = with_tie_parties(places, ties, date.date)
    title, generated = make_title(document, language)
    return Extraction(
        language=language,
        date=date,
        localities=places.localities,
        cities=places.cities,
        regions=places.regions,
        mentions=places.mentions,
        sectors=extract_sectors(headline + texts, language),
        title=title,
        title_generated=generated,
        ties=ties,
        language_share=share,
    )
