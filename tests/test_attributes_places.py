"""Event locations: the gazetteer index, and the place attached to the trigger."""

from __future__ import annotations

import re

import pytest

from eventwire.attributes import Gazetteer
from eventwire.attributes.gazetteer_data import name_key, read_places, subdivision_words
from eventwire.attributes.places import LOCATE_RULES, WORDS, PlaceWords
from eventwire.datafiles import read_word_lists
from eventwire.errors import DataFileError
from eventwire.models import Location
from test_attributes_support import seed_trigger, trigger_in

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


LOOKUPS = [
    ("Tehran", (), "Tehran", "IRN"),
    ("Teheran", (), "Tehran", "IRN"),
    ("Kiev", (), "Kyiv", "UKR"),
    ("Gaza", (), "Gaza Strip", "PSE"),
    ("the West Bank", (), "West Bank", "PSE"),
    ("Britain", (), "United Kingdom", "GBR"),
    ("UAE", (), "United Arab Emirates", "ARE"),
    ("Lebanon", ("USA",), "Lebanon", "LBN"),
    ("Tripoli", (), "Tripoli", "LBY"),
    ("Tripoli", ("LBN",), "Tripoli", "LBN"),
    ("Nagorno Karabakh", (), "Nagorno-Karabakh", "AZE"),
    ("Strait of Hormuz", (), "Strait of Hormuz", None),
    ("Donbass", (), "Donbas", "UKR"),
    # alternate names lose to regions, main names and much larger places
    ("White House", (), "White House", "USA"),  # not Casablanca's translated name
    ("Borno", (), "Borno", "NGA"),  # not Borna, Germany
    ("Florida", (), "Florida", "USA"),  # the state, not the Cuban town
    ("Florida", ("CUB",), "Florida", "USA"),  # even in a story about Cuba
    ("Chiapas", (), "Chiapas", "MEX"),  # not Chiapa de Corzo
    ("Odessa", (), "Odesa", "UKR"),  # a city of a million, not Odessa, Texas
    ("Odessa", ("USA",), "Odessa", "USA"),
    ("Avdeyevka", (), "Avdiyivka", "UKR"),  # a small town keeps its other spellings
    ("Washington", (), "Washington", "USA"),  # the capital (see the point test)
    # country aliases
    ("Congo", (), "Democratic Republic of the Congo", "COD"),
    ("Democratic Republic of Congo", (), "Democratic Republic of the Congo", "COD"),
    ("Republic of Congo", (), "Republic of the Congo", "COG"),
    ("Bosnia", (), "Bosnia and Herzegovina", "BIH"),
    # regions, provinces and places GeoNames lacks
    ("Scotland", (), "Scotland", "GBR"),
    ("England", (), "England", "GBR"),
    ("Wales", (), "Wales", "GBR"),
    ("Chechnya", (), "Chechnya", "RUS"),
    ("Dagestan", (), "Dagestan", "RUS"),
    ("Punjab", (), "Punjab", "PAK"),
    ("Punjab", ("IND",), "Punjab", "IND"),
    ("Sindh", (), "Sindh", "PAK"),
    ("Amhara", (), "Amhara", "ETH"),
    ("Oromia", (), "Oromia", "ETH"),
    ("Tigray", (), "Tigray", "ETH"),
    ("Helmand", (), "Helmand", "AFG"),
    ("Anbar", (), "Anbar", "IRQ"),
    ("Sinaloa", (), "Sinaloa", "MEX"),
    ("Galwan Valley", (), "Galwan Valley", None),
    ("Kurram", (), "Kurram", "PAK"),
    ("Second Thomas Shoal", (), "Second Thomas Shoal", None),
    ("Donbas", (), "Donbas", "UKR"),
    ("Davos", (), "Davos", "CHE"),
]


@pytest.mark.parametrize(("name", "countries", "expected", "country"), LOOKUPS)
def test_attributes_places_lookup(gazetteer, name, countries, expected, country) -> None:
    found = gazetteer.lookup(name, countries=countries)
    assert found is not None, name
    assert (found.name, found.country) == (expected, country)


def test_attributes_places_lookup_unknown_name(gazetteer) -> None:
    assert gazetteer.lookup("Hezbollah") is None
    assert gazetteer.lookup("") is None


