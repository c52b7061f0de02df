<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Agenda</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes}</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>one hour</source>
        <translation>une heure</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>time to be confirmed</source>
        <translation>heure à confirmer</translation>
    </message>
    <message>
        <source>about {duration}</source>
        <translation>environ {duration}</translation>
    </message>
    <message>
        <source>time TBC</source>
        <translation>heure à conf.</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>toute la journée</translation>
    </message>
    <message>
        <source>all day, to {day}</source>
        <translation>toute la journée, jusqu’au {day}</translation>
    </message>
    <message>
        <source>TBC ({city} {difference})</source>
        <translation>à conf. ({city} {difference})</translation>
    </message>
    <message>
        <source>same clock</source>
        <translation>même heure</translation>
    </message>
    <message>
        <source> (attendance uncertain)</source>
        <translation> (présence incertaine)</translation>
    </message>
    <message>
        <source> — attendance uncertain</source>
        <translation> — présence incertaine</translation>
    </message>
    <message>
        <source>place not given</source>
        <translation>lieu non précisé</translation>
    </message>
    <message>
        <source>{name} keeps the same time as {other}</source>
        <translation>{name} est à la même heure que {other}</translation>
    </message>
    <message>
        <source>{name} is {amount} ahead of {other}</source>
        <translation>{name} a {amount} d’avance sur {other}</translation>
    </message>
    <message>
        <source>{name} is {amount} behind {other}</source>
        <translation>{name} a {amount} de retard sur {other}</translation>
    </message>
    <message>
        <source>Traveller: {traveller} · home zone {zone}</source>
        <translation>Voyageur : {traveller} · fuseau de référence {zone}</translation>
    </message>
    <message>
        <source>Second column: times in {zone}</source>
        <translation>Deuxième colonne : heures de {zone}</translation>
    </message>
    <message>
        <source>With: {people}</source>
        <translation>Avec : {people}</translation>
    </message>
    <message>
        <source>to be confirmed</source>
        <translation>à confirmer</translation>
    </message>
    <message>
        <source>to be confirmed ({relation})</source>
        <translation>à confirmer ({relation})</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Shuttle will use %1 from its next start.</source>
        <translation>Shuttle sera en %1 à son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>{time} at home</source>
        <translation>{time} au domicile</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Sujet :</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Statut : {status}</translation>
    </message>
    <message>
        <source>clocks unchanged</source>
        <translation>même heure</translation>
    </message>
    <message>
        <source>no dates yet</source>
        <translation>pas encore de dates</translation>
    </message>
    <message>
        <source>Route map</source>
        <translation>Carte de l’itinéraire</translation>
    </message>
    <message>
        <source>Route: numbered stops in trip order; distances are geodesic. Basemap: Natural Earth.</source>
        <translation>Itinéraire : étapes numérotées dans l’ordre du voyage ; distances géodésiques. Fond de carte : Natural Earth.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message>
        <source>Traveller:</source>
        <translation>Voyageur :</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Dates :</translation>
    </message>
    <message>
        <source>Home zone:</source>
        <translation>Fuseau de référence :</translation>
    </message>
    <message>
        <source>times are local to each venue, with home time beside</source>
        <translation>heures locales de chaque lieu, avec l’heure de référence à côté</translation>
    </message>
    <message>
        <source>Printed {when}. Where no source gives a clock time, the meeting is shown as &quot;time to be confirmed&quot;.</source>
        <translation>Imprimé le {when}. Quand aucune source ne donne l’heure, le rendez-vous est indiqué « heure à confirmer ».</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>provisoire</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>incertaine</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>soir</translation>
    </message>
    <message>
        <source>late evening</source>
        <translation>fin de soirée</translation>
    </message>
    <message>
        <source>flight</source>
        <translation>vol</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>road</source>
        <translation>route</translation>
    </message>
</context>
</TS>
