"""The Comment Policy a new install starts with, in every edition's language.

This is content, not interface text: it is written out in English, Russian, Kazakh and Uzbek
here and loaded into the database by `manage.py load_comment_policy`, after which staff change it
in the admin by drafting and publishing a new version. Uzbek is written in the Latin alphabet; the
Cyrillic edition gets the same text written in Cyrillic, so the two scripts never disagree.
"""

# Russian and Kazakh text is Cyrillic by design.
# ruff: noqa: RUF001

from __future__ import annotations

from typing import TypedDict

from gazette.core.transliteration import uzbek_latin_to_cyrillic


class Text(TypedDict):
    title: str
    text: str
    examples: list[str]


class ClauseData(TypedDict):
    key: str
    en: Text
    ru: Text
    kk: Text


UZBEK_SUMMARY = "Izohlar qoidalarining birinchi eʼlon qilingan versiyasi."

UZBEK_PREAMBLE = (
    "Izohlar oʻquvchilar materiallarimizni bir-biri bilan va biz bilan muhokama qila "
    "olishlari uchun ochiq. Bu qoidalar nimaga ruxsat berilmasligini va qarorlarni "
    "qanday qabul qilishimizni tushuntiradi. Har bir izoh yuborilganda avtomatik "
    "tekshiriladi; baʼzilari moderator oʻqib chiqquncha ushlab turiladi. Izohni olib "
    "tashlagan moderator u buzgan bandni koʻrsatadi; muallifga qaysi band va nima "
    "uchun ekani aytiladi, u qaror ustidan bir marta apellyatsiya berishi mumkin. "
    "Apellyatsiyani qarorda ishtirok etmagan katta moderator hal qiladi. Har oy har "
    "bir band boʻyicha nechta izoh olib tashlanganini eʼlon qilamiz."
)

SUMMARY = {
    "en": "The first published version of the Comment Policy.",
    "ru": "Первая опубликованная редакция Правил комментирования.",
    "kk": "Пікір жазу ережелерінің алғашқы жарияланған нұсқасы.",
    "uz": UZBEK_SUMMARY,
    "uz-cyrl": uzbek_latin_to_cyrillic(UZBEK_SUMMARY),
}

PREAMBLE = {
    "en": (
        "Comments are open so that readers can discuss our reporting with each other and with "
        "us. These rules say what is not allowed and how we decide. Every comment is screened "
        "automatically when it is posted; some are held until a moderator has read them. A "
        "moderator who removes a comment cites the clause it broke; the author is told which "
        "clause and why, and may appeal once. A senior moderator who took no part in the "
        "decision decides the appeal. Every month we publish how many comments were removed "
        "under each clause."
    ),
    "ru": (
        "Комментарии открыты, чтобы читатели могли обсуждать наши материалы друг с другом и с "
        "нами. Эти правила описывают, что запрещено и как мы принимаем решения. Каждый "
        "комментарий при публикации проходит автоматическую проверку; некоторые задерживаются, "
        "пока их не прочтёт модератор. Удаляя комментарий, модератор указывает нарушенный "
        "пункт; автор узнаёт, какой пункт и почему, и может один раз обжаловать решение. "
        "Жалобу рассматривает старший модератор, не участвовавший в решении. Каждый месяц мы "
        "публикуем, сколько комментариев удалено по каждому пункту."
    ),
    "kk": (
        "Пікірлер оқырмандар біздің материалдарымызды бір-бірімен және бізбен талқылай алуы "
        "үшін ашық. Бұл ережелер неге тыйым салынатынын және шешімді қалай қабылдайтынымызды "
        "түсіндіреді. Әр пікір жарияланған кезде автоматты түрде тексеріледі; кейбірі модератор "
        "оқығанша ұсталады. Пікірді өшірген модератор бұзылған тармақты көрсетеді; автор қай "
        "тармақ және неге екенін біледі және шешімге бір рет шағымдана алады. Шағымды шешімге "
        "қатыспаған аға модератор қарайды. Ай сайын әр тармақ бойынша қанша пікір өшірілгенін "
        "жариялаймыз."
    ),
    "uz": UZBEK_PREAMBLE,
    "uz-cyrl": uzbek_latin_to_cyrillic(UZBEK_PREAMBLE),
}

