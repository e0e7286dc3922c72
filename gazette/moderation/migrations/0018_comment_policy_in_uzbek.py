"""Version 1 of the shipped Comment Policy in Uzbek, in the Latin and the Cyrillic script, for
sites that already have it (new sites get it from the shipped policy itself).

Translation rows of a published version are its text in another language, not a change of its
rules: version 1 keeps its number, clauses and time in force, and nothing is added to a site whose
version 1 is not the shipped one. The texts are copied here so that this migration means the same
whatever the shipped policy becomes later.
"""

from django.db import migrations

SHIPPED_PREAMBLE_EN = 'Comments are open so that readers can discuss our reporting with each other and with us. These rules say what is not allowed and how we decide. Every comment is screened automatically when it is posted; some are held until a moderator has read them. A moderator who removes a comment cites the clause it broke; the author is told which clause and why, and may appeal once. A senior moderator who took no part in the decision decides the appeal. Every month we publish how many comments were removed under each clause.'

TEXTS = {'uz': {'summary': 'Izohlar qoidalarining birinchi eʼlon qilingan versiyasi.',
        'preamble': 'Izohlar oʻquvchilar materiallarimizni bir-biri bilan va biz bilan muhokama '
                    'qila olishlari uchun ochiq. Bu qoidalar nimaga ruxsat berilmasligini va '
                    'qarorlarni qanday qabul qilishimizni tushuntiradi. Har bir izoh yuborilganda '
                    'avtomatik tekshiriladi; baʼzilari moderator oʻqib chiqquncha ushlab turiladi. '
                    'Izohni olib tashlagan moderator u buzgan bandni koʻrsatadi; muallifga qaysi '
                    'band va nima uchun ekani aytiladi, u qaror ustidan bir marta apellyatsiya '
                    'berishi mumkin. Apellyatsiyani qarorda ishtirok etmagan katta moderator hal '
                    'qiladi. Har oy har bir band boʻyicha nechta izoh olib tashlanganini eʼlon '
                    'qilamiz.',
        'clauses': {'violence': {'title': 'Zoʻravonlik va terrorizmga daʼvat qilmang',
                                 'text': 'Zoʻravonlikka, terrorchilik harakatlariga va ularni '
                                         'sodir etuvchilarga daʼvat qilmang, ular bilan tahdid '
                                         'qilmang, ularni oqlamang va ulugʻlamang, taqiqlangan '
                                         'tashkilotlarning targʻibot yoki yollash materiallarini '
                                         'tarqatmang. Bunday voqealarni muhokama qilish va ular '
                                         'haqida xabar berish, jumladan hokimiyatning munosabatini '
                                         'tanqid qilish ham mamnuniyat bilan qabul qilinadi.',
                                 'examples': 'Biror shaxs, guruh, bino yoki tadbirga hujum '
                                             'qilishga chaqiriqlar.\n'
                                             'Hujum qilganlarni maqtash yoki ularni qahramon yoxud '
                                             'shahid deb atash.\n'
                                             'Taqiqlangan tashkilotlar targʻibotiga havolalar yoki '
                                             'undan iqtiboslarni maʼqullab ulashish.'},
                    'hate': {'title': 'Nafrat tilidan foydalanmang',
                             'text': 'Odamlarni millati, fuqaroligi, dini, tili, jinsi, yoshi, '
                                     'nogironligi yoki boshqalar bilan umumiy boʻlgan boshqa '
                                     'belgilari uchun haqoratlamang, kamsitmang va ularni '
                                     'kamsitishga chaqirmang. Haqoratomuz laqablarni, jumladan '
                                     'niqoblanganlarini ham ishlatmang.',
                             'examples': 'Biror xalq yoki dinni zararkunanda, kasallik yoki '
                                         'tabiatan jinoyatchi deb taʼriflash.\n'
                                         'Etnik guruh uchun haqoratomuz laqablar, hatto harflari '
                                         'almashtirilgan yoki ajratib yozilgan boʻlsa ham.\n'
                                         'Odamlarni kimligi uchun quvib chiqarish, chetlatish yoki '
                                         'huquqlaridan mahrum qilishga chaqiriqlar.'},
                    'attacks': {'title': 'Shaxsga hujum qilmang va taʼqib qilmang',
                                'text': 'Odamlarni emas, dalillarni tanqid qiling. Boshqa '
                                        'oʻquvchilarni, maqolalarimiz qahramonlarini yoki '
                                        'jurnalistlarimizni haqoratlamang, masxara qilmang, ularga '
                                        'tahdid qilmang va ularni taʼqib qilmang, hech kimga '
                                        'nisbatan soʻkinish soʻzlarini ishlatmang.',
                                'examples': 'Boshqa izoh muallifini haqoratli soʻzlar bilan '
                                            'atash.\n'
                                            'Oʻquvchining har bir izohiga javob yozish uchun uni '
                                            'muhokamadan muhokamaga kuzatib yurish.\n'
                                            'Maqolada nomi tilga olingan odamning tashqi '
                                            'koʻrinishi yoki oilasi haqida haqoratlar.'},
                    'spam': {'title': 'Spam va reklama joylamang',
                             'text': 'Reklama, tijoriy takliflar, zanjirli xabarlar yoki bir xil '
                                     'matnni qayta-qayta joylamang, muhokamaga aloqasi yoʻq '
                                     'havolalarni ham qoldirmang. Bir xabarni ilgari surish uchun '
                                     'uni bir nechta hisobdan yuborish ham spam hisoblanadi.',
                             'examples': 'Kredit, tikish, kriptovalyuta sxemalari yoki pullik '
                                         'xizmatlar takliflari.\n'
                                         'Bir nechta maqola ostida yozilgan bir xil izoh.\n'
                                         'Maqolaga aloqasi yoʻq kanal yoki doʻkonga havola.'},
                    'privacy': {'title': 'Shaxsiy maʼlumotlarni oshkor qilmang',
                                'text': 'Hech kimning uy manzili, telefon raqami, shaxsni '
                                        'tasdiqlovchi hujjat raqamlari, shaxsiy suratlari yoki '
                                        'boshqalarga uni topish yoki aniqlash imkonini beradigan '
                                        'boshqa maʼlumotlarni eʼlon qilmang. Jinoyat qurbonlari, '
                                        'guvohlar yoki bolalarning kimligini hech qachon oshkor '
                                        'qilmang, hatto ularni taniyman deb oʻylasangiz ham.',
                                'examples': 'Sudya, sudlanuvchi yoki oʻquvchining uy manzili yoki '
                                            'ish joyi.\n'
                                            'Jinoiy ishga aloqador voyaga yetmagan shaxsning '
                                            'ismi.\n'
                                            'Birovning shaxsiy yozishmalaridan olingan skrinshot.'},
                    'justice': {'title': 'Aybsizlik prezumpsiyasini hurmat qiling',
                                'text': 'Jinoyat sodir etishda ayblangan shaxs sud boshqacha qaror '
                                        'chiqarmaguncha aybsiz hisoblanadi. Gumonlanuvchi yoki '
                                        'sudlanuvchini aniq aybdor deb koʻrsatmang, qonundan '
                                        'tashqari jazoga chaqirmang va hali sudda koʻrilayotgan '
                                        'ishda guvohlar, maslahatchilar yoki sudyalarga taʼsir '
                                        'oʻtkazishga urinmang.',
                                'examples': "Hukm chiqarilishidan oldin sudlanuvchini 'qotil' deb "
                                            'daʼvo qilish.\n'
                                            'Gumonlanuvchining qarindoshlarini jazolashga '
                                            'chaqiriqlar.\n'
                                            'Hali davom etayotgan sud jarayonidagi guvohga '
                                            'qaratilgan xabarlar.'},
                    'topic': {'title': 'Mavzudan chetlashmang',
                              'text': 'Izohlar maqola va uning ostidagi muhokamaga oid boʻlsin. '
                                      'Mavzuga aloqasiz xabarlar, uzun koʻchirilgan matnlar va '
                                      'tahririyatga boshqa masalalar boʻyicha murojaatlar bu yerga '
                                      'tegishli emas: buning oʻrniga tahririyatga yozing.',
                              'examples': 'Maqolaga hech qanday aloqasi yoʻq siyosiy bahs.\n'
                                          'Boshqa nashrning toʻliq matnini koʻchirib qoʻyish.\n'
                                          'Yetkazib berish yoki obuna haqidagi shikoyatlar.'},
                    'impersonation': {'title': 'Oʻzingizni boshqa odam qilib koʻrsatmang',
                                      'text': 'Oʻzingizni boshqa odam, mansabdor shaxs, tashkilot '
                                              'yoki xodimimiz qilib koʻrsatmang va bir nechta '
                                              'odamdek koʻrinish uchun bir nechta ismdan '
                                              'foydalanmang.',
                                      'examples': 'Siz boʻlmagan taniqli shaxs nomidan izoh '
                                                  'yozish.\n'
                                                  'Oʻz izohlaringizga boshqa ism bilan javob '
                                                  'berish.'}}},
 'uz-cyrl': {'summary': 'Изоҳлар қоидаларининг биринчи эълон қилинган версияси.',
             'preamble': 'Изоҳлар ўқувчилар материалларимизни бир-бири билан ва биз билан муҳокама '
                         'қила олишлари учун очиқ. Бу қоидалар нимага рухсат берилмаслигини ва '
                         'қарорларни қандай қабул қилишимизни тушунтиради. Ҳар бир изоҳ '
                         'юборилганда автоматик текширилади; баъзилари модератор ўқиб чиққунча '
                         'ушлаб турилади. Изоҳни олиб ташлаган модератор у бузган бандни '
                         'кўрсатади; муаллифга қайси банд ва нима учун экани айтилади, у қарор '
                         'устидан бир марта апелляция бериши мумкин. Апелляцияни қарорда иштирок '
                         'этмаган катта модератор ҳал қилади. Ҳар ой ҳар бир банд бўйича нечта '
                         'изоҳ олиб ташланганини эълон қиламиз.',
             'clauses': {'violence': {'title': 'Зўравонлик ва терроризмга даъват қилманг',
                                      'text': 'Зўравонликка, террорчилик ҳаракатларига ва уларни '
                                              'содир этувчиларга даъват қилманг, улар билан таҳдид '
                                              'қилманг, уларни оқламанг ва улуғламанг, тақиқланган '
                                              'ташкилотларнинг тарғибот ёки ёллаш материалларини '
                                              'тарқатманг. Бундай воқеаларни муҳокама қилиш ва '
                                              'улар ҳақида хабар бериш, жумладан ҳокимиятнинг '
                                              'муносабатини танқид қилиш ҳам мамнуният билан қабул '
                                              'қилинади.',
                                      'examples': 'Бирор шахс, гуруҳ, бино ёки тадбирга ҳужум '
                                                  'қилишга чақириқлар.\n'
                                                  'Ҳужум қилганларни мақташ ёки уларни қаҳрамон '
                                                  'ёхуд шаҳид деб аташ.\n'
                                                  'Тақиқланган ташкилотлар тарғиботига ҳаволалар '
                                                  'ёки ундан иқтибосларни маъқуллаб улашиш.'},
                         'hate': {'title': 'Нафрат тилидан фойдаланманг',
                                  'text': 'Одамларни миллати, фуқаролиги, дини, тили, жинси, ёши, '
                                          'ногиронлиги ёки бошқалар билан умумий бўлган бошқа '
                                          'белгилари учун ҳақоратламанг, камситманг ва уларни '
                                          'камситишга чақирманг. Ҳақоратомуз лақабларни, жумладан '
                                          'ниқобланганларини ҳам ишлатманг.',
                                  'examples': 'Бирор халқ ёки динни зараркунанда, касаллик ёки '
                                              'табиатан жиноятчи деб таърифлаш.\n'
                                              'Этник гуруҳ учун ҳақоратомуз лақаблар, ҳатто '
                                              'ҳарфлари алмаштирилган ёки ажратиб ёзилган бўлса '
                                              'ҳам.\n'
                                              'Одамларни кимлиги учун қувиб чиқариш, четлатиш ёки '
                                              'ҳуқуқларидан маҳрум қилишга чақириқлар.'},
                         'attacks': {'title': 'Шахсга ҳужум қилманг ва таъқиб қилманг',
                                     'text': 'Одамларни эмас, далилларни танқид қилинг. Бошқа '
                                             'ўқувчиларни, мақолаларимиз қаҳрамонларини ёки '
                                             'журналистларимизни ҳақоратламанг, масхара қилманг, '
                                             'уларга таҳдид қилманг ва уларни таъқиб қилманг, ҳеч '
                                             'кимга нисбатан сўкиниш сўзларини ишлатманг.',
                                     'examples': 'Бошқа изоҳ муаллифини ҳақоратли сўзлар билан '
                                                 'аташ.\n'
                                                 'Ўқувчининг ҳар бир изоҳига жавоб ёзиш учун уни '
                                                 'муҳокамадан муҳокамага кузатиб юриш.\n'
                                                 'Мақолада номи тилга олинган одамнинг ташқи '
                                                 'кўриниши ёки оиласи ҳақида ҳақоратлар.'},
                         'spam': {'title': 'Спам ва реклама жойламанг',
                                  'text': 'Реклама, тижорий таклифлар, занжирли хабарлар ёки бир '
                                          'хил матнни қайта-қайта жойламанг, муҳокамага алоқаси '
                                          'йўқ ҳаволаларни ҳам қолдирманг. Бир хабарни илгари '
                                          'суриш учун уни бир нечта ҳисобдан юбориш ҳам спам '
                                          'ҳисобланади.',
                                  'examples': 'Кредит, тикиш, криптовалюта схемалари ёки пуллик '
                                              'хизматлар таклифлари.\n'
                                              'Бир нечта мақола остида ёзилган бир хил изоҳ.\n'
                                              'Мақолага алоқаси йўқ канал ёки дўконга ҳавола.'},
                         'privacy': {'title': 'Шахсий маълумотларни ошкор қилманг',
                                     'text': 'Ҳеч кимнинг уй манзили, телефон рақами, шахсни '
                                             'тасдиқловчи ҳужжат рақамлари, шахсий суратлари ёки '
                                             'бошқаларга уни топиш ёки аниқлаш имконини берадиган '
                                             'бошқа маълумотларни эълон қилманг. Жиноят '
                                             'қурбонлари, гувоҳлар ёки болаларнинг кимлигини ҳеч '
                                             'қачон ошкор қилманг, ҳатто уларни танийман деб '
                                             'ўйласангиз ҳам.',
                                     'examples': 'Судя, судланувчи ёки ўқувчининг уй манзили ёки '
                                                 'иш жойи.\n'
                                                 'Жиноий ишга алоқадор вояга етмаган шахснинг '
                                                 'исми.\n'
                                                 'Бировнинг шахсий ёзишмаларидан олинган '
                                                 'скриншот.'},
                         'justice': {'title': 'Айбсизлик презумпциясини ҳурмат қилинг',
                                     'text': 'Жиноят содир этишда айбланган шахс суд бошқача қарор '
                                             'чиқармагунча айбсиз ҳисобланади. Гумонланувчи ёки '
                                             'судланувчини аниқ айбдор деб кўрсатманг, қонундан '
                                             'ташқари жазога чақирманг ва ҳали судда кўрилаётган '
                                             'ишда гувоҳлар, маслаҳатчилар ёки судяларга таъсир '
                                             'ўтказишга уринманг.',
                                     'examples': "Ҳукм чиқарилишидан олдин судланувчини 'қотил' "
                                                 'деб даъво қилиш.\n'
                                                 'Гумонланувчининг қариндошларини жазолашга '
                                                 'чақириқлар.\n'
                                                 'Ҳали давом этаётган суд жараёнидаги гувоҳга '
                                                 'қаратилган хабарлар.'},
                         'topic': {'title': 'Мавзудан четлашманг',
                                   'text': 'Изоҳлар мақола ва унинг остидаги муҳокамага оид '
                                           'бўлсин. Мавзуга алоқасиз хабарлар, узун кўчирилган '
                                           'матнлар ва таҳририятга бошқа масалалар бўйича '
                                           'мурожаатлар бу ерга тегишли эмас: бунинг ўрнига '
                                           'таҳририятга ёзинг.',
                                   'examples': 'Мақолага ҳеч қандай алоқаси йўқ сиёсий баҳс.\n'
                                               'Бошқа нашрнинг тўлиқ матнини кўчириб қўйиш.\n'
                                               'Етказиб бериш ёки обуна ҳақидаги шикоятлар.'},
                         'impersonation': {'title': 'Ўзингизни бошқа одам қилиб кўрсатманг',
                                           'text': 'Ўзингизни бошқа одам, мансабдор шахс, ташкилот '
                                                   'ёки ходимимиз қилиб кўрсатманг ва бир нечта '
                                                   'одамдек кўриниш учун бир нечта исмдан '
                                                   'фойдаланманг.',
                                           'examples': 'Сиз бўлмаган таниқли шахс номидан изоҳ '
                                                       'ёзиш.\n'
                                                       'Ўз изоҳларингизга бошқа исм билан жавоб '
                                                       'бериш.'}}}}


