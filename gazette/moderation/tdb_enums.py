"""The EU Transparency Database's enumerations and limits, as its validation applies them
(digital-services-act/transparency-database, app/Models/Statement.php and
app/Http/Requests/StatementStoreRequest.php, API v2 of 1 July 2025).

Kept as data, apart from the mapping in `tdb.py`, so that a change of the database's schema is a
change of this file alone.
"""

from __future__ import annotations

DECISION_VISIBILITIES = frozenset(
    {
        "DECISION_VISIBILITY_CONTENT_REMOVED",
        "DECISION_VISIBILITY_CONTENT_DISABLED",
        "DECISION_VISIBILITY_CONTENT_DEMOTED",
        "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
        "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
        "DECISION_VISIBILITY_CONTENT_LABELLED",
        "DECISION_VISIBILITY_OTHER",
    }
)

DECISION_PROVISIONS = frozenset(
    {
        "DECISION_PROVISION_PARTIAL_SUSPENSION",
        "DECISION_PROVISION_TOTAL_SUSPENSION",
        "DECISION_PROVISION_PARTIAL_TERMINATION",
        "DECISION_PROVISION_TOTAL_TERMINATION",
    }
)

DECISION_ACCOUNTS = frozenset(
    {
        "DECISION_ACCOUNT_SUSPENDED",
        "DECISION_ACCOUNT_TERMINATED",
    }
)

DECISION_MONETARIES = frozenset(
    {
        "DECISION_MONETARY_SUSPENSION",
        "DECISION_MONETARY_TERMINATION",
        "DECISION_MONETARY_OTHER",
    }
)

SOURCE_TYPES = frozenset(
    {
        "SOURCE_ARTICLE_16",
        "SOURCE_TRUSTED_FLAGGER",
        "SOURCE_TYPE_OTHER_NOTIFICATION",
        "SOURCE_VOLUNTARY",
    }
)

AUTOMATED_DECISIONS = frozenset(
    {
        "AUTOMATED_DECISION_FULLY",
        "AUTOMATED_DECISION_PARTIALLY",
        "AUTOMATED_DECISION_NOT_AUTOMATED",
    }
)

DECISION_GROUNDS = frozenset(
    {
        "DECISION_GROUND_ILLEGAL_CONTENT",
        "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    }
)

CATEGORIES = frozenset(
    {
        "STATEMENT_CATEGORY_ANIMAL_WELFARE",
        "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
        "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
        "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
        "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
        "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
        "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
        "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
        "STATEMENT_CATEGORY_SELF_HARM",
        "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
        "STATEMENT_CATEGORY_VIOLENCE",
    }
)

CONTENT_TYPES = frozenset(
    {
        "CONTENT_TYPE_APP",
        "CONTENT_TYPE_AUDIO",
        "CONTENT_TYPE_IMAGE",
        "CONTENT_TYPE_PRODUCT",
        "CONTENT_TYPE_SYNTHETIC_MEDIA",
        "CONTENT_TYPE_TEXT",
        "CONTENT_TYPE_VIDEO",
        "CONTENT_TYPE_OTHER",
    }
)

ACCOUNT_TYPES = frozenset(
    {
        "ACCOUNT_TYPE_BUSINESS",
        "ACCOUNT_TYPE_PRIVATE",
    }
)

KEYWORDS = frozenset(
    {
        "KEYWORD_ADULT_SEXUAL_MATERIAL",
        "KEYWORD_AGE_SPECIFIC_RESTRICTIONS",
        "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",
        "KEYWORD_ANIMAL_HARM",
        "KEYWORD_BIOMETRIC_DATA_BREACH",
        "KEYWORD_BULLYING_AGAINST_GIRLS",
        "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",
        "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE",
        "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS",
        "KEYWORD_COORDINATED_HARM",
        "KEYWORD_COPYRIGHT_INFRINGEMENT",
        "KEYWORD_CYBER_BULLYING_INTIMIDATION",
        "KEYWORD_CYBER_HARASSMENT",
        "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN",
        "KEYWORD_CYBER_INCITEMENT",
        "KEYWORD_CYBER_STALKING",
        "KEYWORD_CYBER_STALKING_AGAINST_WOMEN",
        "KEYWORD_DATA_FALSIFICATION",
        "KEYWORD_DEFAMATION",
        "KEYWORD_DESIGN_INFRINGEMENT",
        "KEYWORD_DISCRIMINATION",
        "KEYWORD_FEMALE_GENDERED_DISINFORMATION",
        "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT",
        "KEYWORD_GEOGRAPHICAL_REQUIREMENTS",
        "KEYWORD_GOODS_SERVICES_NOT_PERMITTED",
        "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS",
        "KEYWORD_HATE_SPEECH",
        "KEYWORD_HIDDEN_ADVERTISEMENT",
        "KEYWORD_HUMAN_EXPLOITATION",
        "KEYWORD_HUMAN_TRAFFICKING",
        "KEYWORD_ILLEGAL_ORGANIZATIONS",
        "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",
        "KEYWORD_INAUTHENTIC_ACCOUNTS",
        "KEYWORD_INAUTHENTIC_LISTINGS",
        "KEYWORD_INAUTHENTIC_USER_REVIEWS",
        "KEYWORD_INCITEMENT_AGAINST_WOMEN",
        "KEYWORD_INCITEMENT_VIOLENCE_HATRED",
        "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS",
        "KEYWORD_LANGUAGE_REQUIREMENTS",
        "KEYWORD_MISINFORMATION_DISINFORMATION",
        "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS",
        "KEYWORD_MISLEADING_INFO_GOODS_SERVICES",
        "KEYWORD_MISSING_PROCESSING_GROUND",
        "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
        "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN",
        "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
        "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN",
        "KEYWORD_NONCOMPLIANCE_PRICING",
        "KEYWORD_NUDITY",
        "KEYWORD_PATENT_INFRINGEMENT",
        "KEYWORD_PHISHING",
        "KEYWORD_PROHIBITED_PRODUCTS",
        "KEYWORD_PYRAMID_SCHEMES",
        "KEYWORD_RIGHT_TO_BE_FORGOTTEN",
        "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE",
        "KEYWORD_RISK_PUBLIC_HEALTH",
        "KEYWORD_SELF_MUTILATION",
        "KEYWORD_STALKING",
        "KEYWORD_SUICIDE",
        "KEYWORD_TERRORIST_CONTENT",
        "KEYWORD_TRADE_SECRET_INFRINGEMENT",
        "KEYWORD_TRADEMARK_INFRINGEMENT",
        "KEYWORD_TRAFFICKING_WOMEN_GIRLS",
        "KEYWORD_UNLAWFUL_SALE_ANIMALS",
        "KEYWORD_UNSAFE_CHALLENGES",
        "KEYWORD_UNSAFE_PRODUCTS",
        "KEYWORD_VIOLATION_EU_LAW",
        "KEYWORD_VIOLATION_NATIONAL_LAW",
        "KEYWORD_OTHER",
    }
)

YES_NO = frozenset({"Yes", "No"})

# EU and EEA member states (EuropeanCountriesService::EUROPEAN_COUNTRY_CODES): the only codes
# `territorial_scope` takes.
COUNTRIES = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LI",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "NO",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    }
)

