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
    <name>AgendaModel</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>AgendaPane</name>
    <message>
        <source>Whole trip</source>
        <translation>Tout le voyage</translation>
    </message>
    <message>
        <source>Agenda scope</source>
        <translation>Étendue de l’agenda</translation>
    </message>
    <message>
        <source>&amp;Whole trip</source>
        <translation>&amp;Tout le voyage</translation>
    </message>
    <message>
        <source>Show the whole trip</source>
        <translation>Afficher tout le voyage</translation>
    </message>
    <message>
        <source>Show every meeting of the trip (Ctrl+0)</source>
        <translation>Afficher tous les rendez-vous du voyage (Ctrl+0)</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Meetings: day, time, title, place, participants</source>
        <translation>Rendez-vous : jour, heure, titre, lieu, participants</translation>
    </message>
    <message>
        <source>No meetings yet.</source>
        <translation>Aucun rendez-vous pour l’instant.</translation>
    </message>
    <message>
        <source>No meetings on this day.</source>
        <translation>Aucun rendez-vous ce jour-là.</translation>
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
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n rendez-vous</numerusform>
            <numerusform>%n rendez-vous</numerusform>
        </translation>
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
    <name>DetailsPane</name>
    <message>
        <source>Select a meeting to see its details.</source>
        <translation>Choisissez un rendez-vous pour en voir les détails.</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>l’article</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>sources</translation>
    </message>
    <message>
        <source>assumed (no source)</source>
        <translation>supposé (sans source)</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>calculé</translation>
    </message>
    <message>
        <source>article</source>
        <translation>article</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>supposé</translation>
    </message>
    <message>
        <source>Sources: {ids}</source>
        <translation>Sources : {ids}</translation>
    </message>
    <message>
        <source>When (local)</source>
        <translation>Quand (heure locale)</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>À la référence</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Fuseau</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>⚠ Warnings</source>
        <translation>⚠ Avertissements</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Trajets</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Place ({name})</source>
        <translation>Lieu ({name})</translation>
    </message>
    <message>
        <source>Where this comes from</source>
        <translation>D’où cela vient</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Meeting details</source>
        <translation>Détails du rendez-vous</translation>
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
    <name>Help</name>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Next, previous control</source>
        <translation>Contrôle suivant, précédent</translation>
    </message>
    <message>
        <source>Calendar, agenda</source>
        <translation>Calendrier, agenda</translation>
    </message>
    <message>
        <source>Move; show the day or the meeting</source>
        <translation>Se déplacer ; afficher le jour ou le rendez-vous</translation>
    </message>
    <message>
        <source>Arrows; Return</source>
        <translation>Flèches ; Entrée</translation>
    </message>
    <message>
        <source>Menus</source>
        <translation>Menus</translation>
    </message>
    <message>
        <source>Open a menu</source>
        <translation>Ouvrir un menu</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + lettre soulignée</translation>
    </message>
