"""Settings for building the site locally; publishconf.py overrides what production changes."""

from pelican.plugins import timeline
from pelican.plugins.timeline.site_settings import *  # noqa: F403  what every timeline site shares

SITENAME = "Ukraine: the international response"
SITESUBTITLE = "A sourced chronology of votes, warrants, talks and statements since 24 February 2022"

# The one file copied as it is: the icon that browsers and feed readers ask the site's root for, whatever
# the pages link to (base.html links the theme's SVG one).
STATIC_PATHS = ["extra/favicon.ico"]
EXTRA_PATH_METADATA = {"extra/favicon.ico": {"path": "favicon.ico"}}

# What this record is about, in the generator's settings: its kinds of event, the positions states take at
# them, its reported figures, its menu, and the documents its symbols name.
TIMELINE_EVENT_TYPES = {
    "invasion": "Invasion", "vote": "Vote", "veto": "Veto", "session": "Session",
    "warrant": "Arrest warrant", "legal": "Legal step", "talks": "Talks", "summit": "Summit",
    "meeting": "Meeting", "hearing": "Hearing", "report": "Report", "statement": "Statement",
    "agreement": "Agreement",
}
votes = timeline.settings.VOTES  # the words a tally counts; lower-case, so not a setting of its own
TIMELINE_POSITIONS = {
    "vote": ("How named states voted", votes),
    "veto": ("How named states voted", votes),
    "summit": ("Who endorsed the communiqué", {"endorsed": "Endorsed", "did-not-endorse": "Did not endorse",
                                               "observer": "Observer", "not-invited": "Not invited"}),
    "talks": ("Who took part", {"took-part": "Took part", "declined": "Declined"}),
    # Agreements, treaties, deals and joint declarations: who signed, who brought it about or saw it signed,
    # who joined later, and who left it.
    "agreement": ("Who signed it", {"signed": "Signed", "brokered": "Brokered", "witnessed": "Witnessed",
                                    "acceded": "Acceded", "withdrew": "Withdrew"}),
}
TIMELINE_MEASURES = {
    "children-deported": "Children reported deported or forcibly transferred",
    "children-returned": "Children reported returned",
}
FIGURES_URL = "children/"
FIGURES_SAVE_AS = "children/index.html"
FIGURES_TITLE = "Ukraine's children: the reported figures"
FIGURES_DESCRIPTION = ("How many Ukrainian children were reported deported or transferred to Russia, and how many "
                       "returned, by date and by who reported each figure.")
FIGURES_LEDE = ("The numbers of children reported deported or forcibly transferred, and of children returned, as "
                "given at the events of this timeline. Each figure is given with its date and who reported it; they "
                "come from different sources and are not always counted the same way.")
TIMELINE_MENU = {"timeline": "Timeline", "actors": "Actors", "votes": "Votes", "figures": "Children",
                 "search": "Search"}
# The UN's document system finds a General Assembly (A/…) or Security Council (S/…) document by its symbol. A
# university library's guide gives this address of it (undocs.org followed by the symbol); the UN's own
# documentation of it was not found, hence a setting, to be changed in one place. A report to both organs has a
# joint symbol (A/77/895-S/2023/363), left unlinked rather than guess which of the two the system answers to.
# The 193 members of the United Nations: the UN's names, regional groups and days of admission (see
# docs/editing.md for the sources); each has a page, and every member's vote of a roll call is checked.
TIMELINE_MEMBER_STATES = "member-states.csv"
# Under each roll call's map: whose borders it draws (the generator's map draws occupied areas as the state's).
TIMELINE_MAP_NOTE = ("Borders as the UN General Assembly holds them: Crimea and the other areas of Ukraine that Russia "
                     "occupies are Ukraine's (resolutions 68/262 and ES-11/4).")
# Each member's page says how often it voted as these two did, on the roll calls where both voted.
TIMELINE_REFERENCE_STATES = ["ukraine", "russian-federation"]
TIMELINE_SYMBOL_URL = "https://undocs.org/{symbol}"
TIMELINE_SYMBOL_LINKED = r"(?!.*-[AS]/)[AS]/\S.*"
# In the votes page's column headings, ES-11/1 for A/RES/ES-11/1, S/RES/2623 for S/RES/2623 (2022).
TIMELINE_SYMBOL_SHORTEN = r"^A/RES/|\s*\(\d{4}\)$"

# The edition in Ukrainian, at uk/: the same record, each file's translation in content/uk/ (docs/editing.md,
# "Translations"), the theme's words from its catalogue, and the site's own words below.
uk_votes = {"yes": "За", "no": "Проти", "abstain": "Утрималися", "absent": "Відсутні"}
TIMELINE_EDITIONS = {"uk": {
    "SITENAME": "Україна: міжнародна відповідь",
    "SITESUBTITLE": "Хронологія голосувань, ордерів, переговорів і заяв від 24 лютого 2022 року, з джерелами",
    "TIMELINE_EVENT_TYPES": {
        "invasion": "Вторгнення", "vote": "Голосування", "veto": "Вето", "session": "Сесія",
        "warrant": "Ордер на арешт", "legal": "Правовий крок", "talks": "Переговори", "summit": "Саміт",
        "meeting": "Засідання", "hearing": "Слухання", "report": "Доповідь", "statement": "Заява",
        "agreement": "Угода",
    },
    "TIMELINE_POSITIONS": {
        "vote": ("Як голосували названі держави", uk_votes),
        "veto": ("Як голосували названі держави", uk_votes),
        "summit": ("Хто підтримав комюніке", {"endorsed": "Підтримали", "did-not-endorse": "Не підтримали",
                                             "observer": "Спостерігач", "not-invited": "Не запрошені"}),
        "talks": ("Хто брав участь", {"took-part": "Брали участь", "declined": "Відмовилися"}),
        "agreement": ("Хто підписав", {"signed": "Підписали", "brokered": "Посередники", "witnessed": "Свідки",
                                       "acceded": "Приєдналися", "withdrew": "Вийшли"}),
    },
    "TIMELINE_MEASURES": {
        "children-deported": "Дітей, про депортацію чи примусове переміщення яких повідомлено",
        "children-returned": "Дітей, про повернення яких повідомлено",
    },
    "FIGURES_TITLE": "Діти України: оприлюднені цифри",
    "FIGURES_DESCRIPTION": ("Скільки українських дітей, за повідомленнями, депортовано чи переміщено до Росії і "
                            "скільки повернуто: за датою і за тим, хто оприлюднив кожну цифру."),
    "FIGURES_LEDE": ("Кількість дітей, про депортацію чи примусове переміщення яких повідомлено, і дітей, яких "
                     "повернуто, як їх названо під час подій цієї хронології. Кожну цифру подано з датою і тим, хто "
                     "її оприлюднив; вони походять із різних джерел і не завжди лічаться однаково."),
    "TIMELINE_MENU": {"timeline": "Хронологія", "actors": "Учасники", "votes": "Голосування", "figures": "Діти",
                      "search": "Пошук"},
    "TIMELINE_MAP_NOTE": ("Кордони такі, якими їх визнає Генеральна Асамблея ООН: Крим та інші території України, "
                          "окуповані Росією, є українськими (резолюції 68/262 та ES-11/4)."),
}}
