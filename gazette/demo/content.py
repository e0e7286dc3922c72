# Russian and Kazakh text is Cyrillic, and English and Uzbek text uses typographic quotes, on
# purpose.
# ruff: noqa: RUF001
"""The demo content's text: sections, authors, tags, photos and stories, as plain data.

Every story, person and organisation here is invented for Gazette's demo. Bodies are Markdown.
Times are hours before the moment of loading, so the site always looks current; `{year_1}` is
last year, `{year_2}` the year before, `{year_3}` the one before that, and `{date}` in a caption
is the day the photo was taken.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionData:
    slug: str
    name: str
    names: dict[str, str]


@dataclass(frozen=True)
class AuthorData:
    slug: str
    name: str
    bio: str
    portrait: str


@dataclass(frozen=True)
class PhotoData:
    scene: str
    caption: str
    credit: str
    alt_text: str
    days_before: int = 0


@dataclass(frozen=True)
class Edition:
    """The text of a story in one language."""

    language: str
    headline: str
    slug: str
    standfirst: str
    dateline: str
    body: str
    hours_after_original: float = 0
    # A photo of its own, captioned in the edition's language; else the story's photo.
    photo: PhotoData | None = None


@dataclass(frozen=True)
class Story:
    section: str
    authors: tuple[str, ...]
    photo: PhotoData | None
    tags: tuple[str, ...]
    status: str
    hours_ago: float | None
    english: Edition
    translations: tuple[Edition, ...] = ()
    revised_hours_ago: float | None = None


SECTIONS = (
    SectionData("politics", "Politics", {"ru": "Политика", "kk": "Саясат", "uz": "Siyosat"}),
    SectionData(
        "crime-justice",
        "Crime & Justice",
        {"ru": "Криминал и правосудие", "kk": "Қылмыс және әділет", "uz": "Jinoyat va adolat"},
    ),
    SectionData("economy", "Economy", {"ru": "Экономика", "kk": "Экономика", "uz": "Iqtisodiyot"}),
    SectionData("society", "Society", {"ru": "Общество", "kk": "Қоғам", "uz": "Jamiyat"}),
    SectionData("culture", "Culture", {"ru": "Культура", "kk": "Мәдениет", "uz": "Madaniyat"}),
)

AUTHORS = (
    AuthorData(
        "dana-serikbayeva",
        "Dana Serikbayeva",
        (
            "Dana covers the courts, the police and the prosecution service from Astana. Before "
            "joining Gazette she spent six years reporting on regional trials in Karaganda and "
            "Pavlodar."
        ),
        "teal",
    ),
    AuthorData(
        "rustam-yuldashev",
        "Rustam Yuldashev",
        (
            "Rustam reports on politics and rights in Uzbekistan and Kyrgyzstan from Tashkent. He "
            "studied law in Bishkek and still reads every verdict to the end."
        ),
        "amber",
    ),
    AuthorData(
        "madina-ospanova",
        "Madina Ospanova",
        (
            "Madina writes about the economy, cities and culture from Almaty. She used to edit a "
            "business weekly and now runs Gazette’s data desk."
        ),
        "plum",
    ),
)

# Tags as sections are: the English name, then the names of the other editions.
TAGS = (
    SectionData("courts", "Courts", {"ru": "Суды", "kk": "Соттар", "uz": "Sudlar"}),
    SectionData(
        "online-fraud",
        "Online fraud",
        {"ru": "Интернет-мошенничество", "kk": "Интернет-алаяқтық", "uz": "Internet firibgarligi"},
    ),
    SectionData(
        "corruption",
        "Corruption",
        {"ru": "Коррупция", "kk": "Сыбайлас жемқорлық", "uz": "Korrupsiya"},
    ),
    SectionData(
        "extremism", "Extremism", {"ru": "Экстремизм", "kk": "Экстремизм", "uz": "Ekstremizm"}
    ),
    SectionData(
        "parliament", "Parliament", {"ru": "Парламент", "kk": "Парламент", "uz": "Parlament"}
    ),
    SectionData(
        "human-rights",
        "Human rights",
        {"ru": "Права человека", "kk": "Адам құқықтары", "uz": "Inson huquqlari"},
    ),
)

# ---------------------------------------------------------------- Crime & Justice

TASHKENT_NOTARY = Story(
    section="crime-justice",
    authors=("rustam-yuldashev",),
    photo=PhotoData(
        scene="courthouse_evening",
        caption="Buyers wait for the verdict outside the Tashkent city court on {date}.",
        credit="Gazette/Aziza Qodirova",
        alt_text="People standing in front of a columned court building in the evening",
    ),
    tags=("courts", "corruption"),
    status="published",
    hours_ago=5,
    english=Edition(
        language="en",
        headline="Tashkent court jails notary who sold the same flats twice",
        slug="tashkent-court-jails-notary-who-sold-the-same-flats-twice",
        standfirst=(
            "Prosecutors say 126 families paid for homes in new blocks on the edge of the city "
            "that had already been sold to someone else. Many are still paying off their loans."
        ),
        dateline="Tashkent",
        body="""\
The Tashkent city court has sentenced a notary to eleven years in prison for certifying forged
sale contracts through which flats in three new apartment blocks in the Sergeli district were sold
twice, and in some cases three times.

Judge Dilnoza Rahimova found that the notary, a 52-year-old identified in court as Bahodir T., drew
up the contracts with two employees of a construction company between {year_2} and {year_1}. His
two accomplices received seven and eight years.

“The buyers did everything right. They checked the papers, they went to a notary, they paid
through a bank,” prosecutor Jasur Nazarov told Gazette after the verdict. “The one person whose job
was to protect them was the person who deceived them.”

According to the prosecution, 126 families paid a total of 48 billion som. Among the buyers in the
courtroom was Nodira Yusupova, a nurse, whose family paid 410 million som for a two-room flat in
{year_1} and has lived with relatives ever since.

“We have the keys, the contract and the receipts. Somebody else has the same keys,” she said. “My
son asks every week when we are moving home.”

Defence lawyer Kamola Ergasheva said her client would appeal.

“My client stamped the documents the company brought him. The court has not shown that he knew the
flats had been sold,” she told Gazette.

The court ordered the property of the three men, including two houses and a car dealership, to be
sold to compensate the buyers. Lawyers for the families said that would cover about half of the
losses.

> “A notary’s stamp must mean something again. Until the registry is checked online before every
> sale, the same thing will happen in other districts,” said Otabek Sobirov, a lawyer who represents
> 40 of the families.

The verdict can be appealed within ten days.
""",
    ),
    translations=(
        Edition(
            language="uz",
            headline="Toshkent sudi bir xonadonni ikki marta sotgan notariusni qamoqqa hukm qildi",
            slug="toshkent-sudi-bir-xonadonni-ikki-marta-sotgan-notariusni-qamoqqa-hukm-qildi",
            standfirst=(
                "Prokuratura maʼlumotiga koʻra, 126 oila shahar chekkasidagi yangi uylardan "
                "allaqachon boshqaga sotilgan xonadonlarni sotib olgan. Ularning koʻpchiligi "
                "hali ham kreditni toʻlamoqda."
            ),
            dateline="Toshkent",
            hours_after_original=0.5,
            photo=PhotoData(
                scene="courthouse_evening",
                caption="Xaridorlar {date} kuni Toshkent shahar sudi oldida hukmni kutmoqda.",
                credit="Gazette/Aziza Qodirova",
                alt_text="Kechki paytda ustunli sud binosi oldida turgan odamlar",
            ),
            body="""\
