<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
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
</TS>