def add_uzbek(apps, schema_editor):
    PolicyVersion = apps.get_model("moderation", "PolicyVersion")
    PolicyVersionTranslation = apps.get_model("moderation", "PolicyVersionTranslation")
    Clause = apps.get_model("moderation", "Clause")
    ClauseTranslation = apps.get_model("moderation", "ClauseTranslation")
    version = PolicyVersion.objects.filter(number=1, preamble=SHIPPED_PREAMBLE_EN).first()
    if version is None:
        return
    clauses = list(Clause.objects.filter(version=version))
    for language, text in TEXTS.items():
        PolicyVersionTranslation.objects.get_or_create(
            version=version,
            language=language,
            defaults={"summary": text["summary"], "preamble": text["preamble"]},
        )
        for clause in clauses:
            if clause.key in text["clauses"]:
                ClauseTranslation.objects.get_or_create(
                    clause=clause, language=language, defaults=text["clauses"][clause.key]
                )


def remove_uzbek(apps, schema_editor):
    PolicyVersionTranslation = apps.get_model("moderation", "PolicyVersionTranslation")
    ClauseTranslation = apps.get_model("moderation", "ClauseTranslation")
    languages = list(TEXTS)
    PolicyVersionTranslation.objects.filter(version__number=1, language__in=languages).delete()
    ClauseTranslation.objects.filter(clause__version__number=1, language__in=languages).delete()


class Migration(migrations.Migration):
    dependencies = [("moderation", "0017_policy_languages_from_settings_at_run_time")]

    operations = [migrations.RunPython(add_uzbek, remove_uzbek)]