Toshkent shahar sudi Sergeli tumanidagi uchta yangi koʻp qavatli uyning xonadonlarini ikki,
ayrim hollarda uch marta sotishga imkon bergan soxta oldi-sotdi shartnomalarini tasdiqlagan
notariusni oʻn bir yilga ozodlikdan mahrum qildi.

Sudya Dilnoza Rahimova sudda Bahodir T. deb atalgan 52 yoshli notarius va qurilish kompaniyasining
ikki xodimi {year_2}–{year_1} yillarda shartnomalarni birgalikda rasmiylashtirganini aniqladi.
Ikki sherigi yetti va sakkiz yilga hukm qilindi.

“Xaridorlar hammasini toʻgʻri qilgan. Hujjatlarni tekshirgan, notariusga borgan, pulni bank
orqali toʻlagan, — dedi hukm oʻqilgach prokuror Jasur Nazarov Gazette muxbiriga. — Ularni himoya
qilishi kerak boʻlgan yagona odam ularni aldagan.”

Ayblov tarafiga koʻra, 126 oila jami 48 milliard soʻm toʻlagan. Sud zalida oʻtirgan xaridorlar
orasida hamshira Nodira Yusupova ham bor edi: uning oilasi {year_1} yilda ikki xonali xonadon
uchun 410 million soʻm toʻlagan va oʻshandan beri qarindoshlarinikida yashaydi.

“Bizda kalit ham, shartnoma ham, kvitansiyalar ham bor. Xuddi shunday kalit boshqa birovda ham
bor, — dedi u. — Oʻgʻlim har hafta qachon uyimizga koʻchishimizni soʻraydi.”

Himoyachi Kamola Ergasheva mijozi hukm ustidan shikoyat qilishini aytdi.

“Mijozim kompaniya olib kelgan hujjatlarga muhr bosgan, xolos. Sud u xonadonlar sotilganini
bilganini isbotlamadi”, — dedi u Gazette muxbiriga.

Sud uch nafar sudlanuvchining mol-mulkini, jumladan ikki uy va avtosalonni sotib, xaridorlarga
zararni qoplashni buyurdi. Oilalar vakillarining aytishicha, bu yoʻqotishlarning taxminan yarmini
qoplaydi.

> “Notarius muhri yana maʼnoga ega boʻlishi kerak. Har bir savdodan oldin reyestr onlayn
> tekshirilmaguncha, boshqa tumanlarda ham xuddi shu holat takrorlanaveradi”, — deydi 40 oilaning
> manfaatlarini himoya qilayotgan advokat Otabek Sobirov.

Hukm ustidan oʻn kun ichida shikoyat qilish mumkin.
""",
        ),
    ),
)

ONLINE_SCHEME = Story(
    section="crime-justice",
    authors=("dana-serikbayeva",),
    photo=PhotoData(
        scene="courthouse_morning",
        caption=(
            "Defence lawyer Zhanna Abenova speaks to reporters outside the Astana city court on "
            "{date}."
        ),
        credit="Gazette/Daniyar Omarov",
        alt_text="Reporters in front of a columned court building on a sunny morning",
    ),
    tags=("courts", "online-fraud"),
    status="published",
    hours_ago=3,
    english=Edition(
        language="en",
        headline=(
            "Astana court jails five over online investment scheme that took the savings of 900 "
            "people"
        ),
        slug="astana-court-jails-five-over-online-investment-scheme",
        standfirst=(
            "The organisers promised returns of 40% a month through a trading app that never "
            "traded. Victims say the sentences will not bring their money back."
        ),
        dateline="Astana",
        body="""\
The Astana city court has sentenced five people to between four and nine years in prison for
running an online investment scheme that, prosecutors say, took 2.3 billion tenge from more than
900 people across Kazakhstan.

Judge Gulnar Mukhametova found that the defendants ran call centres in Astana and Karaganda,
where operators working from scripts persuaded people to put money into a trading app. Balances
in the app kept rising, but not a single trade was ever made.

“This was not trading, it was theatre,” prosecutor Arman Tulegenov told Gazette after the
verdict. “Every figure the victims saw on their phones was typed in by the organisers.”

The man the court found to be the organiser, a 34-year-old identified in court as Yerbol K.,
received nine years and a five-year ban on running a business. Four call-centre supervisors
received between four and six years. Eleven operators who cooperated with investigators had been
sentenced earlier to restricted freedom.

Defence lawyer Zhanna Abenova, who represents one of the supervisors, said her client would
appeal.

“My client answered phones for a salary. He did not design the scheme and never saw where the
money went,” she told Gazette. “The court has treated a clerk as a founder.”

Victims filled the small courtroom. Saule Iskakova, a retired teacher from Kokshetau, said she
had put 3.2 million tenge into the app in the spring: all of her savings and a bank loan.

“They called every day, polite and patient, like a grandson,” she said. “When I asked to
withdraw my money, they told me to pay a tax first. I paid that too.”

The court ordered the defendants to compensate the victims. Prosecutors said property worth
about 640 million tenge, including flats and cars, had been seized. Lawyers for the victims said
that would cover less than a third of the losses.

Internet fraud has become the fastest-growing kind of crime in Kazakhstan. According to figures
the prosecution presented in court, police registered 14,860 such cases in {year_3}, 18,240 in
{year_2} and 21,975 in {year_1}. Only about one case in five reaches a courtroom.

> “The technology is cheap and the risk is low. Until banks and mobile operators share the
> responsibility, we will keep seeing the same script under new names,” said Daniyar Seitkali, a
> lawyer who advises groups of victims.

The verdict can be appealed within 15 days.
""",
    ),
    translations=(
        Edition(
            language="ru",
            headline=(
                "Суд Астаны приговорил пятерых организаторов онлайн-схемы, лишившей сбережений 900"
                " человек"
            ),
            slug="суд-астаны-приговорил-пятерых-организаторов-онлайн-схемы",
            standfirst=(
                "Организаторы обещали доходность 40% в месяц через торговое приложение, которое "
                "ничем не торговало. Потерпевшие говорят, что приговор не вернёт им деньги."
            ),
            dateline="Астана",
            hours_after_original=1,
            body="""\
Астанинский городской суд приговорил пятерых человек к срокам от четырёх до девяти лет лишения
свободы за онлайн-схему, через которую, по данным обвинения, более 900 жителей Казахстана
потеряли 2,3 млрд тенге.

Судья Гульнар Мухаметова установила, что подсудимые содержали колл-центры в Астане и Караганде.
Операторы по готовым сценариям убеждали людей вкладывать деньги в торговое приложение. Баланс в
приложении рос, но ни одной сделки на самом деле не совершалось.

«Это была не торговля, а театр, — сказал Gazette после оглашения приговора прокурор Арман
Тулегенов. — Каждую цифру, которую потерпевшие видели в телефоне, вбивали сами организаторы».

Организатор схемы, 34-летний мужчина, названный в суде Ерболом К., получил девять лет и
пятилетний запрет заниматься предпринимательством. Четверо руководителей колл-центров получили
от четырёх до шести лет. Одиннадцать операторов, сотрудничавших со следствием, ранее были
приговорены к ограничению свободы.

Адвокат Жанна Абенова, защищающая одного из руководителей, заявила, что её подзащитный обжалует
приговор.

«Мой подзащитный отвечал на звонки за зарплату. Он не придумывал схему и не видел, куда уходили
деньги, — сказала она Gazette. — Суд приравнял клерка к основателю».

Потерпевшие заполнили небольшой зал суда. Сауле Искакова, учительница на пенсии из Кокшетау,
рассказала, что весной вложила в приложение 3,2 млн тенге — все свои сбережения и банковский
кредит.

«Они звонили каждый день — вежливые, терпеливые, как внуки, — сказала она. — Когда я попросила
вывести деньги, мне сказали сначала заплатить налог. Я заплатила и его».

