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
    <name>CalendarPane</name>
    <message>
        <source>Trip calendar</source>
        <translation>Calendrier du voyage</translation>
    </message>
    <message>
        <source>Month calendar; the trip&apos;s days are shaded</source>
        <translation>Calendrier du mois ; les jours du voyage sont grisés</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Sync Conflict — {title}</source>
        <translation>Conflit de synchronisation — {title}</translation>
    </message>
    <message>
        <source>This meeting was changed here and on the calendar server since the last sync. Keep one version, or tick what to take from the server and merge.</source>
        <translation>Ce rendez-vous a été modifié ici et sur le serveur d’agenda depuis la dernière synchronisation. Gardez une version, ou cochez ce qu’il faut reprendre du serveur et fusionnez.</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Reprendre du serveur</translation>
    </message>
    <message>
        <source>(deleted here)</source>
        <translation>(supprimé ici)</translation>
    </message>
    <message>
        <source>(deleted on the server)</source>
        <translation>(supprimé sur le serveur)</translation>
    </message>
    <message>
        <source>Take the server&apos;s {field}</source>
        <translation>Reprendre du serveur : {field}</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Take the &amp;Server&apos;s</source>
        <translation>Prendre celle du &amp;serveur</translation>
    </message>
    <message>
        <source>&amp;Merge Ticked Fields</source>
        <translation>&amp;Fusionner les champs cochés</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} autres</translation>
    </message>
    <message numerus="yes">
        <source>Replace %n existing file(s) in {folder}?</source>
        <translation>
            <numerusform>Remplacer %n fichier existant dans {folder} ?</numerusform>
            <numerusform>Remplacer %n fichiers existants dans {folder} ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Print — {name}</source>
        <translation>Imprimer — {name}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Cannot open trip</source>
        <translation>Impossible d’ouvrir le voyage</translation>
    </message>
    <message>
        <source>Trip already in the store</source>
        <translation>Voyage déjà enregistré</translation>
    </message>
    <message>
        <source>“{name}” is already in the store. Replace it with the file&apos;s version?</source>
        <translation>« {name} » est déjà enregistré. Le remplacer par la version du fichier ?</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>{name} ouvert</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Send Invites</source>
        <translation>Envoyer les invitations</translation>
    </message>
    <message>
        <source>Who receives what</source>
        <translation>Qui reçoit quoi</translation>
    </message>
    <message>
        <source>Send &amp;unchanged invites again too</source>
        <translation>Renvoyer aussi les invitations &amp;inchangées</translation>
    </message>
    <message>
        <source>Folder for .eml files</source>
        <translation>Dossier des fichiers .eml</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <source>SMTP user</source>
        <translation>Utilisateur SMTP</translation>
    </message>
    <message>
        <source>SMTP password (not kept)</source>
        <translation>Mot de passe SMTP (non conservé)</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>Progression de l’envoi</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyés</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>&amp;Retry Failed</source>
        <translation>&amp;Réessayer les échecs</translation>
    </message>
    <message>
        <source>Choose a folder for the .eml files.</source>
        <translation>Choisissez un dossier pour les fichiers .eml.</translation>
    </message>
    <message>
        <source>Choose STARTTLS or SSL/TLS: the password must not go unencrypted.</source>
        <translation>Choisissez STARTTLS ou SSL/TLS : le mot de passe ne doit pas circuler en clair.</translation>
    </message>
    <message>
        <source>Wait for the messages under way to finish.</source>
        <translation>Attendez la fin de l’envoi des messages en cours.</translation>
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
    <name>LegDialog</name>
    <message>
        <source>Travel: {origin} → {destination}</source>
        <translation>Trajet : {origin} → {destination}</translation>
    </message>
    <message>
        <source>Mode of travel</source>
        <translation>Moyen de transport</translation>
    </message>
    <message>
        <source>Departure and arrival times are &amp;known</source>
        <translation>Les heures de départ et d’arrivée sont &amp;connues</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Moyen :</translation>
    </message>
    <message>
        <source>&amp;Departs ({zone}):</source>
        <translation>&amp;Départ ({zone}) :</translation>
    </message>
    <message>
        <source>&amp;Arrives ({zone}):</source>
        <translation>&amp;Arrivée ({zone}) :</translation>
    </message>
    <message>
        <source>say how the leg travels, e.g. flight or train</source>
        <translation>indiquez le moyen de transport, par exemple vol ou train</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Preparing the itinerary…</source>
        <translation>Préparation de l’itinéraire…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>The itinerary could not be prepared: {error}</source>
        <translation>L’itinéraire n’a pas pu être préparé : {error}</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Écriture du PDF…</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} enregistré</translation>
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
    <name>ShareDialog</name>
    <message>
        <source>Share on Calendar Server</source>
        <translation>Partager sur un serveur d’agenda</translation>
    </message>
    <message>
        <source>The trip&apos;s meetings are kept in one calendar on a CalDAV server (Nextcloud, SOGo, Radicale, Fastmail, iCloud…), named after the trip. Give the server&apos;s address or the calendar&apos;s own.</source>
        <translation>Les rendez-vous du voyage sont gardés dans un agenda d’un serveur CalDAV (Nextcloud, SOGo, Radicale, Fastmail, iCloud…), au nom du voyage. Indiquez l’adresse du serveur ou celle de l’agenda.</translation>
    </message>
    <message>
        <source>from SHUTTLE_CALDAV_PASSWORD or the keyring</source>
        <translation>depuis SHUTTLE_CALDAV_PASSWORD ou le trousseau</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>Garder le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation>seulement sur demande</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL du serveur :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Synchroniser &amp;toutes les :</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>The server URL starts with https:// (or http://).</source>
        <translation>L’URL du serveur commence par https:// (ou http://).</translation>
    </message>
    <message>
        <source>A user name is needed.</source>
        <translation>Un nom d’utilisateur est nécessaire.</translation>
    </message>