</context>
<context>
    <name>IcsActions</name>
    <message>
        <source>Export .ics</source>
        <translation>Exporter en .ics</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected meeting(s) or the whole trip?</source>
        <translation>
            <numerusform>Exporter le rendez-vous choisi ou tout le voyage ?</numerusform>
            <numerusform>Exporter les %n rendez-vous choisis ou tout le voyage ?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Selected Meetings</source>
        <translation>Rendez-vous &amp;choisis</translation>
    </message>
    <message>
        <source>&amp;Whole Trip</source>
        <translation>&amp;Tout le voyage</translation>
    </message>
    <message>
        <source>Invites: organizer</source>
        <translation>Invitations : organisateur</translation>
    </message>
    <message>
        <source>Send Invites</source>
        <translation>Envoyer les invitations</translation>
    </message>
    <message numerus="yes">
        <source>Send invites for the %n selected meeting(s) or the whole trip?</source>
        <translation>
            <numerusform>Envoyer les invitations du rendez-vous choisi ou de tout le voyage ?</numerusform>
            <numerusform>Envoyer les invitations des %n rendez-vous choisis ou de tout le voyage ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Import .ics</source>
        <translation>Importer un .ics</translation>
    </message>
    <message>
        <source>Import {file} into “{trip}”, or as a new trip?</source>
        <translation>Importer {file} dans « {trip} », ou comme nouveau voyage ?</translation>
    </message>
    <message>
        <source>Into &amp;This Trip</source>
        <translation>Dans &amp;ce voyage</translation>
    </message>
    <message>
        <source>As a &amp;New Trip</source>
        <translation>Comme &amp;nouveau voyage</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import impossible</translation>
    </message>
    <message>
        <source>Imported {file}: {count} meetings added or changed</source>
        <translation>{file} importé : {count} rendez-vous ajoutés ou modifiés</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Shuttle</source>
        <translation>Shuttle</translation>
    </message>
    <message>
        <source>Trip summary</source>
        <translation>Résumé du voyage</translation>
    </message>
    <message>
        <source>No trips yet: File → Open Trip… adds one.</source>
        <translation>Aucun voyage : Fichier → Ouvrir un voyage… en ajoute un.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Trip…</source>
        <translation>&amp;Ouvrir un voyage…</translation>
    </message>
    <message>
        <source>Add a Shuttle trip file (.json) to the store and show it</source>
        <translation>Ajouter un fichier de voyage Shuttle (.json) et l’afficher</translation>
    </message>
    <message>
        <source>&amp;Import .ics…</source>
        <translation>&amp;Importer un .ics…</translation>
    </message>
    <message>
        <source>Add the events of a calendar file to a trip</source>
        <translation>Ajouter à un voyage les événements d’un fichier d’agenda</translation>
    </message>
    <message>
        <source>&amp;Export .ics…</source>
        <translation>&amp;Exporter en .ics…</translation>
    </message>
    <message>
        <source>Write the trip, or the selected meetings, as .ics</source>
        <translation>Enregistrer le voyage, ou les rendez-vous choisis, en .ics</translation>
    </message>
    <message>
        <source>Send In&amp;vites…</source>
        <translation>Envoyer les in&amp;vitations…</translation>
    </message>
    <message>
        <source>Write one invite (.ics) per meeting to a folder</source>
        <translation>Écrire une invitation (.ics) par rendez-vous dans un dossier</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Print the itinerary, with a preview first</source>
        <translation>Imprimer l’itinéraire, après un aperçu</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exporter en P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the printable itinerary as a PDF</source>
        <translation>Enregistrer l’itinéraire imprimable en PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Find meetings in every trip by title, person, place or topic</source>
        <translation>Rechercher des rendez-vous dans tous les voyages par titre, personne, lieu ou sujet</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Times In</source>
        <translation>&amp;Heures en</translation>
    </message>
    <message>
        <source>&amp;Whole Trip</source>
        <translation>&amp;Tout le voyage</translation>
    </message>
    <message>
        <source>&amp;Fit Map to Trip</source>
        <translation>&amp;Ajuster la carte au voyage</translation>
    </message>
    <message>
        <source>Online Map &amp;Tiles</source>
        <translation>&amp;Tuiles de carte en ligne</translation>
    </message>
    <message>
        <source>Show OpenStreetMap tiles when the network is there</source>
        <translation>Afficher les tuiles OpenStreetMap quand le réseau est disponible</translation>
    </message>
    <message>
        <source>Go to &amp;Calendar</source>
        <translation>Aller au &amp;calendrier</translation>
    </message>
    <message>
        <source>Go to &amp;Agenda</source>
        <translation>Aller à l’&amp;agenda</translation>
    </message>
    <message>
        <source>Go to &amp;Details</source>
        <translation>Aller aux &amp;détails</translation>
    </message>
    <message>
        <source>Go to &amp;Map</source>
        <translation>Aller à la &amp;carte</translation>
    </message>
    <message>
        <source>T&amp;rip</source>
        <translation>&amp;Voyage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Shuttle</source>
        <translation>À &amp;propos de Shuttle</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Voyage</translation>
    </message>
    <message>
        <source> Trip: </source>
        <translation> Voyage : </translation>
    </message>
    <message>
        <source> Times: </source>
        <translation> Heures : </translation>
    </message>
    <message>
        <source>Show times in</source>
        <translation>Afficher les heures en</translation>
    </message>
    <message>
        <source>No meetings yet: {path} ({keys}) adds one.</source>
        <translation>Aucun rendez-vous pour l’instant : {path} ({keys}) en ajoute un.</translation>
    </message>
    <message>
        <source>Map ready</source>
        <translation>Carte prête</translation>
    </message>
    <message>
        <source>Online tiles could not be loaded; the offline basemap is shown.</source>
        <translation>Les tuiles en ligne n’ont pas pu être chargées ; le fond de carte hors ligne est affiché.</translation>
    </message>
    <message>
        <source>Times: {mode}</source>
        <translation>Heures : {mode}</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n rendez-vous</numerusform>
            <numerusform>%n rendez-vous</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n lieu</numerusform>
            <numerusform>%n lieux</numerusform>
        </translation>
    </message>
    <message>
        <source>legs being measured… · times: {mode}</source>
        <translation>trajets en cours de mesure… · heures : {mode}</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s)</source>
        <translation>
            <numerusform>%n trajet</numerusform>
            <numerusform>%n trajets</numerusform>
        </translation>
    </message>
    <message>
        <source>{km} km · times: {mode}</source>
        <translation>{km} km · heures : {mode}</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n meeting(s) with warnings</source>
        <translation>
            <numerusform>⚠ %n rendez-vous avec avertissement</numerusform>
            <numerusform>⚠ %n rendez-vous avec avertissements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>The trip&apos;s places and route on a map</source>
        <translation>Les lieux et l’itinéraire du voyage sur une carte</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>A trip place, a city, or a venue and its city: Le Royal Hotel, Amman</source>
        <translation>Un lieu du voyage, une ville, ou un lieu et sa ville : Le Royal Hotel, Amman</translation>
    </message>
    <message>
        <source>Place found</source>
        <translation>Lieu trouvé</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>Look up &amp;Online</source>
        <translation>Chercher en &amp;ligne</translation>
    </message>
    <message>
        <source>Ask OpenStreetMap&apos;s Nominatim (needs the network)</source>
        <translation>Interroger Nominatim d’OpenStreetMap (nécessite le réseau)</translation>
    </message>
    <message>
        <source>Cancel Lookup</source>
        <translation>Annuler la recherche</translation>
    </message>
    <message>
        <source>Stop waiting for the online lookup</source>
        <translation>Ne plus attendre la recherche en ligne</translation>
    </message>
    <message>
        <source>Pick on &amp;Map</source>
        <translation>Choisir sur la &amp;carte</translation>
    </message>
    <message>
        <source>Click the map to place the meeting there</source>
        <translation>Cliquez sur la carte pour y placer le rendez-vous</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>The venue&apos;s time zone, filled in from the place; or type a city or zone</source>
        <translation>Le fuseau horaire du lieu, rempli d’après le lieu ; ou saisissez une ville ou un fuseau</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Fuseau horaire :</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>E&amp;xact time</source>
        <translation>Heure e&amp;xacte</translation>
    </message>
    <message>
        <source>Time to be &amp;confirmed</source>
        <translation>Heure à &amp;confirmer</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Heure :</translation>
    </message>
    <message>
        <source>Local time at the venue</source>
        <translation>Heure locale du lieu</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Heure de fin</translation>
    </message>
    <message>
        <source>Moves with the start, keeping the meeting&apos;s length</source>
        <translation>Suit le début en gardant la durée du rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Début :</translation>
    </message>
    <message>
        <source>ends the &amp;next day</source>
        <translation>finit le &amp;lendemain</translation>
    </message>
    <message>
        <source>Ends the next day</source>
        <translation>Finit le lendemain</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Fin :</translation>
    </message>
    <message>
        <source>What is known</source>
        <translation>Ce que l’on sait</translation>
    </message>
    <message>
        <source>Part of day</source>
        <translation>Moment de la journée</translation>
    </message>
    <message>
        <source>Expected duration in hours</source>
        <translation>Durée prévue en heures</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Part of &amp;day:</source>
        <translation>&amp;Moment de la journée :</translation>
    </message>
    <message>
        <source>Expected &amp;length:</source>
        <translation>Durée &amp;prévue :</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atut :</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>&amp;Add Participant</source>
        <translation>&amp;Ajouter un participant</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
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
        <source>T&amp;opic:</source>
        <translation>S&amp;ujet :</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Add &amp;Source</source>
        <translation>Ajouter une &amp;source</translation>
    </message>
    <message>
        <source>Remove Source</source>
        <translation>Retirer la source</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Sources :</translation>
    </message>
    <message>
        <source>No place given: the meeting stays without one unless you type one.</source>
        <translation>Aucun lieu indiqué : le rendez-vous reste sans lieu tant que vous n’en saisissez pas.</translation>
    </message>
    <message>
        <source>Type a venue or city to look up first.</source>
        <translation>Saisissez d’abord un lieu ou une ville à rechercher.</translation>
    </message>
