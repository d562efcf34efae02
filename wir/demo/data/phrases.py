"""The building blocks of the demo's offers, events and contacts in English, Arabic, Farsi and
Ukrainian: what a district gets from machine translation after a person has checked it.

Keyed by the German text exactly as the demo writes it; "{town}" is filled in afterwards
(place names stay as they are written on signs and letters). Names that a district's
glossary keeps untranslated ("Jobcenter", "BAMF", "WIR") stay so here too. Times use
Western digits, as the German original does, so numbers can be compared with it.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    # --- offers: title, provider, summary per template ------------------------------------
    "Bürgerbüro {town}": {
        "en": "Citizens' office {town}",
        "ar": "مكتب خدمة المواطنين {town}",
        "fa": "دفتر خدمات شهروندی {town}",
        "uk": "Бюро обслуговування громадян {town}",
    },
    "Stadt- bzw. Gemeindeverwaltung {town}": {
        "en": "Town or municipal administration {town}",
        "ar": "إدارة المدينة أو البلدية {town}",
        "fa": "اداره شهر یا شهرداری {town}",
        "uk": "Адміністрація міста або громади {town}",
    },
    "Anmeldung der Wohnung, Ausweise, Bescheinigungen: die erste Anlaufstelle im Ort.": {
        "en": "Registering your address, ID documents, certificates: the first place to go "
        "in town.",
        "ar": "تسجيل السكن وبطاقات الهوية والشهادات: أول جهة تتوجه إليها في بلدتك.",
        "fa": "ثبت محل سکونت، کارت شناسایی، گواهی‌ها: نخستین جای مراجعه در محل.",
        "uk": "Реєстрація місця проживання, посвідчення особи, довідки: перше місце звернення "
        "у вашому населеному пункті.",
    },
    "Integrationsbüro {town}": {
        "en": "Integration office {town}",
        "ar": "مكتب الاندماج {town}",
        "fa": "دفتر ادغام {town}",
        "uk": "Бюро інтеграції {town}",
    },
    "WIR-Koordination des Kreises": {
        "en": "WIR coordination office of the district",
        "ar": "مكتب تنسيق WIR في المنطقة",
        "fa": "دفتر هماهنگی WIR ناحیه",
        "uk": "Координаційний офіс WIR округу",
    },
    "Fragen zum Ankommen? Wir helfen weiter und zeigen, wer zuständig ist.": {
        "en": "Questions about settling in? We help and show you who is responsible.",
        "ar": "لديك أسئلة حول الوصول والاستقرار؟ نساعدك ونوضح لك الجهة المختصة.",
        "fa": "درباره‌ی آمدن و جاافتادن سؤال دارید؟ کمک می‌کنیم و نشان می‌دهیم چه کسی مسئول است.",
        "uk": "Маєте питання про облаштування на новому місці? Ми допоможемо й підкажемо, "
        "хто за що відповідає.",
    },
    "Migrationsberatung für Erwachsene {town}": {
        "en": "Migration counselling for adults {town}",
        "ar": "استشارات الهجرة للبالغين {town}",
        "fa": "مشاوره مهاجرت برای بزرگسالان {town}",
        "uk": "Міграційна консультація для дорослих {town}",
    },
    "Wohlfahrtsverband — Migrationsdienst": {
        "en": "Welfare association — migration service",
        "ar": "جمعية الرعاية الاجتماعية — خدمة الهجرة",
        "fa": "انجمن رفاه اجتماعی — خدمات مهاجرت",
        "uk": "Соціальна благодійна організація — міграційна служба",
    },
    "Beratung zu Aufenthalt, Arbeit, Wohnen und Familie für Zugewanderte ab 27 Jahren.": {
        "en": "Advice on residence, work, housing and family for migrants aged 27 and over.",
        "ar": "استشارة حول الإقامة والعمل والسكن والأسرة للمهاجرين من عمر 27 عامًا فما فوق.",
        "fa": "مشاوره درباره‌ی اقامت، کار، مسکن و خانواده برای مهاجران 27 سال به بالا.",
        "uk": "Консультації щодо перебування, роботи, житла та сім'ї для мігрантів віком "
        "від 27 років.",
    },
    "Jugendmigrationsdienst {town}": {
        "en": "Youth migration service {town}",
        "ar": "خدمة هجرة الشباب {town}",
        "fa": "خدمات مهاجرت جوانان {town}",
        "uk": "Молодіжна міграційна служба {town}",
    },
    "Jugendmigrationsdienst": {
        "en": "Youth migration service",
        "ar": "خدمة هجرة الشباب",
        "fa": "خدمات مهاجرت جوانان",
        "uk": "Молодіжна міграційна служба",
    },
    "Begleitung für junge Zugewanderte von 12 bis 27 Jahren: Schule, Ausbildung, Alltag.": {
        "en": "Support for young migrants aged 12 to 27: school, vocational training, "
        "everyday life.",
        "ar": "مرافقة للشباب المهاجرين من عمر 12 إلى 27 عامًا: المدرسة والتدريب المهني "
        "والحياة اليومية.",
        "fa": "همراهی جوانان مهاجر 12 تا 27 ساله: مدرسه، کارآموزی، زندگی روزمره.",
        "uk": "Супровід молодих мігрантів віком від 12 до 27 років: школа, професійне "
        "навчання, повсякденне життя.",
    },
    "Frauenberatung {town}": {
        "en": "Counselling for women {town}",
        "ar": "استشارات للنساء {town}",
        "fa": "مشاوره زنان {town}",
        "uk": "Консультації для жінок {town}",
    },
    "Beratungsstelle für Frauen": {
        "en": "Counselling centre for women",
        "ar": "مركز استشارات للنساء",
        "fa": "مرکز مشاوره زنان",
        "uk": "Консультаційний центр для жінок",
    },
    "Vertrauliche Beratung für Frauen in schwierigen Lebenslagen, auf Wunsch anonym.": {
        "en": "Confidential counselling for women in difficult situations, anonymous if you wish.",
        "ar": "استشارة سرية للنساء في الظروف الصعبة، ودون ذكر الاسم إن رغبتِ.",
        "fa": "مشاوره‌ی محرمانه برای زنان در شرایط دشوار زندگی، در صورت تمایل به‌صورت ناشناس.",
        "uk": "Конфіденційні консультації для жінок у складних життєвих ситуаціях, "
        "за бажанням анонімно.",
    },
    "Schuldnerberatung {town}": {
        "en": "Debt counselling {town}",
        "ar": "استشارات الديون {town}",
        "fa": "مشاوره بدهی {town}",
        "uk": "Консультації з питань боргів {town}",
    },
    "Fachdienst Soziales des Kreises": {
        "en": "Social services department of the district",
        "ar": "قسم الشؤون الاجتماعية في المنطقة",
        "fa": "اداره خدمات اجتماعی ناحیه",
        "uk": "Відділ соціальних справ округу",
    },
    "Hilfe bei Schulden und Briefen von Inkassobüros; kostenlos und vertraulich.": {
        "en": "Help with debts and letters from debt collection agencies; free and confidential.",
        "ar": "مساعدة في الديون ورسائل شركات تحصيل الديون؛ مجانًا وبسرية تامة.",
        "fa": "کمک در مورد بدهی‌ها و نامه‌های شرکت‌های وصول مطالبات؛ رایگان و محرمانه.",
        "uk": "Допомога з боргами та листами від колекторських агентств; безкоштовно "
        "й конфіденційно.",
    },
    "Integrationskurs {town}": {
        "en": "Integration course {town}",
        "ar": "دورة الاندماج {town}",
        "fa": "دوره ادغام {town}",
        "uk": "Інтеграційний курс {town}",
    },
    "Volkshochschule": {
        "en": "Adult education centre (Volkshochschule)",
        "ar": "مركز تعليم الكبار (Volkshochschule)",
        "fa": "آموزشگاه بزرگسالان (Volkshochschule)",
        "uk": "Народна вища школа (Volkshochschule)",
    },
    "Deutsch von A1 bis B1 und Orientierungskurs; Kosten übernimmt meist das BAMF.": {
        "en": "German from A1 to B1 plus an orientation course; the costs are usually paid "
        "by the BAMF.",
        "ar": "اللغة الألمانية من المستوى A1 إلى B1 ودورة التوجيه؛ يتحمل BAMF التكاليف عادةً.",
        "fa": "زبان آلمانی از A1 تا B1 و دوره‌ی آشنایی با جامعه؛ هزینه را معمولاً BAMF می‌پردازد.",
        "uk": "Німецька мова від A1 до B1 та орієнтаційний курс; витрати зазвичай покриває BAMF.",
    },
    "Deutschkurs mit Kinderbetreuung {town}": {
        "en": "German course with childcare {town}",
        "ar": "دورة لغة ألمانية مع رعاية الأطفال {town}",
        "fa": "کلاس زبان آلمانی با نگهداری از کودکان {town}",
        "uk": "Курс німецької мови з доглядом за дітьми {town}",
    },
    "Familienzentrum": {
        "en": "Family centre",
        "ar": "مركز الأسرة",
        "fa": "مرکز خانواده",
        "uk": "Сімейний центр",
    },
    "Deutsch lernen am Vormittag, während die Kinder nebenan betreut werden.": {
        "en": "Learn German in the morning while your children are looked after next door.",
        "ar": "تعلّم الألمانية في الصباح بينما يُعتنى بالأطفال في الغرفة المجاورة.",
        "fa": "یادگیری زبان آلمانی در صبح، در حالی که از کودکان در اتاق کناری نگهداری می‌شود.",
        "uk": "Вивчайте німецьку вранці, поки за дітьми доглядають у сусідній кімнаті.",
    },
    "Sprachcafé {town}": {
        "en": "Language café {town}",
        "ar": "مقهى اللغة {town}",
        "fa": "کافه زبان {town}",
        "uk": "Мовне кафе {town}",
    },
    "Ehrenamtliche Initiative": {
        "en": "Volunteer initiative",
        "ar": "مبادرة تطوعية",
        "fa": "گروه داوطلبان",
        "uk": "Волонтерська ініціатива",
    },
    "Deutsch sprechen üben bei Kaffee und Tee — ohne Anmeldung, für alle Niveaus.": {
        "en": "Practise speaking German over coffee and tea — no registration, all levels welcome.",
        "ar": "تدرّب على التحدث بالألمانية مع القهوة والشاي — دون تسجيل ولجميع المستويات.",
        "fa": "تمرین صحبت کردن به آلمانی با قهوه و چای — بدون ثبت‌نام، برای همه‌ی سطح‌ها.",
        "uk": "Практикуйте розмовну німецьку за кавою та чаєм — без реєстрації, для будь-якого "
        "рівня.",
    },
    "Anerkennungsberatung {town}": {
        "en": "Advice on recognition of qualifications {town}",
        "ar": "استشارات الاعتراف بالمؤهلات {town}",
        "fa": "مشاوره ارزشیابی مدارک {town}",
        "uk": "Консультації з визнання кваліфікацій {town}",
    },
    "IQ-Netzwerk Hessen": {
        "en": "IQ Network Hesse",
        "ar": "شبكة IQ في ولاية هسن",
        "fa": "شبکه IQ ایالت هسن",
        "uk": "Мережа IQ Гессен",
    },
    "Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse.": {
        "en": "Advice on getting foreign vocational and university qualifications recognised.",
        "ar": "استشارة حول الاعتراف بالشهادات المهنية والجامعية الأجنبية.",
        "fa": "مشاوره درباره‌ی به رسمیت شناختن مدارک حرفه‌ای و دانشگاهی خارجی.",
        "uk": "Консультації щодо визнання іноземних професійних кваліфікацій і дипломів "
        "про вищу освіту.",
    },
    "Bewerbungswerkstatt {town}": {
        "en": "Job application workshop {town}",
        "ar": "ورشة طلبات التوظيف {town}",
        "fa": "کارگاه درخواست شغل {town}",
        "uk": "Практикум зі складання заявок на роботу {town}",
    },
    "Jobcenter Wetterau": {
        "en": "Jobcenter Wetterau",
        "ar": "Jobcenter Wetterau",
        "fa": "Jobcenter Wetterau",
        "uk": "Jobcenter Wetterau",
    },
    "Lebenslauf, Anschreiben, Vorstellungsgespräch: Unterstützung in kleinen Gruppen.": {
        "en": "CV, cover letter, job interview: support in small groups.",
        "ar": "السيرة الذاتية ورسالة التقديم ومقابلة العمل: دعم في مجموعات صغيرة.",
        "fa": "رزومه، نامه‌ی درخواست، مصاحبه‌ی کاری: پشتیبانی در گروه‌های کوچک.",
        "uk": "Резюме, супровідний лист, співбесіда: підтримка в малих групах.",
    },
    "Ausbildungsstellenbörse Wetterau": {
        "en": "Apprenticeship exchange Wetterau",
        "ar": "بورصة أماكن التدريب المهني في فيتيراو",
        "fa": "بازار فرصت‌های کارآموزی وتراو",
        "uk": "Біржа місць професійного навчання Веттерау",
    },
    "Kreis und Kammern": {
        "en": "District and chambers of commerce and crafts",
        "ar": "المنطقة وغرف التجارة والحرف",
        "fa": "ناحیه و اتاق‌های بازرگانی و اصناف",
        "uk": "Округ і палати (торгово-промислова та реміснича)",
    },
    "Freie Ausbildungsplätze im Kreis, nach Beruf und Ort sortiert.": {
        "en": "Open apprenticeship places in the district, sorted by occupation and location.",
        "ar": "أماكن تدريب مهني شاغرة في المنطقة، مرتبة حسب المهنة والمكان.",
        "fa": "جاهای خالی کارآموزی در ناحیه، مرتب‌شده بر اساس شغل و محل.",
        "uk": "Вільні місця професійного навчання в окрузі, впорядковані за професією та місцем.",
    },
    "Familiencafé {town}": {
        "en": "Family café {town}",
        "ar": "مقهى العائلة {town}",
        "fa": "کافه خانواده {town}",
        "uk": "Сімейне кафе {town}",
    },
    "Treffpunkt für Eltern mit kleinen Kindern; Spielecke und Beratung nebenbei.": {
        "en": "A meeting place for parents with small children; a play corner and advice on "
        "the side.",
        "ar": "مكان لقاء للآباء والأمهات مع أطفالهم الصغار؛ مع ركن للعب واستشارة عند الحاجة.",
        "fa": "محل دیدار والدین با کودکان خردسال؛ با گوشه‌ی بازی و مشاوره در کنار آن.",
        "uk": "Місце зустрічей для батьків із малими дітьми; ігровий куточок і консультації "
        "принагідно.",
    },
    "Jugendtreff {town}": {
        "en": "Youth club {town}",
        "ar": "نادي الشباب {town}",
        "fa": "باشگاه نوجوانان {town}",
        "uk": "Молодіжний клуб {town}",
    },
    "Jugendpflege {town}": {
        "en": "Youth services {town}",
        "ar": "رعاية الشباب {town}",
        "fa": "خدمات جوانان {town}",
        "uk": "Служба у справах молоді {town}",
    },
    "Offener Treff für Jugendliche: Billard, Musik, Hausaufgabenhilfe, Ausflüge.": {
        "en": "An open meeting place for young people: pool, music, homework help, trips.",
        "ar": "ملتقى مفتوح للشباب: بلياردو، موسيقى، مساعدة في الواجبات المدرسية، رحلات.",
        "fa": "پاتوق باز برای نوجوانان: بیلیارد، موسیقی، کمک در تکالیف مدرسه، گردش.",
        "uk": "Відкритий клуб для молоді: більярд, музика, допомога з домашніми завданнями, "
        "екскурсії.",
    },
    "Schwimmkurs für Kinder {town}": {
        "en": "Swimming lessons for children {town}",
        "ar": "دورة سباحة للأطفال {town}",
        "fa": "کلاس شنا برای کودکان {town}",
        "uk": "Курс плавання для дітей {town}",
    },
    "Sportverein": {
        "en": "Sports club",
        "ar": "نادٍ رياضي",
        "fa": "باشگاه ورزشی",
        "uk": "Спортивний клуб",
    },
    "Schwimmen lernen in kleinen Gruppen; Zuschuss über Bildung und Teilhabe möglich.": {
        "en": "Learn to swim in small groups; a grant from the education and participation "
        "scheme (Bildung und Teilhabe) is possible.",
        "ar": "تعلّم السباحة في مجموعات صغيرة؛ يمكن الحصول على دعم مالي من برنامج التعليم "
        "والمشاركة (Bildung und Teilhabe).",
        "fa": "یادگیری شنا در گروه‌های کوچک؛ دریافت کمک‌هزینه از برنامه‌ی آموزش و مشارکت "
        "(Bildung und Teilhabe) ممکن است.",
        "uk": "Навчання плаванню в малих групах; можлива доплата за програмою «Освіта та "
        "участь» (Bildung und Teilhabe).",
    },
    "Erziehungsberatung {town}": {
        "en": "Parenting advice {town}",
        "ar": "استشارات تربية الأطفال {town}",
        "fa": "مشاوره تربیت فرزند {town}",
        "uk": "Консультації з питань виховання {town}",
    },
    "Beratungsstelle für Eltern, Kinder und Jugendliche": {
        "en": "Counselling centre for parents, children and young people",
        "ar": "مركز استشارات للآباء والأطفال والشباب",
        "fa": "مرکز مشاوره برای والدین، کودکان و نوجوانان",
        "uk": "Консультаційний центр для батьків, дітей і молоді",
    },
    "Beratung bei Fragen zur Erziehung und in Familienkrisen; vertraulich und kostenlos.": {
        "en": "Advice on bringing up children and in family crises; confidential and free "
        "of charge.",
        "ar": "استشارة في مسائل تربية الأطفال والأزمات العائلية؛ بسرية ومجانًا.",
        "fa": "مشاوره در مسائل تربیتی و بحران‌های خانوادگی؛ محرمانه و رایگان.",
        "uk": "Консультації з питань виховання та в сімейних кризах; конфіденційно й безкоштовно.",
    },
    # --- offers: the other texts ------------------------------------------------------------
    "Servicetelefon": {
        "en": "service line",
        "ar": "خط الخدمة",
        "fa": "تلفن خدمات",
        "uk": "сервісний телефон",
    },
    "Zuschuss möglich": {
        "en": "Subsidy possible",
        "ar": "يمكن الحصول على دعم مالي",
        "fa": "امکان دریافت کمک‌هزینه",
        "uk": "Можлива фінансова підтримка",
    },
    "Mo–Do 8:30–12:00": {
        "en": "Mon–Thu 8:30–12:00",
        "ar": "من الاثنين إلى الخميس 8:30–12:00",
        "fa": "دوشنبه تا پنجشنبه، ساعت 8:30 تا 12:00",
        "uk": "Пн–Чт 8:30–12:00",
    },
    "Di und Do 17:00–19:30": {
        "en": "Tue and Thu 17:00–19:30",
        "ar": "الثلاثاء والخميس 17:00–19:30",
        "fa": "سه‌شنبه و پنجشنبه، ساعت 17:00 تا 19:30",
        "uk": "Вт і Чт 17:00–19:30",
    },
    # --- events -------------------------------------------------------------------------------
    "Deutsch sprechen bei Tee und Kaffee.": {
        "en": "Speak German over tea and coffee.",
        "ar": "تحدّث بالألمانية مع الشاي والقهوة.",
        "fa": "صحبت به آلمانی با چای و قهوه.",
        "uk": "Розмовляйте німецькою за чаєм і кавою.",
    },
    "Elterncafé {town}": {
        "en": "Parents' café {town}",
        "ar": "مقهى الآباء والأمهات {town}",
        "fa": "کافه والدین {town}",
        "uk": "Кафе для батьків {town}",
    },
    "Austausch für Eltern, Kinderbetreuung vor Ort.": {
        "en": "A get-together for parents, with childcare on site.",
        "ar": "لقاء لتبادل الخبرات بين الآباء والأمهات، مع رعاية الأطفال في المكان.",
        "fa": "گفت‌وگو و تبادل تجربه برای والدین، با نگهداری از کودکان در محل.",
        "uk": "Обмін досвідом для батьків, догляд за дітьми на місці.",
    },
    "Offene Sprechstunde Migrationsberatung {town}": {
        "en": "Drop-in hours: migration counselling {town}",
        "ar": "ساعات استقبال مفتوحة لاستشارات الهجرة {town}",
        "fa": "ساعت مراجعه آزاد مشاوره مهاجرت {town}",
        "uk": "Відкриті консультаційні години з міграційних питань {town}",
    },
    "Migrationsdienst": {
        "en": "Migration service",
        "ar": "خدمة الهجرة",
        "fa": "خدمات مهاجرت",
        "uk": "Міграційна служба",
    },
    "Fragen ohne Termin stellen.": {
        "en": "Ask your questions without an appointment.",
        "ar": "اطرح أسئلتك دون موعد مسبق.",
        "fa": "سؤال‌هایتان را بدون وقت قبلی بپرسید.",
        "uk": "Ставте запитання без попереднього запису.",
    },
    "Infoabend Ausbildung {town}": {
        "en": "Information evening on vocational training {town}",
        "ar": "أمسية معلومات عن التدريب المهني {town}",
        "fa": "شب اطلاع‌رسانی درباره کارآموزی {town}",
        "uk": "Інформаційний вечір про професійне навчання {town}",
    },
    "Jobcenter und Kammern": {
        "en": "Jobcenter and chambers of commerce and crafts",
        "ar": "Jobcenter وغرف التجارة والحرف",
        "fa": "Jobcenter و اتاق‌های بازرگانی و اصناف",
        "uk": "Jobcenter і палати (торгово-промислова та реміснича)",
    },
    "Wie funktioniert die Ausbildung in Deutschland?": {
        "en": "How does vocational training work in Germany?",
        "ar": "كيف يعمل نظام التدريب المهني في ألمانيا؟",
        "fa": "کارآموزی در آلمان چگونه است؟",
        "uk": "Як влаштоване професійне навчання в Німеччині?",
    },
    "Bewerbungstraining {town}": {
        "en": "Job application training {town}",
        "ar": "تدريب على التقدم للوظائف {town}",
        "fa": "آموزش درخواست شغل {town}",
        "uk": "Тренінг із працевлаштування {town}",
    },
    "Lebenslauf und Vorstellungsgespräch üben.": {
        "en": "Practise writing your CV and going to job interviews.",
        "ar": "تدرّب على كتابة السيرة الذاتية وعلى مقابلة العمل.",
        "fa": "تمرین نوشتن رزومه و مصاحبه‌ی کاری.",
        "uk": "Вправи зі складання резюме та проходження співбесіди.",
    },
    "Interkulturelles Fest {town}": {
        "en": "Intercultural festival {town}",
        "ar": "احتفال متعدد الثقافات {town}",
        "fa": "جشن میان‌فرهنگی {town}",
        "uk": "Міжкультурне свято {town}",
    },
    "Integrationsbüro": {
        "en": "Integration office",
        "ar": "مكتب الاندماج",
        "fa": "دفتر ادغام",
        "uk": "Бюро інтеграції",
    },
    "Musik, Essen und Begegnung für alle.": {
        "en": "Music, food and meeting people, for everyone.",
        "ar": "موسيقى وطعام ولقاءات للجميع.",
        "fa": "موسیقی، غذا و دیدار برای همه.",
        "uk": "Музика, їжа та зустрічі для всіх.",
    },
    "Kontakt": {
        "en": "contact",
        "ar": "للتواصل",
        "fa": "تماس",
        "uk": "контакт",
    },
    # --- contacts: roles and office hours ------------------------------------------------------
    "WIR-Koordination — Interkulturelle Öffnung": {
        "en": "WIR coordination — intercultural opening",
        "ar": "تنسيق WIR — الانفتاح بين الثقافات",
        "fa": "هماهنگی WIR — گشایش میان‌فرهنگی",
        "uk": "Координація WIR — міжкультурна відкритість",
    },
    "WIR-Koordination — Willkommens- und Anerkennungskultur": {
        "en": "WIR coordination — culture of welcome and recognition",
        "ar": "تنسيق WIR — ثقافة الترحيب والتقدير",
        "fa": "هماهنگی WIR — فرهنگ خوشامدگویی و قدردانی",
        "uk": "Координація WIR — культура гостинності та визнання",
    },
    "Sprachpool des Kreises — Vermittlung": {
        "en": "Language mediator pool of the district — bookings",
        "ar": "مجموعة الوسطاء اللغويين في المنطقة — الحجز",
        "fa": "گروه میانجی‌های زبانی ناحیه — هماهنگی",
        "uk": "Пул мовних посередників округу — замовлення",
    },
    "WIR-Koordination — Ehrenamt und Patenschaften": {
        "en": "WIR coordination — volunteering and mentoring",
        "ar": "تنسيق WIR — العمل التطوعي وبرامج الإرشاد",
        "fa": "هماهنگی WIR — کار داوطلبانه و برنامه‌های همراهی",
        "uk": "Координація WIR — волонтерство та наставництво",
    },
    "Fachdienst Migration — Ausländerbehörde, Servicetelefon": {
        "en": "Migration department — immigration office, service line",
        "ar": "قسم الهجرة — مكتب شؤون الأجانب، خط الخدمة",
        "fa": "اداره مهاجرت — اداره اتباع خارجی، تلفن خدمات",
        "uk": "Відділ міграції — відомство у справах іноземців, сервісний телефон",
    },
    "Fachdienst Migration — Einbürgerung": {
        "en": "Migration department — naturalisation",
        "ar": "قسم الهجرة — التجنيس",
        "fa": "اداره مهاجرت — تابعیت",
        "uk": "Відділ міграції — набуття громадянства",
    },
    "Bildungsberatung des Kreises": {
        "en": "Education advice of the district",
        "ar": "الاستشارات التعليمية في المنطقة",
        "fa": "مشاوره تحصیلی ناحیه",
        "uk": "Освітні консультації округу",
    },
    "Jobcenter — Team Integration": {
        "en": "Jobcenter — integration team",
        "ar": "Jobcenter — فريق الاندماج",
        "fa": "Jobcenter — تیم ادغام",
        "uk": "Jobcenter — команда з інтеграції",
    },
    "Fachdienst Soziales — Wohnungsnotfallhilfe": {
        "en": "Social services — help in housing emergencies",
        "ar": "قسم الشؤون الاجتماعية — المساعدة في حالات الطوارئ السكنية",
        "fa": "اداره خدمات اجتماعی — کمک در شرایط اضطراری مسکن",
        "uk": "Відділ соціальних справ — допомога в разі втрати житла",
    },
    "Gesundheitsamt — Beratung für Zugewanderte": {
        "en": "Public health office — advice for newcomers",
        "ar": "مكتب الصحة — استشارات للقادمين الجدد",
        "fa": "اداره بهداشت — مشاوره برای تازه‌واردان",
        "uk": "Відділ охорони здоров'я — консультації для новоприбулих",
    },
    "Di und Do 9–12 Uhr": {
        "en": "Tue and Thu 9:00–12:00",
        "ar": "الثلاثاء والخميس 9:00–12:00",
        "fa": "سه‌شنبه و پنجشنبه، ساعت 9 تا 12",
        "uk": "Вт і Чт 9:00–12:00",
    },
    "Mo–Fr 9–12 Uhr": {
        "en": "Mon–Fri 9:00–12:00",
        "ar": "من الاثنين إلى الجمعة 9:00–12:00",
        "fa": "دوشنبه تا جمعه، ساعت 9 تا 12",
        "uk": "Пн–Пт 9:00–12:00",
    },
    "Mo–Do 8–15 Uhr": {
        "en": "Mon–Thu 8:00–15:00",
        "ar": "من الاثنين إلى الخميس 8:00–15:00",
        "fa": "دوشنبه تا پنجشنبه، ساعت 8 تا 15",
        "uk": "Пн–Чт 8:00–15:00",
    },
    "Mi 14–17 Uhr": {
        "en": "Wed 14:00–17:00",
        "ar": "الأربعاء 14:00–17:00",
        "fa": "چهارشنبه، ساعت 14 تا 17",
        "uk": "Ср 14:00–17:00",
    },
    "Mo–Fr 8–12 Uhr": {
        "en": "Mon–Fri 8:00–12:00",
        "ar": "من الاثنين إلى الجمعة 8:00–12:00",
        "fa": "دوشنبه تا جمعه، ساعت 8 تا 12",
        "uk": "Пн–Пт 8:00–12:00",
    },
    "nach Vereinbarung": {
        "en": "by appointment",
        "ar": "حسب الموعد",
        "fa": "با تعیین وقت قبلی",
        "uk": "за домовленістю",
    },
    "Di 13–16 Uhr": {
        "en": "Tue 13:00–16:00",
        "ar": "الثلاثاء 13:00–16:00",
        "fa": "سه‌شنبه، ساعت 13 تا 16",
        "uk": "Вт 13:00–16:00",
    },
    "Do 9–12 Uhr": {
        "en": "Thu 9:00–12:00",
        "ar": "الخميس 9:00–12:00",
        "fa": "پنجشنبه، ساعت 9 تا 12",
        "uk": "Чт 9:00–12:00",
    },
}