Суд обязал подсудимых возместить ущерб. По словам прокуроров, арестовано имущество примерно на
640 млн тенге, в том числе квартиры и автомобили. Представители потерпевших говорят, что этого
не хватит и на треть потерь.

Интернет-мошенничество стало самым быстрорастущим видом преступлений в Казахстане. По данным,
которые обвинение представило суду, полиция зарегистрировала 14 860 таких дел в {year_3} году,
18 240 — в {year_2} году и 21 975 — в {year_1} году. До суда доходит лишь примерно каждое пятое
дело.

> «Технология дешёвая, риск низкий. Пока банки и операторы связи не разделят ответственность, мы
> будем видеть один и тот же сценарий под новыми названиями», — говорит Данияр Сейткали, юрист,
> который консультирует объединения потерпевших.

Приговор может быть обжалован в течение 15 дней.
""",
        ),
        Edition(
            language="kk",
            headline=(
                "Астана соты 900 адамның жинағын алдап алған онлайн-схема үшін бес адамды түрмеге "
                "қамады"
            ),
            slug="астана-соты-онлайн-схема-үшін-бес-адамды-түрмеге-қамады",
            standfirst=(
                "Ұйымдастырушылар сауда қосымшасы арқылы айына 40% табыс уәде еткен, бірақ қосымша"
                " ешқандай сауда жасамаған. Жәбірленушілер үкім ақшаларын қайтармайтынын айтады."
            ),
            dateline="Астана",
            hours_after_original=2,
            body="""\
Астана қалалық соты бес адамды төрт жылдан тоғыз жылға дейін бас бостандығынан айырды. Айыптаушы
тараптың мәліметінше, олар ұйымдастырған онлайн-схема салдарынан Қазақстанның 900-ден астам
тұрғыны 2,3 млрд теңгесінен айырылған.

Судья Гүлнар Мұхаметова сотталушылардың Астана мен Қарағандыда колл-орталықтар ұстағанын
анықтады. Операторлар дайын сценарий бойынша адамдарды сауда қосымшасына ақша салуға көндірген.
Қосымшадағы баланс өсіп отырған, бірақ шын мәнінде бірде-бір мәміле жасалмаған.

«Бұл сауда емес, театр еді, — деді үкім жарияланғаннан кейін прокурор Арман Төлегенов
Gazette-ке. — Жәбірленушілер телефонынан көрген әр цифрды ұйымдастырушылардың өздері енгізген».

Сот схеманың ұйымдастырушысы деп таныған, сотта Ербол К. деп аталған 34 жастағы ер адам тоғыз
жылға сотталып, бес жыл бойы кәсіпкерлікпен айналысуға тыйым салынды. Колл-орталықтардың төрт
жетекшісі төрт жылдан алты жылға дейін жаза алды. Тергеумен ынтымақтасқан он бір оператор бұған
дейін бас бостандығын шектеуге сотталған.

Жетекшілердің бірін қорғайтын адвокат Жанна Әбенова қорғауындағы адамның үкімге шағымданатынын
айтты.

«Менің қорғауымдағы адам жалақы үшін қоңырауларға жауап берген. Ол схеманы ойлап тапқан жоқ және
ақшаның қайда кеткенін көрмеген, — деді ол Gazette-ке. — Сот қатардағы қызметкерді негізін
қалаушымен теңестірді».

Жәбірленушілер шағын сот залын толтырды. Көкшетаулық зейнеткер мұғалім Сәуле Ысқақова көктемде
қосымшаға 3,2 млн теңге — бүкіл жинағы мен банк несиесін салғанын айтты.

«Олар күн сайын қоңырау шалатын — сыпайы, шыдамды, немерем сияқты, — деді ол. — Ақшамды шығарып
алғым келгенде, алдымен салық төлеу керек деді. Оны да төледім».

Сот сотталушыларға шығынды өтеуді міндеттеді. Прокурорлардың айтуынша, құны шамамен 640 млн
теңге болатын мүлікке, соның ішінде пәтерлер мен көліктерге тыйым салынды. Жәбірленушілердің
өкілдері бұл шығынның үштен бірін де жаппайтынын айтады.

Интернет-алаяқтық Қазақстанда ең жылдам өсіп келе жатқан қылмыс түріне айналды. Айыптаушы тарап
сотқа ұсынған деректерге сәйкес, полиция {year_3} жылы осындай 14 860 іс, {year_2} жылы 18 240
іс, ал {year_1} жылы 21 975 іс тіркеген. Мұндай істердің бестен бірі ғана сотқа жетеді.

> «Технология арзан, тәуекел аз. Банктер мен байланыс операторлары жауапкершілікті бөліспейінше,
> біз бір сценарийді жаңа атаулармен көре береміз», — дейді жәбірленушілер бірлестіктеріне кеңес
> беретін заңгер Данияр Сейтқали.

Үкімге 15 күн ішінде шағымдануға болады.
""",
        ),
        Edition(
            language="uz",
            headline=(
                "Astana sudi 900 kishining jamgʻarmasini olgan onlayn sxema uchun besh kishini "
                "qamoqqa hukm qildi"
            ),
            slug="astana-sudi-onlayn-sxema-uchun-besh-kishini-qamoqqa-hukm-qildi",
            standfirst=(
                "Tashkilotchilar hech qachon savdo qilmagan savdo ilovasi orqali oyiga 40% daromad "
                "vaʼda qilgan. Jabrlanuvchilar hukm pullarini qaytarmasligini aytmoqda."
            ),
            dateline="Astana",
            hours_after_original=2.5,
            photo=PhotoData(
                scene="courthouse_morning",
                caption=(
                    "Himoyachi Janna Abenova {date} kuni Astana shahar sudi oldida "
                    "jurnalistlar bilan gaplashmoqda."
                ),
                credit="Gazette/Daniyar Omarov",
                alt_text="Quyoshli tongda ustunli sud binosi oldidagi jurnalistlar",
            ),
            body="""\
Astana shahar sudi prokuratura maʼlumotiga koʻra Qozogʻiston boʻylab 900 dan ortiq kishidan 2,3
milliard tenge olgan onlayn investitsiya sxemasi uchun besh kishini toʻrt yildan toʻqqiz yilgacha
ozodlikdan mahrum qildi.

Sudya Gulnar Muhametova sudlanuvchilar Astana va Qaragʻandada koll-markazlar yuritganini
aniqladi. U yerda tayyor ssenariy boʻyicha ishlagan operatorlar odamlarni savdo ilovasiga pul
kiritishga koʻndirgan. Ilovadagi balans oʻsib borgan, ammo birorta ham savdo amalga oshirilmagan.

“Bu savdo emas, teatr edi, — dedi hukmdan soʻng prokuror Arman Tulegenov Gazette muxbiriga. —
Jabrlanuvchilar telefonida koʻrgan har bir raqamni tashkilotchilarning oʻzi yozgan.”

Sud tashkilotchi deb topgan, sudda Yerbol K. deb atalgan 34 yoshli erkak toʻqqiz yilga hukm qilindi
va besh yil tadbirkorlik bilan shugʻullanishdan mahrum etildi. Koll-markazlarning toʻrt rahbari
toʻrt yildan olti yilgacha jazo oldi.

Rahbarlardan birini himoya qilayotgan advokat Janna Abenova mijozi hukm ustidan shikoyat
qilishini aytdi.

“Mijozim maosh evaziga qoʻngʻiroqlarga javob bergan. U sxemani oʻylab topmagan va pul qayerga
ketganini koʻrmagan, — dedi u Gazette muxbiriga. — Sud oddiy xodimni asoschiga tenglashtirdi.”