</context>
<context>
    <name>NameDelegate</name>
    <message>
        <source>Participant name</source>
        <translation>Nom du participant</translation>
    </message>
</context>
<context>
    <name>PlaceEntry</name>
    <message>
        <source>No city found in “{text}”: add the city (e.g. “{text}, Geneva”), or use Look up Online or Pick on Map.</source>
        <translation>Aucune ville trouvée dans « {text} » : ajoutez la ville (par ex. « {text}, Genève »), ou utilisez Rechercher en ligne ou Choisir sur la carte.</translation>
    </message>
    <message>
        <source>{venue} — new venue in {city}</source>
        <translation>{venue} — nouveau lieu à {city}</translation>
    </message>
    <message>
        <source>{city} — new place at the city centre</source>
        <translation>{city} — nouveau lieu au centre-ville</translation>
    </message>
    <message>
        <source>{name} — new place in {city} ({lat:.4f}, {lon:.4f})</source>
        <translation>{name} — nouveau lieu à {city} ({lat:.4f}, {lon:.4f})</translation>
    </message>
    <message>
        <source>{name} — a place of this trip, in {city}</source>
        <translation>{name} — un lieu de ce voyage, à {city}</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>New &amp;Trip…</source>
        <translation>Nouveau &amp;voyage…</translation>
    </message>
    <message>
        <source>Trip &amp;Details…</source>
        <translation>&amp;Détails du voyage…</translation>
    </message>
    <message>
        <source>Name, traveller, home zone and dates of the trip</source>
        <translation>Nom, voyageur, fuseau de référence et dates du voyage</translation>
    </message>
    <message>
        <source>&amp;New Meeting…</source>
        <translation>&amp;Nouveau rendez-vous…</translation>
    </message>
    <message>
        <source>&amp;Edit Meeting…</source>
        <translation>&amp;Modifier le rendez-vous…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Meeting</source>
        <translation>D&amp;upliquer le rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Delete Meeting</source>
        <translation>&amp;Supprimer le rendez-vous</translation>
    </message>
    <message>
        <source>Travel to &amp;Here…</source>
        <translation>&amp;Trajet jusqu’ici…</translation>
    </message>
    <message>
        <source>Mode and times of the journey to the selected meeting</source>
        <translation>Moyen et horaires du trajet jusqu’au rendez-vous choisi</translation>
    </message>
    <message>
        <source>Travel &amp;Assumptions…</source>
        <translation>&amp;Hypothèses de déplacement…</translation>
    </message>
    <message>
        <source>Click the map where the meeting is held.</source>
        <translation>Cliquez sur la carte à l’endroit du rendez-vous.</translation>
    </message>
    <message>
        <source>No travel leads to this meeting.</source>
        <translation>Aucun trajet ne mène à ce rendez-vous.</translation>
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
    <name>SearchDialog</name>
    <message>
        <source>Find Meetings</source>
        <translation>Rechercher des rendez-vous</translation>
    </message>
    <message>
        <source>Title, person, place or topic</source>
        <translation>Titre, personne, lieu ou sujet</translation>
    </message>
    <message>
        <source>Find meetings in every trip</source>
        <translation>Rechercher des rendez-vous dans tous les voyages</translation>
    </message>
    <message>
        <source>Meetings found</source>
        <translation>Rendez-vous trouvés</translation>
    </message>
    <message>
        <source>Type words to find meetings in every trip.</source>
        <translation>Saisissez des mots pour trouver des rendez-vous dans tous les voyages.</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) found</source>
        <translation>
            <numerusform>%n rendez-vous trouvé</numerusform>
            <numerusform>%n rendez-vous trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>No meeting matches.</source>
        <translation>Aucun rendez-vous ne correspond.</translation>
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
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Meeting cancelled</source>
        <translation>Rendez-vous annulé</translation>
    </message>
    <message>
        <source>Meeting tentative</source>
        <translation>Rendez-vous provisoire</translation>
    </message>
    <message>
        <source>Meeting confirmed</source>
        <translation>Rendez-vous confirmé</translation>
    </message>
    <message>
        <source>time not yet fixed</source>
        <translation>heure pas encore fixée</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>&amp;Share on Calendar Server…</source>
        <translation>&amp;Partager sur un serveur d’agenda…</translation>
    </message>
    <message>
        <source>Keep the trip in a calendar on a CalDAV server</source>
        <translation>Garder le voyage dans un agenda sur un serveur CalDAV</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <source>Send changes to the calendar server and fetch its own</source>
        <translation>Envoyer les modifications au serveur d’agenda et récupérer les siennes</translation>
    </message>
    <message>
        <source>Resolve Sync &amp;Conflicts…</source>
        <translation>Résoudre les &amp;conflits de synchronisation…</translation>
    </message>
    <message>
        <source>Calendar sync</source>
        <translation>Synchronisation de l’agenda</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the sync; nothing changes here</source>
        <translation>Arrêter la synchronisation ; rien ne change ici</translation>
    </message>
    <message>
        <source>Calendar: not shared</source>
        <translation>Agenda : non partagé</translation>
    </message>
    <message>
        <source>Calendar: {count} in conflict</source>
        <translation>Agenda : {count} en conflit</translation>
    </message>
    <message>
        <source>Calendar: synced {time}</source>
        <translation>Agenda : synchronisé à {time}</translation>
    </message>
    <message>
        <source>Calendar: not synced yet</source>
        <translation>Agenda : pas encore synchronisé</translation>
    </message>
    <message>
        <source>Trip → Share on Calendar Server… to share this trip</source>
        <translation>Voyage → Partager sur un serveur d’agenda… pour partager ce voyage</translation>
    </message>
    <message>
        <source>Share on Calendar Server</source>
        <translation>Partager sur un serveur d’agenda</translation>
    </message>
    <message>
        <source>Calendar: {reason}</source>
        <translation>Agenda : {reason}</translation>
    </message>
    <message>
        <source>Calendar Server Password</source>
        <translation>Mot de passe du serveur d’agenda</translation>
    </message>
    <message>
        <source>Password for {user} at {url}:</source>
        <translation>Mot de passe de {user} sur {url} :</translation>
    </message>
    <message>
        <source>Calendar: syncing…</source>
        <translation>Agenda : synchronisation…</translation>
    </message>
    <message>
        <source>Calendar: sync failed</source>
        <translation>Agenda : échec de la synchronisation</translation>
    </message>
    <message>
        <source>the server&apos;s changes could not be applied here</source>
        <translation>les modifications du serveur n’ont pas pu être appliquées ici</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) changed here and on the server: Trip → Resolve Sync Conflicts…</source>
        <translation>
            <numerusform>%n rendez-vous modifié ici et sur le serveur : Voyage → Résoudre les conflits de synchronisation…</numerusform>
            <numerusform>%n rendez-vous modifiés ici et sur le serveur : Voyage → Résoudre les conflits de synchronisation…</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar: sync cancelled</source>
        <translation>Agenda : synchronisation annulée</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>Échec de la synchronisation : {reason}</translation>
    </message>
    <message>
        <source>Sync Conflict</source>
        <translation>Conflit de synchronisation</translation>
    </message>
</context>
<context>
    <name>Travel</name>
    <message>
        <source>{city}: {origin} → {destination}, in town</source>
        <translation>{city} : {origin} → {destination}, dans la ville</translation>
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
    <message>
        <source>Time zone: {zone}</source>
        <translation>Fuseau horaire : {zone}</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>Shuttle User Guide</source>
        <translation>Guide de l’utilisateur de Shuttle</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
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
    <name>Workspace</name>
    <message>
        <source>Cannot open trip</source>
        <translation>Impossible d’ouvrir le voyage</translation>
    </message>
    <message>
        <source>Opening “{name}”…</source>
        <translation>Ouverture de «&#xa0;{name}&#xa0;»…</translation>
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
<context>
    <name>ZoneField</name>
    <message>
        <source>A city or a zone, e.g. New York or Europe/Paris</source>
        <translation>Une ville ou un fuseau, par ex. New York ou Europe/Paris</translation>
    </message>
</context>
</TS>
