<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Agenda</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} س {minutes} د</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} س</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} د</translation>
    </message>
    <message>
        <source>one hour</source>
        <translation>ساعة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ساعة</numerusform>
            <numerusform>ساعة واحدة</numerusform>
            <numerusform>ساعتان</numerusform>
            <numerusform>%n ساعات</numerusform>
            <numerusform>%n ساعة</numerusform>
            <numerusform>%n ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>time to be confirmed</source>
        <translation>الوقت غير مؤكد</translation>
    </message>
    <message>
        <source>about {duration}</source>
        <translation>نحو {duration}</translation>
    </message>
    <message>
        <source>time TBC</source>
        <translation>الوقت لم يُحدد</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>طوال اليوم</translation>
    </message>
    <message>
        <source>all day, to {day}</source>
        <translation>طوال اليوم، حتى {day}</translation>
    </message>
    <message>
        <source>TBC ({city} {difference})</source>
        <translation>لم يُحدد ({city} {difference})</translation>
    </message>
    <message>
        <source>same clock</source>
        <translation>التوقيت نفسه</translation>
    </message>
    <message>
        <source> (attendance uncertain)</source>
        <translation> (الحضور غير مؤكد)</translation>
    </message>
    <message>
        <source> — attendance uncertain</source>
        <translation> — الحضور غير مؤكد</translation>
    </message>
    <message>
        <source>place not given</source>
        <translation>المكان غير محدد</translation>
    </message>
    <message>
        <source>{name} keeps the same time as {other}</source>
        <translation>توقيت {name} هو توقيت {other} نفسه</translation>
    </message>
    <message>
        <source>{name} is {amount} ahead of {other}</source>
        <translation>توقيت {name} يسبق {other} بـ{amount}</translation>
    </message>
    <message>
        <source>{name} is {amount} behind {other}</source>
        <translation>توقيت {name} يتأخر عن {other} بـ{amount}</translation>
    </message>
    <message>
        <source>Traveller: {traveller} · home zone {zone}</source>
        <translation>المسافر: {traveller} · المنطقة الزمنية المرجعية {zone}</translation>
    </message>
    <message>
        <source>Second column: times in {zone}</source>
        <translation>العمود الثاني: الأوقات بتوقيت {zone}</translation>
    </message>
    <message>
        <source>With: {people}</source>
        <translation>مع: {people}</translation>
    </message>
    <message>
        <source>to be confirmed</source>
        <translation>يُحدَّد لاحقًا</translation>
    </message>
    <message>
        <source>to be confirmed ({relation})</source>
        <translation>غير مؤكد ({relation})</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>الاجتماع</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>المشاركون</translation>
    </message>