Jabrlanuvchilar kichik sud zalini toʻldirdi. Koʻkshetaulik nafaqadagi oʻqituvchi Saule Iskakova
bahorda ilovaga 3,2 million tenge — butun jamgʻarmasi va bank kreditini kiritganini aytdi.

“Ular har kuni qoʻngʻiroq qilishardi, xushmuomala va sabrli, xuddi nevaradek, — dedi u. — Pulimni
yechib olmoqchi boʻlganimda, avval soliq toʻlashim kerakligini aytishdi. Uni ham toʻladim.”

Internet firibgarligi Qozogʻistonda eng tez oʻsayotgan jinoyat turiga aylandi. Ayblov tarafi
sudga taqdim etgan maʼlumotlarga koʻra, politsiya {year_3} yilda 14 860 ta, {year_2} yilda
18 240 ta va {year_1} yilda 21 975 ta shunday ishni roʻyxatga olgan.

> “Texnologiya arzon, xavf esa kam. Banklar va mobil operatorlar javobgarlikni boʻlishmaguncha,
> biz bir xil ssenariyni yangi nomlar ostida koʻraveramiz”, — deydi jabrlanuvchilar guruhlariga
> maslahat beradigan huquqshunos Daniyar Seytqali.

Hukm ustidan 15 kun ichida shikoyat qilish mumkin.
""",
        ),
    ),
)

EXTREMISM_RETRIAL = Story(
    section="crime-justice",
    authors=("rustam-yuldashev",),
    photo=PhotoData(
        scene="courthouse_evening",
        caption="Relatives of the three defendants wait outside the Shymkent city court on {date}.",
        credit="Gazette/Yerlan Zhaksylykov",
        alt_text="People waiting by a court building at sunset",
    ),
    tags=("courts", "extremism", "human-rights"),
    status="published",
    hours_ago=26,
    english=Edition(
        language="en",
        headline=(
            "Appeal court orders retrial in Shymkent extremism case over a flawed expert report"
        ),
        slug="appeal-court-orders-retrial-in-shymkent-extremism-case",
        standfirst=(
            "Three men were jailed for sharing religious texts in a messaging group. The appeal "
            "judges found that the expert report behind the verdict did not say who posted what, "
            "or why it was dangerous."
        ),
        dateline="Shymkent",
        body="""\
An appeal panel of the Shymkent city court has overturned the convictions of three men jailed
for inciting religious discord and sent the case back for a new trial, ruling that the expert
report on which the verdict rested was incomplete.

The men, aged 24 to 31 (a car mechanic, a taxi driver and a university student), were sentenced
in the spring to between five and seven years for posting audio sermons and texts in a messaging
group with about 300 members. Prosecutors said the material called for people of other faiths to
be shunned.

The verdict relied on a single four-page report by a linguist and a specialist in religious
studies. The appeal judges noted that it quoted none of the posts in full, did not establish
which of the three defendants had published which file, and did not explain which words amounted
to incitement.

“A court cannot convict people for texts it has not read, on the strength of an expert opinion
that does not explain itself,” the presiding judge, Bakhytzhan Sarsenov, said as he read out the
ruling.

Defence lawyer Dinara Zhumabekova, who represents the student, said the case should never have
reached court.

“My client shared a lecture about fasting. The expert put it in the same folder as material that
really was hostile, and nobody looked inside the folder,” she told Gazette outside the
courtroom.

The three men will remain in custody until the retrial. The prosecutor’s office said it would
ask a panel of experts for a new examination and did not rule out further charges.

“The ruling is about procedure, not innocence. The material in this case is dangerous, and the
prosecution will prove it properly,” a spokesman for the city prosecutor’s office told Gazette.

Lawyers who take on such cases say the expert report often decides the outcome. Nurlan Abilov, a
researcher at the Legal Policy Forum, an Almaty group that monitors extremism trials, said
courts rarely question one.

> “In most of the verdicts we read, the expert’s conclusion is copied into the judgment word for
> word. The judge becomes the expert’s notary,” he said.

According to the forum’s count of published verdicts, courts in Kazakhstan convicted 212 people
of inciting social, national or religious discord in {year_3}, 187 in {year_2} and 164 in
{year_1}. Acquittals remained rare: the forum found four in three years.

No date has been set for the retrial.
""",
    ),
    translations=(
        Edition(
            language="ru",
            headline=(
                "Апелляционный суд направил на пересмотр дело об экстремизме в Шымкенте из-за "
                "неполной экспертизы"
            ),
            slug="апелляция-направила-на-пересмотр-дело-об-экстремизме-в-шымкенте",
            standfirst=(
                "Трое мужчин были осуждены за распространение религиозных текстов в группе в "
                "мессенджере. Апелляционные судьи установили, что экспертиза, на которой основан "
                "приговор, не отвечает на вопросы, кто что опубликовал и чем это опасно."
            ),
            dateline="Шымкент",
            hours_after_original=4,
            body="""\
Апелляционная коллегия Шымкентского городского суда отменила приговор трём мужчинам, осуждённым
за разжигание религиозной розни, и направила дело на новое рассмотрение, признав неполной
экспертизу, на которой был основан приговор.

Мужчины в возрасте от 24 до 31 года — автомеханик, таксист и студент университета — весной были
приговорены к срокам от пяти до семи лет за публикацию аудиопроповедей и текстов в группе в
мессенджере, где состояли около 300 человек. По версии обвинения, материалы призывали
сторониться людей других вероисповеданий.

Приговор опирался на единственное четырёхстраничное заключение лингвиста и религиоведа.
Апелляционные судьи отметили, что в нём ни одна публикация не приведена полностью, не
установлено, кто из троих подсудимых опубликовал какой файл, и не объяснено, какие именно слова
являются призывом к розни.

«Суд не может осудить людей за тексты, которых он не читал, на основании заключения эксперта,
которое ничего не объясняет», — заявил председательствующий судья Бахытжан Сарсенов, оглашая
постановление.

Адвокат Динара Жумабекова, защищающая студента, считает, что дело вообще не должно было дойти до
суда.

«Мой подзащитный поделился лекцией о посте. Эксперт положил её в одну папку с материалами,
которые действительно были враждебными, и никто в эту папку не заглянул», — сказала она Gazette
у здания суда.

До нового рассмотрения трое мужчин останутся под стражей. В прокуратуре заявили, что назначат
новую экспертизу с участием комиссии экспертов, и не исключили новых обвинений.

«Постановление касается процедуры, а не невиновности. Материалы по этому делу опасны, и
обвинение докажет это надлежащим образом», — сказал Gazette представитель городской прокуратуры.

Адвокаты, которые берутся за такие дела, говорят, что исход часто решает именно экспертиза.
Нурлан Абилов, исследователь алматинской организации «Форум правовой политики», которая
наблюдает за процессами по делам об экстремизме, говорит, что суды редко ставят заключения под
сомнение.

> «В большинстве приговоров, которые мы читаем, вывод эксперта слово в слово переписан в
> судебный акт. Судья превращается в нотариуса при эксперте», — сказал он.

По подсчётам форума, основанным на опубликованных приговорах, суды Казахстана осудили за
разжигание социальной, национальной или религиозной розни 212 человек в {year_3} году, 187 — в
{year_2} году и 164 — в {year_1} году. Оправдательные приговоры по-прежнему редкость: за три
года форум нашёл четыре.