CLAUSES: list[ClauseData] = [
    {
        "key": "violence",
        "en": {
            "title": "No incitement to violence or terrorism",
            "text": (
                "Do not call for, threaten, justify or glorify violence, terrorist acts or the "
                "people who commit them, and do not share the propaganda or recruitment material "
                "of banned organisations. Discussing such events and reporting on them, "
                "including criticism of how the authorities respond, is welcome."
            ),
            "examples": [
                "Calls to attack a person, a group, a building or an event.",
                "Praise for the perpetrators of an attack, or calling them heroes or martyrs.",
                (
                    "Links to the propaganda of banned organisations, or quotes from it, "
                    "shared approvingly."
                ),
            ],
        },
        "ru": {
            "title": "Никаких призывов к насилию и терроризму",
            "text": (
                "Не призывайте к насилию, не угрожайте им, не оправдывайте и не восхваляйте "
                "насилие, террористические акты и тех, кто их совершает, не распространяйте "
                "пропаганду и вербовочные материалы запрещённых организаций. Обсуждать такие "
                "события и писать о них, в том числе критиковать действия властей, можно."
            ),
            "examples": [
                "Призывы напасть на человека, группу людей, здание или мероприятие.",
                "Восхваление исполнителей нападения, называние их героями или мучениками.",
                "Ссылки на пропаганду запрещённых организаций или цитаты из неё с одобрением.",
            ],
        },
        "kk": {
            "title": "Зорлық-зомбылық пен терроризмге үндеуге тыйым салынады",
            "text": (
                "Зорлық-зомбылыққа және террорлық әрекеттерге шақырмаңыз, олармен қорқытпаңыз, "
                "оларды ақтамаңыз және дәріптемеңіз, оларды жасаған адамдарды мадақтамаңыз. "
                "Тыйым салынған ұйымдардың үгіт-насихатын және адам тарту материалдарын "
                "таратпаңыз. Мұндай оқиғаларды талқылауға және олар туралы жазуға, соның ішінде "
                "билік әрекеттерін сынауға болады."
            ),
            "examples": [
                "Адамға, топқа, ғимаратқа немесе іс-шараға шабуыл жасауға шақыру.",
                "Шабуыл жасағандарды мадақтау, оларды батыр немесе шейіт деп атау.",
                (
                    "Тыйым салынған ұйымдардың үгіт-насихатына сілтемені немесе одан үзіндіні "
                    "қолдап бөлісу."
                ),
            ],
        },
    },
    {
        "key": "hate",
        "en": {
            "title": "No hate speech",
            "text": (
                "Do not attack or demean people, or call for discrimination against them, "
                "because of their ethnicity, nationality, religion, language, sex, age, "
                "disability or other characteristics they share with others. Do not use slurs, "
                "including disguised ones."
            ),
            "examples": [
                "Describing a nation or a faith as vermin, a disease or criminal by nature.",
                "Slurs for an ethnic group, even with letters replaced or spaced out.",
                (
                    "Calls to expel people, shut them out or strip them of rights because of "
                    "who they are."
                ),
            ],
        },
        "ru": {
            "title": "Никакого языка вражды",
            "text": (
                "Не нападайте на людей, не унижайте их и не призывайте к их дискриминации из-за "
                "этнического происхождения, национальности, религии, языка, пола, возраста, "
                "инвалидности или других признаков, общих с другими людьми. Не используйте "
                "оскорбительные прозвища, в том числе замаскированные."
            ),
            "examples": [
                (
                    "Сравнение народа или веры с паразитами, болезнью или «прирождёнными "
                    "преступниками»."
                ),
                (
                    "Оскорбительные прозвища этнических групп, даже с заменёнными буквами или "
                    "пробелами."
                ),
                "Призывы выгнать людей, изолировать их или лишить прав из-за того, кто они.",
            ],
        },
        "kk": {
            "title": "Өшпенділік тіліне жол берілмейді",
            "text": (
                "Адамдарға этникалық тегі, ұлты, діні, тілі, жынысы, жасы, мүгедектігі немесе "
                "басқалармен ортақ өзге белгілері үшін шабуыл жасамаңыз, оларды кемсітпеңіз "
                "және оларды кемсітуге шақырмаңыз. Қорлайтын лақап аттарды, соның ішінде "
                "бүркемеленгендерін де қолданбаңыз."
            ),
            "examples": [
                (
                    "Ұлтты немесе дінді зиянкестермен, аурумен немесе «туа біткен "
                    "қылмыскерлермен» салыстыру."
                ),
                (
                    "Этникалық топтарға арналған қорлайтын лақап аттар, тіпті әріптері "
                    "ауыстырылған немесе бос орынмен бөлінген болса да."
                ),
                (
                    "Адамдарды кім екені үшін қуып шығуға, оқшаулауға немесе құқығынан айыруға "
                    "шақыру."
                ),
            ],
        },
    },
    {
        "key": "attacks",
        "en": {
            "title": "No personal attacks or harassment",
            "text": (
                "Criticise arguments, not people. Do not insult, mock, threaten or pursue other "
                "readers, the people in our reports or our journalists, and do not use obscene "
                "language against anyone."
            ),
            "examples": [
                "Name-calling aimed at another commenter.",
                "Following a reader from thread to thread to answer every comment they post.",
                "Insults about the looks or the family of a person named in an article.",
            ],
        },
        "ru": {
            "title": "Никаких личных оскорблений и травли",
            "text": (
                "Критикуйте доводы, а не людей. Не оскорбляйте, не высмеивайте, не запугивайте "
                "и не преследуйте других читателей, героев наших материалов или наших "
                "журналистов, не используйте нецензурную брань в чей-либо адрес."
            ),
            "examples": [
                "Обзывательства в адрес другого комментатора.",
                (
                    "Преследование читателя из обсуждения в обсуждение с ответами на каждый его "
                    "комментарий."
                ),
                "Оскорбления внешности или семьи человека, упомянутого в статье.",
            ],
        },
        "kk": {
            "title": "Жеке басқа тіл тигізуге және қудалауға жол берілмейді",
            "text": (
                "Адамды емес, уәжді сынаңыз. Басқа оқырмандарды, материалдарымыздың "
                "кейіпкерлерін немесе журналистерімізді қорламаңыз, мазақтамаңыз, қорқытпаңыз "
                "және қудаламаңыз, ешкімге қарата балағат сөз айтпаңыз."
            ),
            "examples": [
                "Басқа пікір авторын балағаттау.",
                (
                    "Бір оқырманның соңынан талқылаудан талқылауға еріп, оның әр пікіріне жауап "
                    "жазу."
                ),
                "Мақалада аталған адамның сырт келбетін немесе отбасын қорлау.",
            ],
        },
    },
    {
        "key": "spam",
        "en": {
            "title": "No spam or advertising",
            "text": (
                "Do not post advertising, commercial offers, chain messages or the same text "
                "over and over, and do not post links that have nothing to do with the "
                "discussion. Posting the same message from several accounts to push it counts "
                "as spam."
            ),
            "examples": [
                "Offers of loans, betting, cryptocurrency schemes or paid services.",
                "The same comment posted under several articles.",
                "A link to a channel or a shop with no bearing on the article.",
            ],
        },
        "ru": {
            "title": "Никакого спама и рекламы",
            "text": (
                "Не публикуйте рекламу, коммерческие предложения, письма счастья или один и тот "
                "же текст снова и снова, не оставляйте ссылок, не связанных с обсуждением. "
                "Публикация одного и того же сообщения с нескольких учётных записей ради его "
                "продвижения тоже считается спамом."
            ),
            "examples": [
                "Предложения займов, ставок, криптовалютных схем или платных услуг.",
                "Один и тот же комментарий под несколькими статьями.",
                "Ссылка на канал или магазин, не имеющая отношения к статье.",
            ],
        },
        "kk": {
            "title": "Спамға және жарнамаға тыйым салынады",
            "text": (
                "Жарнаманы, коммерциялық ұсыныстарды, тізбекті хаттарды немесе бір мәтінді "
                "қайта-қайта жарияламаңыз, талқылауға қатысы жоқ сілтемелер қалдырмаңыз. Бір "
                "хабарды насихаттау үшін оны бірнеше есептік жазбадан жариялау да спам болып "
                "саналады."
            ),
            "examples": [
                (
                    "Несие, бәс тігу, криптовалюта схемалары немесе ақылы қызметтер туралы "
                    "ұсыныстар."
                ),
                "Бір пікірді бірнеше мақаланың астына жариялау.",
                "Мақалаға қатысы жоқ арнаға немесе дүкенге сілтеме.",
            ],
        },
    },
    {
        "key": "privacy",
        "en": {
            "title": "No doxxing or private information",
            "text": (
                "Do not publish anyone's home address, phone number, identity document numbers, "
                "private photographs or other details that would let others find or identify "
                "them. Never identify victims of crime, witnesses or children, even if you "
                "believe you know who they are."
            ),
            "examples": [
                "The home address or workplace of a judge, a defendant or a reader.",
                "The name of a minor involved in a criminal case.",
                "A screenshot of someone's private messages.",
            ],
        },
        "ru": {
            "title": "Никакого раскрытия личных данных",
            "text": (
                "Не публикуйте чужие домашние адреса, номера телефонов, данные удостоверений "
                "личности, личные фотографии или другие сведения, по которым человека можно "
                "найти или опознать. Никогда не называйте пострадавших от преступлений, "
                "свидетелей и детей, даже если вам кажется, что вы знаете, кто они."
            ),
            "examples": [
                "Домашний адрес или место работы судьи, подсудимого или читателя.",
                "Имя несовершеннолетнего, проходящего по уголовному делу.",
                "Снимок экрана с чужой личной перепиской.",
            ],
        },
        "kk": {
            "title": "Жеке деректерді жариялауға тыйым салынады",
            "text": (
                "Басқа адамдардың үй мекенжайын, телефон нөмірін, жеке куәлік деректерін, жеке "
                "фотосуреттерін немесе оларды табуға не тануға мүмкіндік беретін өзге "
                "мәліметтерді жарияламаңыз. Қылмыстан зардап шеккендерді, куәгерлерді және "
                "балаларды, тіпті олардың кім екенін білемін деп ойласаңыз да, ешқашан "
                "атамаңыз."
            ),
            "examples": [
                "Судьяның, сотталушының немесе оқырманның үй мекенжайы не жұмыс орны.",
                "Қылмыстық іске қатысы бар кәмелетке толмаған баланың аты-жөні.",
                "Біреудің жеке хат алмасуының скриншоты.",
            ],
        },
    },
    {
        "key": "justice",
        "en": {
            "title": "Respect the presumption of innocence",
            "text": (
                "A person charged with a crime is innocent until a court finds otherwise. Do not "
                "present suspects or defendants as guilty as a matter of fact, do not call for "
                "punishment outside the law, and do not try to sway witnesses, jurors or judges "
                "in a case that is still before a court."
            ),
            "examples": [
                "Stating that a defendant 'is the killer' before the verdict.",
                "Calls to punish a suspect's relatives.",
                "Messages addressed to a witness in a trial that is still going on.",
            ],
        },
        "ru": {
            "title": "Уважайте презумпцию невиновности",
            "text": (
                "Обвиняемый в преступлении невиновен, пока суд не решит иначе. Не выдавайте "
                "подозреваемых и подсудимых за виновных как за установленный факт, не "
                "призывайте к расправе вне закона и не пытайтесь повлиять на свидетелей, "
                "присяжных или судей по делу, которое ещё рассматривается в суде."
            ),
            "examples": [
                "Утверждение, что подсудимый «и есть убийца», до вынесения приговора.",
                "Призывы наказать родственников подозреваемого.",
                "Обращения к свидетелю в ещё идущем процессе.",
            ],
        },
        "kk": {
            "title": "Кінәсіздік презумпциясын құрметтеңіз",
            "text": (
                "Қылмыс жасады деп айыпталған адам сот өзгеше шешім шығарғанға дейін кінәсіз "
                "болып саналады. Күдіктілер мен сотталушыларды кінәсі анықталған адам ретінде "
                "көрсетпеңіз, заңнан тыс жазалауға шақырмаңыз және әлі сотта қаралып жатқан іс "
                "бойынша куәгерлерге, алқа билеріне немесе судьяларға ықпал етуге тырыспаңыз."
            ),
            "examples": [
                "Үкім шыққанға дейін сотталушыны «нақ өзі кісі өлтіруші» деп мәлімдеу.",
                "Күдіктінің туыстарын жазалауға шақыру.",
                "Әлі жүріп жатқан сот процесіндегі куәгерге арналған жолдаулар.",
            ],
        },
    },
    {
        "key": "topic",
        "en": {
            "title": "Stay on topic",
            "text": (
                "Keep comments to the article and the discussion under it. Off-topic posts, long "
                "copied texts and messages to the editors about other matters do not belong "
                "here: write to the newsroom instead."
            ),
            "examples": [
                "A political argument that has nothing to do with the story.",
                "The full text of another publication pasted in.",
                "Complaints about delivery or subscriptions.",
            ],
        },
        "ru": {
            "title": "Не отклоняйтесь от темы",
            "text": (
                "Комментарии должны касаться статьи и обсуждения под ней. Сообщениям не по теме, "
                "длинным скопированным текстам и обращениям к редакции по другим вопросам здесь "
                "не место: напишите в редакцию."
            ),
            "examples": [
                "Политический спор, не связанный с материалом.",
                "Полный текст чужой публикации.",
                "Жалобы на доставку или подписку.",
            ],
        },
        "kk": {
            "title": "Тақырыптан ауытқымаңыз",
            "text": (
                "Пікірлер мақалаға және оның астындағы талқылауға қатысты болуы керек. "
                "Тақырыпқа қатысы жоқ жазбалардың, ұзақ көшірілген мәтіндердің және редакцияға "
                "басқа мәселелер бойынша жолданған хаттардың орны бұл емес: редакцияға жазыңыз."
            ),
            "examples": [
                "Материалға қатысы жоқ саяси дау.",
                "Басқа басылымның толық мәтінін көшіріп қою.",
                "Жеткізу немесе жазылым туралы шағымдар.",
            ],
        },
    },
    {
        "key": "impersonation",
        "en": {
            "title": "Do not impersonate others",
            "text": (
                "Do not pretend to be another person, an official, an organisation or a member "
                "of our staff, and do not use several names to look like several people."
            ),
            "examples": [
                "Posting under the name of a public figure you are not.",
                "Answering your own comments under a second name.",
            ],
        },
        "ru": {
            "title": "Не выдавайте себя за других",
            "text": (
                "Не выдавайте себя за другого человека, должностное лицо, организацию или "
                "сотрудника редакции и не пишите под несколькими именами, чтобы казаться "
                "несколькими людьми."
            ),
            "examples": [
                "Комментарии от имени известного человека, которым вы не являетесь.",
                "Ответы на собственные комментарии под другим именем.",
            ],
        },
        "kk": {
            "title": "Өзіңізді басқа адам ретінде көрсетпеңіз",
            "text": (
                "Өзіңізді басқа адам, лауазымды тұлға, ұйым немесе редакция қызметкері ретінде "
                "көрсетпеңіз және бірнеше адам болып көріну үшін бірнеше атпен жазбаңыз."
            ),
            "examples": [
                "Белгілі адамның атынан, ол адам болмай тұрып, пікір жазу.",
                "Өз пікірлеріңізге басқа атпен жауап беру.",
            ],
        },
    },
]