</context>
<context>
    <name>AgendaPane</name>
    <message>
        <source>Whole trip</source>
        <translation>الرحلة كاملة</translation>
    </message>
    <message>
        <source>Agenda scope</source>
        <translation>نطاق جدول الأعمال</translation>
    </message>
    <message>
        <source>&amp;Whole trip</source>
        <translation>ال&amp;رحلة كاملة</translation>
    </message>
    <message>
        <source>Show the whole trip</source>
        <translation>اعرض الرحلة كاملة</translation>
    </message>
    <message>
        <source>Show every meeting of the trip (Ctrl+0)</source>
        <translation>اعرض كل اجتماعات الرحلة (Ctrl+0)</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>جدول الأعمال</translation>
    </message>
    <message>
        <source>Meetings: day, time, title, place, participants</source>
        <translation>الاجتماعات: اليوم والوقت والعنوان والمكان والمشاركون</translation>
    </message>
    <message>
        <source>No meetings yet.</source>
        <translation>لا توجد اجتماعات بعد.</translation>
    </message>
    <message>
        <source>No meetings on this day.</source>
        <translation>لا اجتماعات في هذا اليوم.</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Trip calendar</source>
        <translation>تقويم الرحلة</translation>
    </message>
    <message>
        <source>Month calendar; the trip&apos;s days are shaded</source>
        <translation>تقويم الشهر؛ أيام الرحلة مظللة</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n اجتماع</numerusform>
            <numerusform>اجتماع واحد</numerusform>
            <numerusform>اجتماعان</numerusform>
            <numerusform>%n اجتماعات</numerusform>
            <numerusform>%n اجتماعًا</numerusform>
            <numerusform>%n اجتماع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>المشاركون</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Sync Conflict — {title}</source>
        <translation>تعارض في المزامنة — {title}</translation>
    </message>
    <message>
        <source>This meeting was changed here and on the calendar server since the last sync. Keep one version, or tick what to take from the server and merge.</source>
        <translation>تغيّر هذا الاجتماع هنا وعلى خادم التقويم منذ آخر مزامنة. احتفظ بإحدى النسختين، أو حدد ما تأخذه من الخادم ثم ادمج.</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>هنا</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>على الخادم</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>خذ نسخة الخادم</translation>
    </message>
    <message>
        <source>(deleted here)</source>
        <translation>(حُذف هنا)</translation>
    </message>
    <message>
        <source>(deleted on the server)</source>
        <translation>(حُذف على الخادم)</translation>
    </message>
    <message>
        <source>Take the server&apos;s {field}</source>
        <translation>خذ {field} من الخادم</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>احتفظ &amp;بنسختي</translation>
    </message>
    <message>
        <source>Take the &amp;Server&apos;s</source>
        <translation>خذ نسخة ال&amp;خادم</translation>
    </message>
    <message>
        <source>&amp;Merge Ticked Fields</source>
        <translation>ا&amp;دمج الحقول المحددة</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Select a meeting to see its details.</source>
        <translation>اختر اجتماعًا لعرض تفاصيله.</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>assumed (no source)</source>
        <translation>مفترض (بلا مصدر)</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>محسوب</translation>
    </message>
    <message>
        <source>article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>source</source>
        <translation>مصدر</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>مفترض</translation>
    </message>
    <message>
        <source>Sources: {ids}</source>
        <translation>المصادر: {ids}</translation>
    </message>
    <message>
        <source>When (local)</source>
        <translation>الموعد (بالتوقيت المحلي)</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>بالتوقيت المرجعي</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>⚠ Warnings</source>
        <translation>⚠ تنبيهات</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>الانتقالات</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>المشاركون</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>الاجتماع</translation>
    </message>
    <message>
        <source>Place ({name})</source>
        <translation>المكان ({name})</translation>
    </message>
    <message>
        <source>Where this comes from</source>
        <translation>مصدر المعلومات</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Meeting details</source>
        <translation>تفاصيل الاجتماع</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>… and {count} more</source>
        <translation>… و{count} غيرها</translation>
    </message>
    <message numerus="yes">
        <source>Replace %n existing file(s) in {folder}?</source>
        <translation>
            <numerusform>استبدال %n ملف موجود في {folder}؟</numerusform>
            <numerusform>استبدال ملف موجود في {folder}؟</numerusform>
            <numerusform>استبدال ملفين موجودين في {folder}؟</numerusform>
            <numerusform>استبدال %n ملفات موجودة في {folder}؟</numerusform>
            <numerusform>استبدال %n ملفًا موجودًا في {folder}؟</numerusform>
            <numerusform>استبدال %n ملف موجود في {folder}؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Print — {name}</source>
        <translation>طباعة — {name}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Cannot open trip</source>
        <translation>تعذّر فتح الرحلة</translation>
    </message>
    <message>
        <source>Trip already in the store</source>
        <translation>الرحلة محفوظة بالفعل</translation>
    </message>
    <message>
        <source>“{name}” is already in the store. Replace it with the file&apos;s version?</source>
        <translation>«{name}» محفوظة بالفعل. هل تستبدلها بنسخة الملف؟</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>فُتح {name}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Window</source>
        <translation>النافذة</translation>
    </message>
    <message>
        <source>Next, previous control</source>
        <translation>عنصر التحكم التالي، السابق</translation>
    </message>
    <message>
        <source>Calendar, agenda</source>
        <translation>التقويم، جدول الأعمال</translation>
    </message>
    <message>
        <source>Move; show the day or the meeting</source>
        <translation>التنقل؛ عرض اليوم أو الاجتماع</translation>
    </message>
    <message>
        <source>Arrows; Return</source>
        <translation>الأسهم؛ Enter</translation>
    </message>
    <message>
        <source>Menus</source>
        <translation>القوائم</translation>
    </message>
    <message>
        <source>Open a menu</source>
        <translation>فتح قائمة</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + الحرف المسطر</translation>
    </message>
