<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CatalogDock</name>
    <message>
        <source>Data Terra catalogue</source>
        <translation>Catalogue Data Terra</translation>
    </message>
    <message>
        <source>Other catalogue (URL)</source>
        <translation>Autre catalogue (URL)</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Map canvas extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <source>Cloud cover at most</source>
        <translation>Nébulosité au plus</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Maximum records</source>
        <translation>Fiches au plus</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Add services</source>
        <translation>Ajouter les services</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Voir la page</translation>
    </message>
    <message>
        <source>Searching {0}…</source>
        <translation>Recherche dans {0}…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Page {0}/{1}, {2} records loaded, {3} matched</source>
        <translation>Page {0}/{1}, {2} fiches chargées, {3} correspondantes</translation>
    </message>
    <message>
        <source>Data Terra footprints</source>
        <translation>Emprises Data Terra</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Cloud cover</source>
        <translation>Couverture nuageuse</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Download to</source>
        <translation>Télécharger dans</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>All hubs</source>
        <translation>Tous les pôles</translation>
    </message>
    <message>
        <source>QGIS authentication configuration used for this hub (Settings &gt; Options &gt; Authentication). Only its id is remembered; the login or API key stays encrypted in the QGIS authentication database.</source>
        <translation>Configuration d'authentification QGIS utilisée pour ce pôle (Préférences &gt; Options &gt; Authentification). Seul son identifiant est mémorisé ; l'identifiant de connexion ou la clé d'API restent chiffrés dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Quicklooks of the selected records on the map</source>
        <translation>Aperçus des fiches sélectionnées sur la carte</translation>
    </message>
    <message>
        <source>Shows the thumbnail of each selected record (ten at most) stretched over its footprint&apos;s bounding box. Thumbnails are not orthorectified: use them to judge clouds and coverage, not for measurements.</source>
        <translation>Affiche la vignette de chaque fiche sélectionnée (dix au plus) étirée sur le rectangle englobant de son emprise. Les vignettes ne sont pas orthorectifiées : elles servent à juger des nuages et de la couverture, pas à mesurer.</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <source>Rectangle drawn on the map</source>
        <translation>Rectangle dessiné sur la carte</translation>
    </message>
    <message>
        <source>Polygon drawn on the map</source>
        <translation>Polygone dessiné sur la carte</translation>
    </message>
    <message>
        <source>Extent of a layer</source>
        <translation>Emprise d'une couche</translation>
    </message>
    <message>
        <source>Where to search. Draw a rectangle by dragging on the map; draw a polygon by clicking its vertices and close it with a right click or a double click. Catalogues are searched by the polygon itself where they accept a geometry (STAC API); the others (CSW, OpenSearch, OGC API Records, OpenDataSoft) are searched by its bounding box and the records whose footprint misses the polygon are then left out, so their total count may be higher than the records listed.</source>
        <translation>Où chercher. Dessinez un rectangle en faisant glisser la souris sur la carte ; dessinez un polygone en cliquant ses sommets et fermez-le d'un clic droit ou d'un double clic. Les catalogues qui acceptent une géométrie (API STAC) sont interrogés avec le polygone lui-même ; les autres (CSW, OpenSearch, OGC API Records, OpenDataSoft) le sont avec son rectangle englobant, puis les fiches dont l'emprise ne touche pas le polygone sont écartées : leur total peut donc dépasser le nombre de fiches listées.</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <source>Draw the search area on the map</source>
        <translation>Dessiner la zone de recherche sur la carte</translation>
    </message>
    <message>
        <source>Click the polygon&apos;s vertices on the map; right click or double click to close it.</source>
        <translation>Cliquez les sommets du polygone sur la carte ; clic droit ou double clic pour le fermer.</translation>
    </message>
    <message>
        <source>Drag a rectangle on the map.</source>
        <translation>Faites glisser la souris sur la carte pour tracer un rectangle.</translation>
    </message>
    <message>
        <source>The drawn area cannot be expressed in longitude/latitude: draw it again.</source>
        <translation>La zone dessinée ne peut pas être exprimée en longitude/latitude : dessinez-la à nouveau.</translation>
    </message>
    <message>
        <source>Search area: {0:.4f}, {1:.4f} to {2:.4f}, {3:.4f} (degrees).</source>
        <translation>Zone de recherche : {0:.4f}, {1:.4f} à {2:.4f}, {3:.4f} (degrés).</translation>
    </message>
    <message>
        <source>Choose the layer whose extent is searched.</source>
        <translation>Choisissez la couche dont l'emprise est cherchée.</translation>
    </message>
    <message>
        <source>Draw the search area on the map first (button Draw).</source>
        <translation>Dessinez d'abord la zone de recherche sur la carte (bouton Dessiner).</translation>
    </message>
    <message>
        <source>The search area cannot be expressed in longitude/latitude: zoom in or choose another area.</source>
        <translation>La zone de recherche ne peut pas être exprimée en longitude/latitude : zoomez ou choisissez une autre zone.</translation>
    </message>
    <message>
        <source>Quicklook {0}</source>
        <translation>Aperçu {0}</translation>
    </message>
    <message>
        <source>Add downloaded files to the map</source>
        <translation>Ajouter les fichiers téléchargés à la carte</translation>
    </message>
    <message>
        <source>Downloading {0}…</source>
        <translation>Téléchargement de {0}…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>The download of {0} failed: {1}</source>
        <translation>Le téléchargement de {0} a échoué : {1}</translation>
    </message>
    <message>
        <source>Downloaded {0} to {1}.</source>
        <translation>{0} téléchargé dans {1}.</translation>
    </message>
    <message>
        <source>It can be added to the map (button below).</source>
        <translation>Il peut être ajouté à la carte (bouton ci-dessous).</translation>
    </message>
    <message>
        <source>Catalogues that could not be searched: {0} (the reasons are in the tooltip and in the Data Terra log).</source>
        <translation>Catalogues qui n'ont pas pu être interrogés : {0} (les raisons sont dans l'infobulle et dans le journal Data Terra).</translation>
    </message>
    <message>
        <source>Records found: {0}.</source>
        <translation>Fiches trouvées : {0}.</translation>
    </message>
    <message>
        <source>Records left out because their footprint misses the polygon: {0}.</source>
        <translation>Fiches écartées car leur emprise ne touche pas le polygone : {0}.</translation>
    </message>
    <message>
        <source>Search cancelled; records kept: {0}.</source>
        <translation>Recherche annulée ; fiches conservées : {0}.</translation>
    </message>
    <message>
        <source>Service layers added: {0}.</source>
        <translation>Couches de service ajoutées : {0}.</translation>
    </message>
    <message>
        <source>Downloaded files added to the map: {0}.</source>
        <translation>Fichiers téléchargés ajoutés à la carte : {0}.</translation>
    </message>
    <message>
        <source>My catalogues…</source>
        <translation>Mes catalogues…</translation>
    </message>
    <message>
        <source>Add, edit, remove, import or export your own catalogues</source>
        <translation>Ajouter, modifier, supprimer, importer ou exporter vos propres catalogues</translation>
    </message>
    <message>
        <source>Stream to the map</source>
        <translation>Diffuser sur la carte</translation>
    </message>
    <message>
        <source>Adds the selected GeoTIFF / Cloud Optimized GeoTIFF files as layers read over the network, without downloading them</source>
        <translation>Ajoute les fichiers GeoTIFF / Cloud Optimized GeoTIFF sélectionnés comme couches lues par le réseau, sans les télécharger</translation>
    </message>
    <message>
        <source>{0}: waiting</source>
        <translation>{0} : en attente</translation>
    </message>
    <message>
        <source>{0}: failed (the reason is in the tooltip above)</source>
        <translation>{0} : échec (la raison est dans l'infobulle ci-dessus)</translation>
    </message>
    <message>
        <source>{0}: searching… {1} found</source>
        <translation>{0} : recherche… {1} trouvés</translation>
    </message>
    <message>
        <source>{0}: searching… {1} of {2} found</source>
        <translation>{0} : recherche… {1} trouvés sur {2}</translation>
    </message>
    <message>
        <source>{0}: {1} found</source>
        <translation>{0} : {1} trouvés</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} found</source>
        <translation>{0} : {1} trouvés sur {2}</translation>
    </message>
    <message>
        <source>Streamed layers added: {0}.</source>
        <translation>Couches diffusées ajoutées : {0}.</translation>
    </message>