Дата нового рассмотрения пока не назначена.
""",
        ),
    ),
)

ROADS_OFFICIAL = Story(
    section="crime-justice",
    authors=("madina-ospanova",),
    photo=PhotoData(
        scene="city_dusk",
        caption=(
            "Office towers in central Almaty, where the city’s roads department is based, on "
            "{date}."
        ),
        credit="Gazette/Asel Kenzhebayeva",
        alt_text="Office towers with lit windows in front of snow-capped mountains at dusk",
        days_before=1,
    ),
    tags=("corruption",),
    status="published",
    hours_ago=52,
    revised_hours_ago=40,
    english=Edition(
        language="en",
        headline=(
            "Anti-corruption officers detain deputy head of Almaty roads department over repair "
            "contracts"
        ),
        slug="anti-corruption-officers-detain-almaty-roads-official",
        standfirst=(
            "Investigators say contractors were paid for resurfacing streets that were never "
            "touched. The official’s lawyer says the acceptance certificates were signed by "
            "others."
        ),
        dateline="Almaty",
        body="""\
Officers of the anti-corruption agency have detained the deputy head of Almaty’s roads
department on suspicion of taking bribes from contractors who were paid for road repairs that
were never carried out.

The official, 47-year-old Almas Tokhtarov, was detained at his home early in the morning and
taken to the agency’s regional office. A court later ordered him held in custody for two months.

Investigators say that over two years contractors received 1.4 billion tenge for resurfacing 38
streets in the city’s Alatau and Nauryzbay districts, most of which were never repaired.
Acceptance certificates carried the signatures of department staff and photographs that,
according to the agency, were taken on other streets.

“We compared the certificates with satellite images and with the contractors’ own fuel records.
On many of these streets not a single lorry was ever seen,” agency spokeswoman Aizhan
Kemelbayeva told Gazette.

The directors of three contracting firms have also been detained. Investigators say one of them
has admitted paying the department a “commission” of 10% of each contract.

Mr Tokhtarov’s lawyer, Ruslan Ibraimov, said his client had not signed any of the disputed
certificates and had raised concerns about the contractors in writing.

“My client is the only person in this story who wrote memos asking for inspections. We will show
them to the court,” he told Gazette.

Residents of Nauryzbay have complained about their streets for years. Botagoz Amirova, who runs
a neighbourhood channel where residents post photographs of potholes, said she was not
surprised.

“Every spring we sent them pictures of the same holes. The city answered that the street had
been repaired last year. Now we know where the asphalt went,” she said.

> “Road repair is one of the most corruption-prone areas of city spending, because the work is
> hard to check once it is done. Satellite images and open data change that,” said Kanat
> Rakhimzhanov, an analyst at Open Budget Monitor, an Almaty group that tracks public spending.

According to figures the agency presented at a briefing, it registered 1,612 corruption offences
in {year_3}, 1,540 in {year_2} and 1,498 in {year_1}, while the share of cases involving public
procurement rose from 31% to 38%.

The city administration said it had suspended payments under every contract signed by the
department in the past two years until an audit is complete.
""",
    ),
)

TEENAGE_RECRUITS = Story(
    section="crime-justice",
    authors=("rustam-yuldashev",),
    photo=PhotoData(
        scene="foothills",
        caption="Apartment blocks in the south of Bishkek below the Ala-Too range on {date}.",
        credit="Gazette/Bakyt Usenov",
        alt_text="Apartment blocks and trees below snow-capped mountains",
        days_before=2,
    ),
    tags=("courts", "extremism"),
    status="published",
    hours_ago=98,
    english=Edition(
        language="en",
        headline=(
            "Bishkek court gives suspended sentences to two teenagers recruited online by an armed"
            " group"
        ),
        slug="bishkek-court-gives-suspended-sentences-to-teenagers-recruited-online",
        standfirst=(
            "The judge said the boys, aged 16 and 17, had been groomed for months through a gaming"
            " chat. Prosecutors had asked for five years in a juvenile colony."
        ),
        dateline="Bishkek",
        body="""\
A district court in Bishkek has given three-year suspended sentences to two teenagers convicted
of preparing to join an armed group abroad, ruling that they had been manipulated by adult
recruiters and posed little risk.

The boys, who were 16 and 17 when they were stopped at the airport last winter, were found
guilty of attempting to take part in the activities of a banned organisation. Their names have
been withheld because they are minors.

Judge Aibek Toktorov said the case file showed months of contact with recruiters who first
approached the boys in a chat attached to a popular online game, then moved the conversation to
an encrypted messenger and paid for their tickets.

“The court sees two children who were found, flattered and bought by adults who remain out of
reach. Prison would finish the work the recruiters started,” the judge said.

Prosecutors had asked for five years in a juvenile colony and said they were considering an
appeal.

The boys must report to a probation officer every week, stay in school and complete a state
rehabilitation programme with a psychologist and a theologian. The probation service will check
their phones and computers.

“My son cried when he heard the sentence. He understands now what he almost did,” the mother of
the younger boy, who asked not to be named, told Gazette outside the courtroom.

Defence lawyer Bermet Asanova said the ruling should become a model for similar cases.

“These boys never held a weapon. What they needed was an adult who talked to them before the
recruiters did,” she told Gazette.

> “Recruiters go where teenagers are: games, short videos, chats. They offer belonging first and
> ideology later,” said Tilek Mamytov, who studies online radicalisation at a university in
> Bishkek.

According to figures presented by the prosecution, police in Kyrgyzstan registered 38 cases of
online recruitment in {year_3}, 51 in {year_2} and 64 in {year_1}, and more than a third of
those targeted were under 18.
""",
    ),
)

SENTENCING_DRAFT = Story(
    section="crime-justice",
    authors=("dana-serikbayeva",),
    photo=PhotoData(
        scene="capital_night",
        caption="The skyline of Astana at night on {date}.",
        credit="Gazette/Daniyar Omarov",
        alt_text="A tall tower crowned by a golden sphere among lit apartment blocks at night",
    ),
    tags=("courts", "online-fraud"),
    status="draft",
    hours_ago=None,
    english=Edition(
        language="en",
        headline="Supreme Court drafts sentencing guidelines for internet fraud",
        slug="supreme-court-drafts-sentencing-guidelines-for-internet-fraud",
        standfirst=(
            "Draft guidance would ask judges to weigh the number of victims as well as the sum "
            "stolen."
        ),
        dateline="Astana",
        body="""\
The Supreme Court has circulated draft guidance to judges on sentencing in internet fraud cases,
asking them to weigh the number of victims and their vulnerability as well as the sum stolen.

(Still to confirm: the date of the plenary session and whether the draft will be published for
comment.)

“Today a scheme that robbed nine hundred pensioners can be sentenced like one large theft. The
guidance is meant to end that,” a judge involved in the drafting told Gazette.
""",
    ),
)

# ---------------------------------------------------------------- Politics

FRAUD_LAW = Story(
    section="politics",
    authors=("dana-serikbayeva", "madina-ospanova"),
    photo=PhotoData(
        scene="parliament",
        caption=(
            "The parliament building in Astana on {date}, the day deputies voted on the online "
            "fraud law."
        ),
        credit="Gazette/Daniyar Omarov",
        alt_text="A white government building with a turquoise dome between two flags",
    ),
    tags=("parliament", "online-fraud"),
    status="published",
    hours_ago=20,
    english=Edition(
        language="en",
        headline="Parliament passes online fraud law that makes banks hold suspicious transfers",
        slug="parliament-passes-online-fraud-law",
        standfirst=(
            "Banks will have to hold a payment for up to 48 hours when it matches a known fraud "
            "pattern, and mobile operators must block spoofed numbers. Digital rights groups say "
            "the law lets banks see too much."
        ),
        dateline="Astana",
        body="""\
The lower house of parliament has passed a law on online fraud that obliges banks to hold
suspicious transfers for up to 48 hours and to repay customers when they fail to do so. The bill
now goes to the Senate, which is expected to vote on it within a month.