</context>
<context>
    <name>IcsActions</name>
    <message>
        <source>Export .ics</source>
        <translation>تصدير ‎.ics</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected meeting(s) or the whole trip?</source>
        <translation>
            <numerusform>تصدير %n اجتماع محدد أم الرحلة كاملة؟</numerusform>
            <numerusform>تصدير الاجتماع المحدد أم الرحلة كاملة؟</numerusform>
            <numerusform>تصدير الاجتماعين المحددين أم الرحلة كاملة؟</numerusform>
            <numerusform>تصدير %n اجتماعات محددة أم الرحلة كاملة؟</numerusform>
            <numerusform>تصدير %n اجتماعًا محددًا أم الرحلة كاملة؟</numerusform>
            <numerusform>تصدير %n اجتماع محدد أم الرحلة كاملة؟</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Selected Meetings</source>
        <translation>الاجتماعات ال&amp;محددة</translation>
    </message>
    <message>
        <source>&amp;Whole Trip</source>
        <translation>ال&amp;رحلة كاملة</translation>
    </message>
    <message>
        <source>Invites: organizer</source>
        <translation>الدعوات: المنظِّم</translation>
    </message>
    <message>
        <source>Send Invites</source>
        <translation>إرسال الدعوات</translation>
    </message>
    <message numerus="yes">
        <source>Send invites for the %n selected meeting(s) or the whole trip?</source>
        <translation>
            <numerusform>إرسال دعوات %n اجتماع محدد أم الرحلة كاملة؟</numerusform>
            <numerusform>إرسال دعوات الاجتماع المحدد أم الرحلة كاملة؟</numerusform>
            <numerusform>إرسال دعوات الاجتماعين المحددين أم الرحلة كاملة؟</numerusform>
            <numerusform>إرسال دعوات %n اجتماعات محددة أم الرحلة كاملة؟</numerusform>
            <numerusform>إرسال دعوات %n اجتماعًا محددًا أم الرحلة كاملة؟</numerusform>
            <numerusform>إرسال دعوات %n اجتماع محدد أم الرحلة كاملة؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Import .ics</source>
        <translation>استيراد ‎.ics</translation>
    </message>
    <message>
        <source>Import {file} into “{trip}”, or as a new trip?</source>
        <translation>استيراد {file} إلى «{trip}» أم كرحلة جديدة؟</translation>
    </message>
    <message>
        <source>Into &amp;This Trip</source>
        <translation>إلى &amp;هذه الرحلة</translation>
    </message>
    <message>
        <source>As a &amp;New Trip</source>
        <translation>كرحلة &amp;جديدة</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>تعذّر الاستيراد</translation>
    </message>
    <message>
        <source>Imported {file}: {count} meetings added or changed</source>
        <translation>اُستورد {file}: أُضيف أو عُدّل {count} من الاجتماعات</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Send Invites</source>
        <translation>إرسال الدعوات</translation>
    </message>
    <message>
        <source>Who receives what</source>
        <translation>من يتلقى ماذا</translation>
    </message>
    <message>
        <source>Send &amp;unchanged invites again too</source>
        <translation>أعد إرسال الدعوات &amp;غير المتغيرة أيضًا</translation>
    </message>
    <message>
        <source>Folder for .eml files</source>
        <translation>مجلد ملفات ‎.eml</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>ا&amp;ختر…</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>خادم SMTP</translation>
    </message>
    <message>
        <source>SMTP user</source>
        <translation>مستخدم SMTP</translation>
    </message>
    <message>
        <source>SMTP password (not kept)</source>
        <translation>كلمة مرور SMTP (لا تُحفظ)</translation>
    </message>
    <message>
        <source>How</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>الخادم:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>الأمان:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>المستخدم:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>تقدم الإرسال</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>لم تُرسل</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>أ&amp;رسل</translation>
    </message>
    <message>
        <source>&amp;Retry Failed</source>
        <translation>أعد &amp;محاولة ما فشل</translation>
    </message>
    <message>
        <source>Choose a folder for the .eml files.</source>
        <translation>اختر مجلدًا لملفات ‎.eml.</translation>
    </message>
    <message>
        <source>Choose STARTTLS or SSL/TLS: the password must not go unencrypted.</source>
        <translation>اختر STARTTLS أو SSL/TLS: يجب ألا تُرسل كلمة المرور دون تشفير.</translation>
    </message>
    <message>
        <source>Wait for the messages under way to finish.</source>
        <translation>انتظر حتى تكتمل الرسائل الجاري إرسالها.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>اللغ&amp;ة</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Shuttle will use %1 from its next start.</source>
        <translation>سيستخدم Shuttle اللغة %1 عند تشغيله في المرة القادمة.</translation>
    </message>
