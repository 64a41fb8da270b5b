"""Sample contacts for "Try with sample contacts": about forty invented people met at
meetups, conferences, associations and online, with tags, notes, phones and e-mails.

Every name, company and address here is made up; phone numbers use ranges reserved for
fiction (UK 07700 900xxx, US 555-01xx) and e-mails the example.* domains. Deterministic, so
screenshots and tests see the same people every time.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from netdesk.domain.contact import Address, Contact, LabeledValue, PartialDate

# (given, family, org, title, tags)
PEOPLE = [
    ("Amara", "Okafor", "Brightwave Labs", "Engineering Manager", ["hiring", "engineer"]),
    ("Lukas", "Brenner", "Nordlicht Ventures", "Partner", ["investor"]),
    ("Sofia", "Marín", "Freelance", "Product Designer", ["designer", "freelance"]),
    ("Kenji", "Watanabe", "Kumo Analytics", "Data Scientist", ["engineer"]),
    ("Priya", "Raman", "TalentBridge", "Senior Technical Recruiter", ["recruiter"]),
    ("Jonas", "Lindqvist", "Fjord Mobility", "CTO", ["founder", "engineer"]),
    ("Chloé", "Durand", "Atelier Numérique", "UX Researcher", ["designer"]),
    ("Mateo", "Rossi", "Pasta & Pixels", "Founder", ["founder"]),
    ("Hannah", "Schmidt", "Women in Data DE", "Organiser", ["organiser", "mentor"]),
    ("Kwame", "Mensah", "Sankofa Pay", "Head of Product", ["founder", "hiring"]),
    ("Zoë", "Andersen", "Lumen Health", "People Partner", ["recruiter", "hiring"]),
    ("Ravi", "Kulkarni", "Open Source Collective", "Maintainer", ["engineer", "mentor"]),
    ("Elena", "Popescu", "Carpathia Cloud", "Solutions Architect", ["engineer"]),
    ("Tomás", "Ferreira", "Freelance", "Copywriter", ["freelance"]),
    ("Aisha", "Rahman", "Seedling Fund", "Associate", ["investor"]),
    ("Oliver", "Hughes", "Cobalt Consulting", "Talent Acquisition Lead", ["recruiter"]),
    ("Mei", "Chen", "Harbor Robotics", "Staff Engineer", ["engineer", "alumni"]),
    ("Gabriel", "Moreau", "Studio Moreau", "Illustrator", ["designer", "freelance"]),
    ("Fatima", "Zahra", "GreenGrid", "Sustainability Lead", ["mentor"]),
    ("Ingrid", "Halvorsen", "Polar Bytes", "CEO", ["founder"]),
    ("Diego", "Alvarez", "Mercado Digital", "Growth Marketer", ["freelance"]),
    ("Nadia", "Petrova", "Quanta Recruiting", "Recruiter", ["recruiter"]),
    ("Samuel", "Osei", "Tech Careers Accra", "Community Lead", ["organiser"]),
    ("Lea", "Fischer", "Brightwave Labs", "Frontend Developer", ["engineer", "alumni"]),
    ("Arjun", "Mehta", "Kite Capital", "Principal", ["investor"]),
    ("Clara", "Novak", "Freelance", "Interim CFO", ["freelance", "mentor"]),
    ("Yusuf", "Demir", "Bosphorus Games", "Game Designer", ["designer"]),
    ("Emma", "Johansson", "Northern Lights Events", "Event Manager", ["organiser"]),
    ("Noah", "Williams", "Atlas HR", "HR Business Partner", ["recruiter", "hiring"]),
    ("Laura", "Bianchi", "Velvet AI", "Co-founder", ["founder", "hiring"]),
    ("Tariq", "Haddad", "Cedar Security", "Security Engineer", ["engineer"]),
    ("Julia", "Kowalska", "Vistula Design", "Design Lead", ["designer", "hiring"]),
    ("Ben", "Carter", "Product Guild London", "Organiser", ["organiser"]),
    ("Hana", "Suzuki", "Sakura Labs", "ML Engineer", ["engineer"]),
    ("Marco", "Silva", "Atlântico Ventures", "Scout", ["investor"]),
    ("Olivia", "Brown", "Career Compass", "Career Coach", ["mentor"]),
    ("Felix", "Wagner", "Freelance", "DevOps Consultant", ["freelance", "engineer"]),
    ("Nora", "Haugen", "Fjord Mobility", "Talent Partner", ["recruiter"]),
    ("Ahmed", "Saleh", "Nile Commerce", "Founder", ["founder"]),
    ("Isabel", "Ortega", "Freelance", "Brand Strategist", ["freelance", "designer"]),
]

EVENTS = [
    ("Berlin Python Meetup", "meetup"),
    ("Product Camp Amsterdam", "conference"),
    ("Women in Data DE", "association"),
    ("Founders Breakfast Lisbon", "meetup"),
    ("HR Tech Summit", "conference"),
    ("Freelancers' Guild", "association"),
    ("DevRel Collective (Slack)", "online"),
    ("Open Source Summit", "conference"),
    ("Design Systems Night", "meetup"),
    ("Angel Investors Circle", "association"),
]

NOTES = [
    "Talked about moving from agency work to product teams. Send the article on design ops.",
    "Hiring two backend engineers in Q3; asked for referrals.",
    "Interested in mentoring; offered to review my portfolio.",
    "We both run community events — swap speaker lists.",
    "Looking for a co-founder with a sales background.",
    "Knows everyone in the Lisbon startup scene. Ask for an intro to the climate funds.",
    "Prefers a call over e-mail. Mornings work best.",
    "Gave a great talk on accessibility in data visualisation.",
    "Recruiting for a remote staff role; follow up once the job ad is live.",
    "Shared contacts at two payment start-ups.",
]

MET_NOTES = [
    "Sat next to each other in the keynote.",
    "Introduced by a mutual friend at the after-party.",
    "Asked a good question in my talk's Q&A.",
    "Met at the coffee queue; talked about remote hiring.",
    "Paired on the hackathon challenge.",
    "Chatted in the #jobs channel, then a video call.",
]

CITIES = [
    ("Berlin", "10115", "Germany"),
    ("Amsterdam", "1012", "Netherlands"),
    ("Lisbon", "1100-148", "Portugal"),
    ("London", "EC1A 1BB", "United Kingdom"),
    ("Stockholm", "111 22", "Sweden"),
]


def _email_user(given: str, family: str) -> str:
    table = str.maketrans("äöüéèêëáàâãçíóôõúñøåæ", "aoueeeeaaaaciooounoaa")
    return f"{given}.{family}".lower().translate(table).replace(" ", "")


def sample_contacts(seed: int = 2024) -> list[Contact]:
    """The sample people as new (unsaved) contacts."""
    rnd = random.Random(seed)
    out = []
    for i, (given, family, org, title, tags) in enumerate(PEOPLE):
        event, kind = EVENTS[i % len(EVENTS)]
        domain = (
            "example.com"
            if org == "Freelance"
            else (org.lower().replace(" ", "").replace("&", "and")[:14] + ".example")
        )
        user = _email_user(given, family)
        phones = [LabeledValue(f"+44 7700 900{100 + i:03d}", "mobile", True)]
        if i % 3 == 0:
            phones.append(LabeledValue(f"+1 202 555 01{i % 100:02d}", "work"))
        emails = [LabeledValue(f"{user}@{domain}", "work", True)]
        if i % 4 == 1:
            emails.append(LabeledValue(f"{given.lower()}{i}@mail.example", "home"))
        city, postcode, country = CITIES[i % len(CITIES)]
        contact = Contact(
            display_name=f"{given} {family}",
            given_name=given,
            family_name=family,
            org="" if org == "Freelance" else org,
            title=title,
            phones=phones,
            emails=emails,
            tags=[*tags, kind if kind in ("meetup", "conference") else "community"],
            met_event=event,
            met_event_kind=kind,
            met_note=MET_NOTES[i % len(MET_NOTES)],
            notes=NOTES[i % len(NOTES)] if i % 2 == 0 else "",
            source="sample",
        )
        if i % 5 == 0:
            contact.addresses = [
                Address(
                    street=f"{10 + i} Example Street",
                    locality=city,
                    postal_code=postcode,
                    country=country,
                    label="work",
                )
            ]
        if i % 3 == 1:
            contact.social_profiles = [
                LabeledValue(
                    f"https://www.linkedin.com/in/{user.replace('.', '-')}-example", "linkedin"
                )
            ]
        if i % 7 == 2:
            contact.urls = [
                LabeledValue(f"https://{user.replace('.', '')}.example.net", "portfolio")
            ]
        if i % 4 == 0:
            contact.keep_in_touch_days = rnd.choice([14, 30, 60, 90])
        if i % 6 == 3:
            contact.birthday = PartialDate(
                rnd.choice([None, 1985, 1990, 1993]), rnd.randint(1, 12), rnd.randint(1, 28)
            )
        out.append(contact)
    return out


def add_sample_contacts(create: Callable[[Contact], Contact]) -> list[Contact]:
    """Create every sample contact through ``create`` (ContactService.create); returns them
    as saved (with ids), in ``PEOPLE`` order."""
    return [create(contact) for contact in sample_contacts()]
