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
        <source>Status: {status}</source>
        <translation>الحالة: {status}</translation>
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
</TS>