def test_attributes_places_small_towns_lose_loose_alternate_names(gazetteer) -> None:
    """GeoNames gives a province's name to its small main town: no longer matched, so the
    name is the province's (from ISO 3166-2)."""
    found = gazetteer.lookup("Laghman")
    assert found is not None and found.geonameid is None
    assert (found.name, found.country) == ("Laghman Province", "AFG")


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("New York", (40.0, 43.0), (-76.0, -73.0)),
        ("California", (33.0, 38.0), (-122.0, -116.0)),
        ("Texas", (29.0, 33.0), (-100.0, -95.0)),
        ("Washington state", (46.0, 48.5), (-123.0, -117.0)),
        ("Washington", (38.8, 39.0), (-77.1, -76.9)),
    ],
)
def test_attributes_places_us_states_have_a_point(gazetteer, name, lat, lon) -> None:
    found = gazetteer.lookup(name)
    assert found is not None and found.country == "USA" and found.geonameid is not None
    assert found.lat is not None and lat[0] < found.lat < lat[1]
    assert found.lon is not None and lon[0] < found.lon < lon[1]


@pytest.mark.parametrize(
    ("country", "capital"), [("UKR", "Kyiv"), ("USA", "Washington"), ("SDN", "Khartoum")]
)
def test_attributes_places_capitals(gazetteer, country, capital) -> None:
    found = gazetteer.capital(country)
    assert found is not None and (found.name, found.country) == (capital, country)


def test_attributes_places_countries_have_iso3_and_a_point(gazetteer) -> None:
    iran = gazetteer.lookup("Iran")
    assert iran is not None and iran.country == "IRN" and iran.geonameid is not None
    assert iran.lat is not None and 25 < iran.lat < 40
    assert iran.lon is not None and 44 < iran.lon < 63


def test_attributes_places_table_rows_have_no_geonameid(gazetteer) -> None:
    red_sea = gazetteer.lookup("Red Sea")
    assert red_sea == Location("Red Sea", None, 20.0, 38.5, None)


def test_attributes_places_load_is_cached() -> None:
    assert Gazetteer.load() is Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Gaza Strip", "gaza strip"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Russia's", "russia"),
    ],
)
def test_attributes_places_name_key(name, key) -> None:
    assert name_key(name) == key