</context>
<context>
    <name>LegDialog</name>
    <message>
        <source>Travel: {origin} → {destination}</source>
        <translation>الانتقال: {origin} ← {destination}</translation>
    </message>
    <message>
        <source>Mode of travel</source>
        <translation>وسيلة الانتقال</translation>
    </message>
    <message>
        <source>Departure and arrival times are &amp;known</source>
        <translation>أوقات المغادرة والوصول &amp;معروفة</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>المغادرة</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>الوصول</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>ال&amp;وسيلة:</translation>
    </message>
    <message>
        <source>&amp;Departs ({zone}):</source>
        <translation>ال&amp;مغادرة ({zone}):</translation>
    </message>
    <message>
        <source>&amp;Arrives ({zone}):</source>
        <translation>ال&amp;وصول ({zone}):</translation>
    </message>
    <message>
        <source>say how the leg travels, e.g. flight or train</source>
        <translation>اذكر وسيلة الانتقال، مثل رحلة جوية أو قطار</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Shuttle</source>
        <translation>Shuttle</translation>
    </message>
    <message>
        <source>Trip summary</source>
        <translation>ملخص الرحلة</translation>
    </message>
    <message>
        <source>No trips yet: File → Open Trip… adds one.</source>
        <translation>لا رحلات بعد: ملف ← فتح رحلة… يضيف واحدة.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Open Trip…</source>
        <translation>&amp;فتح رحلة…</translation>
    </message>
    <message>
        <source>Add a Shuttle trip file (.json) to the store and show it</source>
        <translation>أضف ملف رحلة Shuttle ‏(‎.json) واعرضه</translation>
    </message>
    <message>
        <source>&amp;Import .ics…</source>
        <translation>ا&amp;ستيراد ‎.ics…</translation>
    </message>
    <message>
        <source>Add the events of a calendar file to a trip</source>
        <translation>أضف أحداث ملف تقويم إلى رحلة</translation>
    </message>
    <message>
        <source>&amp;Export .ics…</source>
        <translation>ت&amp;صدير ‎.ics…</translation>
    </message>
    <message>
        <source>Write the trip, or the selected meetings, as .ics</source>
        <translation>احفظ الرحلة أو الاجتماعات المحددة بصيغة ‎.ics</translation>
    </message>
    <message>
        <source>Send In&amp;vites…</source>
        <translation>إرسال ال&amp;دعوات…</translation>
    </message>
    <message>
        <source>Write one invite (.ics) per meeting to a folder</source>
        <translation>اكتب دعوة (‎.ics) لكل اجتماع في مجلد</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <source>Print the itinerary, with a preview first</source>
        <translation>اطبع خط سير الرحلة بعد معاينته</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>تصدير P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the printable itinerary as a PDF</source>
        <translation>احفظ خط سير الرحلة القابل للطباعة بصيغة PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>Find meetings in every trip by title, person, place or topic</source>
        <translation>البحث عن اجتماعات في كل الرحلات حسب العنوان أو الشخص أو المكان أو الموضوع</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Times In</source>
        <translation>الأ&amp;وقات بتوقيت</translation>
    </message>
    <message>
        <source>&amp;Whole Trip</source>
        <translation>ال&amp;رحلة كاملة</translation>
    </message>
    <message>
        <source>&amp;Fit Map to Trip</source>
        <translation>&amp;ملاءمة الخريطة للرحلة</translation>
    </message>
    <message>
        <source>Online Map &amp;Tiles</source>
        <translation>مربعات ال&amp;خريطة عبر الإنترنت</translation>
    </message>
    <message>
        <source>Show OpenStreetMap tiles when the network is there</source>
        <translation>اعرض مربعات OpenStreetMap عند توفر الشبكة</translation>
    </message>
    <message>
        <source>Go to &amp;Calendar</source>
        <translation>انتقل إلى ال&amp;تقويم</translation>
    </message>
    <message>
        <source>Go to &amp;Agenda</source>
        <translation>انتقل إلى &amp;جدول الأعمال</translation>
    </message>
    <message>
        <source>Go to &amp;Details</source>
        <translation>انتقل إلى الت&amp;فاصيل</translation>
    </message>
    <message>
        <source>Go to &amp;Map</source>
        <translation>انتقل إلى ال&amp;خريطة</translation>
    </message>
    <message>
        <source>T&amp;rip</source>
        <translation>ر&amp;حلة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;دليل المستخدم</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;About Shuttle</source>
        <translation>&amp;عن Shuttle</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>الرحلة</translation>
    </message>
    <message>
        <source> Trip: </source>
        <translation> الرحلة: </translation>
    </message>
    <message>
        <source> Times: </source>
        <translation> الأوقات: </translation>
    </message>
    <message>
        <source>Show times in</source>
        <translation>اعرض الأوقات بتوقيت</translation>
    </message>
    <message>
        <source>No meetings yet: {path} ({keys}) adds one.</source>
        <translation>لا توجد اجتماعات بعد: {path} ({keys}) يضيف اجتماعًا.</translation>
    </message>
    <message>
        <source>Map ready</source>
        <translation>الخريطة جاهزة</translation>
    </message>
    <message>
        <source>Online tiles could not be loaded; the offline basemap is shown.</source>
        <translation>تعذّر تحميل المربعات عبر الإنترنت؛ تُعرض الخريطة الأساسية دون اتصال.</translation>
    </message>
    <message>
        <source>Times: {mode}</source>
        <translation>الأوقات: {mode}</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n اجتماع</numerusform>
            <numerusform>اجتماع واحد</numerusform>
            <numerusform>اجتماعان</numerusform>
            <numerusform>%n اجتماعات</numerusform>
            <numerusform>%n اجتماعًا</numerusform>
            <numerusform>%n اجتماع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n يوم</numerusform>
            <numerusform>يوم واحد</numerusform>
            <numerusform>يومان</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n مكان</numerusform>
            <numerusform>مكان واحد</numerusform>
            <numerusform>مكانان</numerusform>
            <numerusform>%n أماكن</numerusform>
            <numerusform>%n مكانًا</numerusform>
            <numerusform>%n مكان</numerusform>
        </translation>
    </message>
    <message>
        <source>legs being measured… · times: {mode}</source>
        <translation>جارٍ قياس المراحل… · الأوقات: {mode}</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s)</source>
        <translation>
            <numerusform>%n مرحلة</numerusform>
            <numerusform>مرحلة واحدة</numerusform>
            <numerusform>مرحلتان</numerusform>
            <numerusform>%n مراحل</numerusform>
            <numerusform>%n مرحلة</numerusform>
            <numerusform>%n مرحلة</numerusform>
        </translation>
    </message>
    <message>
        <source>{km} km · times: {mode}</source>
        <translation>{km} كم · الأوقات: {mode}</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n meeting(s) with warnings</source>
        <translation>
            <numerusform>⚠ %n اجتماع عليه تنبيهات</numerusform>
            <numerusform>⚠ اجتماع واحد عليه تنبيهات</numerusform>
            <numerusform>⚠ اجتماعان عليهما تنبيهات</numerusform>
            <numerusform>⚠ %n اجتماعات عليها تنبيهات</numerusform>
            <numerusform>⚠ %n اجتماعًا عليها تنبيهات</numerusform>
            <numerusform>⚠ %n اجتماع عليها تنبيهات</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <source>Map</source>
        <translation>الخريطة</translation>
    </message>
    <message>
        <source>The trip&apos;s places and route on a map</source>
        <translation>أماكن الرحلة ومسارها على خريطة</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>A trip place, a city, or a venue and its city: Le Royal Hotel, Amman</source>
        <translation>مكان من الرحلة، أو مدينة، أو مكان ومدينته: Le Royal Hotel, Amman</translation>
    </message>
    <message>
        <source>Place found</source>
        <translation>المكان الذي وُجد</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>ال&amp;مكان:</translation>
    </message>
    <message>
        <source>Look up &amp;Online</source>
        <translation>ابحث عبر الإ&amp;نترنت</translation>
    </message>
    <message>
        <source>Ask OpenStreetMap&apos;s Nominatim (needs the network)</source>
        <translation>اسأل Nominatim من OpenStreetMap (يحتاج إلى الشبكة)</translation>
    </message>
    <message>
        <source>Cancel Lookup</source>
        <translation>إلغاء البحث</translation>
    </message>
    <message>
        <source>Stop waiting for the online lookup</source>
        <translation>توقف عن انتظار البحث عبر الإنترنت</translation>
    </message>
    <message>
        <source>Pick on &amp;Map</source>
        <translation>اختر على ال&amp;خريطة</translation>
    </message>
    <message>
        <source>Click the map to place the meeting there</source>
        <translation>انقر على الخريطة لوضع الاجتماع هناك</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>The venue&apos;s time zone, filled in from the place; or type a city or zone</source>
        <translation>المنطقة الزمنية للمكان، تُملأ من المكان؛ أو اكتب مدينة أو منطقة</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>المنطقة ال&amp;زمنية:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>ال&amp;تاريخ:</translation>
    </message>
    <message>
        <source>E&amp;xact time</source>
        <translation>وقت م&amp;حدد</translation>
    </message>
    <message>
        <source>Time to be &amp;confirmed</source>
        <translation>وقت &amp;غير مؤكد</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>الوقت:</translation>
    </message>
    <message>
        <source>Local time at the venue</source>
        <translation>التوقيت المحلي للمقر</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>وقت البدء</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>وقت الانتهاء</translation>
    </message>
    <message>
        <source>Moves with the start, keeping the meeting&apos;s length</source>
        <translation>يتحرك مع البداية محافظًا على مدة الاجتماع</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>ال&amp;بدء:</translation>
    </message>
    <message>
        <source>ends the &amp;next day</source>
        <translation>ينتهي في اليوم ال&amp;تالي</translation>
    </message>
    <message>
        <source>Ends the next day</source>
        <translation>ينتهي في اليوم التالي</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>الا&amp;نتهاء:</translation>
    </message>
    <message>
        <source>What is known</source>
        <translation>ما هو معروف</translation>
    </message>
    <message>
        <source>Part of day</source>
        <translation>فترة اليوم</translation>
    </message>
    <message>
        <source>Expected duration in hours</source>
        <translation>المدة المتوقعة بالساعات</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>غير معروفة</translation>
    </message>
    <message>
        <source>Part of &amp;day:</source>
        <translation>&amp;فترة اليوم:</translation>
    </message>
    <message>
        <source>Expected &amp;length:</source>
        <translation>المدة ال&amp;متوقعة:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>ال&amp;حالة:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>المشاركون</translation>
    </message>
    <message>
        <source>&amp;Add Participant</source>
        <translation>&amp;إضافة مشارك</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>إ&amp;زالة</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>T&amp;opic:</source>
        <translation>ال&amp;موضوع:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;ملاحظات:</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Add &amp;Source</source>
        <translation>إضافة &amp;مصدر</translation>
    </message>
    <message>
        <source>Remove Source</source>
        <translation>إزالة المصدر</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>المصادر:</translation>
    </message>
    <message>
        <source>No place given: the meeting stays without one unless you type one.</source>
        <translation>لم يُحدَّد مكان: يبقى الاجتماع بلا مكان ما لم تكتب واحدًا.</translation>
    </message>
    <message>
        <source>Type a venue or city to look up first.</source>
        <translation>اكتب أولًا مكانًا أو مدينة للبحث عنها.</translation>
    </message>