# ISO 639-1 codes, upper case (EuropeanLanguagesService::ALL_LANGUAGES).
LANGUAGES = frozenset(
    {
        "AB",
        "AA",
        "AF",
        "AK",
        "SQ",
        "AM",
        "AR",
        "AN",
        "HY",
        "AS",
        "AV",
        "AE",
        "AY",
        "AZ",
        "BM",
        "BA",
        "EU",
        "BE",
        "BN",
        "BH",
        "BI",
        "BS",
        "BR",
        "BG",
        "MY",
        "CA",
        "KM",
        "CH",
        "CE",
        "NY",
        "ZH",
        "CU",
        "CV",
        "KW",
        "CO",
        "CR",
        "HR",
        "CS",
        "DA",
        "DV",
        "NL",
        "DZ",
        "EN",
        "EO",
        "ET",
        "EE",
        "FO",
        "FJ",
        "FI",
        "FR",
        "FF",
        "GD",
        "GL",
        "LG",
        "KA",
        "DE",
        "KI",
        "EL",
        "KL",
        "GN",
        "GU",
        "HT",
        "HA",
        "HE",
        "HZ",
        "HI",
        "HO",
        "HU",
        "IS",
        "IO",
        "IG",
        "ID",
        "IA",
        "IE",
        "IU",
        "IK",
        "GA",
        "IT",
        "JA",
        "JV",
        "KN",
        "KR",
        "KS",
        "KK",
        "RW",
        "KV",
        "KG",
        "KO",
        "KJ",
        "KU",
        "KY",
        "LO",
        "LA",
        "LV",
        "LB",
        "LI",
        "LN",
        "LT",
        "LU",
        "MK",
        "MG",
        "MS",
        "ML",
        "MT",
        "GV",
        "MI",
        "MR",
        "MH",
        "RO",
        "MN",
        "NA",
        "NV",
        "ND",
        "NG",
        "NE",
        "SE",
        "NO",
        "NB",
        "NN",
        "II",
        "OC",
        "OJ",
        "OR",
        "OM",
        "OS",
        "PI",
        "PA",
        "PS",
        "FA",
        "PL",
        "PT",
        "QU",
        "RM",
        "RN",
        "RU",
        "SM",
        "SG",
        "SA",
        "SC",
        "SR",
        "SN",
        "SD",
        "SI",
        "SK",
        "SL",
        "SO",
        "ST",
        "NR",
        "ES",
        "SU",
        "SW",
        "SS",
        "SV",
        "TL",
        "TY",
        "TG",
        "TA",
        "TT",
        "TE",
        "TH",
        "BO",
        "TI",
        "TO",
        "TS",
        "TN",
        "TR",
        "TK",
        "TW",
        "UG",
        "UK",
        "UR",
        "UZ",
        "VE",
        "VI",
        "VO",
        "WA",
        "CY",
        "FY",
        "WO",
        "XH",
        "YI",
        "YO",
        "ZA",
        "ZU",
    }
)

# Free-text limits in characters (`max:` rules).
LIMITS = {
    "puid": 500,
    "decision_visibility_other": 500,
    "decision_monetary_other": 500,
    "category_specification_other": 500,
    "content_type_other": 500,
    "decision_ground_reference_url": 500,
    "illegal_content_legal_ground": 500,
    "illegal_content_explanation": 2000,
    "incompatible_content_ground": 500,
    "incompatible_content_explanation": 2000,
    "decision_facts": 5000,
    "source_identity": 500,
}
# Date bounds (`after_or_equal`, `before_or_equal`), as ISO dates.
EARLIEST_CONTENT_DATE = "2000-01-01"
EARLIEST_APPLICATION_DATE = "2020-01-01"
LATEST_DATE = "2038-01-01"
# The batch endpoint takes at most this many statements per call.
BATCH_LIMIT = 100