LOCATIONS = [
    # a locative phrase governed by the trigger or its clause
    ("An airstrike in Beirut killed a commander.", "airstrike", "Beirut", "LBN"),
    ("Police arrested two journalists in Minsk.", "arrested", "Minsk", "BLR"),
    ("The envoys held talks in Doha on Sunday.", "talks", "Doha", "QAT"),
    ("Sailors were rescued off Hodeidah after the attack.", "rescued", "Hodeidah", "YEM"),
    ("A drone was shot down over the Black Sea.", "shot", "Black Sea", None),
    ("Gunmen opened fire near Peshawar.", "opened", "Peshawar", "PAK"),
    ("The tanker was boarded in the Strait of Hormuz.", "boarded", "Strait of Hormuz", None),
    # nested phrases and place words
    ("The general died in a blast at a checkpoint in Aleppo.", "died", "Aleppo", "SYR"),
    ("Artillery damaged homes in the southern city of Mykolaiv.", "damaged", "Mykolayiv", "UKR"),
    ("Troops pushed forward in Russia's Belgorod region.", "pushed", "Belgorod region", "RUS"),
    ("Israeli jets struck targets in southern Lebanon.", "struck", "South Lebanon", "LBN"),
    ("Soldiers raided homes in Khan Yunis at dawn.", "raided", "Khan Younis", "PSE"),
    # a place word qualifying a nominal trigger, but not a country (that is an actor)
    ("The Kabul bombing drew condemnation.", "bombing", "Kabul", "AFG"),
    # elsewhere in the event's clause, after a locative preposition
    ("Rebels attacked the base, the main army post in Idlib.", "attacked", "Idlib province", "SYR"),
    # the ranking of names in context
    ("A missile hit a port in Odessa.", "hit", "Odesa", "UKR"),
    ("Gunmen killed five farmers in Chiapas.", "killed", "Chiapas", "MEX"),
    ("Insurgents raided a village in Borno state.", "raided", "Borno", "NGA"),
    ("Floods damaged homes in Florida.", "damaged", "Florida", "USA"),
    ("Talks were held at the White House.", "held", "White House", "USA"),
    ("Troops were deployed in Helmand.", "deployed", "Helmand", "AFG"),
    ("Miners went on strike in Wales.", "went", "Wales", "GBR"),
    ("Police detained activists in Chechnya.", "detained", "Chechnya", "RUS"),
    ("Soldiers clashed in the Galwan Valley.", "clashed", "Galwan Valley", None),
    ("Rebels seized towns in eastern Congo.", "seized", "Democratic Republic of the Congo", "COD"),
    # a nominal trigger's participle, and spaCy's reading of "Clashes flared" as one
    ("Israel condemned the raids carried out in Jenin.", "raids", "Jenin", "PSE"),
    ("Clashes flared in eastern Congo.", "Clashes", "Democratic Republic of the Congo", "COD"),
    # a place spaCy runs into a time phrase ("Kyiv overnight")
    ("Drones were fired at Kyiv overnight.", "fired", "Kyiv", "UKR"),
    # no locative phrase: the place acted on or gone to
    ("The foreign minister visited Ankara on Tuesday.", "visited", "Ankara", "TUR"),
    ("The chancellor will visit Warsaw next month.", "visit", "Warsaw", "POL"),
    ("The envoy flew to Riyadh for consultations.", "flew", "Riyadh", "SAU"),
    ("The delegation travelled to Egypt last week.", "travelled", "Egypt", "EGY"),
    ("The prime minister left for Jakarta on Sunday.", "left", "Jakarta", "IDN"),
    ("Russia struck Kyiv with missiles.", "struck", "Kyiv", "UKR"),
    ("Warplanes pounded Mosul overnight.", "pounded", "Mosul", "IRQ"),
    ("Rebel fighters took control of Goma in January.", "took", "Goma", "COD"),
    ("Militiamen stormed the town of Bunia.", "stormed", "Bunia", "COD"),
    ("A drone strike on Kharkiv wounded six.", "strike", "Kharkiv", "UKR"),
    ("The siege of Mariupol lasted weeks.", "siege", "Mariupol", "UKR"),
    # "the capital" of a named country, and the country across a border
    ("A car bomb exploded in the Afghan capital.", "exploded", "Kabul", "AFG"),
    ("Protests spread across the Iranian capital.", "Protests", "Tehran", "IRN"),
    ("A blast shook Sudan's capital.", "shook", "Khartoum", "SDN"),
    ("Troops massed near the border with Lebanon.", "massed", "Lebanon", "LBN"),
    ("Villages were shelled near the Afghan border.", "shelled", "Afghanistan", "AFG"),
    # the most specific place first: a place noun's own name, even one GeoNames lacks
    ("Gunmen killed two herders in the Tarmu district of Kano.", "killed", "Tarmu", "NGA"),
    ("A bomb went off in Dalori village near Maiduguri.", "went", "Dalori", "NGA"),
    ("Shells hit the Qadam neighbourhood of Damascus.", "hit", "Qadam", "SYR"),
    # a country before a place noun qualifies it; the place is named beside it
    ("Rockets hit a US base at Balad overnight.", "hit", "Balad", "IRQ"),
    ("Police arrested ten men in the Mexico state of Sonora.", "arrested", "Sonora", "MEX"),
    ("Troops were shot near the Angolan city of Huambo.", "shot", "Huambo", "AGO"),
    ("A blast struck a market in a Nigerian town.", "struck", "Nigeria", "NGA"),
    # a province named like its capital city is the province, in the city's country
    ("Gunmen shot a teacher in Kandahar Province.", "shot", "Kandahar province", "AFG"),
    # a name set beside a place noun names it; a town not in GeoNames by name only
    ("Riots broke out in a Karachi neighbourhood, Lyari, after the vote.", "broke", "Lyari", None),
    ("Soldiers burned homes in Gwoza, near the border.", "burned", "Gwoza", "NGA"),
    # a phrase before the subject sets the scene; the place acted on is more precise
    (
        "In Hama province, militants shelled the village of Tal Sufan.",
        "shelled",
        "Tal Sufan",
        "SYR",
    ),
    ("In Kunduz, gunmen killed three guards.", "killed", "Kunduz", "AFG"),
    # the place that owns the site of the event
    ("Crowds marched through Nairobi's streets on Monday.", "marched", "Nairobi", "KEN"),
    ("A guard was shot outside a Lahore court.", "shot", "Lahore", "PAK"),
    # an unknown town whatever spaCy tags it, but not a building or an event
    ("Six were killed in Oued Bouzid when gunmen attacked.", "killed", "Oued Bouzid", None),
    ("Hundreds protested outside City Hall in Chicago.", "protested", "Chicago", "USA"),
    ("A bomb went off at Terminal 2 in Lagos.", "went", "Lagos", "NGA"),
    # the place the trigger itself acts on comes before the phrases around it
    ("Rebels stormed Tal Hadid in eastern Aleppo.", "stormed", "Tal Hadid", "SYR"),
    (
        "Jets bombed the city of Idlib as fighting raged near Saraqib.",
        "bombed",
        "Idlib province",
        "SYR",
    ),
    # a verb of territory acts on a place whatever the tagger says, a country too
    ("Police patrolled Katmandu after the curfew was lifted.", "patrolled", "Kathmandu", "NPL"),
    ("Turkish troops entered Syria at dawn.", "entered", "Syria", "SYR"),
    ("NATO bombed Serbia for weeks.", "bombed", "Serbia", "SRB"),  # a country acted on
    ("Rebels have captured 70 percent of Bosnia.", "captured", "Bosnia and Herzegovina", "BIH"),
    ("Troops patrolled the streets of Katmandu.", "patrolled", "Kathmandu", "NPL"),
    # a named site the act takes or strikes, unless a phrase says where it is
    ("Militiamen captured Bagram Palace on Sunday.", "captured", "Bagram Palace", None),
    ("A bomb destroyed the Italian Embassy in Nairobi.", "destroyed", "Nairobi", "KEN"),
    # a town after "in" by any of its names, whatever the tagger takes it for
    ("A car bomb exploded in Hilla on Monday.", "exploded", "Al Hillah", "IRQ"),
    # a phrase on the verb's object before one on the verb; a passive subject's after it
    (
        "Militiamen killed nine farmers in the village of Mbatu, in the region of Kivu.",
        "killed",
        "Mbatu",
        "COD",
    ),
    ("Prisoners at Bagram were captured in Kandahar.", "captured", "Kandahār", "AFG"),
    # what a protest is against is not where it is
    ("Crowds protested against the war in Iraq at a park in Tokyo.", "protested", "Tokyo", "JPN"),
    # a name-only place is in the country the sentence names before any other place
    (
        "Soldiers shot three men in Kounkoussa near Kaedi, in Burkina Faso.",
        "shot",
        "Kounkoussa",
        "BFA",
    ),
    # "the X suburb of Y": the smaller place of the two
    ("A judge was shot in the Nairobi suburb of Kitengela.", "shot", "Kitengela", "KEN"),
    ("Gunmen opened fire in Silopi town of Sirnak province.", "opened", "Silopi", "TUR"),
    # a capital of another kind is in the country, not its seat of government
    ("Two traders were shot in Nigeria's commercial capital.", "shot", "Nigeria", "NGA"),
    # the town named after a region's place noun, in that region's country
    ("A boy was shot in the West Bank town of Bethlehem.", "shot", "Bethlehem", "PSE"),
    ("Militants bombed a train in Assam state, east India.", "bombed", "Assam", "IND"),
    # a place noun's own unknown name before the place set beside it
    ("Gunmen shot a teacher in Bacho district, Narathiwat.", "shot", "Bacho", "THA"),
    # a border someone's is on their side; an embassy is not in the country it serves
    ("Rebels shelled Chad's border with Sudan.", "shelled", "Chad", "TCD"),
    ("Crowds protested outside the French embassy in Niamey.", "protested", "Niamey", "NER"),
    # a town captured, by any of its names, whatever the tagger takes it for
    ("Rebels captured Ndele on Friday.", "captured", "Ndélé", "CAF"),
    # "on" an island or the outskirts puts an event there
    ("Marines patrolled on Basilan island overnight.", "patrolled", "Basilan", "PHL"),
    ("Migrants landed on the island of Lesbos at dawn.", "landed", "Lesbos", "GRC"),
    # a named site or street when the sentence names no town
    ("Police clashed with anarchists on Dam Square.", "clashed", "Dam Square", None),
    # settlements and localities name their places; a group's stronghold is no place
    ("Gunmen shelled the settlement of Kafr Ruma.", "shelled", "Kafr Ruma", None),
    # "the town of" names a place even when the tagger takes the name for a people
    ("Nine were killed in the town of Rastan in central Syria.", "killed", "Rastan", "SYR"),
    # "launched an attack on" acts on the place after "on"
    (
        "Jets launched airstrikes on the villages of Kafr Hamra and Ma'arrat in rural Aleppo.",
        "launched",
        "Kafr Hamra",
        "SYR",
    ),
]