</context>
<context>
    <name>NameDelegate</name>
    <message>
        <source>Participant name</source>
        <translation>اسم المشارك</translation>
    </message>
</context>
<context>
    <name>PlaceEntry</name>
    <message>
        <source>No city found in “{text}”: add the city (e.g. “{text}, Geneva”), or use Look up Online or Pick on Map.</source>
        <translation>لم يُعثر على مدينة في «{text}»: أضف المدينة (مثلًا «{text}, Geneva») أو استخدم البحث عبر الإنترنت أو الاختيار على الخريطة.</translation>
    </message>
    <message>
        <source>{venue} — new venue in {city}</source>
        <translation>{venue} — مكان جديد في {city}</translation>
    </message>
    <message>
        <source>{city} — new place at the city centre</source>
        <translation>{city} — مكان جديد في وسط المدينة</translation>
    </message>
    <message>
        <source>{name} — new place in {city} ({lat:.4f}, {lon:.4f})</source>
        <translation>{name} — مكان جديد في {city} ({lat:.4f}, {lon:.4f})</translation>
    </message>
    <message>
        <source>{name} — a place of this trip, in {city}</source>
        <translation>{name} — مكان من هذه الرحلة، في {city}</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>New &amp;Trip…</source>
        <translation>&amp;رحلة جديدة…</translation>
    </message>
    <message>
        <source>Trip &amp;Details…</source>
        <translation>&amp;تفاصيل الرحلة…</translation>
    </message>
    <message>
        <source>Name, traveller, home zone and dates of the trip</source>
        <translation>اسم الرحلة والمسافر والمنطقة المرجعية والتواريخ</translation>
    </message>
    <message>
        <source>&amp;New Meeting…</source>
        <translation>اجتماع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Edit Meeting…</source>
        <translation>&amp;تعديل الاجتماع…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Meeting</source>
        <translation>ت&amp;كرار الاجتماع</translation>
    </message>
    <message>
        <source>&amp;Delete Meeting</source>
        <translation>&amp;حذف الاجتماع</translation>
    </message>
    <message>
        <source>Travel to &amp;Here…</source>
        <translation>الانتقال إلى &amp;هنا…</translation>
    </message>
    <message>
        <source>Mode and times of the journey to the selected meeting</source>
        <translation>وسيلة الانتقال إلى الاجتماع المحدد وأوقاته</translation>
    </message>
    <message>
        <source>Travel &amp;Assumptions…</source>
        <translation>ا&amp;فتراضات الانتقال…</translation>
    </message>
    <message>
        <source>Click the map where the meeting is held.</source>
        <translation>انقر على الخريطة حيث يُعقد الاجتماع.</translation>
    </message>
    <message>
        <source>No travel leads to this meeting.</source>
        <translation>لا انتقال يؤدي إلى هذا الاجتماع.</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Preparing the itinerary…</source>
        <translation>جارٍ إعداد خط سير الرحلة…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>The itinerary could not be prepared: {error}</source>
        <translation>تعذّر إعداد خط سير الرحلة: {error}</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>تصدير PDF</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>جارٍ كتابة ملف PDF…</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>كُتب {path}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>{time} at home</source>
        <translation>{time} بالتوقيت المرجعي</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>الموضوع:</translation>
    </message>
    <message>
        <source>clocks unchanged</source>
        <translation>التوقيت نفسه</translation>
    </message>
    <message>
        <source>no dates yet</source>
        <translation>لا تواريخ بعد</translation>
    </message>
    <message>
        <source>Route map</source>
        <translation>خريطة المسار</translation>
    </message>
    <message>
        <source>Route: numbered stops in trip order; distances are geodesic. Basemap: Natural Earth.</source>
        <translation>المسار: محطات مرقمة بترتيب الرحلة؛ المسافات جيوديسية. الخريطة الأساسية: Natural Earth.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>الصفحة {page} من {pages}</translation>
    </message>
    <message>
        <source>Traveller:</source>
        <translation>المسافر:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>التواريخ:</translation>
    </message>
    <message>
        <source>Home zone:</source>
        <translation>المنطقة الزمنية المرجعية:</translation>
    </message>
    <message>
        <source>times are local to each venue, with home time beside</source>
        <translation>الأوقات محلية لكل مكان، وبجانبها التوقيت المرجعي</translation>
    </message>
    <message>
        <source>Printed {when}. Where no source gives a clock time, the meeting is shown as &quot;time to be confirmed&quot;.</source>
        <translation>طُبع في {when}. حين لا يذكر أي مصدر ساعة الاجتماع، يظهر بعبارة «الوقت غير مؤكد».</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Find Meetings</source>
        <translation>البحث عن اجتماعات</translation>
    </message>
    <message>
        <source>Title, person, place or topic</source>
        <translation>العنوان أو الشخص أو المكان أو الموضوع</translation>
    </message>
    <message>
        <source>Find meetings in every trip</source>
        <translation>البحث عن اجتماعات في كل الرحلات</translation>
    </message>
    <message>
        <source>Meetings found</source>
        <translation>الاجتماعات التي وُجدت</translation>
    </message>
    <message>
        <source>Type words to find meetings in every trip.</source>
        <translation>اكتب كلمات للعثور على اجتماعات في كل الرحلات.</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) found</source>
        <translation>
            <numerusform>لم يُعثر على اجتماعات</numerusform>
            <numerusform>وُجد اجتماع واحد</numerusform>
            <numerusform>وُجد اجتماعان</numerusform>
            <numerusform>وُجدت %n اجتماعات</numerusform>
            <numerusform>وُجد %n اجتماعًا</numerusform>
            <numerusform>وُجد %n اجتماع</numerusform>
        </translation>
    </message>
    <message>
        <source>No meeting matches.</source>
        <translation>لا يوجد اجتماع مطابق.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share on Calendar Server</source>
        <translation>المشاركة على خادم تقويم</translation>
    </message>
    <message>
        <source>The trip&apos;s meetings are kept in one calendar on a CalDAV server (Nextcloud, SOGo, Radicale, Fastmail, iCloud…), named after the trip. Give the server&apos;s address or the calendar&apos;s own.</source>
        <translation>تُحفظ اجتماعات الرحلة في تقويم واحد على خادم CalDAV ‏(Nextcloud وSOGo وRadicale وFastmail وiCloud…) يحمل اسم الرحلة. أدخل عنوان الخادم أو عنوان التقويم نفسه.</translation>
    </message>
    <message>
        <source>from SHUTTLE_CALDAV_PASSWORD or the keyring</source>
        <translation>من SHUTTLE_CALDAV_PASSWORD أو من سلسلة المفاتيح</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>احفظ كلمة المرور في سلسلة مفاتيح النظام</translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation>عند الطلب فقط</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;عنوان الخادم:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ال&amp;مستخدم:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;كلمة المرور:</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>زامن &amp;كل:</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>ا&amp;ختبر الاتصال</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>The server URL starts with https:// (or http://).</source>
        <translation>يبدأ عنوان الخادم بـ https://‎ (أو http://‎).</translation>
    </message>
    <message>
        <source>A user name is needed.</source>
        <translation>اسم المستخدم مطلوب.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Meeting cancelled</source>
        <translation>الاجتماع ملغى</translation>
    </message>
    <message>
        <source>Meeting tentative</source>
        <translation>الاجتماع مبدئي</translation>
    </message>
    <message>
        <source>Meeting confirmed</source>
        <translation>الاجتماع مؤكد</translation>
    </message>
    <message>
        <source>time not yet fixed</source>
        <translation>الموعد لم يُحدَّد بعد</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>&amp;Share on Calendar Server…</source>
        <translation>ال&amp;مشاركة على خادم تقويم…</translation>
    </message>
    <message>
        <source>Keep the trip in a calendar on a CalDAV server</source>
        <translation>الاحتفاظ بالرحلة في تقويم على خادم CalDAV</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>م&amp;زامنة الآن</translation>
    </message>
    <message>
        <source>Send changes to the calendar server and fetch its own</source>
        <translation>إرسال التغييرات إلى خادم التقويم وجلب تغييراته</translation>
    </message>
    <message>
        <source>Resolve Sync &amp;Conflicts…</source>
        <translation>حل ت&amp;عارضات المزامنة…</translation>
    </message>
    <message>
        <source>Calendar sync</source>
        <translation>مزامنة التقويم</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop the sync; nothing changes here</source>
        <translation>إيقاف المزامنة؛ لا يتغير شيء هنا</translation>
    </message>
    <message>
        <source>Calendar: not shared</source>
        <translation>التقويم: غير مشترك</translation>
    </message>
    <message>
        <source>Calendar: {count} in conflict</source>
        <translation>التقويم: {count} في تعارض</translation>
    </message>
    <message>
        <source>Calendar: synced {time}</source>
        <translation>التقويم: تمت المزامنة {time}</translation>
    </message>
    <message>
        <source>Calendar: not synced yet</source>
        <translation>التقويم: لم تتم المزامنة بعد</translation>
    </message>
    <message>
        <source>Trip → Share on Calendar Server… to share this trip</source>
        <translation>رحلة ← المشاركة على خادم تقويم… لمشاركة هذه الرحلة</translation>
    </message>
    <message>
        <source>Share on Calendar Server</source>
        <translation>المشاركة على خادم تقويم</translation>
    </message>
    <message>
        <source>Calendar: {reason}</source>
        <translation>التقويم: {reason}</translation>
    </message>
    <message>
        <source>Calendar Server Password</source>
        <translation>كلمة مرور خادم التقويم</translation>
    </message>
    <message>
        <source>Password for {user} at {url}:</source>
        <translation>كلمة مرور {user} على {url}:</translation>
    </message>
    <message>
        <source>Calendar: syncing…</source>
        <translation>التقويم: جارٍ المزامنة…</translation>
    </message>
    <message>
        <source>Calendar: sync failed</source>
        <translation>التقويم: فشلت المزامنة</translation>
    </message>
    <message>
        <source>the server&apos;s changes could not be applied here</source>
        <translation>تعذّر تطبيق تغييرات الخادم هنا</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) changed here and on the server: Trip → Resolve Sync Conflicts…</source>
        <translation>
            <numerusform>لم يتغير أي اجتماع هنا وعلى الخادم</numerusform>
            <numerusform>تغيّر اجتماع واحد هنا وعلى الخادم: رحلة ← حل تعارضات المزامنة…</numerusform>
            <numerusform>تغيّر اجتماعان هنا وعلى الخادم: رحلة ← حل تعارضات المزامنة…</numerusform>
            <numerusform>تغيّرت %n اجتماعات هنا وعلى الخادم: رحلة ← حل تعارضات المزامنة…</numerusform>
            <numerusform>تغيّر %n اجتماعًا هنا وعلى الخادم: رحلة ← حل تعارضات المزامنة…</numerusform>
            <numerusform>تغيّر %n اجتماع هنا وعلى الخادم: رحلة ← حل تعارضات المزامنة…</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar: sync cancelled</source>
        <translation>التقويم: أُلغيت المزامنة</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>فشلت المزامنة: {reason}</translation>
    </message>
    <message>
        <source>Sync Conflict</source>
        <translation>تعارض المزامنة</translation>
    </message>