Under the law, a bank must pause a transfer that matches patterns drawn up by the national bank,
such as a first payment to a new recipient made minutes after a long phone call, or a large
online loan followed at once by a transfer to a stranger.

The key provision reads:

> A bank shall suspend a transfer that shows signs of fraud for no longer than forty-eight hours
> and shall inform the client through a channel other than the one used to order the transfer.

“For the first time a bank becomes responsible not only for moving money but for asking a simple
question: is this really you?” deputy Asem Dauletova, who chaired the working group on the bill,
told Gazette.

Mobile operators will have to block calls from spoofed numbers, including those of banks and the
police, and keep a register of numbers used for business calls. People who sell or rent out
their bank cards to fraudsters, known as “drops”, will face up to five years in prison.

Banks broadly support the law but say the deadline is tight. Timur Kassymov, director of the
banking association, said its members would need at least nine months to rebuild their systems.

“We are not against holding payments. We are against being told to build it all by January under
rules that have not been written yet,” he told Gazette.

Digital rights groups are worried about how much the banks will see. To spot fraud, banks will
be allowed to learn from mobile operators whether a client is on a call at the moment of a
payment.

“A payment system that knows when you are on the phone, and with whom, is a surveillance system,
however good the intentions,” said Olzhas Nurmagambetov of the Digital Rights Centre, an Almaty
non-profit. “The law says nothing about how long that data is kept.”

Ms Dauletova said that only the fact of a call would be shared, not its content or the other
party, and that the data would be deleted after 30 days.

Losses from online fraud have grown steadily. According to figures presented to the working
group, bank customers lost 11.2 billion tenge in {year_3}, 14.8 billion in {year_2} and 19.6
billion in {year_1}. Fewer than one victim in ten got any of the money back.

If the Senate approves the bill and the president signs it, most of its provisions will take
effect six months after publication.
""",
    ),
    translations=(
        Edition(
            language="ru",
            headline=(
                "Парламент принял закон об онлайн-мошенничестве: банки будут задерживать "
                "подозрительные переводы"
            ),
            slug="парламент-принял-закон-об-онлайн-мошенничестве",
            standfirst=(
                "Банки должны будут задерживать платёж на срок до 48 часов, если он похож на "
                "известную мошенническую схему, а операторы связи — блокировать подменные номера. "
                "Правозащитники считают, что закон позволяет банкам знать слишком много."
            ),
            dateline="Астана",
            hours_after_original=2,
            body="""\
Нижняя палата парламента приняла закон об онлайн-мошенничестве, который обязывает банки
задерживать подозрительные переводы на срок до 48 часов и возмещать клиентам ущерб, если они
этого не сделали. Теперь законопроект поступит в Сенат, который, как ожидается, проголосует по
нему в течение месяца.

Согласно закону, банк должен приостановить перевод, если он соответствует признакам,
утверждённым Национальным банком, — например, первый платёж новому получателю через несколько
минут после долгого телефонного разговора или крупный онлайн-кредит, сразу же переведённый
незнакомому человеку.

Ключевое положение закона гласит:

> Банк приостанавливает перевод, имеющий признаки мошенничества, на срок не более сорока восьми
> часов и уведомляет клиента по каналу, отличному от того, через который было дано поручение.

«Впервые банк отвечает не только за то, чтобы перевести деньги, но и за то, чтобы задать простой
вопрос: это действительно вы?» — сказала Gazette депутат Асем Даулетова, возглавлявшая рабочую
группу по законопроекту.

Операторы мобильной связи должны будут блокировать звонки с подменных номеров, в том числе
номеров банков и полиции, и вести реестр номеров, используемых для деловых звонков. Тем, кто
продаёт или сдаёт в аренду свои банковские карты мошенникам, так называемым «дропам», грозит до
пяти лет лишения свободы.

Банки в целом поддерживают закон, но считают сроки слишком сжатыми. По словам директора
ассоциации банков Тимура Касымова, участникам рынка понадобится не менее девяти месяцев, чтобы
перестроить свои системы.

«Мы не против задержки платежей. Мы против того, чтобы нас обязывали построить всё к январю по
правилам, которые ещё не написаны», — сказал он Gazette.

Правозащитников беспокоит, сколько будут видеть банки. Чтобы выявлять мошенничество, банкам
разрешат узнавать у операторов связи, разговаривает ли клиент по телефону в момент платежа.

«Платёжная система, которая знает, когда и с кем вы говорите по телефону, — это система слежки,
какими бы благими ни были намерения, — говорит Олжас Нурмагамбетов из алматинской некоммерческой
организации „Центр цифровых прав“. — В законе ничего не сказано о том, как долго хранятся эти
данные».

Даулетова заявила, что передаваться будет только сам факт звонка — без его содержания и без
сведений о собеседнике, — а данные будут удаляться через 30 дней.

Потери от онлайн-мошенничества неуклонно растут. По данным, представленным рабочей группе,
клиенты банков потеряли 11,2 млрд тенге в {year_3} году, 14,8 млрд — в {year_2} году и 19,6 млрд
— в {year_1} году. Хотя бы часть денег вернул меньше чем каждый десятый пострадавший.

Если Сенат одобрит законопроект, а президент его подпишет, большинство норм вступят в силу через
шесть месяцев после официального опубликования.
""",
        ),
        Edition(
            language="kk",
            headline=(
                "Парламент онлайн-алаяқтық туралы заң қабылдады: банктер күдікті аударымдарды "
                "тоқтатады"
            ),
            slug="парламент-онлайн-алаяқтық-туралы-заң-қабылдады",
            standfirst=(
                "Егер төлем белгілі алаяқтық схемасына ұқсаса, банктер оны 48 сағатқа дейін "
                "тоқтатуға, ал ұялы байланыс операторлары жалған нөмірлерді бұғаттауға міндетті "
                "болады. Құқық қорғаушылар заң банктерге тым көп нәрсені көруге мүмкіндік береді "
                "деп санайды."
            ),
            dateline="Астана",
            hours_after_original=5,
            body="""\
Парламенттің төменгі палатасы онлайн-алаяқтық туралы заң қабылдады. Заң банктерді күдікті
аударымдарды 48 сағатқа дейін тоқтатуға, ал мұны істемеген жағдайда клиенттерге шығынды өтеуге
міндеттейді. Енді заң жобасы Сенатқа жіберіледі, Сенат ол бойынша бір ай ішінде дауыс береді деп
күтілуде.

Заңға сәйкес, егер аударым Ұлттық банк бекіткен белгілерге сәйкес келсе, банк оны тоқтатуы тиіс.
Мысалы, ұзақ телефон әңгімесінен бірнеше минут өткен соң жаңа алушыға жасалған алғашқы төлем
немесе бейтаныс адамға бірден аударылған ірі онлайн-несие.

Заңның негізгі ережесінде былай делінген:

> Банк алаяқтық белгілері бар аударымды қырық сегіз сағаттан аспайтын мерзімге тоқтатады және
> клиентке тапсырма берілген арнадан өзге арна арқылы хабарлайды.

«Банк алғаш рет тек ақша аударуға ғана емес, қарапайым сұрақ қоюға да жауапты болады: бұл
шынымен сізсіз бе?» — деді Gazette-ке заң жобасы бойынша жұмыс тобын басқарған депутат Әсем
Дәулетова.

Ұялы байланыс операторлары жалған нөмірлерден, соның ішінде банктер мен полицияның нөмірлерінен
келетін қоңырауларды бұғаттап, іскерлік қоңыраулар үшін пайдаланылатын нөмірлердің тізілімін
жүргізуге тиіс. Өз банк карталарын алаяқтарға сататын немесе жалға беретін, «дроптар» деп
аталатын адамдар бес жылға дейін бас бостандығынан айырылуы мүмкін.