SUBDIVISIONS = [
    # a subdivision written with its type word is the subdivision, in its country
    ("Gunmen attacked a village in Niger state on Sunday.", "attacked", "Niger State", "NGA"),
    ("Gunmen killed five people in Kagara, Niger state.", "killed", "Kagara", "NGA"),
    ("Soldiers clashed with rebels in Narino department.", "clashed", "Narino Department", "COL"),
    ("Insurgents shot a teacher in Narathiwat province.", "shot", "Narathiwat Province", "THA"),
    ("Fighting broke out in Herat province.", "Fighting", "Herat Province", "AFG"),
    ("Militants blew up a pipeline in Delta state.", "blew", "Delta State", "NGA"),
    ("Police fired tear gas at protesters in Lamu county.", "fired", "Lamu County", "KEN"),
    ("Floods killed thirty people in Hebei province.", "killed", "Hebei Province", "CHN"),
    ("Troops clashed with rebels in Bari region.", "clashed", "Bari Region", "SOM"),
    # a bare name no other place has
    ("Taliban fighters attacked a checkpoint in Laghman.", "attacked", "Laghman Province", "AFG"),
    ("Separatists attacked a police post in Imo.", "attacked", "Imo State", "NGA"),
    # rows of places.csv keep their names
    ("Troops burned villages in Sagaing region.", "burned", "Sagaing Region", "MMR"),
    ("An airstrike hit a house in Kunar province.", "airstrike", "Kunar", "AFG"),
    ("A car bomb exploded in Diyala province.", "exploded", "Diyala", "IRQ"),
    ("Paramilitaries looted towns in Gezira state.", "looted", "Gezira", "SDN"),
    ("A roadside bomb exploded in Kandahar province.", "exploded", "Kandahar province", "AFG"),
    (
        "A roadside bomb killed the governor of Kandahar province.",
        "killed",
        "Kandahar province",
        "AFG",
    ),
    # a bare name that a city or a country has stays theirs
    ("A roadside bomb exploded in Kandahar on Monday.", "exploded", "Kandahār", "AFG"),
    ("Fighting broke out in Herat.", "Fighting", "Herāt", "AFG"),
    ("Jihadists killed twelve soldiers in Niger.", "killed", "Niger", "NER"),
    ("Protesters marched in Georgia on Saturday.", "marched", "Georgia", "GEO"),
]