</context>
<context>
    <name>Travel</name>
    <message>
        <source>{city}: {origin} → {destination}, in town</source>
        <translation>{city}: {origin} → {destination}، داخل المدينة</translation>
    </message>
</context>
<context>
    <name>TravelDialog</name>
    <message>
        <source>Travel Assumptions</source>
        <translation>افتراضات الانتقال</translation>
    </message>
    <message>
        <source>Flight speed</source>
        <translation>سرعة الطيران</translation>
    </message>
    <message>
        <source>Time at airports</source>
        <translation>الوقت في المطارات</translation>
    </message>
    <message>
        <source>Train speed</source>
        <translation>سرعة القطار</translation>
    </message>
    <message>
        <source>Road speed</source>
        <translation>السرعة على الطريق</translation>
    </message>
    <message>
        <source>Fly from</source>
        <translation>الطيران ابتداءً من</translation>
    </message>
    <message>
        <source>&amp;Flights, gate to gate:</source>
        <translation>ال&amp;رحلات الجوية، من بوابة إلى بوابة:</translation>
    </message>
    <message>
        <source>Time at &amp;airports (both ends):</source>
        <translation>الوقت في ال&amp;مطارات (عند الطرفين):</translation>
    </message>
    <message>
        <source>&amp;Trains:</source>
        <translation>ال&amp;قطارات:</translation>
    </message>
    <message>
        <source>&amp;Road:</source>
        <translation>ال&amp;طريق:</translation>
    </message>
    <message>
        <source>New legs fly from:</source>
        <translation>الرحلات الجديدة جوًا ابتداءً من:</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <source>New Trip</source>
        <translation>رحلة جديدة</translation>
    </message>
    <message>
        <source>Trip Details</source>
        <translation>تفاصيل الرحلة</translation>
    </message>
    <message>
        <source>Trip name</source>
        <translation>اسم الرحلة</translation>
    </message>
    <message>
        <source>Traveller</source>
        <translation>المسافر</translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation>المنطقة الزمنية المرجعية</translation>
    </message>
    <message>
        <source>The trip has fixed &amp;dates</source>
        <translation>للرحلة &amp;تواريخ محددة</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الا&amp;سم:</translation>
    </message>
    <message>
        <source>&amp;Traveller:</source>
        <translation>ال&amp;مسافر:</translation>
    </message>
    <message>
        <source>&amp;Home zone:</source>
        <translation>المنطقة ال&amp;مرجعية:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;من:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>إ&amp;لى:</translation>
    </message>
    <message>
        <source>The trip needs a name.</source>
        <translation>يجب أن يكون للرحلة اسم.</translation>
    </message>
    <message>
        <source>A trip named “{name}” is already in the store.</source>
        <translation>توجد رحلة باسم «{name}» بالفعل.</translation>
    </message>
    <message>
        <source>“{zone}” is not a known time zone.</source>
        <translation>«{zone}» ليست منطقة زمنية معروفة.</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>اليوم الأخير يسبق اليوم الأول.</translation>
    </message>
    <message>
        <source>Time zone: {zone}</source>
        <translation>المنطقة الزمنية: {zone}</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>Shuttle User Guide</source>
        <translation>دليل مستخدم Shuttle</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>دليل المستخدم</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>confirmed</source>
        <translation>مؤكد</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>مبدئي</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>غير مؤكد</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>قَبِل</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>اعتذر</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>لم يردّ</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>صباحًا</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>بعد الظهر</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>مساءً</translation>
    </message>
    <message>
        <source>late evening</source>
        <translation>في وقت متأخر من المساء</translation>
    </message>
    <message>
        <source>flight</source>
        <translation>رحلة جوية</translation>
    </message>
    <message>
        <source>train</source>
        <translation>قطار</translation>
    </message>
    <message>
        <source>road</source>
        <translation>برًا</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Cannot open trip</source>
        <translation>تعذّر فتح الرحلة</translation>
    </message>
    <message>
        <source>Opening “{name}”…</source>
        <translation>جارٍ فتح «{name}»…</translation>
    </message>
</context>
<context>
    <name>ZoneChoice</name>
    <message>
        <source>Home zone</source>
        <translation>المنطقة المرجعية</translation>
    </message>
    <message>
        <source>Home ({zone})</source>
        <translation>المرجعية ({zone})</translation>
    </message>
    <message>
        <source>System ({zone})</source>
        <translation>النظام ({zone})</translation>
    </message>
    <message>
        <source>Venue local time</source>
        <translation>التوقيت المحلي للمكان</translation>
    </message>
</context>
<context>
    <name>ZoneField</name>
    <message>
        <source>A city or a zone, e.g. New York or Europe/Paris</source>
        <translation>مدينة أو منطقة زمنية، مثل New York أو Europe/Paris</translation>
    </message>
</context>
</TS>