UZBEK_CLAUSES: dict[str, Text] = {
    "violence": {
        "title": "Zoʻravonlik va terrorizmga daʼvat qilmang",
        "text": (
            "Zoʻravonlikka, terrorchilik harakatlariga va ularni sodir etuvchilarga daʼvat "
            "qilmang, ular bilan tahdid qilmang, ularni oqlamang va ulugʻlamang, taqiqlangan "
            "tashkilotlarning targʻibot yoki yollash materiallarini tarqatmang. Bunday "
            "voqealarni muhokama qilish va ular haqida xabar berish, jumladan hokimiyatning "
            "munosabatini tanqid qilish ham mamnuniyat bilan qabul qilinadi."
        ),
        "examples": [
            "Biror shaxs, guruh, bino yoki tadbirga hujum qilishga chaqiriqlar.",
            "Hujum qilganlarni maqtash yoki ularni qahramon yoxud shahid deb atash.",
            (
                "Taqiqlangan tashkilotlar targʻibotiga havolalar yoki undan iqtiboslarni "
                "maʼqullab ulashish."
            ),
        ],
    },
    "hate": {
        "title": "Nafrat tilidan foydalanmang",
        "text": (
            "Odamlarni millati, fuqaroligi, dini, tili, jinsi, yoshi, nogironligi yoki "
            "boshqalar bilan umumiy boʻlgan boshqa belgilari uchun haqoratlamang, kamsitmang "
            "va ularni kamsitishga chaqirmang. Haqoratomuz laqablarni, jumladan "
            "niqoblanganlarini ham ishlatmang."
        ),
        "examples": [
            (
                "Biror xalq yoki dinni zararkunanda, kasallik yoki tabiatan jinoyatchi deb "
                "taʼriflash."
            ),
            (
                "Etnik guruh uchun haqoratomuz laqablar, hatto harflari almashtirilgan yoki "
                "ajratib yozilgan boʻlsa ham."
            ),
            (
                "Odamlarni kimligi uchun quvib chiqarish, chetlatish yoki huquqlaridan mahrum "
                "qilishga chaqiriqlar."
            ),
        ],
    },
    "attacks": {
        "title": "Shaxsga hujum qilmang va taʼqib qilmang",
        "text": (
            "Odamlarni emas, dalillarni tanqid qiling. Boshqa oʻquvchilarni, maqolalarimiz "
            "qahramonlarini yoki jurnalistlarimizni haqoratlamang, masxara qilmang, ularga "
            "tahdid qilmang va ularni taʼqib qilmang, hech kimga nisbatan soʻkinish "
            "soʻzlarini ishlatmang."
        ),
        "examples": [
            "Boshqa izoh muallifini haqoratli soʻzlar bilan atash.",
            (
                "Oʻquvchining har bir izohiga javob yozish uchun uni muhokamadan muhokamaga "
                "kuzatib yurish."
            ),
            (
                "Maqolada nomi tilga olingan odamning tashqi koʻrinishi yoki oilasi haqida "
                "haqoratlar."
            ),
        ],
    },
    "spam": {
        "title": "Spam va reklama joylamang",
        "text": (
            "Reklama, tijoriy takliflar, zanjirli xabarlar yoki bir xil matnni qayta-qayta "
            "joylamang, muhokamaga aloqasi yoʻq havolalarni ham qoldirmang. Bir xabarni "
            "ilgari surish uchun uni bir nechta hisobdan yuborish ham spam hisoblanadi."
        ),
        "examples": [
            "Kredit, tikish, kriptovalyuta sxemalari yoki pullik xizmatlar takliflari.",
            "Bir nechta maqola ostida yozilgan bir xil izoh.",
            "Maqolaga aloqasi yoʻq kanal yoki doʻkonga havola.",
        ],
    },
    "privacy": {
        "title": "Shaxsiy maʼlumotlarni oshkor qilmang",
        "text": (
            "Hech kimning uy manzili, telefon raqami, shaxsni tasdiqlovchi hujjat raqamlari, "
            "shaxsiy suratlari yoki boshqalarga uni topish yoki aniqlash imkonini beradigan "
            "boshqa maʼlumotlarni eʼlon qilmang. Jinoyat qurbonlari, guvohlar yoki "
            "bolalarning kimligini hech qachon oshkor qilmang, hatto ularni taniyman deb "
            "oʻylasangiz ham."
        ),
        "examples": [
            "Sudya, sudlanuvchi yoki oʻquvchining uy manzili yoki ish joyi.",
            "Jinoiy ishga aloqador voyaga yetmagan shaxsning ismi.",
            "Birovning shaxsiy yozishmalaridan olingan skrinshot.",
        ],
    },
    "justice": {
        "title": "Aybsizlik prezumpsiyasini hurmat qiling",
        "text": (
            "Jinoyat sodir etishda ayblangan shaxs sud boshqacha qaror chiqarmaguncha aybsiz "
            "hisoblanadi. Gumonlanuvchi yoki sudlanuvchini aniq aybdor deb koʻrsatmang, "
            "qonundan tashqari jazoga chaqirmang va hali sudda koʻrilayotgan ishda guvohlar, "
            "maslahatchilar yoki sudyalarga taʼsir oʻtkazishga urinmang."
        ),
        "examples": [
            "Hukm chiqarilishidan oldin sudlanuvchini 'qotil' deb daʼvo qilish.",
            "Gumonlanuvchining qarindoshlarini jazolashga chaqiriqlar.",
            "Hali davom etayotgan sud jarayonidagi guvohga qaratilgan xabarlar.",
        ],
    },
    "topic": {
        "title": "Mavzudan chetlashmang",
        "text": (
            "Izohlar maqola va uning ostidagi muhokamaga oid boʻlsin. Mavzuga aloqasiz "
            "xabarlar, uzun koʻchirilgan matnlar va tahririyatga boshqa masalalar boʻyicha "
            "murojaatlar bu yerga tegishli emas: buning oʻrniga tahririyatga yozing."
        ),
        "examples": [
            "Maqolaga hech qanday aloqasi yoʻq siyosiy bahs.",
            "Boshqa nashrning toʻliq matnini koʻchirib qoʻyish.",
            "Yetkazib berish yoki obuna haqidagi shikoyatlar.",
        ],
    },
    "impersonation": {
        "title": "Oʻzingizni boshqa odam qilib koʻrsatmang",
        "text": (
            "Oʻzingizni boshqa odam, mansabdor shaxs, tashkilot yoki xodimimiz qilib "
            "koʻrsatmang va bir nechta odamdek koʻrinish uchun bir nechta ismdan "
            "foydalanmang."
        ),
        "examples": [
            "Siz boʻlmagan taniqli shaxs nomidan izoh yozish.",
            "Oʻz izohlaringizga boshqa ism bilan javob berish.",
        ],
    },
}


def _cyrillic(text: Text) -> Text:
    convert = uzbek_latin_to_cyrillic
    return {
        "title": convert(text["title"]),
        "text": convert(text["text"]),
        "examples": [convert(example) for example in text["examples"]],
    }


def clause_texts(clause: ClauseData) -> dict[str, Text]:
    """A clause's text by language code."""
    uzbek = UZBEK_CLAUSES[clause["key"]]
    return {
        "en": clause["en"],
        "ru": clause["ru"],
        "kk": clause["kk"],
        "uz": uzbek,
        "uz-cyrl": _cyrillic(uzbek),
    }