@pytest.mark.parametrize(("sentence", "word", "name", "country"), [*LOCATIONS, *SUBDIVISIONS])
def test_attributes_places_locate(gazetteer, nlp, sentence, word, name, country) -> None:
    found = gazetteer.locate(trigger_in(nlp, sentence, word))
    assert found is not None, sentence
    assert (found.name, found.country) == (name, country)


NO_LOCATION = [
    ("Iran attacked Israel's allies.", "attacked"),  # a country owning the object acts
    ("US sanctions hit Venezuelan banks.", "sanctions"),  # a country qualifier is an actor
    ("The minister praised the Police for their work.", "praised"),  # a common word
    ("The summit ended without a deal.", "ended"),
    ("Officials in Damascus said rebels attacked a base.", "attacked"),  # another clause
    ("Moscow accused Kyiv of sabotage.", "accused"),  # accusing acts on no place
    ("Police arrested Jackson on Friday.", "arrested"),  # a person
    ("The senator attacked Austin on Friday.", "attacked"),  # a person, says the tagger
    ("Ministers held talks on Gaza.", "talks"),  # a topic, not a place
    ("The army sent troops to Syria.", "sent"),  # a country only for visits
    ("A car bomb exploded in the capital.", "exploded"),  # no story country
    ("The Islamic State executed a pilot.", "executed"),  # a group's name, not a state
    ("A man from Atlanta was shot dead.", "shot"),  # where a victim comes from
    ("Refugees who fled to Kenya were attacked.", "attacked"),  # another act's destination
    ("Thousands were killed in Syria's war.", "killed"),  # an event's owner is no place
    ("Two rebels were killed in clashes with fighters of the Ogaden Front.", "killed"),
    ("Okonjo was captured by militiamen last year.", "captured"),  # a person captured
    ("Two fighters were killed in an al-Shabaab stronghold.", "killed"),  # a holder's name
    ("He captured the title with a victory over Kenya's David Rudisha.", "captured"),  # someone
    ("Students demonstrated outside the US embassy on Friday.", "demonstrated"),  # abroad
]