</context>
<context>
    <name>TravelDialog</name>
    <message>
        <source>Travel Assumptions</source>
        <translation>Hypothèses de déplacement</translation>
    </message>
    <message>
        <source>Flight speed</source>
        <translation>Vitesse en vol</translation>
    </message>
    <message>
        <source>Time at airports</source>
        <translation>Temps dans les aéroports</translation>
    </message>
    <message>
        <source>Train speed</source>
        <translation>Vitesse en train</translation>
    </message>
    <message>
        <source>Road speed</source>
        <translation>Vitesse sur route</translation>
    </message>
    <message>
        <source>Fly from</source>
        <translation>Vol à partir de</translation>
    </message>
    <message>
        <source>&amp;Flights, gate to gate:</source>
        <translation>&amp;Vols, porte à porte :</translation>
    </message>
    <message>
        <source>Time at &amp;airports (both ends):</source>
        <translation>Temps dans les &amp;aéroports (départ et arrivée) :</translation>
    </message>
    <message>
        <source>&amp;Trains:</source>
        <translation>&amp;Trains :</translation>
    </message>
    <message>
        <source>&amp;Road:</source>
        <translation>&amp;Route :</translation>
    </message>
    <message>
        <source>New legs fly from:</source>
        <translation>Les nouveaux trajets se font en avion à partir de :</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <source>New Trip</source>
        <translation>Nouveau voyage</translation>
    </message>
    <message>
        <source>Trip Details</source>
        <translation>Détails du voyage</translation>
    </message>
    <message>
        <source>Trip name</source>
        <translation>Nom du voyage</translation>
    </message>
    <message>
        <source>Traveller</source>
        <translation>Voyageur</translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation>Fuseau horaire de référence</translation>
    </message>
    <message>
        <source>The trip has fixed &amp;dates</source>
        <translation>Le voyage a des &amp;dates fixes</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Traveller:</source>
        <translation>&amp;Voyageur :</translation>
    </message>
    <message>
        <source>&amp;Home zone:</source>
        <translation>&amp;Fuseau de référence :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>The trip needs a name.</source>
        <translation>Le voyage doit avoir un nom.</translation>
    </message>
    <message>
        <source>A trip named “{name}” is already in the store.</source>
        <translation>Un voyage nommé « {name} » existe déjà.</translation>
    </message>
    <message>
        <source>“{zone}” is not a known time zone.</source>
        <translation>« {zone} » n’est pas un fuseau horaire connu.</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Le dernier jour précède le premier.</translation>
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
<context>
    <name>ZoneChoice</name>
    <message>
        <source>Home zone</source>
        <translation>Fuseau de référence</translation>
    </message>
    <message>
        <source>Home ({zone})</source>
        <translation>Référence ({zone})</translation>
    </message>
    <message>
        <source>System ({zone})</source>
        <translation>Système ({zone})</translation>
    </message>
    <message>
        <source>Venue local time</source>
        <translation>Heure locale du lieu</translation>
    </message>
</context>
</TS>
