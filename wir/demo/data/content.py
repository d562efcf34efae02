"""Demo content of the guide: sections and pages, German source with translations (own texts)."""

from typing import Final, TypedDict


class PageText(TypedDict):
    title: str
    body: str  # simple HTML: <p>, <h2>, <ul>/<li>, <strong>; no links, no inline styles


class DemoPage(TypedDict):
    slug: str  # German, lowercase ascii, hyphens (e.g. "integrationskurse")
    texts: dict[str, PageText]  # keys: "de", "en", "ar", "fa", "uk"


class DemoSection(TypedDict):
    slug: str
    texts: dict[str, PageText]  # the section's own intro page
    pages: list[DemoPage]


# Intentional gaps (demo of missing translations): six pages lack "fa",
# three of them also lack "uk":
#   erste-schritte/bus-und-bahn (fa), deutsch-lernen/sprachpruefungen (fa, uk),
#   arbeit-und-ausbildung/bewerbung (fa), wohnen/muelltrennung (fa, uk),
#   gesundheit/impfungen-und-vorsorge (fa), mitmachen/auslaenderbeirat (fa, uk).
SECTIONS: Final[list[DemoSection]] = [
    {
        "slug": "erste-schritte",
        "texts": {
            "de": {
                "title": "Erste Schritte",
                "body": (
                    "<p>Sie sind neu im Wetteraukreis? Herzlich willkommen! In den ersten Wochen gibt es viel zu erledigen. Hier finden Sie die wichtigsten Schritte in einer sinnvollen Reihenfolge.</p>"
                    "<p>Nehmen Sie sich Zeit. Sie müssen nicht alles an einem Tag schaffen. Wenn Sie Fragen haben, hilft Ihnen die Migrationsberatung oder die WIR-Koordination des Kreises.</p>"
                ),
            },
            "en": {
                "title": "First steps",
                "body": (
                    "<p>Are you new to the Wetteraukreis? A warm welcome! There is a lot to do in the first weeks. Here you will find the most important steps in a sensible order.</p>"
                    "<p>Take your time. You do not have to do everything in one day. If you have questions, the migration counselling service or the district's WIR coordination office will help you.</p>"
                ),
            },
            "ar": {
                "title": "الخطوات الأولى",
                "body": (
                    "<p>هل أنت جديد في مقاطعة فيتيراو (Wetteraukreis)؟ أهلاً وسهلاً بك! هناك أمور كثيرة يجب إنجازها في الأسابيع الأولى. ستجد هنا أهم الخطوات بترتيب مناسب.</p>"
                    "<p>خذ وقتك، فلست مضطراً إلى إنجاز كل شيء في يوم واحد. إذا كانت لديك أسئلة، فإن استشارات الهجرة أو مكتب تنسيق WIR في المقاطعة سيساعدانك.</p>"
                ),
            },
            "fa": {
                "title": "نخستین گام‌ها",
                "body": (
                    "<p>شما تازه به شهرستان وتراو (Wetteraukreis) آمده‌اید؟ خوش آمدید! در هفته‌های نخست کارهای زیادی باید انجام شود. اینجا مهم‌ترین گام‌ها را به ترتیبی مناسب می‌یابید.</p>"
                    "<p>عجله نکنید. لازم نیست همه کارها را در یک روز انجام دهید. اگر پرسشی دارید، مشاوره مهاجرت یا دفتر هماهنگی WIR شهرستان به شما کمک می‌کند.</p>"
                ),
            },
            "uk": {
                "title": "Перші кроки",
                "body": (
                    "<p>Ви нещодавно приїхали до району Веттерау (Wetteraukreis)? Щиро вітаємо! У перші тижні треба зробити багато справ. Тут ви знайдете найважливіші кроки у зручному порядку.</p>"
                    "<p>Не поспішайте. Не потрібно встигнути все за один день. Якщо у вас є запитання, вам допоможе консультація для мігрантів або координаційна служба WIR району.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "ankommen",
                "texts": {
                    "de": {
                        "title": "Ankommen im Kreis",
                        "body": (
                            "<p>Der Wetteraukreis liegt nördlich von Frankfurt am Main. Zum Kreis gehören 25 Städte und Gemeinden. Viele Ämter finden Sie im Rathaus Ihrer Stadt oder Gemeinde, andere beim Kreis in Friedberg.</p>"
                            "<h2>Das ist in den ersten Wochen wichtig</h2>"
                            "<ul><li>Wohnung anmelden</li><li>Termin bei der Ausländerbehörde machen</li><li>Bankkonto eröffnen</li><li>Krankenversicherung klären</li></ul>"
                            "<p>Bewahren Sie alle Briefe von Ämtern gut auf. Wenn Sie einen Brief nicht verstehen, fragen Sie bei einer Beratungsstelle nach.</p>"
                        ),
                    },
                    "en": {
                        "title": "Arriving in the district",
                        "body": (
                            "<p>The Wetteraukreis lies north of Frankfurt am Main. The district includes 25 towns and municipalities. You will find many offices in the town hall of your town or municipality, others at the district administration in Friedberg.</p>"
                            "<h2>What matters in the first weeks</h2>"
                            "<ul><li>Register your address</li><li>Make an appointment at the immigration office</li><li>Open a bank account</li><li>Sort out your health insurance</li></ul>"
                            "<p>Keep all letters from public offices in a safe place. If you do not understand a letter, ask at a counselling centre.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الوصول إلى المقاطعة",
                        "body": (
                            "<p>تقع مقاطعة فيتيراو شمال مدينة فرانكفورت على نهر الماين، وتضم 25 مدينة وبلدية. ستجد كثيراً من الدوائر في دار البلدية في مدينتك أو بلديتك، وبعضها الآخر لدى إدارة المقاطعة في فريدبرغ.</p>"
                            "<h2>ما هو مهم في الأسابيع الأولى</h2>"
                            "<ul><li>تسجيل السكن</li><li>حجز موعد لدى دائرة الأجانب</li><li>فتح حساب مصرفي</li><li>ترتيب التأمين الصحي</li></ul>"
                            "<p>احتفظ بجميع الرسائل التي تصلك من الدوائر الرسمية في مكان آمن. إذا لم تفهم رسالة ما، فاسأل في أحد مراكز الاستشارة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "رسیدن به شهرستان",
                        "body": (
                            "<p>شهرستان وتراو در شمال فرانکفورت آم ماین قرار دارد و ۲۵ شهر و بخش را در بر می‌گیرد. بسیاری از ادارات را در شهرداری شهر یا بخش خود پیدا می‌کنید و برخی دیگر را در اداره شهرستان در فریدبرگ.</p>"
                            "<h2>کارهای مهم در هفته‌های نخست</h2>"
                            "<ul><li>ثبت نشانی محل سکونت</li><li>گرفتن وقت از اداره اتباع خارجی</li><li>باز کردن حساب بانکی</li><li>روشن کردن وضعیت بیمه درمانی</li></ul>"
                            "<p>همه نامه‌های ادارات را با دقت نگه دارید. اگر نامه‌ای را نمی‌فهمید، از یک مرکز مشاوره بپرسید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Прибуття до району",
                        "body": (
                            "<p>Район Веттерау розташований на північ від Франкфурта-на-Майні. До нього належать 25 міст і громад. Багато установ ви знайдете в ратуші свого міста чи громади, інші — в адміністрації району у Фрідберзі.</p>"
                            "<h2>Що важливо в перші тижні</h2>"
                            "<ul><li>Зареєструвати місце проживання</li><li>Записатися на прийом до відомства у справах іноземців</li><li>Відкрити банківський рахунок</li><li>Оформити медичне страхування</li></ul>"
                            "<p>Зберігайте всі листи від установ у надійному місці. Якщо ви не розумієте листа, запитайте в консультаційному центрі.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "anmeldung-buergerbuero",
                "texts": {
                    "de": {
                        "title": "Anmeldung im Bürgerbüro",
                        "body": (
                            "<p>Wenn Sie in eine Wohnung einziehen, müssen Sie sich innerhalb von zwei Wochen anmelden. Das machen Sie im Bürgerbüro oder Einwohnermeldeamt Ihrer Stadt oder Gemeinde.</p>"
                            "<h2>Das brauchen Sie</h2>"
                            "<ul><li>Ihren Pass oder ein anderes Ausweisdokument</li><li>die Wohnungsgeberbestätigung von Ihrem Vermieter</li><li>bei Familien: die Dokumente aller Familienmitglieder</li></ul>"
                            "<p>Nach der Anmeldung bekommen Sie eine Meldebescheinigung. Diese brauchen Sie oft, zum Beispiel bei der Bank. Einige Wochen später schickt Ihnen das Finanzamt Ihre Steuer-Identifikationsnummer.</p>"
                        ),
                    },
                    "en": {
                        "title": "Registering at the citizens' office",
                        "body": (
                            "<p>When you move into a flat, you must register within two weeks. You do this at the citizens' office (Bürgerbüro) or registration office of your town or municipality.</p>"
                            "<h2>What you need</h2>"
                            "<ul><li>your passport or another identity document</li><li>the landlord's confirmation (Wohnungsgeberbestätigung)</li><li>for families: the documents of all family members</li></ul>"
                            "<p>After registering you receive a registration certificate. You will often need it, for example at the bank. A few weeks later the tax office will send you your tax identification number.</p>"
                        ),
                    },
                    "ar": {
                        "title": "التسجيل في مكتب المواطنين",
                        "body": (
                            "<p>عندما تنتقل إلى مسكن، يجب عليك تسجيل عنوانك خلال أسبوعين. يتم ذلك في مكتب المواطنين (Bürgerbüro) أو مكتب تسجيل السكان في مدينتك أو بلديتك.</p>"
                            "<h2>ما تحتاج إليه</h2>"
                            "<ul><li>جواز سفرك أو وثيقة هوية أخرى</li><li>تأكيد السكن من المؤجر (Wohnungsgeberbestätigung)</li><li>للعائلات: وثائق جميع أفراد الأسرة</li></ul>"
                            "<p>بعد التسجيل تحصل على شهادة تسجيل السكن، وستحتاج إليها كثيراً، مثلاً في البنك. وبعد بضعة أسابيع يرسل إليك مكتب الضرائب رقم التعريف الضريبي الخاص بك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "ثبت‌نام در دفتر خدمات شهروندی",
                        "body": (
                            "<p>وقتی به خانه‌ای نقل مکان می‌کنید، باید ظرف دو هفته نشانی خود را ثبت کنید. این کار در دفتر خدمات شهروندی (Bürgerbüro) یا اداره ثبت ساکنان شهر یا بخش شما انجام می‌شود.</p>"
                            "<h2>مدارک لازم</h2>"
                            "<ul><li>گذرنامه یا مدرک هویتی دیگر</li><li>تأییدیه سکونت از صاحبخانه (Wohnungsgeberbestätigung)</li><li>برای خانواده‌ها: مدارک همه اعضای خانواده</li></ul>"
                            "<p>پس از ثبت‌نام، گواهی ثبت سکونت دریافت می‌کنید. این گواهی را اغلب لازم دارید، برای نمونه در بانک. چند هفته بعد اداره مالیات شماره شناسایی مالیاتی شما را برایتان می‌فرستد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Реєстрація в бюро громадян",
                        "body": (
                            "<p>Коли ви заселяєтеся в житло, ви повинні зареєструватися протягом двох тижнів. Це робиться в бюро громадян (Bürgerbüro) або в реєстраційному відділі вашого міста чи громади.</p>"
                            "<h2>Що вам потрібно</h2>"
                            "<ul><li>паспорт або інший документ, що посвідчує особу</li><li>підтвердження від орендодавця (Wohnungsgeberbestätigung)</li><li>для сімей: документи всіх членів родини</li></ul>"
                            "<p>Після реєстрації ви отримаєте довідку про реєстрацію. Вона часто знадобиться, наприклад, у банку. Через кілька тижнів податкова служба надішле вам ваш податковий ідентифікаційний номер.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "auslaenderbehoerde",
                "texts": {
                    "de": {
                        "title": "Die Ausländerbehörde",
                        "body": (
                            "<p>Die Ausländerbehörde ist für Ihren Aufenthalt zuständig. Sie gehört zum Fachdienst Migration des Kreises. Dort bekommen oder verlängern Sie zum Beispiel Ihren Aufenthaltstitel.</p>"
                            "<p>Für fast alle Anliegen brauchen Sie einen Termin. Achten Sie auf das Ablaufdatum Ihres Dokuments. Stellen Sie Ihren Antrag auf Verlängerung rechtzeitig, bevor das Dokument abläuft.</p>"
                            "<p>Bringen Sie zum Termin alle Unterlagen mit, die im Einladungsschreiben stehen. Allgemeine Fragen beantwortet das Servicetelefon des Fachdienstes Migration.</p>"
                        ),
                    },
                    "en": {
                        "title": "The immigration office",
                        "body": (
                            "<p>The immigration office (Ausländerbehörde) is responsible for your residence status. It is part of the district's migration department. There you receive or extend your residence permit, for example.</p>"
                            "<p>You need an appointment for almost every matter. Keep an eye on the expiry date of your document. Apply for an extension in good time, before the document expires.</p>"
                            "<p>Bring all the documents listed in your invitation letter to the appointment. General questions are answered by the service hotline of the migration department.</p>"
                        ),
                    },
                    "ar": {
                        "title": "دائرة الأجانب",
                        "body": (
                            "<p>دائرة الأجانب (Ausländerbehörde) هي الجهة المسؤولة عن إقامتك، وهي جزء من قسم الهجرة في المقاطعة. هناك تحصل مثلاً على تصريح الإقامة أو تمدّده.</p>"
                            "<p>تحتاج إلى موعد لجميع المعاملات تقريباً. انتبه إلى تاريخ انتهاء وثيقتك، وقدّم طلب التمديد في الوقت المناسب قبل انتهاء صلاحيتها.</p>"
                            "<p>أحضر معك إلى الموعد جميع المستندات المذكورة في رسالة الدعوة. أما الأسئلة العامة فيجيب عنها هاتف الخدمة التابع لقسم الهجرة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "اداره اتباع خارجی",
                        "body": (
                            "<p>اداره اتباع خارجی (Ausländerbehörde) مسئول امور اقامت شماست و زیرمجموعه بخش مهاجرت شهرستان است. در آنجا برای نمونه اجازه اقامت خود را دریافت یا تمدید می‌کنید.</p>"
                            "<p>تقریباً برای همه کارها به وقت قبلی نیاز دارید. به تاریخ انقضای مدرک خود توجه کنید و درخواست تمدید را به‌موقع، پیش از پایان اعتبار مدرک، ارائه دهید.</p>"
                            "<p>همه مدارکی را که در دعوت‌نامه ذکر شده است با خود بیاورید. به پرسش‌های عمومی، تلفن خدمات بخش مهاجرت پاسخ می‌دهد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Відомство у справах іноземців",
                        "body": (
                            "<p>Відомство у справах іноземців (Ausländerbehörde) відповідає за ваше перебування в Німеччині. Воно належить до служби з питань міграції району. Там ви, наприклад, отримуєте або продовжуєте дозвіл на проживання.</p>"
                            "<p>Майже для всіх питань потрібен запис на прийом. Стежте за терміном дії вашого документа. Подавайте заяву на продовження вчасно, ще до закінчення терміну дії.</p>"
                            "<p>Візьміть на прийом усі документи, зазначені в запрошенні. На загальні запитання відповідає сервісний телефон служби з питань міграції.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "bankkonto",
                "texts": {
                    "de": {
                        "title": "Ein Bankkonto eröffnen",
                        "body": (
                            "<p>In Deutschland brauchen Sie fast immer ein Bankkonto, zum Beispiel für Ihren Lohn, für Leistungen vom Jobcenter oder für die Miete.</p>"
                            "<p>Jeder Mensch, der sich rechtmäßig in der EU aufhält, hat ein Recht auf ein Basiskonto. Das gilt auch für Geflüchtete. Die Bank darf ein Basiskonto nur aus wenigen Gründen ablehnen.</p>"
                            "<p>Bringen Sie Ihren Pass oder Ihr Aufenthaltsdokument und die Meldebescheinigung mit. Fragen Sie nach den monatlichen Kosten und vergleichen Sie mehrere Banken.</p>"
                        ),
                    },
                    "en": {
                        "title": "Opening a bank account",
                        "body": (
                            "<p>In Germany you almost always need a bank account, for example for your wages, for payments from the job centre or for the rent.</p>"
                            "<p>Everyone who is legally resident in the EU has the right to a basic account (Basiskonto). This also applies to refugees. The bank may refuse a basic account only for a few reasons.</p>"
                            "<p>Bring your passport or residence document and your registration certificate. Ask about the monthly fees and compare several banks.</p>"
                        ),
                    },
                    "ar": {
                        "title": "فتح حساب مصرفي",
                        "body": (
                            "<p>تحتاج في ألمانيا دائماً تقريباً إلى حساب مصرفي، مثلاً لاستلام راتبك أو المساعدات من مركز العمل (Jobcenter) أو لدفع الإيجار.</p>"
                            "<p>لكل شخص يقيم بصورة قانونية في الاتحاد الأوروبي الحق في حساب أساسي (Basiskonto)، وهذا يشمل اللاجئين أيضاً. ولا يجوز للبنك رفض فتح الحساب الأساسي إلا لأسباب قليلة.</p>"
                            "<p>أحضر جواز سفرك أو وثيقة إقامتك وشهادة تسجيل السكن. اسأل عن الرسوم الشهرية وقارن بين عدة بنوك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "باز کردن حساب بانکی",
                        "body": (
                            "<p>در آلمان تقریباً همیشه به حساب بانکی نیاز دارید، برای نمونه برای دریافت حقوق، کمک‌هزینه‌های جاب‌سنتر (Jobcenter) یا پرداخت اجاره.</p>"
                            "<p>هر کسی که به‌طور قانونی در اتحادیه اروپا اقامت دارد، حق داشتن یک حساب پایه (Basiskonto) را دارد. این حق شامل پناهجویان نیز می‌شود. بانک تنها به چند دلیل محدود می‌تواند حساب پایه را رد کند.</p>"
                            "<p>گذرنامه یا مدرک اقامت و گواهی ثبت سکونت خود را همراه بیاورید. درباره هزینه‌های ماهانه بپرسید و چند بانک را با هم مقایسه کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Відкрити банківський рахунок",
                        "body": (
                            "<p>У Німеччині вам майже завжди потрібен банківський рахунок, наприклад для зарплати, виплат від джобцентру або для оплати оренди.</p>"
                            "<p>Кожна людина, яка законно перебуває в ЄС, має право на базовий рахунок (Basiskonto). Це стосується і біженців. Банк може відмовити у базовому рахунку лише з кількох причин.</p>"
                            "<p>Візьміть із собою паспорт або документ на проживання та довідку про реєстрацію. Запитайте про щомісячну плату й порівняйте кілька банків.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "krankenversicherung",
                "texts": {
                    "de": {
                        "title": "Krankenversicherung",
                        "body": (
                            "<p>In Deutschland muss jeder Mensch krankenversichert sein. Die Versicherung bezahlt Arztbesuche, Krankenhaus und viele Medikamente.</p>"
                            "<ul><li>Wenn Sie angestellt sind, meldet Ihr Arbeitgeber Sie bei einer Krankenkasse an. Die Krankenkasse können Sie selbst wählen.</li><li>Wenn Sie Bürgergeld bekommen, versichert Sie das Jobcenter.</li><li>Wenn Sie Leistungen nach dem Asylbewerberleistungsgesetz bekommen, erhalten Sie Hilfe über das Sozialamt.</li></ul>"
                            "<p>Sie bekommen eine Gesundheitskarte. Nehmen Sie diese Karte zu jedem Arztbesuch mit.</p>"
                        ),
                    },
                    "en": {
                        "title": "Health insurance",
                        "body": (
                            "<p>In Germany everyone must have health insurance. The insurance pays for doctor's visits, hospital stays and many medicines.</p>"
                            "<ul><li>If you are employed, your employer registers you with a health insurance fund. You can choose the fund yourself.</li><li>If you receive citizen's benefit (Bürgergeld), the job centre insures you.</li><li>If you receive benefits under the Asylum Seekers' Benefits Act, you get help through the social welfare office.</li></ul>"
                            "<p>You will receive a health card. Take this card with you to every doctor's appointment.</p>"
                        ),
                    },
                    "ar": {
                        "title": "التأمين الصحي",
                        "body": (
                            "<p>في ألمانيا يجب أن يكون كل شخص مؤمَّناً صحياً. يدفع التأمين تكاليف زيارات الطبيب والمستشفى وكثير من الأدوية.</p>"
                            "<ul><li>إذا كنت موظفاً، يسجّلك صاحب العمل لدى صندوق تأمين صحي، ويمكنك اختيار الصندوق بنفسك.</li><li>إذا كنت تحصل على إعانة المواطن (Bürgergeld)، فإن مركز العمل يتولى تأمينك.</li><li>إذا كنت تحصل على مساعدات بموجب قانون مساعدات طالبي اللجوء، فتحصل على المساعدة عن طريق مكتب الشؤون الاجتماعية.</li></ul>"
                            "<p>ستحصل على بطاقة صحية. خذ هذه البطاقة معك في كل زيارة للطبيب.</p>"
                        ),
                    },
                    "fa": {
                        "title": "بیمه درمانی",
                        "body": (
                            "<p>در آلمان همه باید بیمه درمانی داشته باشند. بیمه هزینه مراجعه به پزشک، بیمارستان و بسیاری از داروها را می‌پردازد.</p>"
                            "<ul><li>اگر کارمند هستید، کارفرما شما را نزد یک صندوق بیمه درمانی ثبت می‌کند. صندوق بیمه را خودتان می‌توانید انتخاب کنید.</li><li>اگر کمک‌هزینه شهروندی (Bürgergeld) دریافت می‌کنید، جاب‌سنتر شما را بیمه می‌کند.</li><li>اگر طبق قانون کمک‌هزینه پناهجویان کمک دریافت می‌کنید، از طریق اداره امور اجتماعی کمک می‌گیرید.</li></ul>"
                            "<p>شما یک کارت سلامت دریافت می‌کنید. این کارت را در هر مراجعه به پزشک همراه داشته باشید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Медичне страхування",
                        "body": (
                            "<p>У Німеччині кожна людина повинна мати медичне страхування. Страховка оплачує візити до лікаря, лікарню та багато ліків.</p>"
                            "<ul><li>Якщо ви працюєте за наймом, роботодавець реєструє вас у лікарняній касі. Касу ви можете обрати самі.</li><li>Якщо ви отримуєте громадянську допомогу (Bürgergeld), вас страхує джобцентр.</li><li>Якщо ви отримуєте виплати за Законом про допомогу шукачам притулку, допомогу надає соціальне відомство.</li></ul>"
                            "<p>Ви отримаєте медичну картку. Беріть її з собою на кожен прийом до лікаря.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "wichtige-dokumente",
                "texts": {
                    "de": {
                        "title": "Wichtige Dokumente",
                        "body": (
                            "<p>Sie bekommen in Deutschland viele Briefe und Bescheinigungen. Manche brauchen Sie noch nach Jahren. Legen Sie deshalb einen Ordner für Ihre Papiere an.</p>"
                            "<ul><li>Pass, Aufenthaltsdokument und Meldebescheinigung</li><li>Geburts- und Heiratsurkunden</li><li>Zeugnisse und Arbeitsverträge</li><li>Briefe von Ämtern, Krankenkasse und Vermieter</li></ul>"
                            "<p>Machen Sie von wichtigen Dokumenten eine Kopie. Geben Sie Originale nur ab, wenn ein Amt das ausdrücklich verlangt.</p>"
                        ),
                    },
                    "en": {
                        "title": "Important documents",
                        "body": (
                            "<p>In Germany you receive many letters and certificates. You may still need some of them years later. So keep a folder for your papers.</p>"
                            "<ul><li>passport, residence document and registration certificate</li><li>birth and marriage certificates</li><li>school and work certificates, employment contracts</li><li>letters from public offices, your health insurance fund and your landlord</li></ul>"
                            "<p>Make copies of important documents. Only hand in originals if an office expressly asks for them.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الوثائق المهمة",
                        "body": (
                            "<p>تصلك في ألمانيا رسائل وشهادات كثيرة، وقد تحتاج إلى بعضها حتى بعد سنوات. لذلك خصّص ملفاً لحفظ أوراقك.</p>"
                            "<ul><li>جواز السفر ووثيقة الإقامة وشهادة تسجيل السكن</li><li>شهادات الميلاد وعقود الزواج</li><li>الشهادات الدراسية وعقود العمل</li><li>رسائل الدوائر الرسمية وصندوق التأمين الصحي والمؤجر</li></ul>"
                            "<p>انسخ الوثائق المهمة. ولا تسلّم النسخ الأصلية إلا إذا طلبتها دائرة رسمية صراحةً.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مدارک مهم",
                        "body": (
                            "<p>در آلمان نامه‌ها و گواهی‌های زیادی دریافت می‌کنید و ممکن است برخی از آن‌ها را سال‌ها بعد هم لازم داشته باشید. پس برای مدارک خود یک پوشه درست کنید.</p>"
                            "<ul><li>گذرنامه، مدرک اقامت و گواهی ثبت سکونت</li><li>شناسنامه و سند ازدواج</li><li>مدارک تحصیلی و قراردادهای کار</li><li>نامه‌های ادارات، صندوق بیمه درمانی و صاحبخانه</li></ul>"
                            "<p>از مدارک مهم کپی تهیه کنید. اصل مدارک را فقط زمانی تحویل دهید که اداره‌ای صریحاً آن را بخواهد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Важливі документи",
                        "body": (
                            "<p>У Німеччині ви отримуєте багато листів і довідок. Деякі з них можуть знадобитися навіть через роки. Тому заведіть окрему папку для своїх паперів.</p>"
                            "<ul><li>паспорт, документ на проживання та довідка про реєстрацію</li><li>свідоцтва про народження та шлюб</li><li>атестати, дипломи та трудові договори</li><li>листи від установ, лікарняної каси та орендодавця</li></ul>"
                            "<p>Зробіть копії важливих документів. Віддавайте оригінали лише тоді, коли установа прямо цього вимагає.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "bus-und-bahn",
                "texts": {
                    "de": {
                        "title": "Mit Bus und Bahn unterwegs",
                        "body": (
                            "<p>Im Wetteraukreis fahren Busse und Züge des Rhein-Main-Verkehrsverbunds. Mit einer Fahrkarte können Sie verschiedene Busse und Bahnen nutzen.</p>"
                            "<p>Auf dem Land fahren Busse oft nur selten. Schauen Sie vorher in den Fahrplan. In manchen Gemeinden gibt es zusätzlich Rufbusse, die Sie vorher bestellen müssen.</p>"
                            "<p>Wer oft fährt, spart mit einer Monatskarte, zum Beispiel mit dem Deutschlandticket. Fragen Sie auch nach Ermäßigungen für Schülerinnen, Schüler und Menschen mit wenig Geld.</p>"
                        ),
                    },
                    "en": {
                        "title": "Getting around by bus and train",
                        "body": (
                            "<p>In the Wetteraukreis, buses and trains of the Rhine-Main transport association (RMV) operate. With one ticket you can use different buses and trains.</p>"
                            "<p>In rural areas buses often run only rarely. Check the timetable beforehand. Some municipalities also have on-demand buses that you have to book in advance.</p>"
                            "<p>If you travel often, a monthly ticket such as the Deutschlandticket saves money. Also ask about discounts for pupils and people on a low income.</p>"
                        ),
                    },
                    "ar": {
                        "title": "التنقل بالحافلة والقطار",
                        "body": (
                            "<p>تعمل في مقاطعة فيتيراو حافلات وقطارات اتحاد النقل في منطقة الراين والماين (RMV). وبتذكرة واحدة يمكنك استخدام حافلات وقطارات مختلفة.</p>"
                            "<p>في الأرياف لا تسير الحافلات في كثير من الأحيان إلا نادراً، لذا اطّلع على جدول المواعيد مسبقاً. وفي بعض البلديات توجد أيضاً حافلات عند الطلب يجب حجزها مسبقاً.</p>"
                            "<p>إذا كنت تسافر كثيراً فإن التذكرة الشهرية، مثل تذكرة ألمانيا (Deutschlandticket)، توفّر عليك المال. واسأل أيضاً عن التخفيضات للتلاميذ ولذوي الدخل المحدود.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Подорожі автобусом і потягом",
                        "body": (
                            "<p>У районі Веттерау курсують автобуси та потяги транспортного об'єднання Рейн-Майн (RMV). З одним квитком ви можете користуватися різними автобусами й потягами.</p>"
                            "<p>У сільській місцевості автобуси часто ходять рідко. Перевірте розклад заздалегідь. У деяких громадах є також автобуси на замовлення, які потрібно бронювати наперед.</p>"
                            "<p>Якщо ви часто їздите, місячний квиток, наприклад Deutschlandticket, допоможе заощадити. Запитайте також про знижки для школярів і людей з низьким доходом.</p>"
                        ),
                    },
                },
            },
        ],
    },
    {
        "slug": "deutsch-lernen",
        "texts": {
            "de": {
                "title": "Deutsch lernen",
                "body": (
                    "<p>Mit guten Deutschkenntnissen finden Sie leichter Arbeit, Freunde und Ihren Weg durch den Alltag. Im Wetteraukreis gibt es viele Möglichkeiten, Deutsch zu lernen.</p>"
                    "<p>Es gibt Kurse vom Staat, Kurse für den Beruf und kostenlose Angebote von Ehrenamtlichen. Hier erfahren Sie, welcher Kurs zu Ihnen passt und wo Sie sich anmelden.</p>"
                ),
            },
            "en": {
                "title": "Learning German",
                "body": (
                    "<p>With good German skills it is easier to find work, make friends and manage everyday life. There are many ways to learn German in the Wetteraukreis.</p>"
                    "<p>There are state-funded courses, courses for work and free offers from volunteers. Here you can find out which course suits you and where to sign up.</p>"
                ),
            },
            "ar": {
                "title": "تعلّم اللغة الألمانية",
                "body": (
                    "<p>مع معرفة جيدة باللغة الألمانية يصبح من الأسهل أن تجد عملاً وأصدقاء وأن تتدبّر حياتك اليومية. وفي مقاطعة فيتيراو فرص كثيرة لتعلّم الألمانية.</p>"
                    "<p>هناك دورات تموّلها الدولة، ودورات مهنية، وعروض مجانية يقدّمها متطوعون. ستعرف هنا أي دورة تناسبك وأين تسجّل فيها.</p>"
                ),
            },
            "fa": {
                "title": "یادگیری زبان آلمانی",
                "body": (
                    "<p>با دانستن زبان آلمانی راحت‌تر کار و دوست پیدا می‌کنید و زندگی روزمره را بهتر اداره می‌کنید. در شهرستان وتراو امکانات زیادی برای یادگیری آلمانی وجود دارد.</p>"
                    "<p>دوره‌های دولتی، دوره‌های ویژه شغل و برنامه‌های رایگان داوطلبان در دسترس است. اینجا می‌فهمید کدام دوره برای شما مناسب است و کجا باید ثبت‌نام کنید.</p>"
                ),
            },
            "uk": {
                "title": "Вивчення німецької",
                "body": (
                    "<p>Добре знання німецької мови допомагає легше знайти роботу, друзів і впоратися з повсякденними справами. У районі Веттерау є багато можливостей вивчати німецьку.</p>"
                    "<p>Є державні курси, курси для професії та безкоштовні пропозиції від волонтерів. Тут ви дізнаєтеся, який курс вам підходить і де на нього записатися.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "integrationskurse",
                "texts": {
                    "de": {
                        "title": "Integrationskurse",
                        "body": (
                            "<p>Der Integrationskurs besteht aus einem Sprachkurs und einem Orientierungskurs. Im Orientierungskurs lernen Sie etwas über Geschichte, Politik und Zusammenleben in Deutschland.</p>"
                            "<p>Die Kurse werden vom Bundesamt für Migration und Flüchtlinge gefördert. Für die Teilnahme brauchen Sie meistens eine Berechtigung, zum Beispiel von der Ausländerbehörde oder vom Jobcenter. Oft ist der Kurs für Sie kostenlos.</p>"
                            "<p>Am Ende machen Sie eine Prüfung. Kursträger gibt es in mehreren Städten im Kreis. Die Migrationsberatung hilft Ihnen, einen passenden Kurs zu finden.</p>"
                        ),
                    },
                    "en": {
                        "title": "Integration courses",
                        "body": (
                            "<p>The integration course consists of a language course and an orientation course. In the orientation course you learn about history, politics and living together in Germany.</p>"
                            "<p>The courses are funded by the Federal Office for Migration and Refugees. To take part you usually need an entitlement, for example from the immigration office or the job centre. The course is often free for you.</p>"
                            "<p>At the end you take an exam. There are course providers in several towns in the district. The migration counselling service will help you find a suitable course.</p>"
                        ),
                    },
                    "ar": {
                        "title": "دورات الاندماج",
                        "body": (
                            "<p>تتكون دورة الاندماج من دورة لغة ودورة توجيه. في دورة التوجيه تتعرّف على تاريخ ألمانيا وسياستها والحياة المشتركة فيها.</p>"
                            "<p>يموّل المكتب الاتحادي للهجرة واللاجئين هذه الدورات. وللمشاركة تحتاج في الغالب إلى إذن، مثلاً من دائرة الأجانب أو من مركز العمل. وكثيراً ما تكون الدورة مجانية لك.</p>"
                            "<p>في نهاية الدورة تخضع لامتحان. توجد جهات تقدّم الدورات في عدة مدن في المقاطعة، وتساعدك استشارات الهجرة في العثور على دورة مناسبة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "دوره‌های ادغام",
                        "body": (
                            "<p>دوره ادغام از یک دوره زبان و یک دوره آشنایی تشکیل شده است. در دوره آشنایی درباره تاریخ، سیاست و زندگی مشترک در آلمان یاد می‌گیرید.</p>"
                            "<p>این دوره‌ها از سوی اداره فدرال مهاجرت و پناهندگان حمایت مالی می‌شوند. برای شرکت معمولاً به مجوز نیاز دارید، برای نمونه از اداره اتباع خارجی یا جاب‌سنتر. اغلب دوره برای شما رایگان است.</p>"
                            "<p>در پایان دوره امتحان می‌دهید. برگزارکنندگان دوره در چند شهر شهرستان فعال‌اند. مشاوره مهاجرت به شما کمک می‌کند دوره مناسبی پیدا کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Інтеграційні курси",
                        "body": (
                            "<p>Інтеграційний курс складається з мовного курсу та орієнтаційного курсу. На орієнтаційному курсі ви дізнаєтеся про історію, політику та спільне життя в Німеччині.</p>"
                            "<p>Курси фінансує Федеральне відомство з питань міграції та біженців. Для участі зазвичай потрібен дозвіл, наприклад від відомства у справах іноземців або від джобцентру. Часто курс для вас безкоштовний.</p>"
                            "<p>Наприкінці ви складаєте іспит. Організатори курсів є в кількох містах району. Консультація для мігрантів допоможе вам знайти відповідний курс.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "berufssprachkurse",
                "texts": {
                    "de": {
                        "title": "Berufssprachkurse",
                        "body": (
                            "<p>Berufssprachkurse sind für Menschen, die schon etwas Deutsch können und ihr Deutsch für die Arbeit verbessern wollen. Sie lernen zum Beispiel, wie man E-Mails schreibt oder im Team spricht.</p>"
                            "<p>Es gibt allgemeine Kurse und Kurse für bestimmte Berufe, zum Beispiel für Pflege und Gesundheit. Meistens brauchen Sie schon das Sprachniveau B1.</p>"
                            "<p>Sprechen Sie mit Ihrer Beraterin oder Ihrem Berater beim Jobcenter oder bei der Agentur für Arbeit. Dort bekommen Sie die Berechtigung für den Kurs.</p>"
                        ),
                    },
                    "en": {
                        "title": "Job-related language courses",
                        "body": (
                            "<p>Job-related language courses are for people who already speak some German and want to improve their German for work. You learn, for example, how to write e-mails or talk in a team.</p>"
                            "<p>There are general courses and courses for specific professions, for example care and health. Usually you already need language level B1.</p>"
                            "<p>Talk to your adviser at the job centre or the employment agency. There you receive the entitlement for the course.</p>"
                        ),
                    },
                    "ar": {
                        "title": "دورات اللغة المهنية",
                        "body": (
                            "<p>دورات اللغة المهنية مخصّصة لمن يعرف بعض الألمانية ويريد تحسين لغته من أجل العمل. تتعلّم فيها مثلاً كيف تكتب رسائل البريد الإلكتروني أو تتحدث ضمن فريق.</p>"
                            "<p>هناك دورات عامة ودورات لمهن معيّنة، مثل التمريض والرعاية الصحية. وفي الغالب تحتاج إلى مستوى اللغة B1 على الأقل.</p>"
                            "<p>تحدّث مع المستشار المسؤول عنك في مركز العمل (Jobcenter) أو في وكالة العمل، فهناك تحصل على الإذن بالمشاركة في الدورة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "دوره‌های زبان شغلی",
                        "body": (
                            "<p>دوره‌های زبان شغلی برای کسانی است که کمی آلمانی بلدند و می‌خواهند زبان خود را برای کار تقویت کنند. برای نمونه یاد می‌گیرید چگونه ایمیل بنویسید یا در گروه کاری صحبت کنید.</p>"
                            "<p>دوره‌های عمومی و دوره‌های ویژه برخی مشاغل، مثلاً پرستاری و بهداشت، وجود دارد. معمولاً باید از پیش سطح زبان B1 را داشته باشید.</p>"
                            "<p>با مشاور خود در جاب‌سنتر یا اداره کار صحبت کنید. مجوز شرکت در دوره را از آنجا دریافت می‌کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Професійні мовні курси",
                        "body": (
                            "<p>Професійні мовні курси призначені для людей, які вже трохи знають німецьку й хочуть покращити її для роботи. Ви навчитеся, наприклад, писати електронні листи або спілкуватися в команді.</p>"
                            "<p>Є загальні курси та курси для окремих професій, наприклад у сфері догляду та охорони здоров'я. Зазвичай потрібен рівень мови B1.</p>"
                            "<p>Поговоріть зі своїм консультантом у джобцентрі або в агентстві зайнятості. Там ви отримаєте дозвіл на курс.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "sprachcafes",
                "texts": {
                    "de": {
                        "title": "Ehrenamtliche Sprachcafés",
                        "body": (
                            "<p>In vielen Orten im Kreis treffen sich Menschen regelmäßig zum Sprachcafé. Ehrenamtliche helfen Ihnen dort beim Sprechen, Lesen und Schreiben. Eine Anmeldung ist meistens nicht nötig.</p>"
                            "<p>Das Sprachcafé ersetzt keinen Kurs. Es ist aber eine gute Ergänzung: Sie üben ohne Druck und lernen neue Leute kennen.</p>"
                            "<p>Wo und wann es ein Sprachcafé gibt, erfahren Sie im Rathaus, in der Kirchengemeinde, in der Bücherei oder bei der WIR-Koordination des Kreises.</p>"
                        ),
                    },
                    "en": {
                        "title": "Volunteer language cafés",
                        "body": (
                            "<p>In many places in the district, people meet regularly at a language café. Volunteers help you with speaking, reading and writing. Usually you do not need to register.</p>"
                            "<p>A language café does not replace a course. But it is a good addition: you practise without pressure and meet new people.</p>"
                            "<p>You can find out where and when there is a language café at the town hall, the local church community, the library or the district's WIR coordination office.</p>"
                        ),
                    },
                    "ar": {
                        "title": "مقاهي اللغة التطوعية",
                        "body": (
                            "<p>في أماكن كثيرة من المقاطعة يلتقي الناس بانتظام في مقهى اللغة، حيث يساعدك متطوعون على المحادثة والقراءة والكتابة. ولا يلزم التسجيل في معظم الأحيان.</p>"
                            "<p>لا يحلّ مقهى اللغة محلّ الدورة، لكنه إضافة جيدة: تتدرّب دون ضغط وتتعرّف على أشخاص جدد.</p>"
                            "<p>يمكنك معرفة أماكن مقاهي اللغة ومواعيدها في دار البلدية أو الرعية الكنسية أو المكتبة العامة أو لدى مكتب تنسيق WIR في المقاطعة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "کافه‌های زبان داوطلبانه",
                        "body": (
                            "<p>در بسیاری از نقاط شهرستان، مردم به‌طور منظم در کافه زبان دور هم جمع می‌شوند. داوطلبان در آنجا در صحبت کردن، خواندن و نوشتن به شما کمک می‌کنند. معمولاً ثبت‌نام لازم نیست.</p>"
                            "<p>کافه زبان جای دوره زبان را نمی‌گیرد، اما مکمل خوبی است: بدون فشار تمرین می‌کنید و با آدم‌های تازه آشنا می‌شوید.</p>"
                            "<p>برای اینکه بدانید کافه زبان کجا و چه زمانی برگزار می‌شود، از شهرداری، کلیسای محل، کتابخانه یا دفتر هماهنگی WIR شهرستان بپرسید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Волонтерські мовні кафе",
                        "body": (
                            "<p>У багатьох населених пунктах району люди регулярно зустрічаються в мовному кафе. Волонтери допомагають вам говорити, читати й писати. Зазвичай реєстрація не потрібна.</p>"
                            "<p>Мовне кафе не замінює курсу. Але це гарне доповнення: ви практикуєтеся без тиску та знайомитеся з новими людьми.</p>"
                            "<p>Де і коли працює мовне кафе, можна дізнатися в ратуші, церковній громаді, бібліотеці або в координаційній службі WIR району.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "alphabetisierung",
                "texts": {
                    "de": {
                        "title": "Alphabetisierungskurse",
                        "body": (
                            "<p>Manche Menschen haben nie lesen und schreiben gelernt. Andere kennen nur eine andere Schrift, zum Beispiel die arabische. Für sie gibt es Integrationskurse mit Alphabetisierung.</p>"
                            "<p>Diese Kurse dauern länger als ein normaler Integrationskurs. Die Gruppen sind kleiner, und die Lehrkräfte haben mehr Zeit für jede Person.</p>"
                            "<p>Sie müssen sich nicht schämen. Viele Erwachsene lernen erst spät lesen und schreiben. Die Migrationsberatung hilft Ihnen vertraulich, einen passenden Kurs zu finden.</p>"
                        ),
                    },
                    "en": {
                        "title": "Literacy courses",
                        "body": (
                            "<p>Some people have never learned to read and write. Others only know a different script, for example Arabic. For them there are integration courses with literacy training.</p>"
                            "<p>These courses last longer than a regular integration course. The groups are smaller, and the teachers have more time for each person.</p>"
                            "<p>There is no need to feel ashamed. Many adults only learn to read and write later in life. The migration counselling service will help you confidentially to find a suitable course.</p>"
                        ),
                    },
                    "ar": {
                        "title": "دورات محو الأمية",
                        "body": (
                            "<p>بعض الناس لم يتعلّموا القراءة والكتابة قط، وبعضهم لا يعرف إلا خطاً آخر، مثل الخط العربي. لهؤلاء توجد دورات اندماج مع تعليم القراءة والكتابة.</p>"
                            "<p>تستغرق هذه الدورات وقتاً أطول من دورة الاندماج العادية، والمجموعات فيها أصغر، ولدى المعلّمين وقت أكثر لكل شخص.</p>"
                            "<p>لا داعي للخجل، فكثير من البالغين يتعلّمون القراءة والكتابة في سن متأخرة. وتساعدك استشارات الهجرة بسرية تامة في العثور على دورة مناسبة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "دوره‌های سوادآموزی",
                        "body": (
                            "<p>برخی افراد هرگز خواندن و نوشتن یاد نگرفته‌اند. برخی دیگر فقط با خط دیگری، مثلاً خط عربی، آشنا هستند. برای آنان دوره‌های ادغام همراه با سوادآموزی وجود دارد.</p>"
                            "<p>این دوره‌ها طولانی‌تر از دوره ادغام معمولی هستند. گروه‌ها کوچک‌ترند و معلمان برای هر نفر وقت بیشتری دارند.</p>"
                            "<p>لازم نیست خجالت بکشید. بسیاری از بزرگسالان خواندن و نوشتن را دیرتر یاد می‌گیرند. مشاوره مهاجرت به‌صورت محرمانه به شما کمک می‌کند دوره مناسبی پیدا کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Курси грамотності",
                        "body": (
                            "<p>Деякі люди ніколи не вчилися читати й писати. Інші знають лише іншу писемність, наприклад арабську. Для них є інтеграційні курси з навчанням грамоти.</p>"
                            "<p>Ці курси тривають довше, ніж звичайний інтеграційний курс. Групи менші, а викладачі мають більше часу для кожної людини.</p>"
                            "<p>Не треба соромитися. Багато дорослих вчаться читати й писати пізніше в житті. Консультація для мігрантів конфіденційно допоможе вам знайти відповідний курс.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "kinderbetreuung-im-kurs",
                "texts": {
                    "de": {
                        "title": "Kinderbetreuung während des Kurses",
                        "body": (
                            "<p>Sie möchten einen Deutschkurs besuchen, aber Ihre Kinder sind noch klein? Dafür gibt es Lösungen.</p>"
                            "<ul><li>Eltern- und Frauenintegrationskurse finden oft am Vormittag statt, wenn die Kinder in der Kita oder Schule sind.</li><li>Manche Kursträger bieten eine Kinderbetreuung im selben Haus an.</li><li>Ein Kita-Platz oder eine Tagespflege kann Ihnen Zeit zum Lernen geben.</li></ul>"
                            "<p>Fragen Sie direkt beim Kursträger nach. Auch die Migrationsberatung kennt die Angebote in Ihrer Nähe.</p>"
                        ),
                    },
                    "en": {
                        "title": "Childcare during the course",
                        "body": (
                            "<p>Would you like to attend a German course, but your children are still small? There are solutions for this.</p>"
                            "<ul><li>Integration courses for parents and for women often take place in the morning, when the children are at daycare or school.</li><li>Some course providers offer childcare in the same building.</li><li>A daycare place or a childminder can give you time to study.</li></ul>"
                            "<p>Ask the course provider directly. The migration counselling service also knows the offers near you.</p>"
                        ),
                    },
                    "ar": {
                        "title": "رعاية الأطفال أثناء الدورة",
                        "body": (
                            "<p>هل تريد حضور دورة لغة ألمانية لكن أطفالك ما زالوا صغاراً؟ هناك حلول لذلك.</p>"
                            "<ul><li>دورات الاندماج الخاصة بالآباء والأمهات وبالنساء تُعقد غالباً في الصباح، حين يكون الأطفال في الروضة أو المدرسة.</li><li>بعض الجهات المنظِّمة للدورات توفّر رعاية للأطفال في المبنى نفسه.</li><li>مكان في روضة أطفال أو لدى مربية أطفال نهارية يمنحك وقتاً للتعلّم.</li></ul>"
                            "<p>اسأل الجهة المنظِّمة للدورة مباشرةً. كما أن استشارات الهجرة تعرف العروض المتاحة بالقرب منك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "نگهداری از کودکان هنگام دوره",
                        "body": (
                            "<p>می‌خواهید در دوره زبان آلمانی شرکت کنید، اما فرزندانتان هنوز کوچک‌اند؟ برای این وضعیت راه‌حل‌هایی وجود دارد.</p>"
                            "<ul><li>دوره‌های ادغام ویژه والدین و ویژه زنان اغلب صبح‌ها برگزار می‌شوند، زمانی که کودکان در مهدکودک یا مدرسه هستند.</li><li>برخی برگزارکنندگان دوره در همان ساختمان از کودکان نگهداری می‌کنند.</li><li>جای مهدکودک یا پرستار روزانه کودک می‌تواند به شما فرصت یادگیری بدهد.</li></ul>"
                            "<p>مستقیماً از برگزارکننده دوره بپرسید. مشاوره مهاجرت نیز امکانات نزدیک محل زندگی شما را می‌شناسد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Догляд за дітьми під час курсу",
                        "body": (
                            "<p>Ви хочете відвідувати курс німецької, але ваші діти ще малі? Для цього є рішення.</p>"
                            "<ul><li>Інтеграційні курси для батьків і для жінок часто проходять уранці, коли діти в дитсадку або школі.</li><li>Деякі організатори курсів пропонують догляд за дітьми в тій самій будівлі.</li><li>Місце в дитсадку або в денної няні дасть вам час на навчання.</li></ul>"
                            "<p>Запитайте безпосередньо в організатора курсу. Консультація для мігрантів також знає пропозиції поблизу вас.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "deutsch-online",
                "texts": {
                    "de": {
                        "title": "Deutsch lernen online",
                        "body": (
                            "<p>Sie können auch zu Hause mit dem Handy oder Computer Deutsch lernen. Es gibt kostenlose Lernportale und Apps, zum Beispiel das Lernportal der Volkshochschulen.</p>"
                            "<p>Online-Lernen ist gut zum Üben, etwa von Wörtern und Grammatik. Sprechen lernen Sie aber am besten mit anderen Menschen. Kombinieren Sie deshalb Online-Übungen mit einem Kurs oder einem Sprachcafé.</p>"
                            "<p>Kein Internet zu Hause? In vielen Büchereien im Kreis können Sie Computer und WLAN kostenlos nutzen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Learning German online",
                        "body": (
                            "<p>You can also learn German at home with your phone or computer. There are free learning portals and apps, for example the learning portal of the adult education centres (Volkshochschulen).</p>"
                            "<p>Online learning is good for practising words and grammar, for instance. But speaking is best learned with other people. So combine online exercises with a course or a language café.</p>"
                            "<p>No internet at home? In many libraries in the district you can use computers and Wi-Fi free of charge.</p>"
                        ),
                    },
                    "ar": {
                        "title": "تعلّم الألمانية عبر الإنترنت",
                        "body": (
                            "<p>يمكنك أيضاً تعلّم الألمانية في البيت بالهاتف المحمول أو الحاسوب. هناك منصّات تعليمية وتطبيقات مجانية، مثل المنصة التعليمية لمراكز تعليم الكبار (Volkshochschulen).</p>"
                            "<p>التعلّم عبر الإنترنت مفيد للتمرّن، مثلاً على المفردات والقواعد. أما المحادثة فأفضل طريقة لتعلّمها هي التحدث مع الآخرين، لذا اجمع بين التمارين الإلكترونية ودورة أو مقهى لغة.</p>"
                            "<p>ليس لديك إنترنت في البيت؟ في كثير من المكتبات العامة في المقاطعة يمكنك استخدام الحواسيب وشبكة الإنترنت اللاسلكية مجاناً.</p>"
                        ),
                    },
                    "fa": {
                        "title": "یادگیری آلمانی به‌صورت آنلاین",
                        "body": (
                            "<p>می‌توانید در خانه هم با تلفن همراه یا رایانه آلمانی یاد بگیرید. درگاه‌های آموزشی و اپلیکیشن‌های رایگان وجود دارد، برای نمونه درگاه آموزشی آموزشگاه‌های بزرگسالان (Volkshochschulen).</p>"
                            "<p>یادگیری آنلاین برای تمرین، مثلاً واژه‌ها و دستور زبان، خوب است. اما صحبت کردن را بهتر از همه با دیگران یاد می‌گیرید. پس تمرین‌های آنلاین را با یک دوره یا کافه زبان همراه کنید.</p>"
                            "<p>در خانه اینترنت ندارید؟ در بسیاری از کتابخانه‌های شهرستان می‌توانید به‌رایگان از رایانه و وای‌فای استفاده کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Вивчення німецької онлайн",
                        "body": (
                            "<p>Ви можете вчити німецьку й удома за допомогою телефона чи комп'ютера. Є безкоштовні навчальні портали та застосунки, наприклад навчальний портал народних вищих шкіл (Volkshochschulen).</p>"
                            "<p>Онлайн-навчання добре підходить для тренування, наприклад слів і граматики. Але говорити найкраще вчитися з іншими людьми. Тому поєднуйте онлайн-вправи з курсом або мовним кафе.</p>"
                            "<p>Немає інтернету вдома? У багатьох бібліотеках району можна безкоштовно користуватися комп'ютерами та Wi-Fi.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "sprachpruefungen",
                "texts": {
                    "de": {
                        "title": "Sprachprüfungen und Zertifikate",
                        "body": (
                            "<p>Mit einem Sprachzertifikat können Sie zeigen, wie gut Sie Deutsch sprechen. Das ist wichtig für Bewerbungen, für ein Studium und für manche Aufenthaltstitel.</p>"
                            "<p>Die Niveaus reichen von A1 für Anfänger bis C2 für sehr gute Kenntnisse. Für die Einbürgerung brauchen Sie in der Regel mindestens das Niveau B1.</p>"
                            "<p>Prüfungen bieten Volkshochschulen und andere anerkannte Stellen an. Melden Sie sich früh an, denn die Termine sind oft schnell voll.</p>"
                        ),
                    },
                    "en": {
                        "title": "Language exams and certificates",
                        "body": (
                            "<p>A language certificate shows how well you speak German. This is important for job applications, for university studies and for some residence permits.</p>"
                            "<p>The levels range from A1 for beginners to C2 for very good skills. For naturalisation you usually need at least level B1.</p>"
                            "<p>Exams are offered by adult education centres and other recognised institutions. Register early, because the dates often fill up quickly.</p>"
                        ),
                    },
                    "ar": {
                        "title": "امتحانات اللغة والشهادات",
                        "body": (
                            "<p>تُثبت شهادة اللغة مدى إتقانك للألمانية، وهي مهمة لطلبات التوظيف وللدراسة الجامعية ولبعض تصاريح الإقامة.</p>"
                            "<p>تتدرّج المستويات من A1 للمبتدئين إلى C2 للمعرفة الممتازة. وللحصول على الجنسية تحتاج عادةً إلى المستوى B1 على الأقل.</p>"
                            "<p>تقدّم الامتحانات مراكز تعليم الكبار وجهات أخرى معترف بها. سجّل مبكراً، لأن المواعيد تمتلئ في الغالب بسرعة.</p>"
                        ),
                    },
                },
            },
        ],
    },
    {
        "slug": "arbeit-und-ausbildung",
        "texts": {
            "de": {
                "title": "Arbeit und Ausbildung",
                "body": (
                    "<p>Arbeit gibt Ihnen eigenes Geld, Kontakte und einen festen Tagesablauf. Im Wetteraukreis und im nahen Rhein-Main-Gebiet suchen viele Betriebe Mitarbeiterinnen, Mitarbeiter und Auszubildende.</p>"
                    "<p>Hier finden Sie Informationen zu Jobcenter und Agentur für Arbeit, zur Anerkennung Ihrer Abschlüsse, zu Ausbildung, Praktikum und Bewerbung.</p>"
                ),
            },
            "en": {
                "title": "Work and vocational training",
                "body": (
                    "<p>Work gives you your own money, contacts and a regular daily routine. Many companies in the Wetteraukreis and the nearby Rhine-Main area are looking for employees and apprentices.</p>"
                    "<p>Here you will find information on the job centre and the employment agency, on the recognition of your qualifications, and on training, internships and applications.</p>"
                ),
            },
            "ar": {
                "title": "العمل والتدريب المهني",
                "body": (
                    "<p>يمنحك العمل دخلاً خاصاً بك وعلاقات مع الآخرين وروتيناً يومياً منتظماً. وتبحث شركات كثيرة في مقاطعة فيتيراو ومنطقة الراين والماين القريبة عن موظفين ومتدرّبين.</p>"
                    "<p>ستجد هنا معلومات عن مركز العمل ووكالة العمل، وعن الاعتراف بشهاداتك، وعن التدريب المهني والتدريب العملي وطلبات التوظيف.</p>"
                ),
            },
            "fa": {
                "title": "کار و آموزش حرفه‌ای",
                "body": (
                    "<p>کار به شما درآمد مستقل، ارتباط با دیگران و برنامه روزانه منظم می‌دهد. بسیاری از شرکت‌ها در شهرستان وتراو و منطقه راین-ماین در نزدیکی آن به دنبال کارمند و کارآموز هستند.</p>"
                    "<p>اینجا اطلاعاتی درباره جاب‌سنتر و اداره کار، به رسمیت شناختن مدارک تحصیلی، آموزش حرفه‌ای، کارآموزی و درخواست کار می‌یابید.</p>"
                ),
            },
            "uk": {
                "title": "Робота та професійне навчання",
                "body": (
                    "<p>Робота дає вам власні гроші, знайомства та чіткий розпорядок дня. Багато підприємств у районі Веттерау та сусідньому регіоні Рейн-Майн шукають працівників і учнів.</p>"
                    "<p>Тут ви знайдете інформацію про джобцентр і агентство зайнятості, визнання ваших дипломів, професійне навчання, практику та подання заявок на роботу.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "jobcenter",
                "texts": {
                    "de": {
                        "title": "Das Jobcenter",
                        "body": (
                            "<p>Das Jobcenter hilft Menschen, die arbeiten können, aber nicht genug Geld zum Leben haben. Es zahlt das Bürgergeld und übernimmt zum Beispiel die Kosten für eine angemessene Wohnung.</p>"
                            "<p>Das Jobcenter unterstützt Sie auch bei der Suche nach Arbeit, Sprachkursen und Weiterbildungen. Sie bekommen eine feste Ansprechperson.</p>"
                            "<p>Lesen Sie Briefe vom Jobcenter sofort und halten Sie Fristen ein. Melden Sie Änderungen, zum Beispiel einen neuen Job oder einen Umzug, immer direkt.</p>"
                        ),
                    },
                    "en": {
                        "title": "The job centre",
                        "body": (
                            "<p>The job centre helps people who are able to work but do not have enough money to live on. It pays the citizen's benefit (Bürgergeld) and covers, for example, the costs of reasonable housing.</p>"
                            "<p>The job centre also supports you in looking for work, language courses and further training. You will have a permanent contact person.</p>"
                            "<p>Read letters from the job centre straight away and keep to deadlines. Always report changes, such as a new job or a move, immediately.</p>"
                        ),
                    },
                    "ar": {
                        "title": "مركز العمل (Jobcenter)",
                        "body": (
                            "<p>يساعد مركز العمل الأشخاص القادرين على العمل الذين لا يملكون ما يكفي من المال للعيش. وهو يدفع إعانة المواطن (Bürgergeld) ويتحمّل مثلاً تكاليف سكن مناسب.</p>"
                            "<p>يدعمك مركز العمل أيضاً في البحث عن عمل وفي الحصول على دورات لغة ودورات تأهيل، ويكون لك فيه شخص مسؤول ثابت.</p>"
                            "<p>اقرأ رسائل مركز العمل فوراً والتزم بالمواعيد النهائية. وأبلغ دائماً وبشكل مباشر عن أي تغيير، مثل عمل جديد أو انتقال إلى مسكن آخر.</p>"
                        ),
                    },
                    "fa": {
                        "title": "جاب‌سنتر",
                        "body": (
                            "<p>جاب‌سنتر (Jobcenter) به افرادی کمک می‌کند که توانایی کار دارند اما پول کافی برای زندگی ندارند. این اداره کمک‌هزینه شهروندی (Bürgergeld) را می‌پردازد و برای نمونه هزینه یک خانه مناسب را بر عهده می‌گیرد.</p>"
                            "<p>جاب‌سنتر در پیدا کردن کار، دوره‌های زبان و دوره‌های آموزشی تکمیلی نیز از شما پشتیبانی می‌کند. شما یک مسئول پرونده ثابت خواهید داشت.</p>"
                            "<p>نامه‌های جاب‌سنتر را فوراً بخوانید و مهلت‌ها را رعایت کنید. هر تغییری، مثلاً کار جدید یا اسباب‌کشی، را همیشه بی‌درنگ اطلاع دهید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Джобцентр",
                        "body": (
                            "<p>Джобцентр допомагає людям, які можуть працювати, але не мають достатньо грошей на життя. Він виплачує громадянську допомогу (Bürgergeld) і, наприклад, покриває витрати на відповідне житло.</p>"
                            "<p>Джобцентр також підтримує вас у пошуку роботи, мовних курсів і курсів підвищення кваліфікації. У вас буде постійна контактна особа.</p>"
                            "<p>Читайте листи від джобцентру одразу й дотримуйтеся строків. Завжди негайно повідомляйте про зміни, наприклад про нову роботу чи переїзд.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "agentur-fuer-arbeit",
                "texts": {
                    "de": {
                        "title": "Die Agentur für Arbeit",
                        "body": (
                            "<p>Die Agentur für Arbeit berät bei der Suche nach Arbeit und Ausbildung. Die Berufsberatung hilft jungen Menschen, einen passenden Beruf zu finden.</p>"
                            "<p>Wenn Sie lange genug versichert gearbeitet haben und Ihre Stelle verlieren, zahlt die Agentur für Arbeit Arbeitslosengeld.</p>"
                            "<p>Wichtig: Melden Sie sich spätestens drei Monate vor dem Ende Ihrer Arbeit arbeitsuchend. Erfahren Sie es später, dann innerhalb von drei Tagen. Das geht persönlich, telefonisch oder online.</p>"
                        ),
                    },
                    "en": {
                        "title": "The employment agency",
                        "body": (
                            "<p>The employment agency (Agentur für Arbeit) gives advice on finding work and training. Its careers guidance service helps young people find a suitable occupation.</p>"
                            "<p>If you have worked in insured employment for long enough and lose your job, the employment agency pays unemployment benefit.</p>"
                            "<p>Important: register as a jobseeker no later than three months before your job ends. If you find out later, do so within three days. You can register in person, by phone or online.</p>"
                        ),
                    },
                    "ar": {
                        "title": "وكالة العمل",
                        "body": (
                            "<p>تقدّم وكالة العمل (Agentur für Arbeit) الاستشارة في البحث عن عمل وعن تدريب مهني، وتساعد خدمة الإرشاد المهني الشباب على إيجاد مهنة مناسبة.</p>"
                            "<p>إذا كنت قد عملت مدة كافية في عمل مشمول بالتأمين ثم فقدت وظيفتك، فإن وكالة العمل تدفع لك إعانة البطالة.</p>"
                            "<p>مهم: سجّل نفسك كباحث عن عمل قبل انتهاء عملك بثلاثة أشهر على الأقل. وإذا علمت بذلك لاحقاً، فسجّل خلال ثلاثة أيام. يمكنك التسجيل شخصياً أو هاتفياً أو عبر الإنترنت.</p>"
                        ),
                    },
                    "fa": {
                        "title": "اداره کار",
                        "body": (
                            "<p>اداره کار (Agentur für Arbeit) در پیدا کردن کار و آموزش حرفه‌ای مشاوره می‌دهد. بخش مشاوره شغلی به جوانان کمک می‌کند حرفه مناسبی پیدا کنند.</p>"
                            "<p>اگر به مدت کافی با بیمه کار کرده باشید و کارتان را از دست بدهید، اداره کار به شما بیمه بیکاری می‌پردازد.</p>"
                            "<p>مهم: دست‌کم سه ماه پیش از پایان کارتان خود را به‌عنوان جویای کار ثبت کنید. اگر دیرتر باخبر شدید، ظرف سه روز این کار را انجام دهید. ثبت‌نام حضوری، تلفنی یا آنلاین ممکن است.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Агентство зайнятості",
                        "body": (
                            "<p>Агентство зайнятості (Agentur für Arbeit) консультує з питань пошуку роботи та професійного навчання. Служба профорієнтації допомагає молодим людям знайти відповідну професію.</p>"
                            "<p>Якщо ви достатньо довго працювали із соціальним страхуванням і втратили роботу, агентство зайнятості виплачує допомогу по безробіттю.</p>"
                            "<p>Важливо: зареєструйтеся як особа, що шукає роботу, не пізніше ніж за три місяці до закінчення роботи. Якщо ви дізналися про це пізніше, — протягом трьох днів. Це можна зробити особисто, телефоном або онлайн.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "anerkennung-abschluesse",
                "texts": {
                    "de": {
                        "title": "Anerkennung von Abschlüssen",
                        "body": (
                            "<p>Sie haben im Ausland einen Beruf gelernt oder studiert? Dann können Sie prüfen lassen, ob Ihr Abschluss einem deutschen Abschluss gleichwertig ist.</p>"
                            "<p>Für manche Berufe ist die Anerkennung Pflicht, zum Beispiel für Ärztinnen, Pflegekräfte oder Lehrkräfte. In anderen Berufen ist sie freiwillig, hilft aber oft bei der Bewerbung.</p>"
                            "<p>Lassen Sie sich vor dem Antrag beraten. Es gibt kostenlose Beratungsstellen zur Anerkennung. Die Kosten für das Verfahren übernimmt unter Umständen das Jobcenter oder die Agentur für Arbeit.</p>"
                        ),
                    },
                    "en": {
                        "title": "Recognition of qualifications",
                        "body": (
                            "<p>Did you train for an occupation or study abroad? Then you can have your qualification checked to see whether it is equivalent to a German qualification.</p>"
                            "<p>For some occupations recognition is mandatory, for example for doctors, nurses or teachers. In other occupations it is voluntary, but it often helps when applying for jobs.</p>"
                            "<p>Get advice before you apply. There are free counselling centres for recognition. The job centre or the employment agency may cover the costs of the procedure.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الاعتراف بالشهادات",
                        "body": (
                            "<p>هل تعلّمت مهنة أو درست في الخارج؟ يمكنك إذن أن تطلب التحقق مما إذا كانت شهادتك معادلة لشهادة ألمانية.</p>"
                            "<p>الاعتراف إلزامي لبعض المهن، مثل الأطباء والممرضين والمعلّمين. أما في المهن الأخرى فهو اختياري، لكنه يساعد غالباً عند التقدّم للوظائف.</p>"
                            "<p>احصل على استشارة قبل تقديم الطلب، فهناك مراكز استشارة مجانية للاعتراف بالشهادات. وقد يتحمّل مركز العمل أو وكالة العمل تكاليف الإجراء.</p>"
                        ),
                    },
                    "fa": {
                        "title": "به رسمیت شناختن مدارک",
                        "body": (
                            "<p>در خارج از کشور حرفه‌ای آموخته‌اید یا تحصیل کرده‌اید؟ در این صورت می‌توانید بررسی کنید که آیا مدرک شما با یک مدرک آلمانی هم‌ارز است یا نه.</p>"
                            "<p>برای برخی مشاغل به رسمیت شناختن مدرک الزامی است، برای نمونه برای پزشکان، پرستاران یا معلمان. در مشاغل دیگر اختیاری است، اما اغلب در درخواست کار کمک می‌کند.</p>"
                            "<p>پیش از درخواست مشاوره بگیرید. مراکز مشاوره رایگان برای این کار وجود دارد. ممکن است جاب‌سنتر یا اداره کار هزینه‌های این روند را بپردازد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Визнання дипломів",
                        "body": (
                            "<p>Ви здобули професію або навчалися за кордоном? Тоді можна перевірити, чи ваш диплом рівноцінний німецькому.</p>"
                            "<p>Для деяких професій визнання обов'язкове, наприклад для лікарів, медсестер або вчителів. Для інших воно добровільне, але часто допомагає під час пошуку роботи.</p>"
                            "<p>Перед поданням заяви отримайте консультацію. Існують безкоштовні консультаційні центри з питань визнання. Витрати на процедуру за певних умов може покрити джобцентр або агентство зайнятості.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "ausbildungsstellenboerse",
                "texts": {
                    "de": {
                        "title": "Ausbildungsstellenbörse",
                        "body": (
                            "<p>Eine Ausbildung dauert meistens zwei bis dreieinhalb Jahre. Sie lernen abwechselnd im Betrieb und in der Berufsschule und bekommen jeden Monat eine Ausbildungsvergütung.</p>"
                            "<p>In der Ausbildungsstellenbörse finden Sie freie Ausbildungsplätze von Betrieben aus dem Kreis. Sie können nach Beruf und Ort suchen.</p>"
                            "<p>Die meisten Ausbildungen beginnen im August oder September. Bewerben Sie sich am besten schon ein Jahr vorher. Die Berufsberatung der Agentur für Arbeit hilft Ihnen bei der Wahl.</p>"
                        ),
                    },
                    "en": {
                        "title": "Apprenticeship exchange",
                        "body": (
                            "<p>Vocational training (Ausbildung) usually lasts two to three and a half years. You learn alternately at the company and at vocational school and receive a training allowance every month.</p>"
                            "<p>In the apprenticeship exchange you will find vacant training places at companies in the district. You can search by occupation and location.</p>"
                            "<p>Most apprenticeships start in August or September. It is best to apply a year in advance. The careers guidance service of the employment agency will help you choose.</p>"
                        ),
                    },
                    "ar": {
                        "title": "بورصة أماكن التدريب المهني",
                        "body": (
                            "<p>يستغرق التدريب المهني (Ausbildung) عادةً من سنتين إلى ثلاث سنوات ونصف. تتعلّم فيه بالتناوب في الشركة وفي المدرسة المهنية، وتحصل كل شهر على أجر تدريب.</p>"
                            "<p>في بورصة أماكن التدريب تجد أماكن تدريب شاغرة لدى شركات في المقاطعة، ويمكنك البحث حسب المهنة والمكان.</p>"
                            "<p>تبدأ معظم برامج التدريب في أغسطس أو سبتمبر، والأفضل أن تتقدّم بطلبك قبل سنة. وتساعدك خدمة الإرشاد المهني في وكالة العمل على الاختيار.</p>"
                        ),
                    },
                    "fa": {
                        "title": "بازار جاهای آموزش حرفه‌ای",
                        "body": (
                            "<p>آموزش حرفه‌ای (Ausbildung) معمولاً دو تا سه و نیم سال طول می‌کشد. به‌طور متناوب در شرکت و در هنرستان حرفه‌ای آموزش می‌بینید و هر ماه حقوق کارآموزی دریافت می‌کنید.</p>"
                            "<p>در بازار جاهای آموزش حرفه‌ای، جاهای خالی آموزش در شرکت‌های شهرستان را پیدا می‌کنید. می‌توانید بر اساس حرفه و محل جست‌وجو کنید.</p>"
                            "<p>بیشتر دوره‌های آموزش حرفه‌ای در اوت یا سپتامبر آغاز می‌شوند. بهتر است یک سال زودتر درخواست بدهید. مشاوره شغلی اداره کار در انتخاب به شما کمک می‌کند.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Біржа місць професійного навчання",
                        "body": (
                            "<p>Професійне навчання (Ausbildung) зазвичай триває від двох до трьох з половиною років. Ви навчаєтеся поперемінно на підприємстві та в професійній школі й щомісяця отримуєте винагороду.</p>"
                            "<p>На біржі місць професійного навчання ви знайдете вільні місця на підприємствах району. Шукати можна за професією та місцем.</p>"
                            "<p>Більшість програм навчання починається в серпні або вересні. Найкраще подавати заявку за рік. Служба профорієнтації агентства зайнятості допоможе вам з вибором.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "praktikum",
                "texts": {
                    "de": {
                        "title": "Ein Praktikum machen",
                        "body": (
                            "<p>In einem Praktikum lernen Sie einen Beruf und einen Betrieb von innen kennen. Der Betrieb lernt auch Sie kennen. Aus einem Praktikum wird oft ein Ausbildungsplatz oder eine Stelle.</p>"
                            "<p>Ein Praktikum dauert meist einige Tage bis einige Wochen. Fragen Sie direkt bei Betrieben nach, die Sie interessieren.</p>"
                            "<p>Wichtig: Wenn Sie eine Aufenthaltsgestattung oder Duldung haben, brauchen Sie für viele Praktika vorher eine Erlaubnis. Fragen Sie bei der Ausländerbehörde nach, bevor Sie anfangen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Doing an internship",
                        "body": (
                            "<p>During an internship you get to know an occupation and a company from the inside. The company also gets to know you. An internship often leads to a training place or a job.</p>"
                            "<p>An internship usually lasts a few days to a few weeks. Ask directly at companies that interest you.</p>"
                            "<p>Important: if you have a temporary residence permit for asylum seekers (Aufenthaltsgestattung) or a tolerated stay (Duldung), you need permission beforehand for many internships. Ask the immigration office before you start.</p>"
                        ),
                    },
                    "ar": {
                        "title": "القيام بتدريب عملي",
                        "body": (
                            "<p>في التدريب العملي تتعرّف على مهنة وعلى شركة من الداخل، وتتعرّف الشركة عليك أيضاً. وكثيراً ما يتحوّل التدريب العملي إلى مكان تدريب مهني أو وظيفة.</p>"
                            "<p>يستمر التدريب العملي عادةً من بضعة أيام إلى بضعة أسابيع. اسأل مباشرةً في الشركات التي تهمّك.</p>"
                            "<p>مهم: إذا كان لديك إذن إقامة مؤقت لطالبي اللجوء (Aufenthaltsgestattung) أو وثيقة تسامح (Duldung)، فأنت تحتاج إلى إذن مسبق لكثير من أنواع التدريب العملي. اسأل دائرة الأجانب قبل أن تبدأ.</p>"
                        ),
                    },
                    "fa": {
                        "title": "کارآموزی",
                        "body": (
                            "<p>در کارآموزی با یک حرفه و یک شرکت از نزدیک آشنا می‌شوید و شرکت هم شما را می‌شناسد. کارآموزی اغلب به یک جای آموزش حرفه‌ای یا یک شغل منجر می‌شود.</p>"
                            "<p>کارآموزی معمولاً از چند روز تا چند هفته طول می‌کشد. مستقیماً از شرکت‌هایی که به آن‌ها علاقه دارید بپرسید.</p>"
                            "<p>مهم: اگر اجازه اقامت موقت پناهجویی (Aufenthaltsgestattung) یا برگه تحمل اقامت (Duldung) دارید، برای بسیاری از کارآموزی‌ها از پیش به مجوز نیاز دارید. پیش از شروع از اداره اتباع خارجی بپرسید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Проходження практики",
                        "body": (
                            "<p>Під час практики ви знайомитеся з професією та підприємством зсередини. Підприємство також знайомиться з вами. Часто після практики пропонують місце навчання або роботу.</p>"
                            "<p>Практика зазвичай триває від кількох днів до кількох тижнів. Звертайтеся безпосередньо до підприємств, які вас цікавлять.</p>"
                            "<p>Важливо: якщо у вас є посвідка на час розгляду справи про притулок (Aufenthaltsgestattung) або толерування (Duldung), для багатьох видів практики потрібен попередній дозвіл. Запитайте у відомстві у справах іноземців, перш ніж почати.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "rechte-bei-der-arbeit",
                "texts": {
                    "de": {
                        "title": "Ihre Rechte bei der Arbeit",
                        "body": (
                            "<p>In Deutschland gelten für alle Beschäftigten die gleichen Rechte, egal woher sie kommen.</p>"
                            "<ul><li>Sie haben Anspruch auf den gesetzlichen Mindestlohn.</li><li>Sie bekommen die wichtigsten Arbeitsbedingungen schriftlich.</li><li>Sie haben bezahlten Urlaub.</li><li>Wenn Sie krank sind, bekommen Sie weiter Lohn. Sie brauchen dafür eine Bescheinigung vom Arzt.</li></ul>"
                            "<p>Unterschreiben Sie nichts, was Sie nicht verstehen. Bei Problemen mit dem Arbeitgeber helfen Beratungsstellen für faire Arbeit und die Gewerkschaften.</p>"
                        ),
                    },
                    "en": {
                        "title": "Your rights at work",
                        "body": (
                            "<p>In Germany all employees have the same rights, no matter where they come from.</p>"
                            "<ul><li>You are entitled to the statutory minimum wage.</li><li>You receive the main working conditions in writing.</li><li>You have paid holidays.</li><li>If you are ill, you continue to be paid. You need a certificate from a doctor for this.</li></ul>"
                            "<p>Do not sign anything you do not understand. If you have problems with your employer, counselling centres for fair work and the trade unions can help.</p>"
                        ),
                    },
                    "ar": {
                        "title": "حقوقك في العمل",
                        "body": (
                            "<p>في ألمانيا يتمتّع جميع العاملين بالحقوق نفسها، بغضّ النظر عن البلد الذي جاؤوا منه.</p>"
                            "<ul><li>من حقك الحصول على الحد الأدنى القانوني للأجور.</li><li>تحصل على أهم شروط العمل مكتوبةً.</li><li>لك الحق في إجازة مدفوعة الأجر.</li><li>إذا مرضت يستمر دفع أجرك، وتحتاج لذلك إلى شهادة من الطبيب.</li></ul>"
                            "<p>لا توقّع على شيء لا تفهمه. وإذا واجهت مشكلات مع صاحب العمل، فإن مراكز الاستشارة الخاصة بالعمل العادل والنقابات تساعدك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "حقوق شما در محل کار",
                        "body": (
                            "<p>در آلمان همه کارکنان، صرف‌نظر از اینکه از کجا آمده‌اند، حقوق یکسانی دارند.</p>"
                            "<ul><li>شما حق دریافت حداقل دستمزد قانونی را دارید.</li><li>مهم‌ترین شرایط کار را به‌صورت کتبی دریافت می‌کنید.</li><li>مرخصی با حقوق دارید.</li><li>اگر بیمار شوید، حقوقتان ادامه پیدا می‌کند. برای این کار به گواهی پزشک نیاز دارید.</li></ul>"
                            "<p>چیزی را که نمی‌فهمید امضا نکنید. در صورت مشکل با کارفرما، مراکز مشاوره کار منصفانه و اتحادیه‌های کارگری به شما کمک می‌کنند.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Ваші права на роботі",
                        "body": (
                            "<p>У Німеччині всі працівники мають однакові права, незалежно від того, звідки вони приїхали.</p>"
                            "<ul><li>Ви маєте право на встановлену законом мінімальну зарплату.</li><li>Основні умови праці ви отримуєте в письмовому вигляді.</li><li>У вас є оплачувана відпустка.</li><li>Якщо ви захворіли, зарплата зберігається. Для цього потрібна довідка від лікаря.</li></ul>"
                            "<p>Не підписуйте нічого, чого не розумієте. У разі проблем із роботодавцем допоможуть консультаційні центри з питань справедливої праці та профспілки.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "bewerbung",
                "texts": {
                    "de": {
                        "title": "Eine Bewerbung schreiben",
                        "body": (
                            "<p>Zu einer Bewerbung gehören meistens ein kurzes Anschreiben, ein Lebenslauf und Ihre Zeugnisse. Im Anschreiben erklären Sie, warum Sie die Stelle möchten und was Sie gut können.</p>"
                            "<p>Der Lebenslauf ist in Deutschland meistens tabellarisch und nicht länger als zwei Seiten. Ein Foto ist nicht Pflicht.</p>"
                            "<p>Hilfe beim Schreiben bekommen Sie beim Jobcenter, bei der Agentur für Arbeit, beim Jugendmigrationsdienst oder in Bewerbungswerkstätten von Ehrenamtlichen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Writing a job application",
                        "body": (
                            "<p>An application usually consists of a short cover letter, a CV and your certificates. In the cover letter you explain why you want the job and what you are good at.</p>"
                            "<p>In Germany the CV is usually in table form and no longer than two pages. A photo is not required.</p>"
                            "<p>You can get help with writing at the job centre, the employment agency, the youth migration service or in application workshops run by volunteers.</p>"
                        ),
                    },
                    "ar": {
                        "title": "كتابة طلب توظيف",
                        "body": (
                            "<p>يتكوّن طلب التوظيف عادةً من رسالة تعريفية قصيرة وسيرة ذاتية وشهاداتك. في الرسالة التعريفية توضّح لماذا تريد الوظيفة وما الذي تجيده.</p>"
                            "<p>تُكتب السيرة الذاتية في ألمانيا عادةً على شكل جدول، ولا تزيد على صفحتين. والصورة الشخصية ليست إلزامية.</p>"
                            "<p>يمكنك الحصول على مساعدة في الكتابة لدى مركز العمل أو وكالة العمل أو خدمة هجرة الشباب أو في ورش طلبات التوظيف التي ينظّمها متطوعون.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Як написати заявку на роботу",
                        "body": (
                            "<p>Заявка на роботу зазвичай складається з короткого супровідного листа, резюме та ваших атестатів і дипломів. У супровідному листі ви пояснюєте, чому хочете отримати цю посаду і що вмієте добре робити.</p>"
                            "<p>Резюме в Німеччині зазвичай має форму таблиці й не перевищує двох сторінок. Фото не обов'язкове.</p>"
                            "<p>Допомогу з написанням можна отримати в джобцентрі, агентстві зайнятості, молодіжній міграційній службі або на волонтерських семінарах з підготовки заявок.</p>"
                        ),
                    },
                },
            },
        ],
    },
    {
        "slug": "wohnen",
        "texts": {
            "de": {
                "title": "Wohnen",
                "body": (
                    "<p>Eine eigene Wohnung ist ein wichtiger Schritt beim Ankommen. Im Wetteraukreis ist es nicht immer leicht, eine bezahlbare Wohnung zu finden. Gute Vorbereitung hilft.</p>"
                    "<p>Hier lesen Sie, wie Sie eine Wohnung suchen, worauf Sie beim Mietvertrag achten, welche Hilfen es bei der Miete gibt und wie das Zusammenleben im Haus gut gelingt.</p>"
                ),
            },
            "en": {
                "title": "Housing",
                "body": (
                    "<p>Having your own flat is an important step in settling in. In the Wetteraukreis it is not always easy to find an affordable flat. Good preparation helps.</p>"
                    "<p>Here you can read how to look for a flat, what to watch out for in a tenancy agreement, what help is available with the rent and how to get on well with the other people in your building.</p>"
                ),
            },
            "ar": {
                "title": "السكن",
                "body": (
                    "<p>الحصول على مسكن خاص خطوة مهمة في الاستقرار. وليس من السهل دائماً إيجاد مسكن بإيجار معقول في مقاطعة فيتيراو، لكن التحضير الجيد يساعد.</p>"
                    "<p>ستقرأ هنا كيف تبحث عن مسكن، وما الذي يجب الانتباه إليه في عقد الإيجار، وما المساعدات المتاحة لدفع الإيجار، وكيف تنجح الحياة المشتركة في المبنى.</p>"
                ),
            },
            "fa": {
                "title": "مسکن",
                "body": (
                    "<p>داشتن خانه‌ای از آن خود گام مهمی در جاافتادن است. در شهرستان وتراو پیدا کردن خانه‌ای با اجاره مناسب همیشه آسان نیست. آمادگی خوب کمک می‌کند.</p>"
                    "<p>اینجا می‌خوانید چگونه خانه پیدا کنید، در قرارداد اجاره به چه نکاتی توجه کنید، چه کمک‌هایی برای اجاره وجود دارد و چگونه زندگی مشترک در ساختمان به‌خوبی پیش می‌رود.</p>"
                ),
            },
            "uk": {
                "title": "Житло",
                "body": (
                    "<p>Власне житло — важливий крок для облаштування на новому місці. У районі Веттерау не завжди легко знайти доступне житло. Добра підготовка допомагає.</p>"
                    "<p>Тут ви прочитаєте, як шукати житло, на що звертати увагу в договорі оренди, яка допомога є з оплатою оренди та як добре ладнати з сусідами в будинку.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "wohnungssuche",
                "texts": {
                    "de": {
                        "title": "Eine Wohnung suchen",
                        "body": (
                            "<p>Wohnungen finden Sie im Internet, in der Zeitung, bei Wohnungsbaugesellschaften und über Bekannte. Erzählen Sie vielen Menschen, dass Sie eine Wohnung suchen.</p>"
                            "<p>Vermieter fragen oft nach Einkommensnachweisen und einer Auskunft über Ihre Schulden. Legen Sie diese Unterlagen schon vorher bereit.</p>"
                            "<h2>Vorsicht vor Betrug</h2>"
                            "<p>Zahlen Sie niemals Geld, bevor Sie die Wohnung gesehen und einen Vertrag haben. Die Kaution darf höchstens drei Monatsmieten ohne Nebenkosten betragen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Looking for a flat",
                        "body": (
                            "<p>You can find flats on the internet, in the newspaper, through housing companies and through people you know. Tell many people that you are looking for a flat.</p>"
                            "<p>Landlords often ask for proof of income and a credit report about your debts. Have these documents ready in advance.</p>"
                            "<h2>Beware of fraud</h2>"
                            "<p>Never pay money before you have seen the flat and have a contract. The deposit may not exceed three months' rent excluding service charges.</p>"
                        ),
                    },
                    "ar": {
                        "title": "البحث عن مسكن",
                        "body": (
                            "<p>تجد المساكن على الإنترنت وفي الصحف ولدى شركات الإسكان وعن طريق المعارف. أخبر كثيراً من الناس بأنك تبحث عن مسكن.</p>"
                            "<p>كثيراً ما يطلب المؤجرون إثباتات للدخل وتقريراً عن ديونك، فجهّز هذه المستندات مسبقاً.</p>"
                            "<h2>احذر الاحتيال</h2>"
                            "<p>لا تدفع أي مال قبل أن ترى المسكن ويكون لديك عقد. ولا يجوز أن يتجاوز مبلغ التأمين إيجار ثلاثة أشهر دون التكاليف الإضافية.</p>"
                        ),
                    },
                    "fa": {
                        "title": "جست‌وجوی خانه",
                        "body": (
                            "<p>خانه را در اینترنت، روزنامه، شرکت‌های مسکن و از طریق آشنایان پیدا می‌کنید. به افراد زیادی بگویید که دنبال خانه هستید.</p>"
                            "<p>صاحبخانه‌ها اغلب مدرک درآمد و گزارشی درباره بدهی‌های شما می‌خواهند. این مدارک را از پیش آماده کنید.</p>"
                            "<h2>مراقب کلاهبرداری باشید</h2>"
                            "<p>هرگز پیش از دیدن خانه و داشتن قرارداد پولی نپردازید. ودیعه حداکثر می‌تواند معادل سه ماه اجاره بدون هزینه‌های جانبی باشد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Пошук житла",
                        "body": (
                            "<p>Житло можна знайти в інтернеті, у газетах, через житлові компанії та через знайомих. Розкажіть якомога більшій кількості людей, що шукаєте житло.</p>"
                            "<p>Орендодавці часто просять підтвердження доходу та довідку про ваші борги. Підготуйте ці документи заздалегідь.</p>"
                            "<h2>Остерігайтеся шахраїв</h2>"
                            "<p>Ніколи не платіть гроші, доки не побачили житло й не маєте договору. Застава не може перевищувати три місячні орендні плати без комунальних витрат.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "wohnberechtigungsschein",
                "texts": {
                    "de": {
                        "title": "Wohnberechtigungsschein",
                        "body": (
                            "<p>Für Sozialwohnungen brauchen Sie einen Wohnberechtigungsschein. Sozialwohnungen sind günstiger als andere Wohnungen. Den Schein bekommen Menschen mit geringem Einkommen.</p>"
                            "<p>Den Antrag stellen Sie bei Ihrer Stadt oder Gemeinde. Sie brauchen Nachweise über Ihr Einkommen und über alle Personen, die mit Ihnen einziehen.</p>"
                            "<p>Mit dem Schein kommen Sie auf eine Warteliste. Die Wartezeit kann lang sein. Suchen Sie deshalb auch weiter auf dem freien Wohnungsmarkt.</p>"
                        ),
                    },
                    "en": {
                        "title": "Housing eligibility certificate",
                        "body": (
                            "<p>For social housing you need a housing eligibility certificate (Wohnberechtigungsschein). Social housing is cheaper than other flats. The certificate is issued to people with a low income.</p>"
                            "<p>You apply to your town or municipality. You need proof of your income and details of everyone who will move in with you.</p>"
                            "<p>With the certificate you are put on a waiting list. The waiting time can be long. So keep looking on the private housing market as well.</p>"
                        ),
                    },
                    "ar": {
                        "title": "شهادة أحقية السكن",
                        "body": (
                            "<p>للحصول على مسكن اجتماعي تحتاج إلى شهادة أحقية السكن (Wohnberechtigungsschein). المساكن الاجتماعية أرخص من غيرها، وتُمنح الشهادة لذوي الدخل المحدود.</p>"
                            "<p>تقدّم الطلب لدى مدينتك أو بلديتك، وتحتاج إلى إثباتات عن دخلك وعن جميع الأشخاص الذين سيسكنون معك.</p>"
                            "<p>بعد الحصول على الشهادة يُدرج اسمك في قائمة انتظار، وقد تطول مدة الانتظار. لذلك واصل البحث في سوق السكن الحر أيضاً.</p>"
                        ),
                    },
                    "fa": {
                        "title": "گواهی حق مسکن",
                        "body": (
                            "<p>برای خانه‌های اجتماعی به گواهی حق مسکن (Wohnberechtigungsschein) نیاز دارید. خانه‌های اجتماعی از خانه‌های دیگر ارزان‌ترند. این گواهی به افراد کم‌درآمد داده می‌شود.</p>"
                            "<p>درخواست را در شهر یا بخش خود ارائه می‌دهید. به مدارک درآمد و اطلاعات همه کسانی که با شما زندگی خواهند کرد نیاز دارید.</p>"
                            "<p>با این گواهی در فهرست انتظار قرار می‌گیرید. زمان انتظار ممکن است طولانی باشد، پس در بازار آزاد مسکن هم به جست‌وجو ادامه دهید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Довідка на соціальне житло",
                        "body": (
                            "<p>Для соціального житла потрібна довідка про право на нього (Wohnberechtigungsschein). Соціальне житло дешевше за інше. Довідку видають людям з низьким доходом.</p>"
                            "<p>Заяву подають до вашого міста чи громади. Потрібні підтвердження доходу та дані про всіх, хто буде жити з вами.</p>"
                            "<p>З довідкою вас вносять до списку очікування. Чекати можна довго. Тому продовжуйте шукати житло й на вільному ринку.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "mietvertrag",
                "texts": {
                    "de": {
                        "title": "Der Mietvertrag",
                        "body": (
                            "<p>Lesen Sie den Mietvertrag genau, bevor Sie unterschreiben. Lassen Sie sich unklare Punkte erklären. Im Vertrag steht die Kaltmiete und die Vorauszahlung für Nebenkosten wie Heizung, Wasser und Müll.</p>"
                            "<p>Einmal im Jahr bekommen Sie eine Nebenkostenabrechnung. Dann müssen Sie eventuell etwas nachzahlen oder bekommen Geld zurück.</p>"
                            "<p>Wenn das Jobcenter oder das Sozialamt Ihre Miete zahlt: Fragen Sie dort vor der Unterschrift, ob die Miete übernommen wird.</p>"
                        ),
                    },
                    "en": {
                        "title": "The tenancy agreement",
                        "body": (
                            "<p>Read the tenancy agreement carefully before you sign. Ask for anything unclear to be explained. The agreement states the basic rent and the advance payment for service charges such as heating, water and waste collection.</p>"
                            "<p>Once a year you receive a statement of service charges. You may then have to pay extra or get money back.</p>"
                            "<p>If the job centre or the social welfare office pays your rent: ask there before signing whether the rent will be covered.</p>"
                        ),
                    },
                    "ar": {
                        "title": "عقد الإيجار",
                        "body": (
                            "<p>اقرأ عقد الإيجار بعناية قبل التوقيع، واطلب شرح النقاط غير الواضحة. يتضمّن العقد الإيجار الأساسي والدفعة المسبقة للتكاليف الإضافية مثل التدفئة والماء والنفايات.</p>"
                            "<p>مرة في السنة تصلك تسوية التكاليف الإضافية، وقد يكون عليك حينها دفع مبلغ إضافي أو تسترد بعض المال.</p>"
                            "<p>إذا كان مركز العمل أو مكتب الشؤون الاجتماعية يدفع إيجارك، فاسأل هناك قبل التوقيع هل سيتم تحمّل هذا الإيجار.</p>"
                        ),
                    },
                    "fa": {
                        "title": "قرارداد اجاره",
                        "body": (
                            "<p>پیش از امضا، قرارداد اجاره را با دقت بخوانید و بخواهید نکات نامفهوم را برایتان توضیح دهند. در قرارداد اجاره پایه و پیش‌پرداخت هزینه‌های جانبی مانند گرمایش، آب و زباله آمده است.</p>"
                            "<p>سالی یک بار صورت‌حساب هزینه‌های جانبی را دریافت می‌کنید. ممکن است مبلغی اضافه بپردازید یا پولی به شما برگردانده شود.</p>"
                            "<p>اگر جاب‌سنتر یا اداره امور اجتماعی اجاره شما را می‌پردازد، پیش از امضا از آنجا بپرسید که آیا این اجاره پذیرفته می‌شود.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Договір оренди",
                        "body": (
                            "<p>Уважно прочитайте договір оренди, перш ніж підписувати. Попросіть пояснити незрозумілі пункти. У договорі зазначено базову орендну плату та авансові платежі за комунальні витрати, як-от опалення, воду та вивезення сміття.</p>"
                            "<p>Раз на рік ви отримуєте розрахунок комунальних витрат. Тоді, можливо, доведеться доплатити або вам повернуть гроші.</p>"
                            "<p>Якщо вашу оренду оплачує джобцентр або соціальне відомство, запитайте там перед підписанням, чи буде ця оренда покрита.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "wohngeld",
                "texts": {
                    "de": {
                        "title": "Wohngeld",
                        "body": (
                            "<p>Wohngeld ist ein Zuschuss zur Miete für Menschen mit wenig Einkommen. Sie bekommen es nicht, wenn Sie schon Bürgergeld oder Sozialhilfe erhalten, denn dann sind die Wohnkosten dort enthalten.</p>"
                            "<p>Wie viel Wohngeld Sie bekommen, hängt von Ihrem Einkommen, der Zahl der Personen im Haushalt und der Miete ab.</p>"
                            "<p>Den Antrag stellen Sie bei der Wohngeldstelle. Im Rathaus erfahren Sie, welche Stelle für Ihren Wohnort zuständig ist. Wohngeld gibt es erst ab dem Monat, in dem Sie den Antrag stellen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Housing benefit",
                        "body": (
                            "<p>Housing benefit (Wohngeld) is a rent subsidy for people with a low income. You do not receive it if you already get citizen's benefit or social assistance, because housing costs are included there.</p>"
                            "<p>How much housing benefit you receive depends on your income, the number of people in your household and the rent.</p>"
                            "<p>You apply at the housing benefit office. At the town hall you can find out which office is responsible for where you live. Housing benefit is only paid from the month in which you apply.</p>"
                        ),
                    },
                    "ar": {
                        "title": "إعانة السكن",
                        "body": (
                            "<p>إعانة السكن (Wohngeld) دعم للإيجار مخصّص لذوي الدخل المحدود. ولا تحصل عليها إذا كنت تتلقى إعانة المواطن أو المساعدة الاجتماعية، لأن تكاليف السكن مشمولة فيهما.</p>"
                            "<p>يتوقّف مبلغ إعانة السكن على دخلك وعدد أفراد الأسرة وقيمة الإيجار.</p>"
                            "<p>تقدّم الطلب لدى مكتب إعانة السكن، ويمكنك أن تعرف في دار البلدية أي مكتب هو المختص بمكان سكنك. تُصرف الإعانة ابتداءً من الشهر الذي تقدّم فيه الطلب فقط.</p>"
                        ),
                    },
                    "fa": {
                        "title": "کمک‌هزینه مسکن",
                        "body": (
                            "<p>کمک‌هزینه مسکن (Wohngeld) کمکی برای پرداخت اجاره به افراد کم‌درآمد است. اگر از قبل کمک‌هزینه شهروندی یا کمک اجتماعی دریافت می‌کنید، آن را نمی‌گیرید، چون هزینه مسکن در آن‌ها گنجانده شده است.</p>"
                            "<p>میزان کمک‌هزینه مسکن به درآمد شما، تعداد افراد خانوار و مبلغ اجاره بستگی دارد.</p>"
                            "<p>درخواست را به اداره کمک‌هزینه مسکن می‌دهید. در شهرداری می‌توانید بپرسید کدام اداره مسئول محل زندگی شماست. این کمک‌هزینه تنها از ماهی پرداخت می‌شود که درخواست داده‌اید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Житлова допомога",
                        "body": (
                            "<p>Житлова допомога (Wohngeld) — це доплата до оренди для людей з низьким доходом. Ви не отримаєте її, якщо вже отримуєте громадянську або соціальну допомогу, бо витрати на житло вже включені туди.</p>"
                            "<p>Розмір житлової допомоги залежить від вашого доходу, кількості людей у домогосподарстві та орендної плати.</p>"
                            "<p>Заяву подають до відділу житлової допомоги. У ратуші підкажуть, який відділ відповідає за ваше місце проживання. Допомогу виплачують лише з місяця подання заяви.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "muelltrennung",
                "texts": {
                    "de": {
                        "title": "Müll richtig trennen",
                        "body": (
                            "<p>In Deutschland wird Müll getrennt. So kann vieles wiederverwertet werden. Für jede Müllart gibt es eine eigene Tonne oder einen Sack.</p>"
                            "<ul><li>Papier und Pappe</li><li>Verpackungen aus Plastik und Metall</li><li>Bioabfall, zum Beispiel Essensreste und Schalen</li><li>Restmüll</li><li>Glas bringen Sie nach Farben getrennt zum Container.</li></ul>"
                            "<p>Die Farben der Tonnen und die Abholtage können in jeder Gemeinde anders sein. Den Abfallkalender bekommen Sie beim Kreis oder im Rathaus. Große Dinge wie Möbel holt die Sperrmüllabfuhr nach Anmeldung ab.</p>"
                        ),
                    },
                    "en": {
                        "title": "Sorting waste correctly",
                        "body": (
                            "<p>In Germany waste is separated so that much of it can be recycled. There is a separate bin or bag for each type of waste.</p>"
                            "<ul><li>paper and cardboard</li><li>packaging made of plastic and metal</li><li>organic waste, for example food leftovers and peel</li><li>residual waste</li><li>Glass is taken to the container, sorted by colour.</li></ul>"
                            "<p>The colours of the bins and the collection days may differ from one municipality to another. You can get the waste calendar from the district or the town hall. Large items such as furniture are collected by the bulky waste service after you have booked a collection.</p>"
                        ),
                    },
                    "ar": {
                        "title": "فرز النفايات بشكل صحيح",
                        "body": (
                            "<p>تُفرز النفايات في ألمانيا حتى يمكن إعادة تدوير الكثير منها، ولكل نوع من النفايات حاوية أو كيس خاص.</p>"
                            "<ul><li>الورق والكرتون</li><li>العبوات المصنوعة من البلاستيك والمعدن</li><li>النفايات العضوية، مثل بقايا الطعام والقشور</li><li>النفايات المتبقية</li><li>أما الزجاج فتضعه في الحاويات المخصّصة بحسب لونه.</li></ul>"
                            "<p>قد تختلف ألوان الحاويات ومواعيد جمع النفايات من بلدية إلى أخرى. تحصل على تقويم النفايات من المقاطعة أو من دار البلدية. وتُجمع الأغراض الكبيرة مثل الأثاث بعد حجز موعد لدى خدمة جمع النفايات الضخمة.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "gute-nachbarschaft",
                "texts": {
                    "de": {
                        "title": "Gute Nachbarschaft",
                        "body": (
                            "<p>In vielen Häusern gibt es eine Hausordnung. Dort steht zum Beispiel, wer das Treppenhaus putzt und wo Fahrräder stehen dürfen. Fragen Sie Ihren Vermieter danach.</p>"
                            "<p>Nachts von 22 bis 6 Uhr und an Sonn- und Feiertagen gilt Ruhezeit. Vermeiden Sie dann laute Musik und laute Arbeiten.</p>"
                            "<p>Lüften Sie mehrmals am Tag kurz mit weit geöffnetem Fenster. So verhindern Sie Schimmel. Und: Ein freundliches Hallo im Treppenhaus ist oft der Anfang einer guten Nachbarschaft.</p>"
                        ),
                    },
                    "en": {
                        "title": "Good neighbourly relations",
                        "body": (
                            "<p>Many buildings have house rules. They state, for example, who cleans the stairwell and where bicycles may be kept. Ask your landlord about them.</p>"
                            "<p>Quiet hours apply at night from 10 pm to 6 am and on Sundays and public holidays. Avoid loud music and noisy work at these times.</p>"
                            "<p>Air your rooms briefly several times a day with the window wide open. This prevents mould. And: a friendly hello in the stairwell is often the beginning of good neighbourly relations.</p>"
                        ),
                    },
                    "ar": {
                        "title": "حسن الجوار",
                        "body": (
                            "<p>في كثير من المباني توجد لائحة داخلية، تحدّد مثلاً من ينظّف الدرج وأين يجوز وضع الدراجات. اسأل المؤجر عنها.</p>"
                            "<p>تسري أوقات الهدوء ليلاً من الساعة العاشرة مساءً حتى السادسة صباحاً، وفي أيام الأحد والعطل الرسمية. تجنّب في هذه الأوقات الموسيقى الصاخبة والأعمال المزعجة.</p>"
                            "<p>قم بتهوية المسكن عدة مرات في اليوم لفترة قصيرة مع فتح النافذة بالكامل، فهذا يمنع العفن. وتذكّر أن تحية ودية على الدرج كثيراً ما تكون بداية لجيرة طيبة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "همسایگی خوب",
                        "body": (
                            "<p>بسیاری از ساختمان‌ها آیین‌نامه داخلی دارند. در آن آمده است، برای نمونه، چه کسی راه‌پله را تمیز می‌کند و دوچرخه‌ها کجا می‌توانند باشند. از صاحبخانه درباره آن بپرسید.</p>"
                            "<p>شب‌ها از ساعت ۲۲ تا ۶ صبح و در روزهای یکشنبه و تعطیلات رسمی زمان استراحت است. در این زمان‌ها از موسیقی بلند و کارهای پرسروصدا خودداری کنید.</p>"
                            "<p>چند بار در روز برای مدت کوتاه پنجره را کاملاً باز کنید تا هوا عوض شود. این کار از کپک زدن جلوگیری می‌کند. و یک سلام دوستانه در راه‌پله اغلب آغاز یک همسایگی خوب است.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Добросусідство",
                        "body": (
                            "<p>У багатьох будинках є правила внутрішнього розпорядку. Там, наприклад, зазначено, хто прибирає сходову клітку і де можна ставити велосипеди. Запитайте про них орендодавця.</p>"
                            "<p>Вночі з 22:00 до 6:00, а також у неділю та святкові дні діє час тиші. У цей час уникайте гучної музики та шумних робіт.</p>"
                            "<p>Провітрюйте житло кілька разів на день, ненадовго широко відчиняючи вікно. Так ви запобігаєте появі цвілі. І пам'ятайте: привітне «Добрий день» на сходах часто стає початком доброго сусідства.</p>"
                        ),
                    },
                },
            },
        ],
    },
    {
        "slug": "gesundheit",
        "texts": {
            "de": {
                "title": "Gesundheit",
                "body": (
                    "<p>Wenn Sie krank sind oder Fragen zu Ihrer Gesundheit haben, gibt es im Wetteraukreis viele Stellen, die Ihnen helfen: Arztpraxen, Krankenhäuser, Apotheken und das Gesundheitsamt des Kreises.</p>"
                    "<p>Hier erfahren Sie, wie das Gesundheitssystem funktioniert, was Sie im Notfall tun und welche Vorsorge für Sie und Ihre Kinder wichtig ist.</p>"
                ),
            },
            "en": {
                "title": "Health",
                "body": (
                    "<p>If you are ill or have questions about your health, there are many places in the Wetteraukreis that can help you: doctors' practices, hospitals, pharmacies and the district's public health office.</p>"
                    "<p>Here you can find out how the health system works, what to do in an emergency and which check-ups are important for you and your children.</p>"
                ),
            },
            "ar": {
                "title": "الصحة",
                "body": (
                    "<p>إذا كنت مريضاً أو لديك أسئلة عن صحتك، فهناك جهات كثيرة في مقاطعة فيتيراو تساعدك: عيادات الأطباء والمستشفيات والصيدليات ومكتب الصحة التابع للمقاطعة.</p>"
                    "<p>ستعرف هنا كيف يعمل النظام الصحي، وماذا تفعل في حالة الطوارئ، وأي فحوص وقائية مهمة لك ولأطفالك.</p>"
                ),
            },
            "fa": {
                "title": "سلامت",
                "body": (
                    "<p>اگر بیمار هستید یا درباره سلامت خود پرسشی دارید، در شهرستان وتراو جاهای زیادی به شما کمک می‌کنند: مطب پزشکان، بیمارستان‌ها، داروخانه‌ها و اداره بهداشت شهرستان.</p>"
                    "<p>اینجا می‌فهمید نظام درمانی چگونه کار می‌کند، در موارد اضطراری چه کنید و کدام معاینات پیشگیرانه برای شما و فرزندانتان مهم است.</p>"
                ),
            },
            "uk": {
                "title": "Здоров'я",
                "body": (
                    "<p>Якщо ви захворіли або маєте запитання щодо здоров'я, у районі Веттерау є багато місць, де вам допоможуть: лікарські практики, лікарні, аптеки та відомство охорони здоров'я району.</p>"
                    "<p>Тут ви дізнаєтеся, як працює система охорони здоров'я, що робити в екстреній ситуації та які профілактичні огляди важливі для вас і ваших дітей.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "hausarzt",
                "texts": {
                    "de": {
                        "title": "Zum Hausarzt gehen",
                        "body": (
                            "<p>Wenn Sie krank sind, gehen Sie zuerst zu einer Hausarztpraxis. Suchen Sie sich eine Praxis in Ihrer Nähe und gehen Sie möglichst immer dorthin. So kennt man Sie und Ihre Krankengeschichte.</p>"
                            "<p>Machen Sie vorher einen Termin, am besten telefonisch. Bringen Sie Ihre Gesundheitskarte mit. Wenn Sie eine Fachärztin oder einen Facharzt brauchen, bekommen Sie oft eine Überweisung.</p>"
                            "<p>Sie verstehen die Ärztin oder den Arzt nicht gut? Bringen Sie eine Vertrauensperson mit oder fragen Sie nach einer Sprachmittlung.</p>"
                        ),
                    },
                    "en": {
                        "title": "Going to the family doctor",
                        "body": (
                            "<p>If you are ill, go to a family doctor's practice (Hausarzt) first. Choose a practice near you and try to always go there. That way they know you and your medical history.</p>"
                            "<p>Make an appointment in advance, ideally by phone. Bring your health card. If you need a specialist, you will often receive a referral.</p>"
                            "<p>Do you have trouble understanding the doctor? Bring a person you trust or ask for a language mediator.</p>"
                        ),
                    },
                    "ar": {
                        "title": "زيارة طبيب الأسرة",
                        "body": (
                            "<p>إذا مرضت فاذهب أولاً إلى عيادة طبيب الأسرة (Hausarzt). اختر عيادة قريبة منك وحاول أن تذهب إليها دائماً، فهكذا يعرفونك ويعرفون تاريخك المرضي.</p>"
                            "<p>احجز موعداً مسبقاً، ويُفضّل أن يكون ذلك هاتفياً، وأحضر معك بطاقتك الصحية. وإذا احتجت إلى طبيب مختص، تحصل غالباً على إحالة.</p>"
                            "<p>هل تجد صعوبة في فهم الطبيب؟ اصطحب معك شخصاً تثق به أو اطلب وسيطاً لغوياً.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مراجعه به پزشک خانواده",
                        "body": (
                            "<p>اگر بیمار شدید، ابتدا به مطب پزشک خانواده (Hausarzt) بروید. مطبی نزدیک محل زندگی‌تان انتخاب کنید و تا جای ممکن همیشه به همان‌جا بروید. به این ترتیب شما و سابقه بیماری‌تان را می‌شناسند.</p>"
                            "<p>از پیش وقت بگیرید، بهتر است تلفنی. کارت سلامت خود را همراه بیاورید. اگر به پزشک متخصص نیاز داشته باشید، اغلب معرفی‌نامه دریافت می‌کنید.</p>"
                            "<p>حرف‌های پزشک را خوب نمی‌فهمید؟ یک فرد مورد اعتماد را همراه بیاورید یا درخواست میانجی زبانی کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Візит до сімейного лікаря",
                        "body": (
                            "<p>Якщо ви захворіли, спочатку зверніться до практики сімейного лікаря (Hausarzt). Оберіть практику поблизу та намагайтеся завжди ходити туди. Так вас і вашу історію хвороби знатимуть.</p>"
                            "<p>Запишіться на прийом заздалегідь, найкраще телефоном. Візьміть із собою медичну картку. Якщо вам потрібен вузький спеціаліст, ви часто отримаєте направлення.</p>"
                            "<p>Вам важко розуміти лікаря? Візьміть із собою людину, якій довіряєте, або попросіть мовного посередника.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "notfall",
                "texts": {
                    "de": {
                        "title": "Im Notfall",
                        "body": (
                            "<p>Bei Lebensgefahr, schweren Unfällen oder Feuer rufen Sie sofort die Notrufnummer 112 an. Der Anruf ist kostenlos und funktioniert auch ohne Guthaben. Die Polizei erreichen Sie unter 110.</p>"
                            "<p>Wenn Sie nachts oder am Wochenende krank werden und es kein Notfall ist, hilft der ärztliche Bereitschaftsdienst unter 116117.</p>"
                            "<p>Sagen Sie am Telefon ruhig, wo Sie sind, was passiert ist und wie viele Menschen verletzt sind. Legen Sie erst auf, wenn man es Ihnen sagt.</p>"
                        ),
                    },
                    "en": {
                        "title": "In an emergency",
                        "body": (
                            "<p>If someone's life is in danger, in serious accidents or in case of fire, call the emergency number 112 immediately. The call is free and works even without credit. You can reach the police on 110.</p>"
                            "<p>If you fall ill at night or at the weekend and it is not an emergency, the out-of-hours medical service on 116117 can help.</p>"
                            "<p>On the phone, calmly say where you are, what has happened and how many people are injured. Only hang up when you are told to.</p>"
                        ),
                    },
                    "ar": {
                        "title": "في حالة الطوارئ",
                        "body": (
                            "<p>في حالات الخطر على الحياة أو الحوادث الخطيرة أو الحرائق اتصل فوراً برقم الطوارئ 112. الاتصال مجاني ويعمل حتى من دون رصيد. ويمكنك الوصول إلى الشرطة على الرقم 110.</p>"
                            "<p>إذا مرضت ليلاً أو في عطلة نهاية الأسبوع ولم تكن الحالة طارئة، فإن خدمة المناوبة الطبية على الرقم 116117 تساعدك.</p>"
                            "<p>قل على الهاتف بهدوء أين أنت، وماذا حدث، وكم عدد المصابين. ولا تُنهِ المكالمة إلا عندما يُطلب منك ذلك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "در موارد اضطراری",
                        "body": (
                            "<p>در صورت خطر جانی، تصادف‌های سخت یا آتش‌سوزی، فوراً با شماره اضطراری 112 تماس بگیرید. این تماس رایگان است و بدون شارژ هم کار می‌کند. پلیس را با شماره 110 می‌توانید بگیرید.</p>"
                            "<p>اگر شب یا آخر هفته بیمار شدید و مورد اضطراری نیست، خدمات پزشکی کشیک با شماره 116117 به شما کمک می‌کند.</p>"
                            "<p>پشت تلفن با آرامش بگویید کجا هستید، چه اتفاقی افتاده و چند نفر آسیب دیده‌اند. تنها زمانی تلفن را قطع کنید که به شما گفته شود.</p>"
                        ),
                    },
                    "uk": {
                        "title": "У надзвичайній ситуації",
                        "body": (
                            "<p>У разі загрози життю, серйозних аварій або пожежі негайно телефонуйте за номером екстреної допомоги 112. Дзвінок безкоштовний і працює навіть без коштів на рахунку. Поліцію можна викликати за номером 110.</p>"
                            "<p>Якщо ви захворіли вночі чи у вихідні й це не екстрений випадок, допоможе чергова лікарська служба за номером 116117.</p>"
                            "<p>Спокійно скажіть по телефону, де ви перебуваєте, що сталося і скільки людей постраждало. Кладіть слухавку лише тоді, коли вам скажуть.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "apotheke",
                "texts": {
                    "de": {
                        "title": "Apotheke und Medikamente",
                        "body": (
                            "<p>Medikamente bekommen Sie in der Apotheke. Viele Medikamente gibt es nur mit einem Rezept von der Ärztin oder vom Arzt.</p>"
                            "<p>Für Medikamente auf Rezept zahlen Erwachsene meistens einen kleinen Eigenanteil. Für Kinder und Jugendliche unter 18 Jahren ist das Rezept in der Regel kostenlos.</p>"
                            "<p>Nachts und am Wochenende hat immer eine Apotheke in der Nähe Notdienst. Welche das ist, steht an der Tür jeder Apotheke. Fragen Sie in der Apotheke auch, wie Sie ein Medikament richtig einnehmen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Pharmacy and medicines",
                        "body": (
                            "<p>You get medicines at the pharmacy (Apotheke). Many medicines are only available with a prescription from a doctor.</p>"
                            "<p>Adults usually pay a small co-payment for prescription medicines. For children and young people under 18, prescriptions are generally free of charge.</p>"
                            "<p>At night and at weekends there is always a pharmacy nearby on emergency duty. Which one it is, is posted on the door of every pharmacy. Also ask at the pharmacy how to take a medicine correctly.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الصيدلية والأدوية",
                        "body": (
                            "<p>تحصل على الأدوية من الصيدلية (Apotheke)، وكثير من الأدوية لا يُصرف إلا بوصفة من الطبيب.</p>"
                            "<p>يدفع البالغون عادةً مساهمة صغيرة في ثمن الأدوية الموصوفة، أما للأطفال والشباب دون الثامنة عشرة فالوصفة مجانية في العادة.</p>"
                            "<p>في الليل وفي عطلة نهاية الأسبوع توجد دائماً صيدلية مناوبة قريبة، ويُعلَن عنها على باب كل صيدلية. واسأل في الصيدلية أيضاً عن الطريقة الصحيحة لتناول الدواء.</p>"
                        ),
                    },
                    "fa": {
                        "title": "داروخانه و داروها",
                        "body": (
                            "<p>داروها را از داروخانه (Apotheke) تهیه می‌کنید. بسیاری از داروها فقط با نسخه پزشک داده می‌شوند.</p>"
                            "<p>بزرگسالان برای داروهای نسخه‌ای معمولاً سهم کوچکی می‌پردازند. برای کودکان و نوجوانان زیر ۱۸ سال نسخه معمولاً رایگان است.</p>"
                            "<p>شب‌ها و آخر هفته‌ها همیشه یک داروخانه کشیک در نزدیکی شما باز است. نام آن روی در هر داروخانه نوشته شده است. در داروخانه همچنین بپرسید دارو را چگونه درست مصرف کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Аптека та ліки",
                        "body": (
                            "<p>Ліки ви отримуєте в аптеці (Apotheke). Багато ліків відпускають лише за рецептом лікаря.</p>"
                            "<p>За ліки за рецептом дорослі зазвичай сплачують невелику доплату. Для дітей і підлітків до 18 років рецепт, як правило, безкоштовний.</p>"
                            "<p>Вночі та у вихідні поблизу завжди чергує одна з аптек. Яка саме, вказано на дверях кожної аптеки. Запитайте в аптеці також, як правильно приймати ліки.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "seelische-gesundheit",
                "texts": {
                    "de": {
                        "title": "Seelische Gesundheit",
                        "body": (
                            "<p>Flucht, Verlust und ein neues Leben in einem fremden Land können sehr belasten. Schlafprobleme, Angst oder Traurigkeit sind häufig. Sie sind damit nicht allein, und es gibt Hilfe.</p>"
                            "<p>Sprechen Sie zuerst mit Ihrer Hausärztin oder Ihrem Hausarzt. Sie können auch direkt eine psychotherapeutische Sprechstunde besuchen, dafür brauchen Sie keine Überweisung.</p>"
                            "<p>Der Sozialpsychiatrische Dienst des Gesundheitsamts berät kostenlos und vertraulich. Für geflüchtete Menschen gibt es außerdem spezialisierte psychosoziale Beratungsstellen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Mental health",
                        "body": (
                            "<p>Flight, loss and a new life in a foreign country can be a heavy burden. Sleep problems, anxiety or sadness are common. You are not alone with this, and help is available.</p>"
                            "<p>Talk to your family doctor first. You can also go directly to a psychotherapy consultation; you do not need a referral for this.</p>"
                            "<p>The social psychiatric service of the public health office offers free and confidential advice. There are also specialised psychosocial counselling centres for refugees.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الصحة النفسية",
                        "body": (
                            "<p>قد يشكّل اللجوء والفقدان وبدء حياة جديدة في بلد غريب عبئاً ثقيلاً. ومشكلات النوم والخوف والحزن أمور شائعة. لست وحدك في ذلك، وهناك من يساعدك.</p>"
                            "<p>تحدّث أولاً مع طبيب الأسرة. ويمكنك أيضاً أن تذهب مباشرةً إلى موعد استشارة لدى معالج نفسي، ولا تحتاج لذلك إلى إحالة.</p>"
                            "<p>تقدّم الخدمة النفسية الاجتماعية في مكتب الصحة استشارة مجانية وسرية. كما توجد مراكز استشارة نفسية اجتماعية متخصّصة للاجئين.</p>"
                        ),
                    },
                    "fa": {
                        "title": "سلامت روان",
                        "body": (
                            "<p>مهاجرت اجباری، از دست دادن عزیزان و زندگی تازه در کشوری بیگانه می‌تواند بسیار سنگین باشد. بی‌خوابی، ترس یا اندوه رایج است. شما در این وضعیت تنها نیستید و کمک وجود دارد.</p>"
                            "<p>ابتدا با پزشک خانواده خود صحبت کنید. همچنین می‌توانید مستقیماً به ساعت مشاوره روان‌درمانی بروید و برای آن به معرفی‌نامه نیاز ندارید.</p>"
                            "<p>خدمات روان‌پزشکی اجتماعی اداره بهداشت به‌صورت رایگان و محرمانه مشاوره می‌دهد. برای پناهجویان مراکز مشاوره روانی-اجتماعی تخصصی نیز وجود دارد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Психічне здоров'я",
                        "body": (
                            "<p>Втеча, втрати та нове життя в чужій країні можуть бути дуже важкими. Проблеми зі сном, страх чи смуток трапляються часто. Ви не самі, і допомога є.</p>"
                            "<p>Спочатку поговоріть із сімейним лікарем. Також можна звернутися безпосередньо на психотерапевтичну консультацію — направлення для цього не потрібне.</p>"
                            "<p>Соціально-психіатрична служба відомства охорони здоров'я консультує безкоштовно й конфіденційно. Для біженців є також спеціалізовані центри психосоціальної підтримки.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "schwangerschaft-und-geburt",
                "texts": {
                    "de": {
                        "title": "Schwangerschaft und Geburt",
                        "body": (
                            "<p>Wenn Sie schwanger sind, gehen Sie zu einer Frauenärztin oder einem Frauenarzt. Sie bekommen einen Mutterpass. Die Vorsorgeuntersuchungen bezahlt die Krankenkasse.</p>"
                            "<p>Eine Hebamme begleitet Sie vor und nach der Geburt, auch zu Hause. Suchen Sie früh nach einer Hebamme. Schwangerschaftsberatungsstellen beraten kostenlos, auch zu finanziellen Hilfen.</p>"
                            "<p>Nach der Geburt muss das Kind innerhalb einer Woche beim Standesamt angemeldet werden. Oft übernimmt das Krankenhaus die Meldung, fragen Sie dort nach.</p>"
                        ),
                    },
                    "en": {
                        "title": "Pregnancy and birth",
                        "body": (
                            "<p>If you are pregnant, go to a gynaecologist. You will receive a maternity record (Mutterpass). The health insurance fund pays for the prenatal check-ups.</p>"
                            "<p>A midwife supports you before and after the birth, including at home. Look for a midwife early. Pregnancy counselling centres offer free advice, including on financial help.</p>"
                            "<p>After the birth the child must be registered at the registry office within one week. The hospital often takes care of this; ask there.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الحمل والولادة",
                        "body": (
                            "<p>إذا كنتِ حاملاً فاذهبي إلى طبيبة أو طبيب نسائي، وستحصلين على سجل الأمومة (Mutterpass). ويدفع صندوق التأمين الصحي تكاليف الفحوص الوقائية.</p>"
                            "<p>ترافقك القابلة قبل الولادة وبعدها، وفي البيت أيضاً، فابحثي عن قابلة في وقت مبكر. وتقدّم مراكز استشارات الحمل استشارة مجانية، بما في ذلك عن المساعدات المالية.</p>"
                            "<p>بعد الولادة يجب تسجيل الطفل في مكتب الأحوال المدنية خلال أسبوع. وكثيراً ما يتولّى المستشفى هذا التسجيل، فاسألي هناك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "بارداری و زایمان",
                        "body": (
                            "<p>اگر باردار هستید، به پزشک زنان مراجعه کنید. دفترچه مادر (Mutterpass) دریافت می‌کنید. هزینه معاینات دوران بارداری را صندوق بیمه درمانی می‌پردازد.</p>"
                            "<p>ماما پیش و پس از زایمان، حتی در خانه، همراه شماست. زود به دنبال ماما باشید. مراکز مشاوره بارداری به‌رایگان مشاوره می‌دهند، از جمله درباره کمک‌های مالی.</p>"
                            "<p>پس از تولد، کودک باید ظرف یک هفته در اداره ثبت احوال ثبت شود. اغلب بیمارستان این کار را انجام می‌دهد؛ از آنجا بپرسید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Вагітність і пологи",
                        "body": (
                            "<p>Якщо ви вагітні, зверніться до гінеколога. Ви отримаєте обмінну карту вагітної (Mutterpass). Профілактичні обстеження оплачує лікарняна каса.</p>"
                            "<p>Акушерка супроводжує вас до і після пологів, зокрема вдома. Шукайте акушерку заздалегідь. Консультаційні центри для вагітних консультують безкоштовно, також щодо фінансової допомоги.</p>"
                            "<p>Після пологів дитину треба зареєструвати в РАЦСі (Standesamt) протягом одного тижня. Часто це робить лікарня — запитайте там.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "impfungen-und-vorsorge",
                "texts": {
                    "de": {
                        "title": "Impfungen und Vorsorge",
                        "body": (
                            "<p>Impfungen schützen vor gefährlichen Krankheiten. Die empfohlenen Impfungen sind für Sie kostenlos. Alle Impfungen werden in einen Impfpass eingetragen. Bewahren Sie ihn gut auf.</p>"
                            "<p>Für den Besuch von Kita und Schule müssen Kinder einen Schutz gegen Masern nachweisen.</p>"
                            "<p>Für Kinder gibt es regelmäßige Vorsorgeuntersuchungen, die U-Untersuchungen. In Hessen werden Eltern an diese Termine erinnert. Nehmen Sie die Untersuchungen wahr, auch wenn Ihr Kind gesund ist.</p>"
                        ),
                    },
                    "en": {
                        "title": "Vaccinations and check-ups",
                        "body": (
                            "<p>Vaccinations protect against dangerous diseases. The recommended vaccinations are free for you. All vaccinations are entered in a vaccination record. Keep it in a safe place.</p>"
                            "<p>To attend daycare or school, children must show proof of protection against measles.</p>"
                            "<p>There are regular check-ups for children, called U-Untersuchungen. In Hesse, parents are reminded of these appointments. Attend the check-ups even if your child is healthy.</p>"
                        ),
                    },
                    "ar": {
                        "title": "التطعيمات والفحوص الوقائية",
                        "body": (
                            "<p>تحمي التطعيمات من أمراض خطيرة، والتطعيمات الموصى بها مجانية لك. تُسجَّل جميع التطعيمات في دفتر التطعيم، فاحتفظ به في مكان آمن.</p>"
                            "<p>لكي يرتاد الأطفال الروضة والمدرسة، يجب تقديم ما يثبت تحصينهم ضد الحصبة.</p>"
                            "<p>للأطفال فحوص وقائية منتظمة تُسمّى فحوص U (U-Untersuchungen). وفي ولاية هسن يتلقّى الوالدان تذكيراً بهذه المواعيد. احرص على حضور الفحوص حتى لو كان طفلك بصحة جيدة.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Щеплення та профілактика",
                        "body": (
                            "<p>Щеплення захищають від небезпечних хвороб. Рекомендовані щеплення для вас безкоштовні. Усі щеплення записують до сертифіката щеплень (Impfpass). Зберігайте його в надійному місці.</p>"
                            "<p>Щоб відвідувати дитсадок і школу, діти повинні мати підтвердження захисту від кору.</p>"
                            "<p>Для дітей існують регулярні профілактичні огляди — так звані U-Untersuchungen. У Гессені батькам нагадують про ці огляди. Приходьте на них, навіть якщо дитина здорова.</p>"
                        ),
                    },
                },
            },
        ],
    },
    {
        "slug": "kinder-und-familie",
        "texts": {
            "de": {
                "title": "Kinder und Familie",
                "body": (
                    "<p>Familien mit Kindern finden im Wetteraukreis viele Angebote: Kitas, Schulen, Familienzentren, Spielplätze und Jugendtreffs.</p>"
                    "<p>Hier erfahren Sie, wie Sie einen Kita-Platz bekommen, wie das Schulsystem in Hessen funktioniert, was Familien in der Freizeit machen können und welche Hilfen es für Familien gibt.</p>"
                ),
            },
            "en": {
                "title": "Children and family",
                "body": (
                    "<p>Families with children will find many offers in the Wetteraukreis: daycare centres, schools, family centres, playgrounds and youth clubs.</p>"
                    "<p>Here you can find out how to get a daycare place, how the school system in Hesse works, what families can do in their free time and what support is available for families.</p>"
                ),
            },
            "ar": {
                "title": "الأطفال والأسرة",
                "body": (
                    "<p>تجد العائلات التي لديها أطفال عروضاً كثيرة في مقاطعة فيتيراو: رياض الأطفال والمدارس ومراكز الأسرة والملاعب ونوادي الشباب.</p>"
                    "<p>ستعرف هنا كيف تحصل على مكان في روضة أطفال، وكيف يعمل النظام المدرسي في ولاية هسن، وماذا يمكن للعائلات أن تفعل في أوقات الفراغ، وما المساعدات المتاحة للأسر.</p>"
                ),
            },
            "fa": {
                "title": "کودکان و خانواده",
                "body": (
                    "<p>خانواده‌های دارای فرزند در شهرستان وتراو امکانات زیادی پیدا می‌کنند: مهدکودک‌ها، مدرسه‌ها، مراکز خانواده، زمین‌های بازی و باشگاه‌های جوانان.</p>"
                    "<p>اینجا می‌فهمید چگونه جای مهدکودک بگیرید، نظام آموزشی ایالت هسن چگونه کار می‌کند، خانواده‌ها در اوقات فراغت چه کارهایی می‌توانند بکنند و چه کمک‌هایی برای خانواده‌ها وجود دارد.</p>"
                ),
            },
            "uk": {
                "title": "Діти та сім'я",
                "body": (
                    "<p>Сім'ї з дітьми знайдуть у районі Веттерау багато пропозицій: дитсадки, школи, сімейні центри, дитячі майданчики та молодіжні клуби.</p>"
                    "<p>Тут ви дізнаєтеся, як отримати місце в дитсадку, як працює шкільна система Гессену, чим сім'ї можуть зайнятися у вільний час і яка допомога є для сімей.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "kita-und-tagespflege",
                "texts": {
                    "de": {
                        "title": "Kita und Tagespflege",
                        "body": (
                            "<p>Ab dem ersten Geburtstag hat jedes Kind einen Anspruch auf einen Platz in einer Kita oder in der Tagespflege. In der Tagespflege betreut eine Tagesmutter oder ein Tagesvater wenige Kinder.</p>"
                            "<p>In Hessen ist die Kita ab drei Jahren bis zur Einschulung für sechs Stunden am Tag beitragsfrei. Für längere Zeiten und für jüngere Kinder zahlen Sie einen Beitrag. Bei wenig Einkommen kann das Jugendamt ihn übernehmen.</p>"
                            "<p>Melden Sie Ihr Kind früh bei Ihrer Stadt oder Gemeinde an, oft schon viele Monate vorher. In der Kita lernt Ihr Kind spielerisch Deutsch und findet Freunde.</p>"
                        ),
                    },
                    "en": {
                        "title": "Daycare and childminders",
                        "body": (
                            "<p>From their first birthday, every child is entitled to a place in a daycare centre (Kita) or with a childminder (Tagespflege). A childminder looks after a small number of children.</p>"
                            "<p>In Hesse, daycare is free of charge for six hours a day from the age of three until the child starts school. For longer hours and for younger children you pay a fee. If your income is low, the youth welfare office can cover it.</p>"
                            "<p>Register your child with your town or municipality early, often many months in advance. At daycare your child learns German through play and makes friends.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الروضة والرعاية النهارية",
                        "body": (
                            "<p>ابتداءً من عيد ميلاده الأول، يحق لكل طفل الحصول على مكان في روضة أطفال (Kita) أو لدى مربية أطفال نهارية (Tagespflege)، وهي أم أو أب يرعى عدداً قليلاً من الأطفال.</p>"
                            "<p>في ولاية هسن تكون الروضة مجانية لمدة ست ساعات يومياً من سن الثالثة حتى دخول المدرسة. أما للساعات الإضافية وللأطفال الأصغر سناً فتدفع رسماً، وقد يتحمّله مكتب رعاية الشباب إذا كان دخلك محدوداً.</p>"
                            "<p>سجّل طفلك مبكراً لدى مدينتك أو بلديتك، وغالباً قبل عدة أشهر. في الروضة يتعلّم طفلك الألمانية من خلال اللعب ويكوّن صداقات.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مهدکودک و مراقبت روزانه",
                        "body": (
                            "<p>هر کودک از نخستین سالروز تولدش حق دارد در مهدکودک (Kita) یا نزد پرستار روزانه کودک (Tagespflege) جا داشته باشد. پرستار روزانه از تعداد کمی کودک نگهداری می‌کند.</p>"
                            "<p>در ایالت هسن مهدکودک برای کودکان از سه‌سالگی تا ورود به مدرسه روزانه شش ساعت رایگان است. برای ساعت‌های بیشتر و برای کودکان کوچک‌تر هزینه می‌پردازید. اگر درآمدتان کم است، اداره امور جوانان می‌تواند آن را بپردازد.</p>"
                            "<p>فرزندتان را زود، اغلب چند ماه زودتر، در شهر یا بخش خود ثبت‌نام کنید. کودک شما در مهدکودک با بازی آلمانی یاد می‌گیرد و دوست پیدا می‌کند.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Дитсадок і денна няня",
                        "body": (
                            "<p>З першого дня народження кожна дитина має право на місце в дитсадку (Kita) або в денної няні (Tagespflege). Денна няня доглядає кількох дітей.</p>"
                            "<p>У Гессені дитсадок безкоштовний шість годин на день для дітей від трьох років до вступу до школи. За довший час і для молодших дітей ви сплачуєте внесок. За низького доходу його може покрити відомство у справах молоді.</p>"
                            "<p>Запишіть дитину у вашому місті чи громаді якомога раніше, часто за багато місяців. У дитсадку дитина вивчає німецьку через гру та знаходить друзів.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "schule",
                "texts": {
                    "de": {
                        "title": "Schule in Hessen",
                        "body": (
                            "<p>In Deutschland gilt die Schulpflicht. Alle Kinder ab etwa sechs Jahren müssen zur Schule gehen, auch geflüchtete Kinder. Der Schulbesuch an öffentlichen Schulen ist kostenlos.</p>"
                            "<p>Zuerst besuchen die Kinder vier Jahre die Grundschule. Danach wechseln sie auf eine weiterführende Schule, zum Beispiel eine Gesamtschule, eine Realschule oder ein Gymnasium.</p>"
                            "<p>Gehen Sie zu Elternabenden und sprechen Sie mit den Lehrkräften. Bei Fragen zur Schulanmeldung hilft das Staatliche Schulamt.</p>"
                        ),
                    },
                    "en": {
                        "title": "School in Hesse",
                        "body": (
                            "<p>School attendance is compulsory in Germany. All children from about the age of six must go to school, including refugee children. Attending a state school is free of charge.</p>"
                            "<p>First, children attend primary school for four years. Then they move on to a secondary school, for example a comprehensive school, a Realschule or a Gymnasium.</p>"
                            "<p>Go to parents' evenings and talk to the teachers. The State Education Authority (Staatliches Schulamt) can help with questions about school registration.</p>"
                        ),
                    },
                    "ar": {
                        "title": "المدرسة في ولاية هسن",
                        "body": (
                            "<p>التعليم إلزامي في ألمانيا. يجب على جميع الأطفال من سن السادسة تقريباً الذهاب إلى المدرسة، بمن فيهم الأطفال اللاجئون. والدراسة في المدارس الحكومية مجانية.</p>"
                            "<p>يدرس الأطفال أولاً أربع سنوات في المدرسة الابتدائية، ثم ينتقلون إلى مدرسة ثانوية، مثل المدرسة الشاملة أو المدرسة الإعدادية (Realschule) أو الثانوية العليا (Gymnasium).</p>"
                            "<p>احضر اجتماعات أولياء الأمور وتحدّث مع المعلّمين. وإذا كانت لديك أسئلة عن التسجيل في المدرسة، فإن مكتب التعليم الحكومي (Staatliches Schulamt) يساعدك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مدرسه در ایالت هسن",
                        "body": (
                            "<p>در آلمان تحصیل اجباری است. همه کودکان از حدود شش‌سالگی باید به مدرسه بروند، از جمله کودکان پناهجو. تحصیل در مدارس دولتی رایگان است.</p>"
                            "<p>کودکان ابتدا چهار سال به دبستان می‌روند. پس از آن به مدرسه متوسطه می‌روند، برای نمونه مدرسه جامع (Gesamtschule)، رئال‌شوله (Realschule) یا گیمنازیوم (Gymnasium).</p>"
                            "<p>در جلسات اولیا شرکت کنید و با معلمان صحبت کنید. برای پرسش‌های مربوط به ثبت‌نام مدرسه، اداره آموزش دولتی (Staatliches Schulamt) کمک می‌کند.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Школа в Гессені",
                        "body": (
                            "<p>У Німеччині навчання в школі обов'язкове. Усі діти приблизно з шести років повинні ходити до школи, зокрема діти біженців. Навчання в державних школах безкоштовне.</p>"
                            "<p>Спершу діти чотири роки навчаються в початковій школі. Потім вони переходять до середньої школи, наприклад до загальної школи (Gesamtschule), реальної школи (Realschule) або гімназії.</p>"
                            "<p>Відвідуйте батьківські збори та спілкуйтеся з учителями. З питань запису до школи допоможе Державне шкільне управління (Staatliches Schulamt).</p>"
                        ),
                    },
                },
            },
            {
                "slug": "intensivklassen",
                "texts": {
                    "de": {
                        "title": "Intensivklassen für Neuankommende",
                        "body": (
                            "<p>Kinder und Jugendliche, die neu nach Deutschland kommen und noch kein Deutsch sprechen, lernen zuerst in Intensivklassen oder Intensivkursen. Dort lernen sie vor allem Deutsch.</p>"
                            "<p>Nach etwa einem Jahr wechseln sie Schritt für Schritt in eine normale Klasse. Jugendliche ab 16 Jahren können an beruflichen Schulen in besonderen Klassen Deutsch lernen und einen Abschluss machen.</p>"
                            "<p>Welche Schule Ihr Kind besucht, klärt das Staatliche Schulamt mit Ihnen. Bringen Sie Zeugnisse aus Ihrem Herkunftsland mit, wenn Sie welche haben.</p>"
                        ),
                    },
                    "en": {
                        "title": "Intensive classes for newcomers",
                        "body": (
                            "<p>Children and young people who are new to Germany and do not speak German yet first learn in intensive classes or intensive courses. There they mainly learn German.</p>"
                            "<p>After about a year they move step by step into a regular class. Young people aged 16 and over can learn German in special classes at vocational schools and obtain a qualification.</p>"
                            "<p>The State Education Authority will decide with you which school your child attends. Bring school reports from your country of origin if you have any.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الصفوف المكثّفة للقادمين الجدد",
                        "body": (
                            "<p>الأطفال والشباب القادمون حديثاً إلى ألمانيا ممن لا يتكلمون الألمانية بعد، يتعلّمون أولاً في صفوف مكثّفة أو دورات مكثّفة، حيث يتعلّمون اللغة الألمانية بالدرجة الأولى.</p>"
                            "<p>بعد سنة تقريباً ينتقلون تدريجياً إلى صف عادي. ويمكن للشباب من سن السادسة عشرة تعلّم الألمانية في صفوف خاصة في المدارس المهنية والحصول على شهادة.</p>"
                            "<p>يحدّد مكتب التعليم الحكومي معك المدرسة التي سيرتادها طفلك. أحضر الشهادات المدرسية من بلدك الأصلي إن كانت لديك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "کلاس‌های فشرده برای تازه‌واردان",
                        "body": (
                            "<p>کودکان و نوجوانانی که تازه به آلمان آمده‌اند و هنوز آلمانی بلد نیستند، ابتدا در کلاس‌ها یا دوره‌های فشرده درس می‌خوانند. در آنجا بیش از هر چیز زبان آلمانی یاد می‌گیرند.</p>"
                            "<p>پس از حدود یک سال، گام‌به‌گام به کلاس عادی می‌روند. نوجوانان از ۱۶ سال به بالا می‌توانند در هنرستان‌های حرفه‌ای در کلاس‌های ویژه آلمانی بیاموزند و مدرک تحصیلی بگیرند.</p>"
                            "<p>اداره آموزش دولتی همراه با شما تعیین می‌کند فرزندتان به کدام مدرسه برود. اگر کارنامه‌های تحصیلی از کشور خود دارید، آن‌ها را همراه بیاورید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Інтенсивні класи для новоприбулих",
                        "body": (
                            "<p>Діти та підлітки, які нещодавно приїхали до Німеччини й ще не говорять німецькою, спочатку навчаються в інтенсивних класах або на інтенсивних курсах. Там вони передусім вивчають німецьку.</p>"
                            "<p>Приблизно через рік вони поступово переходять до звичайного класу. Молодь від 16 років може вивчати німецьку в спеціальних класах професійних шкіл і здобути там атестат.</p>"
                            "<p>До якої школи піде ваша дитина, Державне шкільне управління вирішує разом із вами. Візьміть із собою шкільні документи з країни походження, якщо вони у вас є.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "freizeit-fuer-familien",
                "texts": {
                    "de": {
                        "title": "Freizeit für Familien",
                        "body": (
                            "<p>Im Kreis gibt es viele Spielplätze, Parks, Wanderwege und Schwimmbäder. In Familienzentren treffen sich Eltern mit ihren Kindern, zum Beispiel im Elterncafé oder in Krabbelgruppen.</p>"
                            "<p>In den Büchereien können Kinder kostenlos oder sehr günstig Bücher ausleihen. Oft gibt es dort auch Vorlesestunden.</p>"
                            "<p>Wenn Sie Bürgergeld, Wohngeld oder Kinderzuschlag bekommen, können Sie Leistungen für Bildung und Teilhabe beantragen. Damit werden zum Beispiel Ausflüge der Schule oder der Beitrag im Sportverein bezahlt.</p>"
                        ),
                    },
                    "en": {
                        "title": "Leisure time for families",
                        "body": (
                            "<p>There are many playgrounds, parks, hiking trails and swimming pools in the district. Parents meet with their children at family centres, for example in a parents' café or toddler groups.</p>"
                            "<p>Children can borrow books from libraries for free or at very low cost. Libraries often have story times, too.</p>"
                            "<p>If you receive citizen's benefit, housing benefit or the child supplement, you can apply for education and participation benefits. These pay, for example, for school trips or sports club fees.</p>"
                        ),
                    },
                    "ar": {
                        "title": "أوقات الفراغ للعائلات",
                        "body": (
                            "<p>في المقاطعة ملاعب وحدائق ومسارات للمشي ومسابح كثيرة. وفي مراكز الأسرة يلتقي الآباء والأمهات مع أطفالهم، مثلاً في مقهى الوالدين أو في مجموعات الأطفال الصغار.</p>"
                            "<p>يمكن للأطفال استعارة الكتب من المكتبات العامة مجاناً أو بمبلغ زهيد جداً، وكثيراً ما تُقام فيها أيضاً جلسات لقراءة القصص.</p>"
                            "<p>إذا كنت تحصل على إعانة المواطن أو إعانة السكن أو علاوة الطفل، يمكنك طلب مساعدات التعليم والمشاركة، التي تُدفع بها مثلاً تكاليف الرحلات المدرسية أو اشتراك النادي الرياضي.</p>"
                        ),
                    },
                    "fa": {
                        "title": "اوقات فراغ برای خانواده‌ها",
                        "body": (
                            "<p>در شهرستان زمین‌های بازی، پارک‌ها، مسیرهای پیاده‌روی و استخرهای زیادی وجود دارد. والدین با فرزندانشان در مراکز خانواده دور هم جمع می‌شوند، برای نمونه در کافه والدین یا گروه‌های بازی نوپایان.</p>"
                            "<p>کودکان می‌توانند از کتابخانه‌ها رایگان یا با هزینه بسیار کم کتاب امانت بگیرند. در آنجا اغلب برنامه‌های کتاب‌خوانی هم برگزار می‌شود.</p>"
                            "<p>اگر کمک‌هزینه شهروندی، کمک‌هزینه مسکن یا مکمل کودک دریافت می‌کنید، می‌توانید کمک‌های آموزش و مشارکت را درخواست کنید. با این کمک‌ها برای نمونه هزینه اردوهای مدرسه یا حق عضویت باشگاه ورزشی پرداخت می‌شود.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Дозвілля для сімей",
                        "body": (
                            "<p>У районі є багато дитячих майданчиків, парків, пішохідних маршрутів і басейнів. У сімейних центрах батьки зустрічаються з дітьми, наприклад у батьківському кафе або в групах для малюків.</p>"
                            "<p>У бібліотеках діти можуть брати книжки безкоштовно або дуже дешево. Там часто проводять і години читання вголос.</p>"
                            "<p>Якщо ви отримуєте громадянську допомогу, житлову допомогу або дитячу надбавку, можна подати заяву на виплати на освіту та участь у суспільному житті. З них оплачують, наприклад, шкільні екскурсії або внески до спортивного клубу.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "jugendtreffs",
                "texts": {
                    "de": {
                        "title": "Jugendtreffs",
                        "body": (
                            "<p>In vielen Städten und Gemeinden im Kreis gibt es Jugendtreffs und Jugendzentren. Dort können Jugendliche ihre Freizeit verbringen, Musik machen, Sport treiben oder einfach Freunde treffen.</p>"
                            "<p>Die Angebote sind meistens kostenlos. Pädagogische Fachkräfte sind da und helfen auch bei Problemen, zum Beispiel in der Schule oder bei der Suche nach einem Praktikum.</p>"
                            "<p>Die Öffnungszeiten erfahren Sie bei der Jugendpflege Ihrer Stadt oder Gemeinde.</p>"
                        ),
                    },
                    "en": {
                        "title": "Youth clubs",
                        "body": (
                            "<p>Many towns and municipalities in the district have youth clubs and youth centres. Young people can spend their free time there, make music, do sports or simply meet friends.</p>"
                            "<p>The activities are usually free. Trained youth workers are there and also help with problems, for example at school or when looking for an internship.</p>"
                            "<p>You can find out the opening hours from the youth services of your town or municipality.</p>"
                        ),
                    },
                    "ar": {
                        "title": "نوادي الشباب",
                        "body": (
                            "<p>في كثير من مدن المقاطعة وبلدياتها توجد نوادٍ ومراكز للشباب، حيث يمكن لليافعين قضاء أوقات فراغهم وعزف الموسيقى وممارسة الرياضة أو مجرد لقاء الأصدقاء.</p>"
                            "<p>العروض مجانية في الغالب. ويوجد فيها مختصون تربويون يساعدون أيضاً في حل المشكلات، مثلاً في المدرسة أو عند البحث عن تدريب عملي.</p>"
                            "<p>يمكنك معرفة أوقات العمل لدى قسم رعاية الشباب في مدينتك أو بلديتك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "باشگاه‌های جوانان",
                        "body": (
                            "<p>در بسیاری از شهرها و بخش‌های شهرستان باشگاه‌ها و مراکز جوانان وجود دارد. نوجوانان می‌توانند در آنجا اوقات فراغت خود را بگذرانند، موسیقی بنوازند، ورزش کنند یا فقط با دوستانشان دیدار کنند.</p>"
                            "<p>این برنامه‌ها معمولاً رایگان‌اند. مربیان آموزش‌دیده در آنجا حضور دارند و در مشکلات نیز کمک می‌کنند، برای نمونه در مدرسه یا در پیدا کردن کارآموزی.</p>"
                            "<p>ساعت‌های کار را می‌توانید از بخش امور جوانان شهر یا بخش خود بپرسید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Молодіжні клуби",
                        "body": (
                            "<p>У багатьох містах і громадах району є молодіжні клуби та центри. Там підлітки можуть проводити вільний час, займатися музикою, спортом або просто зустрічатися з друзями.</p>"
                            "<p>Зазвичай усе безкоштовно. Там працюють педагоги, які також допомагають із проблемами, наприклад у школі або під час пошуку практики.</p>"
                            "<p>Години роботи можна дізнатися в службі у справах молоді вашого міста чи громади.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "kindergeld-und-elterngeld",
                "texts": {
                    "de": {
                        "title": "Kindergeld und Elterngeld",
                        "body": (
                            "<p>Kindergeld bekommen Eltern für jedes Kind, meistens bis zum 18. Geburtstag, in Ausbildung oder Studium auch länger. Den Antrag stellen Sie bei der Familienkasse. Sie brauchen dafür die Steuer-Identifikationsnummern von sich und Ihrem Kind.</p>"
                            "<p>Elterngeld hilft Eltern, die nach der Geburt weniger oder gar nicht arbeiten. Den Antrag stellen Sie bei der Elterngeldstelle.</p>"
                            "<p>Ob Sie Anspruch haben, hängt auch von Ihrem Aufenthaltstitel ab. Lassen Sie sich bei der Migrationsberatung beraten.</p>"
                        ),
                    },
                    "en": {
                        "title": "Child benefit and parental allowance",
                        "body": (
                            "<p>Parents receive child benefit (Kindergeld) for each child, usually until the age of 18, and longer during vocational training or studies. You apply to the Family Benefits Office (Familienkasse). You need your own tax identification number and your child's.</p>"
                            "<p>Parental allowance (Elterngeld) helps parents who work less or not at all after the birth. You apply at the parental allowance office.</p>"
                            "<p>Whether you are entitled also depends on your residence permit. Get advice from the migration counselling service.</p>"
                        ),
                    },
                    "ar": {
                        "title": "إعانة الأطفال وإعانة الوالدين",
                        "body": (
                            "<p>يحصل الوالدان على إعانة الأطفال (Kindergeld) عن كل طفل، عادةً حتى بلوغه الثامنة عشرة، وفترة أطول في حال التدريب المهني أو الدراسة. يُقدَّم الطلب لدى صندوق الأسرة (Familienkasse)، وتحتاج إلى رقم التعريف الضريبي الخاص بك وبطفلك.</p>"
                            "<p>تساعد إعانة الوالدين (Elterngeld) الآباء والأمهات الذين يعملون بعد الولادة أقل من قبل أو لا يعملون إطلاقاً. يُقدَّم الطلب لدى مكتب إعانة الوالدين.</p>"
                            "<p>يتوقّف استحقاقك أيضاً على نوع تصريح إقامتك، فاطلب الاستشارة لدى استشارات الهجرة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "کمک‌هزینه فرزند و والدین",
                        "body": (
                            "<p>والدین برای هر فرزند کمک‌هزینه فرزند (Kindergeld) دریافت می‌کنند، معمولاً تا ۱۸ سالگی و در دوران آموزش حرفه‌ای یا تحصیل دانشگاهی بیشتر. درخواست را به صندوق خانواده (Familienkasse) می‌دهید و به شماره شناسایی مالیاتی خود و فرزندتان نیاز دارید.</p>"
                            "<p>کمک‌هزینه والدین (Elterngeld) به والدینی کمک می‌کند که پس از تولد فرزند کمتر کار می‌کنند یا اصلاً کار نمی‌کنند. درخواست آن را به اداره کمک‌هزینه والدین می‌دهید.</p>"
                            "<p>اینکه آیا حق دریافت دارید، به نوع اجازه اقامت شما هم بستگی دارد. از مشاوره مهاجرت راهنمایی بگیرید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Дитячі гроші та батьківська допомога",
                        "body": (
                            "<p>Батьки отримують дитячі гроші (Kindergeld) на кожну дитину, зазвичай до 18 років, а під час професійного навчання чи навчання у виші — довше. Заяву подають до сімейної каси (Familienkasse). Потрібні податкові ідентифікаційні номери ваш і дитини.</p>"
                            "<p>Батьківська допомога (Elterngeld) підтримує батьків, які після народження дитини працюють менше або зовсім не працюють. Заяву подають до відділу батьківської допомоги.</p>"
                            "<p>Чи маєте ви право на ці виплати, залежить також від вашого дозволу на проживання. Зверніться по консультацію до служби консультування мігрантів.</p>"
                        ),
                    },
                },
            },
        ],
    },
    {
        "slug": "beratung-und-hilfe",
        "texts": {
            "de": {
                "title": "Beratung und Hilfe",
                "body": (
                    "<p>Sie haben Fragen, Sorgen oder ein Problem mit einem Amt? Im Wetteraukreis gibt es viele Beratungsstellen. Die Beratung ist fast immer kostenlos und vertraulich.</p>"
                    "<p>Hier finden Sie Beratung für Erwachsene und junge Menschen, Hilfe beim Übersetzen, Beratung für Frauen, bei Schulden, im Asylverfahren und bei Diskriminierung.</p>"
                ),
            },
            "en": {
                "title": "Advice and help",
                "body": (
                    "<p>Do you have questions, worries or a problem with a public office? There are many counselling centres in the Wetteraukreis. Advice is almost always free and confidential.</p>"
                    "<p>Here you will find counselling for adults and young people, help with interpreting, counselling for women, help with debts, advice during the asylum procedure and support against discrimination.</p>"
                ),
            },
            "ar": {
                "title": "الاستشارة والمساعدة",
                "body": (
                    "<p>هل لديك أسئلة أو هموم أو مشكلة مع دائرة رسمية؟ في مقاطعة فيتيراو مراكز استشارة كثيرة، والاستشارة فيها مجانية وسرية في جميع الحالات تقريباً.</p>"
                    "<p>ستجد هنا استشارات للبالغين والشباب، ومساعدة في الترجمة، واستشارات للنساء، ومساعدة في الديون، واستشارات خلال إجراءات اللجوء، ودعماً في مواجهة التمييز.</p>"
                ),
            },
            "fa": {
                "title": "مشاوره و کمک",
                "body": (
                    "<p>پرسش، نگرانی یا مشکلی با یک اداره دارید؟ در شهرستان وتراو مراکز مشاوره زیادی وجود دارد. مشاوره تقریباً همیشه رایگان و محرمانه است.</p>"
                    "<p>اینجا مشاوره برای بزرگسالان و جوانان، کمک در ترجمه شفاهی، مشاوره برای زنان، کمک در بدهی‌ها، مشاوره در روند پناهندگی و پشتیبانی در برابر تبعیض را پیدا می‌کنید.</p>"
                ),
            },
            "uk": {
                "title": "Консультації та допомога",
                "body": (
                    "<p>У вас є запитання, турботи або проблема з установою? У районі Веттерау багато консультаційних центрів. Консультації майже завжди безкоштовні та конфіденційні.</p>"
                    "<p>Тут ви знайдете консультації для дорослих і молоді, допомогу з перекладом, консультації для жінок, допомогу з боргами, консультації під час процедури надання притулку та підтримку в разі дискримінації.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "migrationsberatung",
                "texts": {
                    "de": {
                        "title": "Migrationsberatung für Erwachsene",
                        "body": (
                            "<p>Die Migrationsberatung ist für Zugewanderte ab 27 Jahren. Sie hilft Ihnen in allen Fragen rund um das Ankommen: Sprachkurs, Arbeit, Wohnung, Gesundheit, Familie und Anträge.</p>"
                            "<p>Die Beraterinnen und Berater erklären Ihnen Briefe, helfen beim Ausfüllen von Formularen und vermitteln Sie an andere Stellen weiter. Die Beratung ist kostenlos und vertraulich.</p>"
                            "<p>Beratungsstellen gibt es in mehreren Städten im Kreis. Viele bieten offene Sprechstunden an. Eine Liste hat die WIR-Koordination.</p>"
                        ),
                    },
                    "en": {
                        "title": "Migration counselling for adults",
                        "body": (
                            "<p>Migration counselling is for immigrants aged 27 and over. It helps you with all questions about settling in: language courses, work, housing, health, family and applications.</p>"
                            "<p>The counsellors explain letters to you, help you fill in forms and refer you to other services. The counselling is free and confidential.</p>"
                            "<p>There are counselling centres in several towns in the district. Many offer open consultation hours. The WIR coordination office has a list.</p>"
                        ),
                    },
                    "ar": {
                        "title": "استشارات الهجرة للبالغين",
                        "body": (
                            "<p>استشارات الهجرة مخصّصة للمهاجرين من سن السابعة والعشرين فما فوق، وهي تساعدك في كل ما يتعلق بالاستقرار: دورات اللغة والعمل والسكن والصحة والأسرة والطلبات الرسمية.</p>"
                            "<p>يشرح لك المستشارون الرسائل، ويساعدونك في ملء الاستمارات، ويحيلونك إلى جهات أخرى. والاستشارة مجانية وسرية.</p>"
                            "<p>توجد مراكز استشارة في عدة مدن في المقاطعة، ويقدّم كثير منها ساعات استقبال مفتوحة دون موعد. ولدى مكتب تنسيق WIR قائمة بها.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مشاوره مهاجرت برای بزرگسالان",
                        "body": (
                            "<p>مشاوره مهاجرت برای مهاجران ۲۷ سال به بالاست و در همه مسائل مربوط به جاافتادن به شما کمک می‌کند: دوره زبان، کار، مسکن، سلامت، خانواده و درخواست‌های اداری.</p>"
                            "<p>مشاوران نامه‌ها را برایتان توضیح می‌دهند، در پر کردن فرم‌ها کمک می‌کنند و شما را به مراکز دیگر معرفی می‌کنند. مشاوره رایگان و محرمانه است.</p>"
                            "<p>مراکز مشاوره در چند شهر شهرستان وجود دارند و بسیاری از آن‌ها ساعت مشاوره آزاد بدون وقت قبلی دارند. فهرست آن‌ها نزد دفتر هماهنگی WIR است.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Консультації для дорослих мігрантів",
                        "body": (
                            "<p>Консультації для мігрантів призначені для людей від 27 років. Вони допомагають з усіма питаннями облаштування: мовні курси, робота, житло, здоров'я, сім'я та заяви.</p>"
                            "<p>Консультанти пояснюють вам листи, допомагають заповнювати формуляри й скеровують до інших служб. Консультація безкоштовна та конфіденційна.</p>"
                            "<p>Консультаційні центри є в кількох містах району. Багато з них мають відкриті години прийому. Список є в координаційній службі WIR.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "jugendmigrationsdienst",
                "texts": {
                    "de": {
                        "title": "Jugendmigrationsdienst",
                        "body": (
                            "<p>Der Jugendmigrationsdienst berät junge Zugewanderte zwischen 12 und 27 Jahren. Er hilft bei Schule, Ausbildung, Studium, Sprachkursen und persönlichen Fragen.</p>"
                            "<p>Sie können allein kommen oder mit Ihren Eltern. Die Beratung ist kostenlos und vertraulich. Es gibt auch Gruppenangebote, zum Beispiel Bewerbungstrainings.</p>"
                            "<p>Vereinbaren Sie einen Termin oder kommen Sie in die offene Sprechstunde.</p>"
                        ),
                    },
                    "en": {
                        "title": "Youth migration service",
                        "body": (
                            "<p>The youth migration service advises young immigrants between 12 and 27 years of age. It helps with school, vocational training, university, language courses and personal questions.</p>"
                            "<p>You can come alone or with your parents. The counselling is free and confidential. There are also group activities, for example application training.</p>"
                            "<p>Make an appointment or come to the open consultation hours.</p>"
                        ),
                    },
                    "ar": {
                        "title": "خدمة هجرة الشباب",
                        "body": (
                            "<p>تقدّم خدمة هجرة الشباب الاستشارة للمهاجرين الشباب بين 12 و27 سنة، وتساعدهم في المدرسة والتدريب المهني والدراسة الجامعية ودورات اللغة والمسائل الشخصية.</p>"
                            "<p>يمكنك الحضور وحدك أو مع والديك. الاستشارة مجانية وسرية، وتوجد أيضاً أنشطة جماعية، مثل التدريب على طلبات التوظيف.</p>"
                            "<p>احجز موعداً أو تعال في ساعات الاستقبال المفتوحة.</p>"
                        ),
                    },
                    "fa": {
                        "title": "خدمات مهاجرت جوانان",
                        "body": (
                            "<p>خدمات مهاجرت جوانان به مهاجران جوان ۱۲ تا ۲۷ ساله مشاوره می‌دهد و در مدرسه، آموزش حرفه‌ای، تحصیل دانشگاهی، دوره‌های زبان و مسائل شخصی کمک می‌کند.</p>"
                            "<p>می‌توانید تنها یا همراه والدین خود بیایید. مشاوره رایگان و محرمانه است. برنامه‌های گروهی، مانند آموزش نوشتن درخواست کار، هم وجود دارد.</p>"
                            "<p>وقت بگیرید یا در ساعت مشاوره آزاد مراجعه کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Молодіжна міграційна служба",
                        "body": (
                            "<p>Молодіжна міграційна служба консультує молодих мігрантів віком від 12 до 27 років. Вона допомагає з питаннями школи, професійного навчання, навчання у виші, мовних курсів та особистими питаннями.</p>"
                            "<p>Можна прийти самостійно або з батьками. Консультація безкоштовна та конфіденційна. Є також групові заняття, наприклад тренінги з подання заявок на роботу.</p>"
                            "<p>Запишіться на прийом або приходьте у відкриті години консультацій.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "sprachmittlung",
                "texts": {
                    "de": {
                        "title": "Sprachmittlung und Sprachpool",
                        "body": (
                            "<p>Bei wichtigen Gesprächen ist es gut, alles genau zu verstehen. Der Sprachpool des Kreises vermittelt geschulte Sprachmittlerinnen und Sprachmittler für viele Sprachen.</p>"
                            "<p>Sie helfen zum Beispiel bei Gesprächen in der Schule, in der Kita, bei Beratungsstellen oder bei Ämtern. Sie übersetzen neutral und halten alles vertraulich.</p>"
                            "<p>Meistens bestellt die Einrichtung die Sprachmittlung, zum Beispiel die Schule. Fragen Sie dort danach. Einrichtungen erreichen den Sprachpool über die WIR-Koordination, Telefon +49 6031 000-215, E-Mail sprachpool@wetterau.example. Offizielle Übersetzungen von Urkunden macht der Sprachpool nicht.</p>"
                        ),
                    },
                    "en": {
                        "title": "Language mediation and language pool",
                        "body": (
                            "<p>In important conversations it is good to understand everything exactly. The district's language pool arranges trained language mediators for many languages.</p>"
                            "<p>They help, for example, with conversations at school, at daycare, at counselling centres or at public offices. They translate neutrally and keep everything confidential.</p>"
                            "<p>Usually the institution, for example the school, books the language mediation. Ask there. Institutions can reach the language pool through the WIR coordination office, phone +49 6031 000-215, e-mail sprachpool@wetterau.example. The language pool does not provide official translations of certificates.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الوساطة اللغوية ومجمع الوسطاء اللغويين",
                        "body": (
                            "<p>في المحادثات المهمة من الجيد أن تفهم كل شيء بدقة. ويوفّر مجمع الوسطاء اللغويين (Sprachpool) في المقاطعة وسطاء لغويين مدرَّبين لكثير من اللغات.</p>"
                            "<p>يساعدون مثلاً في المحادثات في المدرسة أو الروضة أو مراكز الاستشارة أو الدوائر الرسمية، ويترجمون بحياد ويحافظون على سرية كل شيء.</p>"
                            "<p>في الغالب تطلب المؤسسة نفسها الوساطة اللغوية، مثل المدرسة، فاسأل هناك. ويمكن للمؤسسات التواصل مع مجمع الوسطاء اللغويين عبر مكتب تنسيق WIR، الهاتف +49 6031 000-215، البريد الإلكتروني sprachpool@wetterau.example. ولا يقدّم المجمع ترجمات رسمية للوثائق.</p>"
                        ),
                    },
                    "fa": {
                        "title": "میانجی‌گری زبانی و سپراخ‌پول",
                        "body": (
                            "<p>در گفت‌وگوهای مهم خوب است همه چیز را دقیق بفهمید. سپراخ‌پول (Sprachpool) شهرستان، میانجی‌های زبانی آموزش‌دیده را برای زبان‌های بسیاری در اختیار می‌گذارد.</p>"
                            "<p>آنان برای نمونه در گفت‌وگو در مدرسه، مهدکودک، مراکز مشاوره یا ادارات کمک می‌کنند. بی‌طرفانه ترجمه می‌کنند و همه چیز را محرمانه نگه می‌دارند.</p>"
                            "<p>معمولاً خود نهاد، برای نمونه مدرسه، میانجی زبانی را درخواست می‌کند؛ از آنجا بپرسید. نهادها از طریق دفتر هماهنگی WIR با سپراخ‌پول تماس می‌گیرند: تلفن +49 6031 000-215، ایمیل sprachpool@wetterau.example. سپراخ‌پول ترجمه رسمی اسناد انجام نمی‌دهد.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Мовне посередництво та Sprachpool",
                        "body": (
                            "<p>Під час важливих розмов добре розуміти все точно. Мовний пул району (Sprachpool) надає навчених мовних посередників для багатьох мов.</p>"
                            "<p>Вони допомагають, наприклад, під час розмов у школі, дитсадку, консультаційних центрах або установах. Вони перекладають нейтрально й зберігають конфіденційність.</p>"
                            "<p>Зазвичай мовного посередника замовляє сама установа, наприклад школа. Запитайте там. Установи можуть зв'язатися з мовним пулом через координаційну службу WIR: телефон +49 6031 000-215, e-mail sprachpool@wetterau.example. Офіційних перекладів документів мовний пул не робить.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "frauenberatung",
                "texts": {
                    "de": {
                        "title": "Beratung für Frauen",
                        "body": (
                            "<p>Frauenberatungsstellen unterstützen Frauen in schwierigen Lebenslagen, zum Beispiel bei Trennung, Problemen in der Familie oder Gewalt. Die Beratung ist kostenlos, vertraulich und auf Wunsch anonym.</p>"
                            "<p>Gewalt ist in Deutschland verboten, auch in der Ehe und in der Familie. Wenn Sie in Gefahr sind, rufen Sie die Polizei unter 110. Frauenhäuser bieten Frauen und ihren Kindern einen geschützten Ort.</p>"
                            "<p>Das bundesweite Hilfetelefon „Gewalt gegen Frauen“ erreichen Sie Tag und Nacht kostenlos unter 116 016, auch in vielen Sprachen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Counselling for women",
                        "body": (
                            "<p>Women's counselling centres support women in difficult situations, for example during separation, with family problems or violence. The counselling is free, confidential and anonymous if you wish.</p>"
                            "<p>Violence is prohibited in Germany, including within marriage and the family. If you are in danger, call the police on 110. Women's shelters offer women and their children a safe place.</p>"
                            "<p>You can reach the nationwide helpline „Violence against Women“ free of charge day and night on 116 016, also in many languages.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الاستشارة للنساء",
                        "body": (
                            "<p>تدعم مراكز استشارة النساء النساءَ في الظروف الصعبة، مثل الانفصال أو المشكلات العائلية أو العنف. والاستشارة مجانية وسرية، ويمكن أن تكون دون ذكر الاسم إذا رغبتِ.</p>"
                            "<p>العنف ممنوع في ألمانيا، بما في ذلك داخل الزواج والأسرة. إذا كنتِ في خطر فاتصلي بالشرطة على الرقم 110. وتوفّر بيوت حماية النساء مكاناً آمناً للنساء وأطفالهن.</p>"
                            "<p>يمكنك الاتصال بخط المساعدة الوطني „العنف ضد المرأة“ ليلاً ونهاراً ومجاناً على الرقم 116 016، وبلغات كثيرة أيضاً.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مشاوره برای زنان",
                        "body": (
                            "<p>مراکز مشاوره زنان از زنان در شرایط دشوار زندگی پشتیبانی می‌کنند، برای نمونه هنگام جدایی، مشکلات خانوادگی یا خشونت. مشاوره رایگان و محرمانه است و در صورت تمایل بدون ذکر نام انجام می‌شود.</p>"
                            "<p>خشونت در آلمان ممنوع است، در ازدواج و خانواده نیز. اگر در خطر هستید، با پلیس به شماره 110 تماس بگیرید. خانه‌های امن زنان برای زنان و فرزندانشان جای امنی فراهم می‌کنند.</p>"
                            "<p>خط کمک سراسری „خشونت علیه زنان“ را شبانه‌روز و رایگان با شماره 116 016 می‌توانید بگیرید، به زبان‌های بسیار.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Консультації для жінок",
                        "body": (
                            "<p>Жіночі консультаційні центри підтримують жінок у складних життєвих ситуаціях, наприклад під час розлучення, у разі сімейних проблем або насильства. Консультація безкоштовна, конфіденційна й за бажанням анонімна.</p>"
                            "<p>Насильство в Німеччині заборонене, зокрема в шлюбі та в сім'ї. Якщо ви в небезпеці, телефонуйте до поліції за номером 110. Жіночі притулки надають жінкам і їхнім дітям безпечне місце.</p>"
                            "<p>Загальнонаціональна гаряча лінія „Насильство проти жінок“ працює цілодобово й безкоштовно за номером 116 016, зокрема багатьма мовами.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "schuldnerberatung",
                "texts": {
                    "de": {
                        "title": "Schuldnerberatung",
                        "body": (
                            "<p>Sie können Rechnungen nicht mehr bezahlen? Warten Sie nicht zu lange. Je früher Sie Hilfe holen, desto besser.</p>"
                            "<p>Anerkannte Schuldnerberatungsstellen helfen kostenlos. Sie verschaffen Ihnen einen Überblick über Ihre Schulden, sprechen mit den Gläubigern und helfen Ihnen, einen Plan zu machen. Vorsicht vor Firmen, die Geld für eine Schuldenregulierung verlangen.</p>"
                            "<p>Mit einem Pfändungsschutzkonto bleibt ein Grundbetrag auf Ihrem Konto geschützt. Jede Bank muss Ihr Konto auf Wunsch in ein solches Konto umwandeln.</p>"
                        ),
                    },
                    "en": {
                        "title": "Debt counselling",
                        "body": (
                            "<p>You can no longer pay your bills? Do not wait too long. The sooner you get help, the better.</p>"
                            "<p>Recognised debt counselling centres help free of charge. They give you an overview of your debts, talk to your creditors and help you make a plan. Beware of companies that charge money for debt settlement.</p>"
                            "<p>With an account protected from seizure (Pfändungsschutzkonto), a basic amount in your account stays protected. Every bank must convert your account into such an account on request.</p>"
                        ),
                    },
                    "ar": {
                        "title": "استشارات الديون",
                        "body": (
                            "<p>لم تعد قادراً على دفع فواتيرك؟ لا تنتظر طويلاً، فكلما طلبت المساعدة مبكراً كان ذلك أفضل.</p>"
                            "<p>تساعدك مراكز استشارات الديون المعترف بها مجاناً، فهي تعطيك صورة شاملة عن ديونك وتتحدث مع الدائنين وتساعدك على وضع خطة. واحذر الشركات التي تطلب المال مقابل تسوية الديون.</p>"
                            "<p>من خلال حساب الحماية من الحجز (Pfändungsschutzkonto) يبقى مبلغ أساسي في حسابك محمياً. ويجب على كل بنك تحويل حسابك إلى هذا النوع من الحسابات إذا طلبت ذلك.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مشاوره بدهی",
                        "body": (
                            "<p>دیگر نمی‌توانید قبض‌ها و صورت‌حساب‌هایتان را بپردازید؟ زیاد صبر نکنید. هر چه زودتر کمک بگیرید، بهتر است.</p>"
                            "<p>مراکز رسمی مشاوره بدهی به‌رایگان کمک می‌کنند. آنان تصویر روشنی از بدهی‌هایتان به شما می‌دهند، با طلبکاران گفت‌وگو می‌کنند و به شما در تهیه یک برنامه کمک می‌کنند. مراقب شرکت‌هایی باشید که برای تسویه بدهی پول می‌خواهند.</p>"
                            "<p>با حساب محافظت‌شده در برابر توقیف (Pfändungsschutzkonto)، مبلغ پایه‌ای در حساب شما محفوظ می‌ماند. هر بانکی موظف است در صورت درخواست شما، حسابتان را به چنین حسابی تبدیل کند.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Консультації щодо боргів",
                        "body": (
                            "<p>Ви більше не можете оплачувати рахунки? Не зволікайте. Що раніше ви звернетеся по допомогу, то краще.</p>"
                            "<p>Визнані консультаційні центри з питань боргів допомагають безкоштовно. Вони допоможуть скласти огляд ваших боргів, поговорять із кредиторами й допоможуть скласти план. Остерігайтеся фірм, які беруть гроші за врегулювання боргів.</p>"
                            "<p>На рахунку із захистом від стягнення (Pfändungsschutzkonto) базова сума залишається захищеною. Кожен банк на вашу вимогу повинен перетворити ваш рахунок на такий.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "asylverfahrensberatung",
                "texts": {
                    "de": {
                        "title": "Beratung im Asylverfahren",
                        "body": (
                            "<p>Das Asylverfahren ist kompliziert. Unabhängige Beratungsstellen erklären Ihnen Ihre Rechte und Pflichten. Die Beratung ist kostenlos.</p>"
                            "<p>Besonders wichtig ist die Anhörung beim Bundesamt für Migration und Flüchtlinge. Lassen Sie sich vorher beraten und erzählen Sie in der Anhörung alles, was für Ihre Flucht wichtig ist.</p>"
                            "<p>Wenn Sie einen Bescheid bekommen, lassen Sie ihn sofort prüfen. Die Frist für eine Klage ist oft nur eine oder zwei Wochen lang.</p>"
                        ),
                    },
                    "en": {
                        "title": "Advice during the asylum procedure",
                        "body": (
                            "<p>The asylum procedure is complicated. Independent counselling centres explain your rights and obligations to you. The advice is free of charge.</p>"
                            "<p>The interview at the Federal Office for Migration and Refugees is particularly important. Get advice beforehand and in the interview tell everything that matters for your flight.</p>"
                            "<p>If you receive a decision, have it checked immediately. The deadline for filing an appeal is often only one or two weeks.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الاستشارة في إجراءات اللجوء",
                        "body": (
                            "<p>إجراءات اللجوء معقّدة. وتشرح لك مراكز الاستشارة المستقلة حقوقك وواجباتك، والاستشارة مجانية.</p>"
                            "<p>المقابلة لدى المكتب الاتحادي للهجرة واللاجئين مهمة بشكل خاص. احصل على استشارة قبلها، واذكر في المقابلة كل ما هو مهم بشأن أسباب لجوئك.</p>"
                            "<p>إذا تسلّمت قراراً فاطلب فحصه فوراً، لأن مهلة رفع الدعوى لا تتجاوز في كثير من الأحيان أسبوعاً أو أسبوعين.</p>"
                        ),
                    },
                    "fa": {
                        "title": "مشاوره در روند پناهندگی",
                        "body": (
                            "<p>روند پناهندگی پیچیده است. مراکز مشاوره مستقل حقوق و وظایف شما را برایتان توضیح می‌دهند. مشاوره رایگان است.</p>"
                            "<p>مصاحبه در اداره فدرال مهاجرت و پناهندگان اهمیت ویژه‌ای دارد. پیش از آن مشاوره بگیرید و در مصاحبه هر آنچه را برای دلایل فرار شما مهم است بازگو کنید.</p>"
                            "<p>اگر تصمیم‌نامه‌ای دریافت کردید، بی‌درنگ آن را بررسی کنید. مهلت شکایت اغلب فقط یک یا دو هفته است.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Консультації в процедурі притулку",
                        "body": (
                            "<p>Процедура надання притулку складна. Незалежні консультаційні центри пояснюють вам ваші права та обов'язки. Консультація безкоштовна.</p>"
                            "<p>Особливо важлива співбесіда у Федеральному відомстві з питань міграції та біженців. Заздалегідь проконсультуйтеся й розкажіть на співбесіді все, що важливо для причин вашої втечі.</p>"
                            "<p>Якщо ви отримали рішення, негайно дайте його перевірити. Строк для подання позову часто становить лише один або два тижні.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "hilfe-bei-diskriminierung",
                "texts": {
                    "de": {
                        "title": "Hilfe bei Diskriminierung",
                        "body": (
                            "<p>Niemand darf Sie wegen Ihrer Herkunft, Hautfarbe, Religion, Ihres Geschlechts, einer Behinderung oder Ihres Alters benachteiligen. Das gilt zum Beispiel bei der Arbeit, bei der Wohnungssuche und beim Einkaufen.</p>"
                            "<p>Wenn Sie Diskriminierung erleben, schreiben Sie auf, was wann passiert ist und wer dabei war. Antidiskriminierungsberatungen helfen Ihnen kostenlos und vertraulich.</p>"
                            "<p>Wichtig: Ansprüche nach dem Allgemeinen Gleichbehandlungsgesetz müssen Sie meistens innerhalb von zwei Monaten geltend machen.</p>"
                        ),
                    },
                    "en": {
                        "title": "Help with discrimination",
                        "body": (
                            "<p>No one may treat you unfairly because of your origin, skin colour, religion, gender, a disability or your age. This applies, for example, at work, when looking for a flat and when shopping.</p>"
                            "<p>If you experience discrimination, write down what happened, when, and who was present. Anti-discrimination counselling services help you free of charge and confidentially.</p>"
                            "<p>Important: claims under the General Equal Treatment Act usually have to be made within two months.</p>"
                        ),
                    },
                    "ar": {
                        "title": "المساعدة في حالات التمييز",
                        "body": (
                            "<p>لا يجوز لأحد أن يعاملك بظلم بسبب أصلك أو لون بشرتك أو دينك أو جنسك أو إعاقتك أو عمرك. وهذا يسري مثلاً في العمل وعند البحث عن مسكن وعند التسوّق.</p>"
                            "<p>إذا تعرّضت للتمييز فاكتب ما حدث ومتى ومن كان حاضراً. وتساعدك مراكز استشارات مناهضة التمييز مجاناً وبسرية.</p>"
                            "<p>مهم: يجب عليك في الغالب المطالبة بحقوقك بموجب القانون العام للمساواة في المعاملة خلال شهرين.</p>"
                        ),
                    },
                    "fa": {
                        "title": "کمک در برابر تبعیض",
                        "body": (
                            "<p>هیچ‌کس نباید شما را به دلیل تبار، رنگ پوست، دین، جنسیت، معلولیت یا سنتان در وضعیت نابرابر قرار دهد. این قاعده برای نمونه در محل کار، در جست‌وجوی خانه و هنگام خرید نیز صدق می‌کند.</p>"
                            "<p>اگر با تبعیض روبه‌رو شدید، یادداشت کنید چه اتفاقی، چه زمانی و در حضور چه کسانی افتاده است. مراکز مشاوره ضد تبعیض به‌رایگان و محرمانه به شما کمک می‌کنند.</p>"
                            "<p>مهم: ادعاهای مبتنی بر قانون عمومی برابری رفتار را معمولاً باید ظرف دو ماه مطرح کنید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Допомога в разі дискримінації",
                        "body": (
                            "<p>Ніхто не має права ставитися до вас гірше через ваше походження, колір шкіри, релігію, стать, інвалідність чи вік. Це стосується, наприклад, роботи, пошуку житла та покупок.</p>"
                            "<p>Якщо ви зазнали дискримінації, запишіть, що сталося, коли і хто був присутній. Антидискримінаційні консультації допомагають безкоштовно й конфіденційно.</p>"
                            "<p>Важливо: вимоги згідно із Загальним законом про рівне ставлення зазвичай треба заявити протягом двох місяців.</p>"
                        ),
                    },
                },
            },
        ],
    },
    {
        "slug": "mitmachen",
        "texts": {
            "de": {
                "title": "Mitmachen",
                "body": (
                    "<p>Im Wetteraukreis engagieren sich viele Menschen für ein gutes Zusammenleben, ob sie hier geboren oder neu angekommen sind. Machen Sie mit!</p>"
                    "<p>Hier erfahren Sie, wie Sie sich ehrenamtlich engagieren, eine Patenschaft übernehmen, in einem Verein aktiv werden oder in der Politik vor Ort mitreden können.</p>"
                ),
            },
            "en": {
                "title": "Get involved",
                "body": (
                    "<p>Many people in the Wetteraukreis are committed to living well together, whether they were born here or have just arrived. Join in!</p>"
                    "<p>Here you can find out how to volunteer, become a mentor, get active in a club or have a say in local politics.</p>"
                ),
            },
            "ar": {
                "title": "شارك معنا",
                "body": (
                    "<p>يلتزم كثير من الناس في مقاطعة فيتيراو بالعمل من أجل عيش مشترك جيد، سواء وُلدوا هنا أو وصلوا حديثاً. شارك أنت أيضاً!</p>"
                    "<p>ستعرف هنا كيف تعمل تطوعاً، أو تصبح راعياً لقادم جديد، أو تنشط في نادٍ، أو تُسمع صوتك في السياسة المحلية.</p>"
                ),
            },
            "fa": {
                "title": "مشارکت کنید",
                "body": (
                    "<p>در شهرستان وتراو بسیاری از مردم، چه در اینجا به دنیا آمده باشند و چه تازه آمده باشند، برای زندگی مشترک خوب تلاش می‌کنند. شما هم همراه شوید!</p>"
                    "<p>اینجا می‌فهمید چگونه به‌صورت داوطلبانه فعالیت کنید، حامی یک تازه‌وارد شوید، در یک انجمن فعال شوید یا در سیاست محلی نظر بدهید.</p>"
                ),
            },
            "uk": {
                "title": "Долучайтеся",
                "body": (
                    "<p>У районі Веттерау багато людей докладають зусиль для доброго спільного життя — і ті, хто тут народився, і ті, хто нещодавно приїхав. Долучайтеся й ви!</p>"
                    "<p>Тут ви дізнаєтеся, як стати волонтером, узяти наставництво, долучитися до діяльності клубу чи товариства або брати участь у місцевій політиці.</p>"
                ),
            },
        },
        "pages": [
            {
                "slug": "ehrenamt",
                "texts": {
                    "de": {
                        "title": "Ehrenamt",
                        "body": (
                            "<p>Ein Ehrenamt ist eine freiwillige Tätigkeit ohne Lohn. Sie helfen anderen Menschen und gewinnen selbst viel: neue Kontakte, mehr Übung in Deutsch und Erfahrungen für den Beruf.</p>"
                            "<p>Möglichkeiten gibt es viele, zum Beispiel bei der Tafel, im Sprachcafé, bei der Hausaufgabenhilfe, in der Kleiderkammer oder bei der Freiwilligen Feuerwehr.</p>"
                            "<p>Die Freiwilligenagenturen und die WIR-Koordination helfen Ihnen, eine passende Aufgabe zu finden. Wenn Sie Leistungen beziehen, fragen Sie vorher, ob eine Aufwandsentschädigung angerechnet wird.</p>"
                        ),
                    },
                    "en": {
                        "title": "Volunteering",
                        "body": (
                            "<p>Volunteering is unpaid work that you do of your own free will. You help other people and gain a lot yourself: new contacts, more German practice and experience for your career.</p>"
                            "<p>There are many opportunities, for example at the food bank (Tafel), in a language café, with homework help, at a clothing store for people in need or in the volunteer fire brigade.</p>"
                            "<p>The volunteer agencies and the WIR coordination office will help you find a suitable task. If you receive benefits, ask beforehand whether an expense allowance will be counted against them.</p>"
                        ),
                    },
                    "ar": {
                        "title": "العمل التطوعي",
                        "body": (
                            "<p>العمل التطوعي نشاط اختياري من دون أجر. أنت تساعد الآخرين وتكسب أنت أيضاً الكثير: علاقات جديدة، وتدريباً أكثر على الألمانية، وخبرة مفيدة لمهنتك.</p>"
                            "<p>الفرص كثيرة، مثلاً في بنك الطعام (Tafel)، أو مقهى اللغة، أو المساعدة في الواجبات المدرسية، أو مخزن الملابس للمحتاجين، أو فرقة الإطفاء التطوعية.</p>"
                            "<p>تساعدك وكالات العمل التطوعي ومكتب تنسيق WIR في إيجاد مهمة مناسبة. وإذا كنت تتلقى مساعدات، فاسأل مسبقاً هل سيُحتسب التعويض عن النفقات منها.</p>"
                        ),
                    },
                    "fa": {
                        "title": "فعالیت داوطلبانه",
                        "body": (
                            "<p>فعالیت داوطلبانه کاری اختیاری و بدون مزد است. شما به دیگران کمک می‌کنید و خودتان هم بسیار به دست می‌آورید: آشنایی‌های تازه، تمرین بیشتر زبان آلمانی و تجربه برای کار.</p>"
                            "<p>امکانات زیادی وجود دارد، برای نمونه در بانک غذا (Tafel)، کافه زبان، کمک به تکالیف مدرسه، انبار لباس برای نیازمندان یا آتش‌نشانی داوطلب.</p>"
                            "<p>آژانس‌های داوطلبی و دفتر هماهنگی WIR به شما کمک می‌کنند کار مناسبی پیدا کنید. اگر کمک‌هزینه دریافت می‌کنید، از پیش بپرسید که آیا هزینه جبرانی از آن کسر می‌شود.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Волонтерство",
                        "body": (
                            "<p>Волонтерство — це добровільна діяльність без оплати. Ви допомагаєте іншим людям і багато отримуєте самі: нові знайомства, більше практики німецької та досвід для професії.</p>"
                            "<p>Можливостей багато, наприклад у продуктовому банку (Tafel), мовному кафе, допомозі з домашніми завданнями, пункті видачі одягу або в добровільній пожежній команді.</p>"
                            "<p>Волонтерські агенції та координаційна служба WIR допоможуть вам знайти відповідне заняття. Якщо ви отримуєте соціальні виплати, заздалегідь запитайте, чи буде враховано компенсацію витрат.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "patenschaften",
                "texts": {
                    "de": {
                        "title": "Patenschaften",
                        "body": (
                            "<p>Bei einer Patenschaft begleitet eine Person aus dem Ort eine neu angekommene Person oder Familie für einige Monate. Man trifft sich regelmäßig, spricht Deutsch, erledigt gemeinsam Behördengänge oder entdeckt die Umgebung.</p>"
                            "<p>Beide Seiten lernen voneinander. Oft entstehen daraus Freundschaften.</p>"
                            "<p>Sie möchten eine Patin oder einen Paten finden oder selbst Pate werden? Die WIR-Koordination bringt passende Menschen zusammen und bietet Treffen zum Austausch an.</p>"
                        ),
                    },
                    "en": {
                        "title": "Mentorships",
                        "body": (
                            "<p>In a mentorship, a local person accompanies a newly arrived person or family for a few months. They meet regularly, speak German, go to public offices together or explore the area.</p>"
                            "<p>Both sides learn from each other. Friendships often develop.</p>"
                            "<p>Would you like to find a mentor or become one yourself? The WIR coordination office brings suitable people together and offers meetings to exchange experiences.</p>"
                        ),
                    },
                    "ar": {
                        "title": "برامج الرعاية (الإرشاد)",
                        "body": (
                            "<p>في برنامج الرعاية يرافق شخص من المنطقة شخصاً أو أسرة وصلت حديثاً لبضعة أشهر. يلتقيان بانتظام، ويتحدثان الألمانية، ويراجعان الدوائر الرسمية معاً أو يستكشفان المنطقة.</p>"
                            "<p>يتعلّم كل طرف من الآخر، وكثيراً ما تنشأ من ذلك صداقات.</p>"
                            "<p>هل تريد أن تجد راعياً أو أن تصبح أنت راعياً؟ يجمع مكتب تنسيق WIR بين الأشخاص المناسبين وينظّم لقاءات لتبادل الخبرات.</p>"
                        ),
                    },
                    "fa": {
                        "title": "برنامه‌های حامی‌گری",
                        "body": (
                            "<p>در برنامه حامی‌گری، فردی از اهالی محل چند ماه همراه یک تازه‌وارد یا یک خانواده تازه‌وارد است. آنان به‌طور منظم همدیگر را می‌بینند، آلمانی صحبت می‌کنند، با هم به ادارات می‌روند یا اطراف را کشف می‌کنند.</p>"
                            "<p>هر دو طرف از یکدیگر یاد می‌گیرند و اغلب دوستی‌هایی شکل می‌گیرد.</p>"
                            "<p>می‌خواهید یک حامی پیدا کنید یا خودتان حامی شوید؟ دفتر هماهنگی WIR افراد مناسب را به هم معرفی می‌کند و نشست‌هایی برای تبادل تجربه برگزار می‌کند.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Наставництво",
                        "body": (
                            "<p>У межах наставництва місцевий мешканець кілька місяців супроводжує новоприбулу людину чи сім'ю. Вони регулярно зустрічаються, говорять німецькою, разом ходять до установ або знайомляться з околицями.</p>"
                            "<p>Обидві сторони вчаться одна від одної. Часто з цього виростає дружба.</p>"
                            "<p>Хочете знайти наставника чи самі стати ним? Координаційна служба WIR знайомить відповідних людей і пропонує зустрічі для обміну досвідом.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "vereine",
                "texts": {
                    "de": {
                        "title": "Vereine",
                        "body": (
                            "<p>In Deutschland gibt es sehr viele Vereine, auch in kleinen Orten: Sportvereine, Musikvereine, Chöre, Kulturvereine, Gartenvereine und viele mehr. Im Verein treffen Sie Menschen mit gleichen Interessen.</p>"
                            "<p>Die meisten Vereine freuen sich über neue Mitglieder. Oft dürfen Sie erst einmal kostenlos zum Schnuppern kommen. Der Mitgliedsbeitrag ist meistens nicht hoch.</p>"
                            "<p>Für Kinder und Jugendliche kann der Beitrag über die Leistungen für Bildung und Teilhabe bezahlt werden. Eine Übersicht der Vereine hat meist das Rathaus.</p>"
                        ),
                    },
                    "en": {
                        "title": "Clubs and associations",
                        "body": (
                            "<p>There are a great many clubs and associations (Vereine) in Germany, even in small villages: sports clubs, music societies, choirs, cultural associations, gardening clubs and many more. In a club you meet people with the same interests.</p>"
                            "<p>Most clubs are happy to welcome new members. Often you can come and try it out for free first. The membership fee is usually not high.</p>"
                            "<p>For children and young people, the fee can be paid through the education and participation benefits. The town hall usually has an overview of local clubs.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الجمعيات والنوادي",
                        "body": (
                            "<p>في ألمانيا عدد كبير جداً من الجمعيات والنوادي (Vereine)، حتى في القرى الصغيرة: نوادٍ رياضية وجمعيات موسيقية وجوقات غنائية وجمعيات ثقافية وجمعيات للحدائق وغيرها الكثير. وفي النادي تلتقي بأشخاص يشاركونك اهتماماتك.</p>"
                            "<p>ترحّب معظم النوادي بالأعضاء الجدد، وكثيراً ما يُسمح لك بالحضور مجاناً في البداية للتجربة. ورسم العضوية في الغالب ليس مرتفعاً.</p>"
                            "<p>يمكن دفع رسم العضوية للأطفال والشباب من خلال مساعدات التعليم والمشاركة. وعادةً ما تتوفر لدى دار البلدية قائمة بالنوادي.</p>"
                        ),
                    },
                    "fa": {
                        "title": "انجمن‌ها و باشگاه‌ها",
                        "body": (
                            "<p>در آلمان، حتی در روستاهای کوچک، انجمن‌ها و باشگاه‌های (Vereine) بسیاری وجود دارد: باشگاه‌های ورزشی، انجمن‌های موسیقی، گروه‌های کُر، انجمن‌های فرهنگی، انجمن‌های باغبانی و بسیاری دیگر. در انجمن با افرادی هم‌علاقه آشنا می‌شوید.</p>"
                            "<p>بیشتر انجمن‌ها از اعضای تازه استقبال می‌کنند. اغلب می‌توانید ابتدا به‌رایگان برای آشنایی بیایید. حق عضویت معمولاً زیاد نیست.</p>"
                            "<p>حق عضویت کودکان و نوجوانان را می‌توان از محل کمک‌های آموزش و مشارکت پرداخت. فهرست انجمن‌ها معمولاً در شهرداری موجود است.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Клуби та товариства",
                        "body": (
                            "<p>У Німеччині дуже багато клубів і товариств (Vereine), навіть у невеликих селах: спортивні клуби, музичні товариства, хори, культурні товариства, садівничі спілки та багато інших. У клубі ви зустрінете людей зі спільними інтересами.</p>"
                            "<p>Більшість клубів раді новим членам. Часто спочатку можна безкоштовно прийти й спробувати. Членський внесок зазвичай невисокий.</p>"
                            "<p>Для дітей і підлітків внесок можна оплатити з виплат на освіту та участь у суспільному житті. Перелік місцевих клубів зазвичай є в ратуші.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "interkulturelle-oeffnung",
                "texts": {
                    "de": {
                        "title": "Interkulturelle Öffnung",
                        "body": (
                            "<p>Interkulturelle Öffnung heißt: Verwaltungen, Vereine, Schulen und Betriebe stellen sich darauf ein, dass die Menschen im Kreis vielfältig sind. Alle sollen die Angebote gut nutzen können, egal welche Sprache sie sprechen oder woher sie kommen.</p>"
                            "<p>Das kann zum Beispiel heißen: Informationen in einfacher Sprache, mehrsprachige Formulare, Schulungen für Mitarbeitende oder ein vielfältiges Team.</p>"
                            "<p>Die WIR-Koordination — Interkulturelle Öffnung berät Einrichtungen im Kreis und bietet Fortbildungen an. Sprechen Sie uns an, wenn Ihre Einrichtung sich auf den Weg machen möchte.</p>"
                        ),
                    },
                    "en": {
                        "title": "Intercultural opening",
                        "body": (
                            "<p>Intercultural opening means that public administrations, clubs, schools and companies adapt to the fact that the people in the district are diverse. Everyone should be able to make good use of the services, no matter what language they speak or where they come from.</p>"
                            "<p>This can mean, for example, information in plain language, multilingual forms, training for staff or a diverse team.</p>"
                            "<p>The WIR coordination office for intercultural opening advises institutions in the district and offers training courses. Contact us if your institution would like to get started.</p>"
                        ),
                    },
                    "ar": {
                        "title": "الانفتاح بين الثقافات",
                        "body": (
                            "<p>الانفتاح بين الثقافات يعني أن الإدارات والنوادي والمدارس والشركات تتكيّف مع تنوّع سكان المقاطعة، بحيث يتمكّن الجميع من الاستفادة من الخدمات جيداً، أياً كانت لغتهم أو أصلهم.</p>"
                            "<p>قد يعني ذلك مثلاً: معلومات بلغة مبسّطة، واستمارات بعدة لغات، ودورات تدريبية للعاملين، أو فريق عمل متنوّع.</p>"
                            "<p>يقدّم مكتب تنسيق WIR للانفتاح بين الثقافات الاستشارة للمؤسسات في المقاطعة وينظّم دورات تدريبية. تواصل معنا إذا كانت مؤسستك ترغب في البدء بهذا الطريق.</p>"
                        ),
                    },
                    "fa": {
                        "title": "گشودگی میان‌فرهنگی",
                        "body": (
                            "<p>گشودگی میان‌فرهنگی یعنی ادارات، انجمن‌ها، مدرسه‌ها و شرکت‌ها خود را با این واقعیت هماهنگ می‌کنند که مردم شهرستان گوناگون‌اند. همه باید بتوانند به‌خوبی از خدمات استفاده کنند، به هر زبانی که صحبت کنند و از هر جا که آمده باشند.</p>"
                            "<p>این می‌تواند برای نمونه به معنای اطلاعات به زبان ساده، فرم‌های چندزبانه، آموزش کارکنان یا یک تیم متنوع باشد.</p>"
                            "<p>دفتر هماهنگی WIR برای گشودگی میان‌فرهنگی به نهادهای شهرستان مشاوره می‌دهد و دوره‌های آموزشی برگزار می‌کند. اگر نهاد شما می‌خواهد این مسیر را آغاز کند، با ما تماس بگیرید.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Міжкультурна відкритість",
                        "body": (
                            "<p>Міжкультурна відкритість означає, що адміністрації, клуби, школи та підприємства враховують різноманітність людей у районі. Усі мають змогу добре користуватися послугами, незалежно від того, якою мовою вони говорять і звідки походять.</p>"
                            "<p>Це може означати, наприклад, інформацію простою мовою, багатомовні формуляри, навчання для працівників або різноманітну команду.</p>"
                            "<p>Координаційна служба WIR з міжкультурної відкритості консультує установи району та пропонує навчання. Звертайтеся до нас, якщо ваша установа хоче розпочати цей шлях.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "willkommenskultur",
                "texts": {
                    "de": {
                        "title": "Willkommenskultur",
                        "body": (
                            "<p>Willkommenskultur bedeutet, dass sich neue Menschen im Ort angenommen fühlen. Dazu tragen alle bei: Nachbarn, Vereine, Kirchen- und Moscheegemeinden, Schulen und die Verwaltung.</p>"
                            "<p>In vielen Gemeinden im Kreis gibt es Willkommensfeste, Begrüßungsmappen für Neubürgerinnen und Neubürger, interkulturelle Wochen und offene Treffs.</p>"
                            "<p>Sie haben eine Idee für Ihren Ort? Die WIR-Koordination unterstützt Initiativen mit Beratung und Kontakten.</p>"
                        ),
                    },
                    "en": {
                        "title": "Welcoming culture",
                        "body": (
                            "<p>A welcoming culture means that newcomers feel accepted in the community. Everyone contributes to this: neighbours, clubs, church and mosque communities, schools and the administration.</p>"
                            "<p>Many municipalities in the district hold welcome festivals and have welcome packs for new residents, intercultural weeks and open meeting places.</p>"
                            "<p>Do you have an idea for your town or village? The WIR coordination office supports initiatives with advice and contacts.</p>"
                        ),
                    },
                    "ar": {
                        "title": "ثقافة الترحيب",
                        "body": (
                            "<p>ثقافة الترحيب تعني أن يشعر القادمون الجدد بأنهم مقبولون في المكان. ويسهم في ذلك الجميع: الجيران والنوادي والرعايا الكنسية والجمعيات المسجدية والمدارس والإدارة.</p>"
                            "<p>في كثير من بلديات المقاطعة تُقام احتفالات ترحيب، وتُقدَّم ملفات ترحيبية للسكان الجدد، وتُنظَّم أسابيع بين الثقافات ولقاءات مفتوحة.</p>"
                            "<p>هل لديك فكرة لبلدتك؟ يدعم مكتب تنسيق WIR المبادرات بالاستشارة والعلاقات.</p>"
                        ),
                    },
                    "fa": {
                        "title": "فرهنگ خوشامدگویی",
                        "body": (
                            "<p>فرهنگ خوشامدگویی یعنی تازه‌واردان احساس کنند در محل پذیرفته شده‌اند. همه در این کار سهم دارند: همسایگان، انجمن‌ها، کلیساها و مساجد، مدرسه‌ها و ادارات.</p>"
                            "<p>در بسیاری از بخش‌های شهرستان جشن‌های خوشامدگویی، بسته‌های خوشامد برای ساکنان تازه، هفته‌های میان‌فرهنگی و نشست‌های آزاد برگزار می‌شود.</p>"
                            "<p>ایده‌ای برای محل زندگی خود دارید؟ دفتر هماهنگی WIR با مشاوره و معرفی افراد و نهادها از ابتکارها پشتیبانی می‌کند.</p>"
                        ),
                    },
                    "uk": {
                        "title": "Культура гостинності",
                        "body": (
                            "<p>Культура гостинності означає, що новоприбулі почуваються прийнятими в громаді. До цього долучаються всі: сусіди, клуби, церковні та мечетні громади, школи й адміністрація.</p>"
                            "<p>У багатьох громадах району проводять свята знайомства, дають вітальні пакети новим мешканцям, організовують міжкультурні тижні та відкриті зустрічі.</p>"
                            "<p>У вас є ідея для вашого населеного пункту? Координаційна служба WIR підтримує ініціативи консультаціями та контактами.</p>"
                        ),
                    },
                },
            },
            {
                "slug": "auslaenderbeirat",
                "texts": {
                    "de": {
                        "title": "Ausländerbeirat",
                        "body": (
                            "<p>In vielen hessischen Städten und Gemeinden gibt es einen Ausländerbeirat. Er vertritt die Interessen der Menschen ohne deutschen Pass gegenüber der Stadt- oder Gemeindevertretung. Manche Gemeinden haben stattdessen eine Integrationskommission.</p>"
                            "<p>Der Ausländerbeirat wird von den ausländischen Einwohnerinnen und Einwohnern gewählt. Sie können selbst wählen und auch kandidieren.</p>"
                            "<p>Die Sitzungen sind meistens öffentlich. Kommen Sie vorbei und bringen Sie Ihre Anliegen ein. Auskunft gibt das Rathaus.</p>"
                        ),
                    },
                    "en": {
                        "title": "Foreigners' advisory council",
                        "body": (
                            "<p>Many towns and municipalities in Hesse have a foreigners' advisory council (Ausländerbeirat). It represents the interests of people without a German passport vis-à-vis the town or municipal council. Some municipalities have an integration commission instead.</p>"
                            "<p>The advisory council is elected by the foreign residents. You can vote yourself and also stand as a candidate.</p>"
                            "<p>The meetings are usually public. Come along and raise your concerns. The town hall can give you more information.</p>"
                        ),
                    },
                    "ar": {
                        "title": "مجلس الأجانب الاستشاري",
                        "body": (
                            "<p>في كثير من مدن ولاية هسن وبلدياتها يوجد مجلس استشاري للأجانب (Ausländerbeirat)، يمثّل مصالح الأشخاص الذين لا يحملون جوازاً ألمانياً أمام المجلس البلدي. وفي بعض البلديات توجد بدلاً منه لجنة للاندماج.</p>"
                            "<p>ينتخب السكان الأجانب أعضاء هذا المجلس، ويمكنك أن تشارك في التصويت وأن تترشّح أيضاً.</p>"
                            "<p>جلسات المجلس علنية في الغالب، فتعالَ واعرض قضاياك. ويمكنك الحصول على المعلومات من دار البلدية.</p>"
                        ),
                    },
                },
            },
        ],
    },
]
