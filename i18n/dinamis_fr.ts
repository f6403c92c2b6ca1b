<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>DataTerraError</name>
    <message>
        <source>The CRS &apos;{crs}&apos; of the area of interest is not known: give an EPSG code such as EPSG:2154 (Lambert-93) or EPSG:4326.</source>
        <translation>Le SCR '{crs}' de la zone d'intérêt est inconnu : donnez un code EPSG comme EPSG:2154 (Lambert-93) ou EPSG:4326.</translation>
    </message>
    <message>
        <source>The area of interest is not a readable WKT geometry: draw it again or take it from a polygon layer.</source>
        <translation>La zone d'intérêt n'est pas une géométrie WKT lisible : dessinez-la à nouveau ou prenez-la dans une couche de polygones.</translation>
    </message>
    <message>
        <source>The area of interest is not a readable WKT geometry.</source>
        <translation>La zone d'intérêt n'est pas une géométrie WKT lisible.</translation>
    </message>
    <message>
        <source>The ordering server answered HTTP {http_status} with a body that is not JSON: check the server URL in the DINAMIS settings.</source>
        <translation>Le serveur de commande a répondu HTTP {http_status} avec un contenu qui n'est pas du JSON : vérifiez l'URL du serveur dans les paramètres DINAMIS.</translation>
    </message>
    <message>
        <source>Check the authentication configuration chosen in the DINAMIS settings.</source>
        <translation>Vérifiez la configuration d'authentification choisie dans les paramètres DINAMIS.</translation>
    </message>
    <message>
        <source>Correct the request and try again.</source>
        <translation>Corrigez la demande et réessayez.</translation>
    </message>
    <message>
        <source>The ordering server refused the request (HTTP {http_status}): {server_message} {hint}</source>
        <translation>Le serveur de commande a refusé la demande (HTTP {http_status}) : {server_message} {hint}</translation>
    </message>
    <message>
        <source>{deliverable} arrived damaged (size or SHA-256 differs); the partial file was removed: download it again.</source>
        <translation>{deliverable} est arrivé endommagé (taille ou SHA-256 différents) ; le fichier partiel a été supprimé : téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>Downloading {deliverable} failed with HTTP {http_status}.</source>
        <translation>Le téléchargement de {deliverable} a échoué avec HTTP {http_status}.</translation>
    </message>
    <message>
        <source>The DINAMIS order book {path} is damaged (not a GeoPackage). It was left untouched: restore it from a backup, or move it away to start a new one.</source>
        <translation>Le carnet de commandes DINAMIS {path} est endommagé (ce n'est pas un GeoPackage). Il n'a pas été modifié : restaurez-le depuis une sauvegarde, ou déplacez-le pour en commencer un nouveau.</translation>
    </message>
    <message>
        <source>The DINAMIS order book {path} is damaged ({check}). It was left untouched: restore it from a backup, or move it away.</source>
        <translation>Le carnet de commandes DINAMIS {path} est endommagé ({check}). Il n'a pas été modifié : restaurez-le depuis une sauvegarde, ou déplacez-le.</translation>
    </message>
    <message>
        <source>{path} is a GeoPackage but not a DINAMIS order book (no &apos;{layer}&apos; table); it was left untouched.</source>
        <translation>{path} est un GeoPackage mais pas un carnet de commandes DINAMIS (pas de table '{layer}') ; il n'a pas été modifié.</translation>
    </message>
    <message>
        <source>The DINAMIS order book {path} is locked by another program (another QGIS?). Close it there and try again.</source>
        <translation>Le carnet de commandes DINAMIS {path} est verrouillé par un autre programme (un autre QGIS ?). Fermez-le là-bas et réessayez.</translation>
    </message>
    <message>
        <source>The DINAMIS order book {path} cannot be read ({exc}); it was left untouched.</source>
        <translation>Le carnet de commandes DINAMIS {path} ne peut pas être lu ({exc}) ; il n'a pas été modifié.</translation>
    </message>
    <message>
        <source>The DINAMIS order book {path} is damaged ({exc}). It was left untouched: restore it from a backup, or move it away.</source>
        <translation>Le carnet de commandes DINAMIS {path} est endommagé ({exc}). Il n'a pas été modifié : restaurez-le depuis une sauvegarde, ou déplacez-le.</translation>
    </message>
    <message>
        <source>The DINAMIS order book {path} cannot be opened ({exc}).</source>
        <translation>Le carnet de commandes DINAMIS {path} ne peut pas être ouvert ({exc}).</translation>
    </message>
    <message>
        <source>Order {fid} is not in the order book {path}.</source>
        <translation>La commande {fid} n'est pas dans le carnet de commandes {path}.</translation>
    </message>
    <message>
        <source>The DINAMIS order book {path} is locked by another program; close it there and try again.</source>
        <translation>Le carnet de commandes DINAMIS {path} est verrouillé par un autre programme ; fermez-le là-bas et réessayez.</translation>
    </message>
    <message>
        <source>The server reported an unknown status &apos;{http_status}&apos;.</source>
        <translation>Le serveur a indiqué un statut inconnu '{http_status}'.</translation>
    </message>
    <message>
        <source> and may already have reached the ordering server</source>
        <translation> et a peut-être déjà atteint le serveur de commande</translation>
    </message>
    <message>
        <source>Order {local_id} is {order_status}{sent}: only a draft never sent can go through the web request page. Refresh the order book first, or prepare a new request.</source>
        <translation>La commande {local_id} est à l'état {order_status}{sent} : seul un brouillon jamais envoyé peut passer par la page web de demande. Actualisez d'abord le carnet de commandes, ou préparez une nouvelle demande.</translation>
    </message>
    <message>
        <source>Order {local_id} is not in the order book {path}.</source>
        <translation>La commande {local_id} n'est pas dans le carnet de commandes {path}.</translation>
    </message>
    <message>
        <source>This profile may not request this product: {reasons}</source>
        <translation>Ce profil ne peut pas demander ce produit : {reasons}</translation>
    </message>
    <message>
        <source>The folder {folder} is not empty: choose a new folder for the request package.</source>
        <translation>Le dossier {folder} n'est pas vide : choisissez un nouveau dossier pour le paquet de demande.</translation>
    </message>
    <message>
        <source>The DINAMIS rules file {path} is missing: reinstall the plugin.</source>
        <translation>Le fichier de règles DINAMIS {path} est absent : réinstallez l'extension.</translation>
    </message>
    <message>
        <source>The DINAMIS rules file {path} is not valid JSON (line {lineno}): fix it or restore the file shipped with the plugin.</source>
        <translation>Le fichier de règles DINAMIS {path} n'est pas du JSON valide (ligne {lineno}) : corrigez-le ou restaurez le fichier fourni avec l'extension.</translation>
    </message>
    <message>
        <source>The DINAMIS rules file {path} has no &apos;{key}&apos; section.</source>
        <translation>Le fichier de règles DINAMIS {path} n'a pas de section '{key}'.</translation>
    </message>
    <message>
        <source>Product &apos;{product_id}&apos; names an unknown coverage &apos;{coverage}&apos; in {path}.</source>
        <translation>Le produit '{product_id}' nomme une couverture inconnue '{coverage}' dans {path}.</translation>
    </message>
    <message>
        <source>Unknown DINAMIS user type &apos;{user_type}&apos;; choose one of: {known}.</source>
        <translation>Type d'utilisateur DINAMIS inconnu '{user_type}' ; choisissez l'un de : {known}.</translation>
    </message>
    <message>
        <source>Unknown DINAMIS product &apos;{product_id}&apos;; known products: {rules}.</source>
        <translation>Produit DINAMIS inconnu '{product_id}' ; produits connus : {rules}.</translation>
    </message>
    <message>
        <source>A DINAMIS search source lacks id, label, protocol, endpoint or product_id: {entry!r}</source>
        <translation>Une source de recherche DINAMIS n'a pas d'id, de libellé, de protocole, d'adresse ou de product_id : {entry!r}</translation>
    </message>
    <message>
        <source>DINAMIS search source &apos;{id}&apos;: unknown protocol &apos;{protocol}&apos; (use one of {protocols}).</source>
        <translation>Source de recherche DINAMIS '{id}' : protocole inconnu '{protocol}' (utilisez l'un de {protocols}).</translation>
    </message>
    <message>
        <source>DINAMIS search source &apos;{id}&apos; names an unknown product &apos;{product_id}&apos;.</source>
        <translation>La source de recherche DINAMIS '{id}' nomme un produit inconnu '{product_id}'.</translation>
    </message>
    <message>
        <source>DINAMIS search source &apos;{id}&apos; names an unknown coverage &apos;{coverage}&apos;.</source>
        <translation>La source de recherche DINAMIS '{id}' nomme une couverture inconnue '{coverage}'.</translation>
    </message>
    <message>
        <source>The search needs an area: use the map extent or an area of interest.</source>
        <translation>La recherche demande une zone : utilisez l'emprise de la carte ou une zone d'intérêt.</translation>
    </message>
    <message>
        <source>The search area {bbox} is not a longitude/latitude box: give it in WGS 84 degrees (west &lt; east, south &lt; north).</source>
        <translation>La zone de recherche {bbox} n'est pas un rectangle longitude/latitude : donnez-la en degrés WGS 84 (ouest &lt; est, sud &lt; nord).</translation>
    </message>
    <message>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>La date de fin {end} est antérieure à la date de début {start}.</translation>
    </message>
    <message>
        <source>Order {local_id} was handed to the DINAMIS web request page (its request package is written): it is not sent again through the ordering server.</source>
        <translation>La commande {local_id} a été confiée à la page web de demande DINAMIS (son paquet de demande est écrit) : elle n'est pas renvoyée par le serveur de commande.</translation>
    </message>
    <message>
        <source>{exc} The server may have received the order: it will be checked at the next refresh, with the same key, so it is never ordered twice.</source>
        <translation>{exc} Le serveur a peut-être reçu la commande : elle sera vérifiée à la prochaine actualisation, avec la même clé, pour ne jamais être commandée deux fois.</translation>
    </message>
    <message>
        <source>Order {local_id} is {order_status}, not delivered yet: refresh later.</source>
        <translation>La commande {local_id} est à l'état {order_status}, pas encore livrée : actualisez plus tard.</translation>
    </message>
    <message>
        <source>The area of interest is not valid: {issues}</source>
        <translation>La zone d'intérêt n'est pas valide : {issues}</translation>
    </message>
    <message>
        <source>Your organisation must first subscribe to DINAMIS: {subscription}.</source>
        <translation>Votre organisme doit d'abord adhérer à DINAMIS : {subscription}.</translation>
    </message>
    <message>
        <source>&apos;{user_type}&apos; users need {requirement}; declare it in your profile.</source>
        <translation>Les utilisateurs « {user_type} » ont besoin de : {requirement} ; déclarez-le dans votre profil.</translation>
    </message>
    <message>
        <source>{source} only covers {coverage}; the search area is outside it: move the map or the area of interest there.</source>
        <translation>{source} ne couvre que {coverage} ; la zone de recherche est en dehors : déplacez-y la carte ou la zone d'intérêt.</translation>
    </message>
    <message>
        <source>French institutional user: research</source>
        <translation>Utilisateur institutionnel français : recherche</translation>
    </message>
    <message>
        <source>French institutional user: teaching</source>
        <translation>Utilisateur institutionnel français : enseignement</translation>
    </message>
    <message>
        <source>French institutional user: public actor (State, local authority, public-service body)</source>
        <translation>Utilisateur institutionnel français : acteur public (État, collectivité territoriale, organisme de service public)</translation>
    </message>
    <message>
        <source>Foreign institutional scientist</source>
        <translation>Scientifique institutionnel étranger</translation>
    </message>
    <message>
        <source>French private entity: research and development</source>
        <translation>Entité privée française : recherche et développement</translation>
    </message>
    <message>
        <source>French private entity: contractor of a public actor</source>
        <translation>Entité privée française : prestataire d'un acteur public</translation>
    </message>
    <message>
        <source>a cooperation or collaborative project with a French institutional user (name the partner laboratory)</source>
        <translation>une coopération ou un projet collaboratif avec un utilisateur institutionnel français (nommez le laboratoire partenaire)</translation>
    </message>
    <message>
        <source>prior agreement of Airbus Defence and Space for R&amp;D use</source>
        <translation>l'accord préalable d'Airbus Defence and Space pour un usage de R&amp;D</translation>
    </message>
    <message>
        <source>a public contract with a French public actor (give its reference)</source>
        <translation>un marché public avec un acteur public français (donnez sa référence)</translation>
    </message>
    <message>
        <source>your organisation&apos;s DINAMIS subscription signed by its legal representative</source>
        <translation>l'adhésion de votre organisme à DINAMIS, signée par son représentant légal</translation>
    </message>
    <message>
        <source>whole world</source>
        <translation>monde entier</translation>
    </message>
    <message>
        <source>metropolitan France and Corsica</source>
        <translation>France métropolitaine et Corse</translation>
    </message>
    <message>
        <source>sandy coasts of metropolitan France (10 km strip, simplified)</source>
        <translation>côtes sableuses de France métropolitaine (bande de 10 km, simplifiée)</translation>
    </message>
    <message>
        <source>French overseas territories (outlines)</source>
        <translation>territoires français d'outre-mer (contours)</translation>
    </message>
    <message>
        <source>Already acquired images of the DINAMIS catalogue (download)</source>
        <translation>Images déjà acquises du catalogue DINAMIS (téléchargement)</translation>
    </message>
    <message>
        <source>Pléiades archive extraction from the commercial catalogue</source>
        <translation>Extraction d'archives Pléiades du catalogue commercial</translation>
    </message>
    <message>
        <source>Pléiades new acquisition (tasking)</source>
        <translation>Nouvelle acquisition Pléiades (programmation)</translation>
    </message>
    <message>
        <source>SPOT 6-7 archive extraction</source>
        <translation>Extraction d'archives SPOT 6-7</translation>
    </message>
    <message>
        <source>SPOT 6-7 new acquisition (tasking)</source>
        <translation>Nouvelle acquisition SPOT 6-7 (programmation)</translation>
    </message>
    <message>
        <source>Yearly SPOT 6-7 coverage of metropolitan France</source>
        <translation>Couverture annuelle SPOT 6-7 de la France métropolitaine</translation>
    </message>
    <message>
        <source>Open SPOT 6-7 archive (OpenSPOT, Etalab open licence)</source>
        <translation>Archive SPOT 6-7 ouverte (OpenSPOT, licence ouverte Etalab)</translation>
    </message>
    <message>
        <source>Pléiades coverage of the sandy coasts</source>
        <translation>Couverture Pléiades des côtes sableuses</translation>
    </message>
    <message>
        <source>Pléiades coverage of the overseas territories</source>
        <translation>Couverture Pléiades des territoires d'outre-mer</translation>
    </message>
    <message>
        <source>Relay: SPOT World Heritage (SPOT 1-5 archive, CNES)</source>
        <translation>Relais : SPOT World Heritage (archive SPOT 1-5, CNES)</translation>
    </message>
    <message>
        <source>Relay: PEPS Sentinel-2 (CNES)</source>
        <translation>Relais : PEPS Sentinel-2 (CNES)</translation>
    </message>
    <message>
        <source>Relay: Geosud archive</source>
        <translation>Relais : archive Geosud</translation>
    </message>
    <message>
        <source>Relay: Kalideos (CNES reference sites)</source>
        <translation>Relais : Kalideos (sites de référence du CNES)</translation>
    </message>
    <message>
        <source>DINAMIS SPOT 6-7 ortho images (STAC, Maison de la Télédétection)</source>
        <translation>Images ortho SPOT 6-7 DINAMIS (STAC, Maison de la Télédétection)</translation>
    </message>
    <message>
        <source>Open SPOT 6-7 archive (OpenSPOT)</source>
        <translation>Archive SPOT 6-7 ouverte (OpenSPOT)</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>soumise</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>in_production</source>
        <translation>en production</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>livrée</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>French institutional users</source>
        <translation>utilisateurs institutionnels français</translation>
    </message>
    <message>
        <source>foreign institutional scientists</source>
        <translation>scientifiques institutionnels étrangers</translation>
    </message>
    <message>
        <source>French private entities</source>
        <translation>entités privées françaises</translation>
    </message>
    <message>
        <source>The DINAMIS ordering server</source>
        <translation>Le serveur de commande DINAMIS</translation>
    </message>
    <message>
        <source>The ordering server answered {found} where an order was expected: check the server URL in the DINAMIS settings.</source>
        <translation>Le serveur de commandes a répondu {found} là où une commande était attendue : vérifiez l'URL du serveur dans les réglages DINAMIS.</translation>
    </message>
    <message>
        <source>The ordering server answered an order without a usable &apos;id&apos; (found {found}).</source>
        <translation>Le serveur de commandes a répondu une commande sans 'id' utilisable (trouvé : {found}).</translation>
    </message>
    <message>
        <source>The ordering server answered order {order_id} without a usable &apos;status&apos; (found {found}).</source>
        <translation>Le serveur de commandes a répondu la commande {order_id} sans 'status' utilisable (trouvé : {found}).</translation>
    </message>
    <message>
        <source>The ordering server answered order {order_id} with &apos;deliverables&apos; that are {found}, not a list.</source>
        <translation>Le serveur de commandes a répondu la commande {order_id} avec des 'deliverables' qui sont {found}, pas une liste.</translation>
    </message>
    <message>
        <source>Deliverable {number} of order {order_id} has no usable &apos;{key}&apos; (found {found}): the order cannot be downloaded. Contact DINAMIS.</source>
        <translation>Le livrable {number} de la commande {order_id} n'a pas de '{key}' utilisable (trouvé : {found}) : la commande ne peut pas être téléchargée. Contactez DINAMIS.</translation>
    </message>
    <message>
        <source>Not open to &apos;{user_type}&apos; users (open to: {groups}).</source>
        <translation>Non ouvert aux utilisateurs « {user_type} » (ouvert à : {groups}).</translation>
    </message>
    <message>
        <source>Open to &apos;{user_type}&apos; users (open access, no DINAMIS membership needed).</source>
        <translation>Ouvert aux utilisateurs « {user_type} » (accès libre, sans adhésion à DINAMIS).</translation>
    </message>
    <message>
        <source>Open to &apos;{user_type}&apos; users.</source>
        <translation>Ouvert aux utilisateurs « {user_type} ».</translation>
    </message>
</context>
<context>
    <name>Dinamis</name>
    <message>
        <source>DINAMIS profile</source>
        <translation>Profil DINAMIS</translation>
    </message>
    <message>
        <source>My organisation has subscribed to DINAMIS</source>
        <translation>Mon organisme a adhéré à DINAMIS</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Type d'utilisateur</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>Courriel de contact</translation>
    </message>
    <message>
        <source>French partner (foreign scientists)</source>
        <translation>Partenaire français (scientifiques étrangers)</translation>
    </message>
    <message>
        <source>Airbus R&amp;D agreement (private R&amp;D)</source>
        <translation>Accord R&amp;D d'Airbus (R&amp;D privée)</translation>
    </message>
    <message>
        <source>Public contract reference (contractors)</source>
        <translation>Référence du marché public (prestataires)</translation>
    </message>
    <message>
        <source>Ordering server URL (optional)</source>
        <translation>URL du serveur de commande (facultatif)</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>What you may obtain, and why:</source>
        <translation>Ce que vous pouvez obtenir, et pourquoi :</translation>
    </message>
    <message>
        <source>Give the name of your institution.</source>
        <translation>Indiquez le nom de votre organisme.</translation>
    </message>
    <message>
        <source>DINAMIS orders</source>
        <translation>Commandes DINAMIS</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Profile…</source>
        <translation>Profil…</translation>
    </message>
    <message>
        <source>AOI from selection</source>
        <translation>Zone depuis la sélection</translation>
    </message>
    <message>
        <source>Draw AOI</source>
        <translation>Dessiner la zone</translation>
    </message>
    <message>
        <source>State your profile, then take or draw an area of interest.</source>
        <translation>Indiquez votre profil, puis prenez ou dessinez une zone d'intérêt.</translation>
    </message>
    <message>
        <source>Check and estimate</source>
        <translation>Vérifier et estimer</translation>
    </message>
    <message>
        <source>Submit order</source>
        <translation>Envoyer la commande</translation>
    </message>
    <message>
        <source>Request package…</source>
        <translation>Dossier de demande…</translation>
    </message>
    <message>
        <source>Open DINAMIS request page</source>
        <translation>Page de demande DINAMIS</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>Surface (km²)</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Server id</source>
        <translation>N° serveur</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Download and load</source>
        <translation>Télécharger et charger</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <source>Show footprints</source>
        <translation>Afficher les emprises</translation>
    </message>
    <message>
        <source>DINAMIS order footprints</source>
        <translation>Emprises des commandes DINAMIS</translation>
    </message>
    <message>
        <source>The area of interest is empty: draw a polygon or select a feature.</source>
        <translation>La zone d'intérêt est vide : dessinez un polygone ou sélectionnez une entité.</translation>
    </message>
    <message>
        <source>Select a polygon layer and one of its features first.</source>
        <translation>Sélectionnez d'abord une couche de polygones et l'une de ses entités.</translation>
    </message>
    <message>
        <source>Click the vertices of the area; right-click to finish.</source>
        <translation>Cliquez les sommets de la zone ; clic droit pour terminer.</translation>
    </message>
    <message>
        <source>State your DINAMIS profile first (Profile…).</source>
        <translation>Indiquez d'abord votre profil DINAMIS (Profil…).</translation>
    </message>
    <message>
        <source>Not available to your profile. {0}</source>
        <translation>Non disponible pour votre profil. {0}</translation>
    </message>
    <message>
        <source>Take or draw an area of interest first.</source>
        <translation>Prenez ou dessinez d'abord une zone d'intérêt.</translation>
    </message>
    <message>
        <source>Area {0:.2f} km² (WGS 84 ellipsoid), {1} vertices; estimated quota {2:.2f} {3}.</source>
        <translation>Surface {0:.2f} km² (ellipsoïde WGS 84), {1} sommets ; quota estimé {2:.2f} {3}.</translation>
    </message>
    <message>
        <source>Submitting DINAMIS order</source>
        <translation>Envoi de la commande DINAMIS</translation>
    </message>
    <message>
        <source>Refreshing DINAMIS orders</source>
        <translation>Actualisation des commandes DINAMIS</translation>
    </message>
    <message>
        <source>Select a delivered order in the table.</source>
        <translation>Sélectionnez une commande livrée dans le tableau.</translation>
    </message>
    <message>
        <source>Downloading DINAMIS products</source>
        <translation>Téléchargement des produits DINAMIS</translation>
    </message>
    <message>
        <source>Cancelling DINAMIS order</source>
        <translation>Annulation de la commande DINAMIS</translation>
    </message>
    <message>
        <source>New folder for the request package</source>
        <translation>Nouveau dossier pour la demande</translation>
    </message>
    <message>
        <source>Request package written to {0}: attach its files to the DINAMIS request form.</source>
        <translation>Dossier de demande écrit dans {0} : joignez ses fichiers au formulaire de demande DINAMIS.</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>Erreur inattendue : {0}</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Request package for the selected draft…</source>
        <translation>Dossier du brouillon…</translation>
    </message>
    <message>
        <source>Request and orders</source>
        <translation>Demande et commandes</translation>
    </message>
    <message>
        <source>Search images</source>
        <translation>Rechercher des images</translation>
    </message>
    <message>
        <source>Draft {0} saved in the order book.</source>
        <translation>Brouillon {0} enregistré dans le carnet de commandes.</translation>
    </message>
    <message>
        <source>Select a draft in the order book table.</source>
        <translation>Sélectionnez un brouillon dans le tableau du carnet de commandes.</translation>
    </message>
    <message>
        <source>Order {0} is {1} or may already have reached the ordering server: only a draft never sent can go through the web request page.</source>
        <translation>La commande {0} est à l'état {1} ou a peut-être déjà atteint le serveur de commande : seul un brouillon jamais envoyé peut passer par la page de demande web.</translation>
    </message>
    <message>
        <source>Order {0} already went to the web request path ({1}): use that package, so that the request is not sent twice.</source>
        <translation>La commande {0} est déjà passée par la demande web ({1}) : utilisez ce dossier, pour que la demande ne soit pas envoyée deux fois.</translation>
    </message>
    <message>
        <source>Request package of order {0} written to {1}; attach its files to the DINAMIS request form opened in your browser.</source>
        <translation>Dossier de demande de la commande {0} écrit dans {1} ; joignez ses fichiers au formulaire de demande DINAMIS ouvert dans votre navigateur.</translation>
    </message>
    <message>
        <source>No ordering server is configured: set its URL in the profile, or use 'Request package…' and the DINAMIS request page.</source>
        <translation>Aucun serveur de commande n'est configuré : indiquez son URL dans le profil, ou utilisez « Dossier de demande… » et la page de demande DINAMIS.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>En production</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Ordering server</source>
        <translation>Serveur de commande</translation>
    </message>
    <message>
        <source>Web request page</source>
        <translation>Page de demande web</translation>
    </message>
    <message>
        <source>Sending order {0} to DINAMIS…</source>
        <translation>Envoi de la commande {0} à DINAMIS…</translation>
    </message>
    <message>
        <source>Order {0} submitted to DINAMIS (server id {1}). Its status is refreshed every five minutes, or with Refresh.</source>
        <translation>Commande {0} soumise à DINAMIS (identifiant serveur {1}). Son état est actualisé toutes les cinq minutes, ou avec Actualiser.</translation>
    </message>
    <message>
        <source>Downloading the images of order {0}…</source>
        <translation>Téléchargement des images de la commande {0}…</translation>
    </message>
    <message>
        <source>Order {0} downloaded to {1}; images added to the map: {2}.</source>
        <translation>Commande {0} téléchargée dans {1} ; images ajoutées à la carte : {2}.</translation>
    </message>
    <message>
        <source>Select the order to cancel in the table.</source>
        <translation>Sélectionnez dans le tableau la commande à annuler.</translation>
    </message>
    <message>
        <source>Cancel order {0}? DINAMIS stops preparing it; this cannot be undone.</source>
        <translation>Annuler la commande {0} ? DINAMIS cesse de la préparer ; c'est irréversible.</translation>
    </message>
    <message>
        <source>Order {0} cancelled.</source>
        <translation>Commande {0} annulée.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>No web browser could be opened: go to {0} yourself.</source>
        <translation>Aucun navigateur web n'a pu être ouvert : rendez-vous vous-même sur {0}.</translation>
    </message>
</context>
<context>
    <name>DinamisRequestBase</name>
    <message>
        <source>Area of interest (polygon layer; all or selected features)</source>
        <translation>Zone d'intérêt (couche de polygones ; toutes les entités ou la sélection)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Type d'utilisateur</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Conditions met (e.g. french_partner=UMR TETIS; public_contract=ref)</source>
        <translation>Conditions remplies (ex. french_partner=UMR TETIS; public_contract=réf)</translation>
    </message>
    <message>
        <source>Purpose of the request</source>
        <translation>Objet de la demande</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Repair the area of interest when possible</source>
        <translation>Réparer la zone d'intérêt si possible</translation>
    </message>
    <message>
        <source>New acquisitions: maximum cloud cover (%)</source>
        <translation>Nouvelles acquisitions : couverture nuageuse maximale (%)</translation>
    </message>
    <message>
        <source>New acquisitions: maximum incidence angle (degrees)</source>
        <translation>Nouvelles acquisitions : angle d'incidence maximal (degrés)</translation>
    </message>
    <message>
        <source>Area on the ellipsoid (km²)</source>
        <translation>Surface sur l'ellipsoïde (km²)</translation>
    </message>
    <message>
        <source>Estimated quota used</source>
        <translation>Quota consommé estimé</translation>
    </message>
    <message>
        <source>This profile may not request this product: {0}</source>
        <translation>Ce profil ne peut pas demander ce produit : {0}</translation>
    </message>
    <message>
        <source>The area of interest layer has no polygon: draw one or select a feature.</source>
        <translation>La couche de zone d'intérêt n'a aucun polygone : dessinez-en un ou sélectionnez une entité.</translation>
    </message>
    <message>
        <source>Repaired: {0}</source>
        <translation>Réparé : {0}</translation>
    </message>
    <message>
        <source>Area {0:.2f} km², estimated quota {1:.2f} {2}</source>
        <translation>Surface {0:.2f} km², quota estimé {1:.2f} {2}</translation>
    </message>
</context>
<context>
    <name>DinamisRequestPackage</name>
    <message>
        <source>DINAMIS request package</source>
        <translation>Dossier de demande DINAMIS</translation>
    </message>
    <message>
        <source>Checks a DINAMIS request (eligibility of the user type for the product; area of interest: valid, one part, area on the WGS 84 ellipsoid within the product&apos;s minimum and maximum, vertex count, inside the product&apos;s coverage) and writes the package to attach to the DINAMIS portal&apos;s request form: the area of interest as GeoPackage, KML and zipped shapefile (EPSG:4326), request.json and a readable French/English summary with the estimated quota. The rules come from resources/dinamis_rules.json. The output folder must be new or empty; nothing is left in it if a step fails.</source>
        <translation>Vérifie une demande DINAMIS (éligibilité du type d'utilisateur pour le produit ; zone d'intérêt : valide, d'un seul tenant, surface sur l'ellipsoïde WGS 84 entre le minimum et le maximum du produit, nombre de sommets, incluse dans la couverture du produit) et écrit le dossier à joindre au formulaire de demande du portail DINAMIS : la zone d'intérêt en GeoPackage, KML et shapefile zippé (EPSG:4326), request.json et un résumé lisible français/anglais avec le quota estimé. Les règles viennent de resources/dinamis_rules.json. Le dossier de sortie doit être nouveau ou vide ; rien n'y reste si une étape échoue.</translation>
    </message>
    <message>
        <source>Request package folder</source>
        <translation>Dossier de la demande</translation>
    </message>
</context>
<context>
    <name>DinamisSearch</name>
    <message>
        <source>Searching DINAMIS images</source>
        <translation>Recherche d'images DINAMIS</translation>
    </message>
    <message>
        <source>Map extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <source>Area of interest (drawn or selected)</source>
        <translation>Zone d'intérêt (dessinée ou sélectionnée)</translation>
    </message>
    <message>
        <source>Search area</source>
        <translation>Zone de recherche</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Maximum cloud cover</source>
        <translation>Nébulosité maximale</translation>
    </message>
    <message>
        <source>Maximum incidence angle</source>
        <translation>Incidence maximale</translation>
    </message>
    <message>
        <source>Search images</source>
        <translation>Rechercher des images</translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation>Annuler la recherche</translation>
    </message>
    <message>
        <source>Search the DINAMIS images your profile may use.</source>
        <translation>Recherchez les images DINAMIS que votre profil peut utiliser.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Cloud (%)</source>
        <translation>Nuages (%)</translation>
    </message>
    <message>
        <source>Incidence (°)</source>
        <translation>Incidence (°)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Download and load (open SPOT)</source>
        <translation>Télécharger et charger (SPOT ouvert)</translation>
    </message>
    <message>
        <source>Take or draw an area of interest first, or search the map extent.</source>
        <translation>Prenez ou dessinez d'abord une zone d'intérêt, ou recherchez sur l'emprise de la carte.</translation>
    </message>
    <message>
        <source>No map canvas: use an area of interest.</source>
        <translation>Pas de carte : utilisez une zone d'intérêt.</translation>
    </message>
    <message>
        <source>State your DINAMIS profile first (Profile…).</source>
        <translation>Indiquez d'abord votre profil DINAMIS (Profil…).</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <source>{0} images found.</source>
        <translation>{0} images trouvées.</translation>
    </message>
    <message>
        <source>{0} left out for cloud cover, {1} for incidence angle.</source>
        <translation>{0} écartées pour la couverture nuageuse, {1} pour l'angle d'incidence.</translation>
    </message>
    <message>
        <source>Open SPOT gives no cloud cover or incidence angle: check the quicklooks.</source>
        <translation>SPOT ouvert ne donne ni couverture nuageuse ni angle d'incidence : vérifiez les aperçus.</translation>
    </message>
    <message>
        <source>Not searched: {0}</source>
        <translation>Non recherché : {0}</translation>
    </message>
    <message>
        <source>DINAMIS images</source>
        <translation>Images DINAMIS</translation>
    </message>
    <message>
        <source>Downloading open SPOT image</source>
        <translation>Téléchargement de l'image SPOT ouverte</translation>
    </message>
    <message>
        <source>Downloaded under the open licence (Etalab): {0}</source>
        <translation>Téléchargé sous licence ouverte (Etalab) : {0}</translation>
    </message>
    <message>
        <source>Select an open SPOT image in the list (the SPOT 6-7 STAC images are downloaded with your DINAMIS member access from the catalogue dock).</source>
        <translation>Sélectionnez une image SPOT ouverte dans la liste (les images SPOT 6-7 du STAC se téléchargent avec votre accès d'adhérent DINAMIS depuis le panneau du catalogue).</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>Erreur inattendue : {0}</translation>
    </message>
</context>
<context>
    <name>DinamisSubmitOrder</name>
    <message>
        <source>DINAMIS submit order</source>
        <translation>Envoyer une commande DINAMIS</translation>
    </message>
    <message>
        <source>Checks a DINAMIS request as &apos;DINAMIS request package&apos; does, records it in the order book (a GeoPackage in your QGIS profile unless another is given) with a new idempotency key, then submits it to a REST ordering server (protocol in docs/dinamis_protocol.md). If the answer is lost the order stays pending and is checked, never sent twice, at the next refresh. Credentials come only from the chosen QGIS authentication configuration.</source>
        <translation>Vérifie une demande DINAMIS comme « Dossier de demande DINAMIS », l'inscrit au carnet de commandes (un GeoPackage de votre profil QGIS, sauf si un autre est indiqué) avec une nouvelle clé d'idempotence, puis l'envoie à un serveur de commande REST (protocole dans docs/dinamis_protocol.md). Si la réponse se perd, la commande reste en attente et est vérifiée, jamais envoyée deux fois, à l'actualisation suivante. Les identifiants viennent uniquement de la configuration d'authentification QGIS choisie.</translation>
    </message>
    <message>
        <source>Ordering server URL</source>
        <translation>URL du serveur de commande</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Order book (GeoPackage; empty for the one in your profile)</source>
        <translation>Carnet de commandes (GeoPackage ; vide pour celui de votre profil)</translation>
    </message>
    <message>
        <source>Order id on the server</source>
        <translation>N° de la commande sur le serveur</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>État de la commande</translation>
    </message>
    <message>
        <source>Order {0} is {1}; recorded in {2}</source>
        <translation>La commande {0} est {1} ; inscrite dans {2}</translation>
    </message>
</context>
</TS>