Банктер заңды жалпы қолдайды, бірақ мерзімі тым қысқа дейді. Банктер қауымдастығының директоры
Тимур Қасымовтың айтуынша, нарық қатысушыларына жүйелерін қайта құруға кемінде тоғыз ай қажет.

«Біз төлемдерді тоқтатуға қарсы емеспіз. Біз әлі жазылмаған ережелер бойынша бәрін қаңтарға
дейін құруға міндеттелуге қарсымыз», — деді ол Gazette-ке.

Құқық қорғаушылар банктер қаншалықты көп нәрсе көретініне алаңдайды. Алаяқтықты анықтау үшін
банктерге клиенттің төлем сәтінде телефонмен сөйлесіп тұрғанын байланыс операторларынан білуге
рұқсат беріледі.

«Сіздің қашан және кіммен телефонмен сөйлесетініңізді білетін төлем жүйесі — ниеті қаншалықты
игі болса да, бақылау жүйесі, — дейді алматылық „Цифрлық құқықтар орталығы“ коммерциялық емес
ұйымының өкілі Олжас Нұрмағамбетов. — Заңда бұл деректердің қанша уақыт сақталатыны туралы
ештеңе айтылмаған».

Дәулетованың айтуынша, қоңыраудың мазмұны да, әңгімелесуші туралы мәлімет те берілмейді, тек
қоңыраудың болған фактісі ғана беріледі, ал деректер 30 күннен кейін жойылады.

Онлайн-алаяқтықтан келетін шығын тұрақты өсіп келеді. Жұмыс тобына ұсынылған деректер бойынша,
банк клиенттері {year_3} жылы 11,2 млрд теңге, {year_2} жылы 14,8 млрд теңге, ал {year_1} жылы
19,6 млрд теңге жоғалтқан. Жәбірленушілердің оннан бірінен азы ғана ақшасының бір бөлігін
қайтара алған.

Егер Сенат заң жобасын мақұлдап, Президент оған қол қойса, нормалардың көпшілігі ресми
жарияланғаннан кейін алты айдан соң күшіне енеді.
""",
        ),
    ),
)

OPEN_RULINGS = Story(
    section="politics",
    authors=("dana-serikbayeva",),
    photo=PhotoData(
        scene="chamber",
        caption=(
            "Deputy Gaukhar Ismailova presents the draft amendments in the lower house of "
            "parliament in Astana on {date}."
        ),
        credit="Gazette/Daniyar Omarov",
        alt_text="A speaker at a podium facing curved rows of desks",
        days_before=1,
    ),
    tags=("parliament", "courts", "human-rights"),
    status="published",
    hours_ago=74,
    english=Edition(
        language="en",
        headline="Deputies split over plan to publish every court ruling online with names removed",
        slug="deputies-split-over-plan-to-publish-every-court-ruling",
        standfirst=(
            "Supporters say open judgments are the cheapest check on judges. Opponents fear that "
            "removing names will not be enough to protect victims and witnesses."
        ),
        dateline="Astana",
        body="""\
A proposal to publish every court ruling online within ten days of it taking effect has divided
deputies, with supporters calling it the simplest way to make courts accountable and opponents
warning that it could expose victims and witnesses.

The draft amendments, submitted by a group of deputies, would require courts to publish all
judgments in civil, criminal and administrative cases, with the names of private individuals
replaced by initials and addresses removed. Courts now publish only some of their rulings, and
the choice is largely theirs.

“Judges write better when they know their words will be read. Publication costs almost nothing,
and it is the cheapest check on a judge there is,” deputy Gaukhar Ismailova, one of the authors,
told Gazette.

Her colleague Bolat Kenzhegaliyev said he supported openness in principle but not this draft.

“In a small town, initials are a name. A ruling in a domestic violence case that mentions the
street, the school and the husband’s job identifies the woman to everyone who lives there,” he
told Gazette.

The draft excludes cases involving minors, sexual offences and state secrets, and allows a party
to ask the court to withhold a ruling. Critics say the list should be longer and that the
decision should not rest with the judge who wrote the ruling.

> “Anonymisation is not a matter of deleting names. It is editorial work, and courts have
> neither the staff nor the training for it,” said Zhanar Utepova, a lawyer who represents
> victims of domestic violence.

According to figures presented to the working group, courts published 34% of their rulings in
{year_3}, 41% in {year_2} and 47% in {year_1}. Criminal judgments were published least often.

The legislation committee is due to discuss the draft again next month.
""",
    ),
)

CIVIC_GROUPS = Story(
    section="politics",
    authors=("rustam-yuldashev",),
    photo=PhotoData(
        scene="tashkent_portal",
        caption="Visitors outside a historic madrasa in the centre of Tashkent on {date}.",
        credit="Gazette/Nodira Karimova",
        alt_text="A tiled portal with a deep blue arch between two slender minarets",
        days_before=3,
    ),
    tags=("human-rights",),
    status="published",
    hours_ago=122,
    english=Edition(
        language="en",
        headline="Uzbekistan proposes simpler rules for registering civic groups",
        slug="uzbekistan-proposes-simpler-rules-for-registering-civic-groups",
        standfirst=(
            "A draft law published for comment would halve the registration fee and give officials"
            " 30 days to decide. Activists welcome it but say the rules on foreign grants matter "
            "more."
        ),
        dateline="Tashkent",
        body="""\
Uzbekistan’s justice ministry has published a draft law that would make it easier to register
non-governmental organisations, and opened it to public comment for a month.

Under the draft, the registration fee would be halved, officials would have 30 days to decide on
an application instead of two months, and a refusal would have to cite the specific provision an
application breaches. Groups could also apply online.

“Our aim is that neighbours who want to clean up their park can register a group within a month,
without hiring a lawyer,” Dilshod Rakhimov, deputy head of the ministry’s department for
non-governmental organisations, told Gazette.

The draft keeps the requirement that organisations notify the ministry before spending foreign
grants, a rule that activists say gives officials a veto over most independent work.

“Registration was never the main problem. The problem is the permission you need every time
money arrives from abroad,” said Malika Yusupova, who runs a group supporting women with
disabilities in Tashkent. “The draft does not touch that.”

Lawyer Farrukh Ergashev said the new deadline was an improvement but warned that the grounds for
refusal still included vague terms such as “contrary to national values”.

> “A vague ground for refusal is an invitation to refuse. A deadline only helps if the reasons
> are clear,” he said.

According to the ministry, it received 1,240 applications in {year_3}, 1,310 in {year_2} and
1,455 in {year_1}, and refused between a fifth and a quarter of them each year. Most refusals
cited errors in documents.

Comments on the draft can be submitted through the government’s legal portal until the end of
next month.
""",
    ),
)

TURNOUT = Story(
    section="politics",
    authors=("dana-serikbayeva",),
    photo=PhotoData(
        scene="press_room",
        caption="Members of the central election commission at a briefing in Astana on {date}.",
        credit="Gazette/Daniyar Omarov",
        alt_text="Two officials behind a table with microphones and a ballot box",
    ),
    tags=("parliament",),
    status="scheduled",
    hours_ago=-30,
    english=Edition(
        language="en",
        headline="Election commission publishes final turnout for local council elections",
        slug="election-commission-publishes-final-turnout",
        standfirst=(
            "Turnout fell below 40% in the largest cities. Observers have asked for results by "
            "polling station."
        ),
        dateline="Astana",
        body="""\
The central election commission has published the final turnout for elections to local councils,
confirming that fewer than two in five voters took part in the largest cities.