</context>
<context>
    <name>CatalogSearchAlgorithm</name>
    <message>
        <source>Search a Data Terra catalogue</source>
        <translation>Rechercher dans un catalogue Data Terra</translation>
    </message>
    <message>
        <source>Catalogue URL (instead of a hub)</source>
        <translation>URL du catalogue (au lieu d'un pôle)</translation>
    </message>
    <message>
        <source>Protocol of the catalogue URL</source>
        <translation>Protocole de l'URL du catalogue</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Search extent</source>
        <translation>Emprise de recherche</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Texte libre</translation>
    </message>
    <message>
        <source>Maximum number of records</source>
        <translation>Nombre maximal de fiches</translation>
    </message>
    <message>
        <source>Footprints</source>
        <translation>Emprises</translation>
    </message>
    <message>
        <source>Give either a hub or a catalogue URL, not both.</source>
        <translation>Indiquez un pôle ou une URL de catalogue, pas les deux.</translation>
    </message>
    <message>
        <source>Give a hub id (e.g. geodes) or a catalogue URL and its protocol.</source>
        <translation>Indiquez un identifiant de pôle (par exemple geodes) ou une URL de catalogue et son protocole.</translation>
    </message>
    <message>
        <source>{0} must be a date as YYYY-MM-DD or an ISO 8601 date-time, not {1!r}.</source>
        <translation>{0} doit être une date AAAA-MM-JJ ou une date-heure ISO 8601, pas {1!r}.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>La date de début est postérieure à la date de fin.</translation>
    </message>
    <message>
        <source>Searching {0} ({1})</source>
        <translation>Recherche dans {0} ({1})</translation>
    </message>
    <message>
        <source>{0} records written ({1} matched on the server).</source>
        <translation>{0} fiches écrites ({1} correspondantes sur le serveur).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Searches the catalogue of a Data Terra hub (THEIA/GEODES, ODATIS, AERIS, FORM@TER, PNDB, DINAMIS) or of any catalogue given by its URL and protocol (STAC API, CSW 2.0.2, OpenSearch, OGC API Records, OpenDataSoft), and writes the footprints of the records found.

HUB: a hub of the list (its id in scripts, e.g. geodes, odatis-sextant; your own catalogues too); leave empty and give URL and PROTOCOL for another catalogue. COLLECTION: collection or product type (e.g. PEPS_S2_L1C). EXTENT: search area (any CRS, converted to WGS 84). START, END: dates as YYYY-MM-DD or ISO 8601 date-times. TEXT: free-text search. MAX_RECORDS: the most records fetched, over as many pages as needed.

A catalogue that needs a key: add it under My catalogues… in the catalogue dock, with its authentication, and give its id as HUB. A key or a password written into URL does reach the server, but QGIS keeps every parameter in its Processing history.

The output has one feature per record (footprint in WGS 84) with id, title, start and end dates, collection, cloud cover (%), platform, quicklook URL, links (JSON list) and source.</source>
        <translation>Recherche dans le catalogue d'un pôle Data Terra (THEIA/GEODES, ODATIS, AERIS, FORM@TER, PNDB, DINAMIS) ou de tout catalogue donné par son URL et son protocole (API STAC, CSW 2.0.2, OpenSearch, OGC API Records, OpenDataSoft), et écrit les emprises des fiches trouvées.

HUB : un pôle de la liste (son identifiant dans les scripts, par exemple geodes, odatis-sextant ; vos propres catalogues aussi) ; laissez vide et indiquez URL et PROTOCOL pour un autre catalogue. COLLECTION : collection ou type de produit (par exemple PEPS_S2_L1C). EXTENT : zone de recherche (tout SCR, convertie en WGS 84). START, END : dates AAAA-MM-JJ ou dates-heures ISO 8601. TEXT : recherche en texte libre. MAX_RECORDS : nombre maximal de fiches récupérées, sur autant de pages que nécessaire.

Un catalogue qui demande une clé : ajoutez-le dans Mes catalogues… du panneau catalogue, avec son authentification, et donnez son identifiant comme HUB. Une clé ou un mot de passe écrit dans URL parvient bien au serveur, mais QGIS garde chaque paramètre dans son historique des traitements.

La sortie a une entité par fiche (emprise en WGS 84) avec identifiant, titre, dates de début et de fin, collection, couverture nuageuse (%), plateforme, URL de l'aperçu, liens (liste JSON) et source.</translation>
    </message>
</context>
<context>
    <name>CataloguesDialog</name>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>optional, comma separated</source>
        <translation>facultatif, séparées par des virgules</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Adresse (URL)</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Give the catalogue a title.</source>
        <translation>Donnez un titre au catalogue.</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>L'adresse doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <source>added by the user</source>
        <translation>ajouté par l'utilisateur</translation>
    </message>
    <message>
        <source>My catalogues</source>
        <translation>Mes catalogues</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Your catalogues are offered in the catalogue dock beside the hubs&apos;.</source>
        <translation>Vos catalogues sont proposés dans le panneau des catalogues à côté de ceux des pôles.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Could not save your catalogues in {0}: {1}</source>
        <translation>Impossible d'enregistrer vos catalogues dans {0} : {1}</translation>
    </message>
    <message>
        <source>Catalogue “{0}” added.</source>
        <translation>Catalogue « {0} » ajouté.</translation>
    </message>
    <message>
        <source>Catalogue “{0}” saved.</source>
        <translation>Catalogue « {0} » enregistré.</translation>
    </message>
    <message>
        <source>Catalogue “{0}” removed.</source>
        <translation>Catalogue « {0} » supprimé.</translation>
    </message>
    <message>
        <source>Import catalogues</source>
        <translation>Importer des catalogues</translation>
    </message>
    <message>
        <source>Hub lists (*.json)</source>
        <translation>Listes de pôles (*.json)</translation>
    </message>
    <message>
        <source>Catalogues imported: {0}.</source>
        <translation>Catalogues importés : {0}.</translation>
    </message>
    <message>
        <source>Export catalogues</source>
        <translation>Exporter les catalogues</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Impossible d'écrire {0} : {1}</translation>
    </message>
    <message>
        <source>Catalogues exported to {0}.</source>
        <translation>Catalogues exportés dans {0}.</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <source>The catalogue address {endpoint!r} is not an http(s) URL.</source>
        <translation>L'adresse du catalogue {endpoint!r} n'est pas une URL http(s).</translation>
    </message>
    <message>
        <source>{protocol} search of {source}</source>
        <translation>Recherche {protocol} de {source}</translation>
    </message>
    <message>
        <source>Unknown CSW output schema {schema!r}: use &apos;iso&apos; or &apos;dc&apos;.</source>
        <translation>Schéma de sortie CSW inconnu {schema!r} : utilisez 'iso' ou 'dc'.</translation>
    </message>
    <message>
        <source>Unknown CSW version {version!r}: use &apos;2.0.2&apos; or &apos;3.0.0&apos;.</source>
        <translation>Version CSW inconnue {version!r} : utilisez '2.0.2' ou '3.0.0'.</translation>
    </message>
    <message>
        <source>Unknown CSW request method {method!r}: use &apos;post&apos; or &apos;get&apos;.</source>
        <translation>Méthode de requête CSW inconnue {method!r} : utilisez 'post' ou 'get'.</translation>
    </message>
    <message>
        <source>The catalogue {source} refused the search: {texts}</source>
        <translation>Le catalogue {source} a refusé la recherche : {texts}</translation>
    </message>
    <message>
        <source>The answer of {source} is not a CSW GetRecords response (root element {local!r}).</source>
        <translation>La réponse de {source} n'est pas une réponse CSW GetRecords (élément racine {local!r}).</translation>
    </message>
    <message>
        <source>The CSW answer of {source} has no SearchResults.</source>
        <translation>La réponse CSW de {source} n'a pas de SearchResults.</translation>
    </message>
    <message>
        <source>A record of {source} could not be read ({name}: {exc}).</source>
        <translation>Une fiche de {source} n'a pas pu être lue ({name} : {exc}).</translation>
    </message>
    <message>
        <source>Cannot read the hub list {path}: {exc}. Fix or remove that file.</source>
        <translation>Impossible de lire la liste des pôles {path} : {exc}. Corrigez ou supprimez ce fichier.</translation>
    </message>
    <message>
        <source>The hub list {path} has no &apos;hubs&apos; list.</source>
        <translation>La liste des pôles {path} n'a pas de liste 'hubs'.</translation>
    </message>
    <message>
        <source>A hub of {path} lacks id, title, protocol or endpoint: {entry!r}</source>
        <translation>Un pôle de {path} n'a pas d'id, de titre, de protocole ou d'adresse : {entry!r}</translation>
    </message>
    <message>
        <source>Hub {id} of {path}: unknown protocol {protocol!r} (use one of {protocols}).</source>
        <translation>Pôle {id} de {path} : protocole inconnu {protocol!r} (utilisez l'un de {protocols}).</translation>
    </message>
    <message>
        <source>Unknown catalogue protocol {protocol!r}: use one of {protocols}.</source>
        <translation>Protocole de catalogue inconnu {protocol!r} : utilisez l'un de {protocols}.</translation>
    </message>
    <message>
        <source>The answer of {source} has no &apos;results&apos; list: is this an OpenDataSoft Explore v2.1 /catalog/datasets URL?</source>
        <translation>La réponse de {source} n'a pas de liste 'results' : est-ce bien une URL OpenDataSoft Explore v2.1 /catalog/datasets ?</translation>
    </message>
    <message>
        <source>OpenSearch answer of {source}</source>
        <translation>réponse OpenSearch de {source}</translation>
    </message>
    <message>
        <source>The answer of {source} is not an Atom feed (root {local!r}). {texts}</source>
        <translation>La réponse de {source} n'est pas un flux Atom (racine {local!r}). {texts}</translation>
    </message>
    <message>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>La date de fin {end} est antérieure à la date de début {start}.</translation>
    </message>
    <message>
        <source>The answer of {source} for {year_mode} has no &apos;features&apos; list: it is not an OpenSPOT collection.</source>
        <translation>La réponse de {source} pour {year_mode} n'a pas de liste 'features' : ce n'est pas une collection OpenSPOT.</translation>
    </message>
    <message>
        <source>Record {id!r} is not an OpenSPOT image.</source>
        <translation>La fiche {id!r} n'est pas une image OpenSPOT.</translation>
    </message>
    <message>
        <source>OpenSPOT download request (step 1)</source>
        <translation>Demande de téléchargement OpenSPOT (étape 1)</translation>
    </message>
    <message>
        <source>OpenSPOT download request: {host} did not open a session (no cookie in its answer to step 1). The portal may have changed: download from its web page.</source>
        <translation>Demande de téléchargement OpenSPOT : {host} n'a pas ouvert de session (aucun cookie dans sa réponse à l'étape 1). Le portail a peut-être changé : téléchargez depuis sa page web.</translation>
    </message>
    <message>
        <source>OpenSPOT download request (step 2)</source>
        <translation>Demande de téléchargement OpenSPOT (étape 2)</translation>
    </message>
    <message>
        <source>OpenSPOT download request: {host} gave no file link for image {fid}. The image may have been withdrawn: try again later or use the portal.</source>
        <translation>Demande de téléchargement OpenSPOT : {host} n'a donné aucun lien de fichier pour l'image {fid}. L'image a peut-être été retirée : réessayez plus tard ou utilisez le portail.</translation>
    </message>
    <message>
        <source>The {what} is not valid JSON ({exc}); the answer may be truncated.</source>
        <translation>La {what} n'est pas du JSON valide ({exc}) ; la réponse est peut-être tronquée.</translation>
    </message>
    <message>
        <source>The {what} is JSON but not an object (got {name}).</source>
        <translation>La {what} est du JSON mais pas un objet (reçu {name}).</translation>
    </message>
    <message>
        <source>The {what} declares a DTD or entities, which are refused for safety (XML external entity or expansion attack).</source>
        <translation>La {what} déclare une DTD ou des entités, refusées par sécurité (attaque par entité externe XML ou par expansion).</translation>
    </message>
    <message>
        <source>The {what} is not well-formed XML ({exc}); the answer may be truncated.</source>
        <translation>La {what} n'est pas du XML bien formé ({exc}) ; la réponse est peut-être tronquée.</translation>
    </message>
    <message>
        <source>The {what} is not well-formed XML ({exc}).</source>
        <translation>La {what} n'est pas du XML bien formé ({exc}).</translation>
    </message>
    <message>
        <source>The signing service address {signing_url!r} is not an http(s) URL: fix the hub&apos;s signing_url option.</source>
        <translation>L'adresse du service de signature {signing_url!r} n'est pas une URL http(s) : corrigez l'option signing_url du pôle.</translation>
    </message>
    <message>
        <source>This hub signs its download links with an API key: create an authentication configuration (method Basic: user name = access key, password = secret key) and choose it for the hub.</source>
        <translation>Ce pôle signe ses liens de téléchargement avec une clé d'API : créez une configuration d'authentification (méthode Basic : nom d'utilisateur = clé d'accès, mot de passe = clé secrète) et choisissez-la pour le pôle.</translation>
    </message>
    <message>
        <source>The signing service {host} refused the API key (HTTP {http_status}): check the access key (user name) and secret key (password) of the hub&apos;s authentication configuration, or create a new key.</source>
        <translation>Le service de signature {host} a refusé la clé d'API (HTTP {http_status}) : vérifiez la clé d'accès (nom d'utilisateur) et la clé secrète (mot de passe) de la configuration d'authentification du pôle, ou créez une nouvelle clé.</translation>
    </message>
    <message>
        <source>The signing service {host} could not sign {asset_name} (HTTP {http_status}). Try again later.</source>
        <translation>Le service de signature {host} n'a pas pu signer {asset_name} (HTTP {http_status}). Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The signing service {host} answered without a signed http(s) link for {asset_name}: check the hub&apos;s signing_url option.</source>
        <translation>Le service de signature {host} a répondu sans lien http(s) signé pour {asset_name} : vérifiez l'option signing_url du pôle.</translation>
    </message>
    <message>
        <source>check your credentials (auth configuration of this hub)</source>
        <translation>vérifiez vos identifiants (configuration d'authentification de ce pôle)</translation>
    </message>
    <message>
        <source>check the collection and search parameters</source>
        <translation>vérifiez la collection et les paramètres de recherche</translation>
    </message>
    <message>
        <source>the server has a problem: try again later</source>
        <translation>le serveur a un problème : réessayez plus tard</translation>
    </message>
    <message>
        <source>{what}: {host} answered HTTP {http_status}: {hint}.{server_text}</source>
        <translation>{what} : {host} a répondu HTTP {http_status} : {hint}.{server_text}</translation>
    </message>
    <message>
        <source> Server said: {snippet}</source>
        <translation> Le serveur a dit : {snippet}</translation>
    </message>
    <message>
        <source>{what}: {host} redirected (HTTP {http_status}) without a usable location.</source>
        <translation>{what} : {host} a redirigé (HTTP {http_status}) sans adresse utilisable.</translation>
    </message>
    <message>
        <source>{what}: {host} sent an empty answer.</source>
        <translation>{what} : {host} a envoyé une réponse vide.</translation>
    </message>
    <message>
        <source>{what}: {host} sent a web page instead of {expected} (often a login, maintenance or proxy error page). Check the endpoint address.{page_text}</source>
        <translation>{what} : {host} a envoyé une page web au lieu de {expected} (souvent une page de connexion, de maintenance ou d'erreur du proxy). Vérifiez l'adresse du service.{page_text}</translation>
    </message>
    <message>
        <source> Page text: {snippet}</source>
        <translation> Texte de la page : {snippet}</translation>
    </message>
    <message>
        <source>{what}: {host} sent {ctype} where JSON was expected. Check the endpoint and protocol.</source>
        <translation>{what} : {host} a envoyé {ctype} là où du JSON était attendu. Vérifiez l'adresse et le protocole.</translation>
    </message>
    <message>
        <source>{what}: {host} sent {ctype} where XML was expected. Check the endpoint and protocol.</source>
        <translation>{what} : {host} a envoyé {ctype} là où du XML était attendu. Vérifiez l'adresse et le protocole.</translation>
    </message>
    <message>
        <source>No hub {hub_id!r} in the hub list. Known: {known}.</source>
        <translation>Aucun pôle {hub_id!r} dans la liste des pôles. Pôles connus : {known}.</translation>
    </message>
    <message>
        <source>{what}: {netloc} holds none of the collections asked (last: {last}). Check the address and the dates (the open SPOT archive starts in {first_year}).</source>
        <translation>{what} : {netloc} ne contient aucune des collections demandées (dernière : {last}). Vérifiez l'adresse et les dates (l'archive SPOT ouverte commence en {first_year}).</translation>
    </message>
    <message>
        <source>CSW answer of {source}</source>
        <translation>réponse CSW de {source}</translation>
    </message>
    <message>
        <source>OpenDataSoft answer of {source}</source>
        <translation>réponse OpenDataSoft de {source}</translation>
    </message>
    <message>
        <source>answer of {source} for {year_mode}</source>
        <translation>réponse de {source} pour {year_mode}</translation>
    </message>
    <message>
        <source>OGC API Records answer of {source}</source>
        <translation>réponse OGC API Records de {source}</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>answer of {source}</source>
        <translation>réponse de {source}</translation>
    </message>
    <message>
        <source>The QGIS authentication configuration {auth_config!r} of hub {id} could not be read or has no password: store the API key as its password (Settings &gt; Options &gt; Authentication) and unlock the authentication database.</source>
        <translation>La configuration d'authentification QGIS {auth_config!r} du pôle {id} n'a pas pu être lue ou n'a pas de mot de passe : enregistrez la clé d'API comme mot de passe (Préférences &gt; Options &gt; Authentification) et déverrouillez la base d'authentification.</translation>
    </message>
    <message>
        <source>Hub {id} signs its download links with an API key: create an authentication configuration (method Basic: user name = access key, password = secret key) in Settings &gt; Options &gt; Authentication and choose it for this hub.</source>
        <translation>Le pôle {id} signe ses liens de téléchargement avec une clé d'API : créez une configuration d'authentification (méthode Basic : nom d'utilisateur = clé d'accès, mot de passe = clé secrète) dans Préférences &gt; Options &gt; Authentification et choisissez-la pour ce pôle.</translation>
    </message>
    <message>
        <source>The QGIS authentication configuration {auth_config!r} of hub {id} could not be read or lacks the access key (user name) or the secret key (password): fix it in Settings &gt; Options &gt; Authentication and unlock the authentication database.</source>
        <translation>La configuration d'authentification QGIS {auth_config!r} du pôle {id} n'a pas pu être lue ou n'a pas de clé d'accès (nom d'utilisateur) ou de clé secrète (mot de passe) : corrigez-la dans Préférences &gt; Options &gt; Authentification et déverrouillez la base d'authentification.</translation>
    </message>
    <message>
        <source>GEODES (CNES): Sentinel-1/2, THEIA L2A/L3A, PEPS</source>
        <translation>GEODES (CNES) : Sentinel-1/2, THEIA L2A/L3A, PEPS</translation>
    </message>
    <message>
        <source>THEIA / Data Terra MTD datastore (land products, OSO, DINAMIS SPOT)</source>
        <translation>Entrepôt MTD THEIA / Data Terra (produits surfaces continentales, OSO, SPOT DINAMIS)</translation>
    </message>
    <message>
        <source>hydroweb.next (hydrology)</source>
        <translation>hydroweb.next (hydrologie)</translation>
    </message>
    <message>
        <source>THEIA in-situ data (GeoNetwork)</source>
        <translation>Données in situ THEIA (GeoNetwork)</translation>
    </message>
    <message>
        <source>THEIA hydrology metadata (GeoNetwork)</source>
        <translation>Métadonnées d'hydrologie THEIA (GeoNetwork)</translation>
    </message>
    <message>
        <source>ODATIS ocean data (Sextant, Ifremer)</source>
        <translation>Données océan ODATIS (Sextant, Ifremer)</translation>
    </message>
    <message>
        <source>AERIS atmosphere (SEDOO)</source>
        <translation>Atmosphère AERIS (SEDOO)</translation>
    </message>
    <message>
        <source>FORM@TER solid earth (GeoNetwork)</source>
        <translation>Terre solide FORM@TER (GeoNetwork)</translation>
    </message>
    <message>
        <source>PNDB biodiversity datasets (OpenDataSoft)</source>
        <translation>Jeux de données de biodiversité PNDB (OpenDataSoft)</translation>
    </message>
    <message>
        <source>THEIA resto (legacy OpenSearch)</source>
        <translation>THEIA resto (ancien OpenSearch)</translation>
    </message>
    <message>
        <source>{what}: the answer of {host} is larger than {size} MB, more than a catalogue page can be: refused. Ask fewer records per page or check the address.</source>
        <translation>{what} : la réponse de {host} dépasse {size} Mo, plus qu'une page de catalogue ne peut l'être : refusée. Demandez moins d'enregistrements par page ou vérifiez l'adresse.</translation>
    </message>
    <message>
        <source>The {what} is not valid JSON ({reason} at character {index}); the answer may be truncated.</source>
        <translation>La {what} n'est pas du JSON valide ({reason} au caractère {index}) ; la réponse est peut-être tronquée.</translation>
    </message>
    <message>
        <source>no JSON value</source>
        <translation>aucune valeur JSON</translation>
    </message>
    <message>
        <source>expected a member name</source>
        <translation>nom de membre attendu</translation>
    </message>
    <message>
        <source>expected &apos;:&apos;</source>
        <translation>':' attendu</translation>
    </message>
    <message>
        <source>expected a comma or a closing brace</source>
        <translation>virgule ou accolade fermante attendue</translation>
    </message>
    <message>
        <source>extra data after the object</source>
        <translation>données en trop après l'objet</translation>
    </message>
    <message>
        <source>expected a comma or a closing bracket</source>
        <translation>virgule ou crochet fermant attendu</translation>
    </message>
    <message>
        <source>The {what} holds a value of more than {budget} bytes at character {index}: refused (a catalogue record is far smaller).</source>
        <translation>La {what} contient une valeur de plus de {budget} octets au caractère {index} : refusée (un enregistrement de catalogue est bien plus petit).</translation>
    </message>
    <message>
        <source>unterminated list</source>
        <translation>liste non terminée</translation>
    </message>
    <message>
        <source>unterminated value</source>
        <translation>valeur non terminée</translation>
    </message>
    <message>
        <source>The {what} nests values more than {depth} levels deep near character {index}: refused.</source>
        <translation>La {what} imbrique des valeurs sur plus de {depth} niveaux vers le caractère {index} : refusée.</translation>
    </message>
    <message>
        <source>An entry of the {what} holds more than {count} elements: refused.</source>
        <translation>Une entrée de la {what} contient plus de {count} éléments : refusée.</translation>
    </message>
    <message>
        <source>The {what} has no &apos;{key}&apos; list (found {found}).</source>
        <translation>La {what} n'a pas de liste '{key}' (trouvé : {found}).</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>The &apos;next&apos; link of {source} carries a body that cannot be sent back ({name}).</source>
        <translation>Le lien 'next' de {source} porte un corps de requête qui ne peut pas être renvoyé ({name}).</translation>
    </message>
    <message>
        <source>The answer of {source} has no &apos;features&apos; list (found {found}): it is not a STAC item search result.</source>
        <translation>La réponse de {source} n'a pas de liste 'features' (trouvé : {found}) : ce n'est pas un résultat de recherche d'items STAC.</translation>
    </message>
    <message>
        <source>{url} is not an http(s) address: only files served over HTTP(S) can be streamed.</source>
        <translation>{url} n'est pas une adresse http(s) : seuls les fichiers servis en HTTP(S) peuvent être diffusés.</translation>
    </message>
    <message>
        <source>The hub signs its download links, and a signed address is a credential that the layer would save in the project: download the file instead.</source>
        <translation>Le pôle signe ses liens de téléchargement, et une adresse signée est un identifiant que la couche enregistrerait dans le projet : téléchargez plutôt le fichier.</translation>
    </message>
    <message>
        <source>{host} gets this hub&apos;s credentials, which a streamed layer would need in its source, saved in the project: download the file instead.</source>
        <translation>{host} reçoit les identifiants de ce pôle, qu'une couche diffusée devrait porter dans sa source, enregistrée dans le projet : téléchargez plutôt le fichier.</translation>
    </message>
    <message>
        <source>The address carries a signature or token ({names}) that the layer would save in the project: download the file instead.</source>
        <translation>L'adresse porte une signature ou un jeton ({names}) que la couche enregistrerait dans le projet : téléchargez plutôt le fichier.</translation>
    </message>
    <message>
        <source>{host} asks for credentials (HTTP {http_status}) to read this file: download it instead.</source>
        <translation>{host} demande des identifiants (HTTP {http_status}) pour lire ce fichier : téléchargez-le plutôt.</translation>
    </message>
    <message>
        <source>{host} answered HTTP {http_status} for the file.</source>
        <translation>{host} a répondu HTTP {http_status} pour le fichier.</translation>
    </message>
    <message>
        <source>{host} does not serve parts of the file (HTTP {http_status} instead of 206), which streaming needs: download it instead.</source>
        <translation>{host} ne sert pas de parties du fichier (HTTP {http_status} au lieu de 206), ce que la diffusion exige : téléchargez-le plutôt.</translation>
    </message>
    <message>
        <source>The file at {host} is not a TIFF (it starts with {start}): only (Cloud Optimized) GeoTIFF files are streamed.</source>
        <translation>Le fichier sur {host} n'est pas un TIFF (il commence par {start}) : seuls les fichiers GeoTIFF (Cloud Optimized) sont diffusés.</translation>
    </message>
    <message>
        <source>GDAL could not open {url} as a raster: download it instead.</source>
        <translation>GDAL n'a pas pu ouvrir {url} comme raster : téléchargez-le plutôt.</translation>
    </message>
    <message>
        <source>The hub list</source>
        <translation>La liste des pôles</translation>
    </message>
</context>
</TS>