@pytest.mark.parametrize(("sentence", "word"), NO_LOCATION)
def test_attributes_places_no_location(gazetteer, nlp, sentence, word) -> None:
    assert gazetteer.locate(trigger_in(nlp, sentence, word)) is None


def test_attributes_places_story_countries_break_ties(gazetteer, nlp) -> None:
    trigger = trigger_in(nlp, "Clashes erupted in Tripoli overnight.", "Clashes")
    libya = gazetteer.locate(trigger)
    lebanon = gazetteer.locate(trigger, countries=("LBN",))
    assert (libya and libya.country, lebanon and lebanon.country) == ("LBY", "LBN")


@pytest.mark.parametrize(
    ("sentence", "word", "countries", "expected"),
    [
        ("A bomb went off in the capital on Monday.", "went", ("SOM",), ("Mogadishu", "SOM")),
        ("A bomb went off in the provincial capital.", "went", ("AFG",), None),
        ("Russian guns shelled Kherson overnight.", "shelled", ("RUS", "UKR"), ("Kherson", "UKR")),
        ("The senator attacked Austin on Friday.", "attacked", ("RUS",), None),
    ],
)  # fmt: skip
def test_attributes_places_story_countries(gazetteer, nlp, sentence, word, countries, expected):
    """The story's countries say whose capital "the capital" is, and let a place the
    tagger calls a person be the object of an attack."""
    found = gazetteer.locate(trigger_in(nlp, sentence, word), countries=countries)
    assert (found and (found.name, found.country)) == expected