“Low turnout is a message in itself. Publishing results for every polling station is the least
the commission can do to show that every vote was counted,” said Aruzhan Sagyndykova, who
coordinated a group of independent observers.
""",
    ),
)

# ---------------------------------------------------------------- Economy, Society, Culture

MARKET_RULE = Story(
    section="economy",
    authors=("madina-ospanova",),
    photo=PhotoData(
        scene="market",
        caption=(
            "Traders and shoppers at the central market in Shymkent on {date}. Gulbakhyt "
            "Abdullayeva’s dried fruit stall is second from left."
        ),
        credit="Gazette/Yerlan Zhaksylykov",
        alt_text="Market stalls under striped awnings with crates of fruit",
    ),
    tags=(),
    status="published",
    hours_ago=46,
    english=Edition(
        language="en",
        headline="Shymkent market traders fear a new cashless rule will drive customers away",
        slug="shymkent-market-traders-fear-new-cashless-rule",
        standfirst=(
            "From January, stallholders must accept QR payments and record every sale through an "
            "online cash register. Traders say their older customers still pay in cash."
        ),
        dateline="Shymkent",
        body="""\
Traders at Shymkent’s largest market say a new rule requiring them to accept cashless payments
and record every sale electronically will raise their costs and push customers towards
unregistered sellers in the streets nearby.

From January, every stall will need an online cash register connected to the tax authority and a
QR code for card and phone payments. Traders who do not comply face fines.

“Half of my customers are pensioners. They come with cash from their pension, they count it out
on the counter, they do not want a QR code,” said Gulbakhyt Abdullayeva, who has sold dried
fruit and nuts at the market for 19 years.

The tax department says the rule is about fairness rather than revenue.

“A shop across the street pays tax on every sale. A stall in the market with the same turnover
often pays a flat sum that reflects nothing. That is not fair to the shop,” Nurzhan Bekov, who
heads the department’s small business division, told Gazette.

Banks charge traders a fee of around 1% on QR payments, and a basic cash register subscription
costs about 3,000 tenge a month.

> “For a trader with a margin of ten or fifteen percent, a one percent fee is not small. The
> rule would be easier to accept if the fee were waived for the first year,” said Aidos Sarybay,
> an economist in Shymkent who studies small businesses.

Cashless payment is already common among younger shoppers. According to a survey by the regional
chamber of entrepreneurs, the share of sales at the market paid by card or phone rose from 22%
in {year_3} to 35% in {year_2} and 48% in {year_1}.

Some traders are already adapting. At the stall next to Ms Abdullayeva’s, a young spice seller
has taped two QR codes to his scales.

“Customers ask for it. If I do not have it, they walk to the next stall,” he said.
""",
    ),
)

SCAM_HOTLINE = Story(
    section="society",
    authors=("madina-ospanova",),
    photo=PhotoData(
        scene="advice_desk",
        caption=(
            "Law student Kamila Zhakenova (right) takes a call on the clinic’s hotline in Almaty "
            "on {date}."
        ),
        credit="Gazette/Asel Kenzhebayeva",
        alt_text="Two people at a desk in a bright room with a window onto the mountains",
        days_before=2,
    ),
    tags=("online-fraud",),
    status="published",
    hours_ago=144,
    english=Edition(
        language="en",
        headline="Law students in Almaty run a hotline for victims of phone scams",
        slug="law-students-in-almaty-run-a-hotline-for-phone-scam-victims",
        standfirst=(
            "The volunteers help callers block cards, write to banks and report crimes to the "
            "police. Most of the people who call are over 60."
        ),
        dateline="Almaty",
        body="""\
Every weekday evening, six law students sit down at a long table in a university classroom in
Almaty, open their laptops and wait for the phone to ring. Most of the people who call have just
lost money to fraudsters.

The hotline, run by the university’s legal clinic, opened a year ago and now takes about 40
calls a week. The students help callers block their cards, write to their banks, report the
crime to the police and, when a case reaches court, claim compensation.

“People call feeling ashamed. The first thing we say is that it is not their fault, and the
second is that every minute counts,” said Kamila Zhakenova, a fourth-year student who has
volunteered since the first week.

The clinic’s supervisor, retired judge Sergei Polyakov, reads every letter before it is sent.

“Banks answer a letter that cites the right article of the law within a week. They answer a
complaint that begins with emotions in a month, if at all,” he told Gazette.

Most callers are older. Of about 1,900 calls logged since the hotline opened, 61% came from
people over 60, and in a third of cases the fraudsters had posed as bank security staff or
police officers.

> “The sentence we hear most often is: they knew my name and my card number, so I believed
> them,” said Ms Zhakenova.

The students have also started visiting community centres to talk to pensioners about the most
common scripts. The clinic says it needs more volunteers who speak Kazakh, as calls in Kazakh
now make up about half of the total.
""",
    ),
)

NINTH_WITNESS = Story(
    section="culture",
    authors=("madina-ospanova",),
    photo=PhotoData(
        scene="theatre",
        caption=(
            "Actors Yerlan Kassenov and Aigul Sembayeva rehearse a scene from The Ninth Witness in"
            " Almaty on {date}."
        ),
        credit="Gazette/Asel Kenzhebayeva",
        alt_text="Two actors on a stage under a spotlight between red curtains",
        days_before=4,
    ),
    tags=("courts",),
    status="published",
    hours_ago=170,
    english=Edition(
        language="en",
        headline="Almaty theatre turns a forgotten 1990s trial into a courtroom drama",
        slug="almaty-theatre-turns-forgotten-1990s-trial-into-courtroom-drama",
        standfirst=(
            "The Ninth Witness follows a week-long murder trial from 1997, built from transcripts "
            "the director found in a family archive. The audience sits where the public gallery "
            "would be."
        ),
        dateline="Almaty",
        body="""\
A small Almaty theatre has opened its season with a play built almost entirely from the
transcripts of a murder trial held in the city in 1997, in which a young factory worker was
convicted on the testimony of eight witnesses and acquitted on appeal after a ninth came
forward.

*The Ninth Witness* is played on a bare stage laid out as a courtroom. The audience sits on
benches where the public gallery would be, and the actors speak the words of the transcript with
few changes.

Director Zarina Bekmukhambetova found the papers in the archive of her grandfather, who had been
a court clerk.

“I did not have to invent a single line of conflict. The transcript already has everything:
fear, pride, a judge who is tired, a lawyer who is brilliant for ten minutes a day,” she told
Gazette.

The production changes the names of everyone involved and adds only a short prologue and
epilogue. The man who was acquitted, who is still alive, agreed to the staging but has declined
to see it.

> JUDGE: Why did you not come forward earlier?
>
> WITNESS: Because nobody asked me. Everyone was so sure.

The exchange, taken word for word from the transcript, is the moment when the audience usually
falls silent.

Yerlan Kassenov, who plays the judge, said the role had changed the way he thinks about courts.

“On paper the judge looks cold. When you read him aloud for two hours, you hear a man trying
very hard not to make a mistake, and making one anyway,” he told Gazette.

The play runs on Fridays and Saturdays until the end of the season, in Russian and, from next
month, in Kazakh.
""",
    ),
)

STORIES = (
    ONLINE_SCHEME,
    TASHKENT_NOTARY,
    EXTREMISM_RETRIAL,
    ROADS_OFFICIAL,
    TEENAGE_RECRUITS,
    SENTENCING_DRAFT,
    FRAUD_LAW,
    OPEN_RULINGS,
    CIVIC_GROUPS,
    TURNOUT,
    MARKET_RULE,
    SCAM_HOTLINE,
    NINTH_WITNESS,
)