DATELINES = [
    ("KABUL, March 3 (Reuters) - A bomb killed two.", ("Kabul", "AFG")),
    ("GAZA CITY, Palestinian Territories: Shelling killed three.", ("Gaza City", "PSE")),
    ("TRIPOLI, Lebanon - Gunmen killed a guard.", ("Tripoli", "LBN")),
    ("ODESSA, Ukraine - A missile killed a driver.", ("Odesa", "UKR")),
    ("WASHINGTON (AP) — The bill passed.", ("Washington", "USA")),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_attributes_places_dateline_place(gazetteer, nlp, text, expected) -> None:
    dateline = next(iter(nlp(text).sents))
    found = gazetteer.dateline_place(dateline)
    assert found is not None and (found.name, found.country) == expected


def test_attributes_places_no_dateline(gazetteer, nlp) -> None:
    sentence = next(iter(nlp("NATO said the drills would go ahead.").sents))
    assert gazetteer.dateline_place(sentence) is None


def test_attributes_places_dateline_is_the_last_resort(gazetteer, nlp) -> None:
    doc = nlp("KABUL, March 3 (Reuters) - A bomb killed two.\nRockets also fell in Kandahar.")
    dateline, unplaced, placed = list(doc.sents)
    kabul = gazetteer.dateline_place(dateline)
    killed = next(t for t in unplaced if t.text == "killed")
    fell = next(t for t in placed if t.text == "fell")
    assert gazetteer.locate(killed) is None
    assert gazetteer.locate(killed, dateline=kabul) == kabul
    found = gazetteer.locate(fell, dateline=kabul)
    assert found is not None and found.name == "Kandahār"


@pytest.mark.parametrize(
    ("phrase", "word", "name", "country"),
    [
        ("scheduled to hold talks in Russia", "talks", "Russia", "RUS"),
        ("bombing of his guesthouse in Tehran", "killed", "Tehran", "IRN"),
    ],
)
def test_attributes_places_seed_documents(gazetteer, nlp, seeds, phrase, word, name, country):
    trigger, _ = seed_trigger(nlp, seeds, phrase, word)
    found = gazetteer.locate(trigger)
    assert found is not None and (found.name, found.country) == (name, country)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Red Sea,,XX,20.0,38.5,sea", "not an ISO alpha-3 code"),
        ("Red Sea,,,north,38.5,sea", "lat/lon must be numbers"),
        ("Red Sea,,,95.0,38.5,sea", "out of range"),
        (",,,20.0,38.5,sea", "name column is empty"),
    ],
)
def test_attributes_places_table_errors_name_file_and_line(tmp_path, row, problem) -> None:
    path = tmp_path / "places.csv"
    path.write_text(f"name,aliases,country,lat,lon,kind\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as caught:
        list(read_places(path))
    assert caught.value.line == 2 and caught.value.path == str(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Delta", "Delta"),  # a common word: the Canadian city, not Nigeria's state
        ("Bari", "Bari"),  # the Italian city, not Somalia's region
        ("Eastern Province", None),  # several countries have one
        ("Nariño", "Narino Department"),  # as ISO spells it
        ("Wasit Province", "Wasit Governorate"),  # news calls governorates provinces
    ],
)
def test_attributes_places_subdivision_names(gazetteer, name, expected) -> None:
    found = gazetteer.lookup(name)
    assert (found.name if found else None) == expected


def test_attributes_places_subdivision_points(gazetteer) -> None:
    """A point where the subdivision's main city ties it to a GeoNames division."""
    kano = gazetteer.lookup("Kano state")
    assert kano is not None and kano.lat is not None and kano.lon is not None
    assert 11 < kano.lat < 13 and 7.5 < kano.lon < 9.5
    niger = gazetteer.lookup("Niger state")
    assert niger is not None and niger.lat is None  # no city named Niger: no guess


def test_attributes_places_subdivision_words_are_data() -> None:
    words = subdivision_words()
    assert {"delta", "rivers", "central", "somali"} <= words.not_bare
    assert words.type_words["Governorate"] == ("governorate", "province")
    assert "Municipality" not in words.type_words and "sheng" in words.iso_suffixes


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("type_words: {State: [state]}\niso_suffixes: []\n", "missing list(s): not_bare"),
        ("type_words: {State: state}\n", "type_words must map each type to a list"),
    ],
)
def test_attributes_places_subdivision_file_errors(tmp_path, text, problem) -> None:
    path = tmp_path / "subdivisions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(problem)) as error:
        subdivision_words(path)
    assert "subdivisions.yaml" in str(error.value)


def test_attributes_places_words_are_data() -> None:
    assert "in" in WORDS.locative_preps and "village" in WORDS.place_nouns
    assert "street" in WORDS.site_nouns and "war" in WORDS.not_place_words


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("locative_preps: [in]\n", "missing list(s): place_nouns"),
        ("- in\n- at\n", "expected a mapping of word lists"),
    ],
)
def test_attributes_places_word_file_errors_name_the_file(tmp_path, text, problem) -> None:
    path = tmp_path / "place_words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(problem)) as error:
        read_word_lists(path, PlaceWords.__slots__)
    assert "place_words.yaml" in str(error.value)


def test_attributes_places_rule_is_named(gazetteer, nlp) -> None:
    trigger = trigger_in(nlp, "Rebels shelled the town of Mareb.", "shelled")
    assert gazetteer.locate_with_rule(trigger) == (Location(name="Mareb"), "object")
    trigger = trigger_in(nlp, "Rebels advanced and shelled the town of Mareb.", "advanced")
    assert gazetteer.locate_with_rule(trigger) == (Location(name="Mareb"), "attached")
    assert set(LOCATE_RULES) <= set(dir(gazetteer))
