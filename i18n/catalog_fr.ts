<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CatalogDock</name>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="86"/>
        <source>Data Terra catalogue</source>
        <translation>Catalogue Data Terra</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="348"/>
        <source>Other catalogue (URL)</source>
        <translation>Autre catalogue (URL)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="125"/>
        <source>Hub</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="132"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="684"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="137"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="139"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="147"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="685"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="229"/>
        <source>Map canvas extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="155"/>
        <source>Cloud cover at most</source>
        <translation>Couverture nuageuse au plus</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="150"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="165"/>
        <source>Maximum records</source>
        <translation>Nombre maximal de fiches</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="169"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="171"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="194"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="195"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="205"/>
        <source>Add services</source>
        <translation>Ajouter les services</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="206"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="207"/>
        <source>Open page</source>
        <translation>Ouvrir la page</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="438"/>
        <source>Searching {0}…</source>
        <translation>Recherche dans {0}…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="523"/>
        <source>{0} records found.</source>
        <translation>{0} fiches trouvées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="529"/>
        <source>Search cancelled: {0} records kept.</source>
        <translation>Recherche annulée : {0} fiches conservées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="552"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="553"/>
        <source>Page {0}/{1}, {2} records loaded, {3} matched</source>
        <translation>Page {0}/{1}, {2} fiches chargées, {3} correspondantes</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="624"/>
        <source>Data Terra footprints</source>
        <translation>Emprises Data Terra</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="684"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="685"/>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="686"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="687"/>
        <source>Cloud cover</source>
        <translation>Couverture nuageuse</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="688"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="688"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="706"/>
        <source>{0} service layers added.</source>
        <translation>{0} couches de service ajoutées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="709"/>
        <source>Download to</source>
        <translation>Télécharger dans</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="458"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="345"/>
        <source>All hubs</source>
        <translation>Tous les pôles</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="157"/>
        <source>QGIS authentication configuration used for this hub (Settings &gt; Options &gt; Authentication). Only its id is remembered; the login or API key stays encrypted in the QGIS authentication database.</source>
        <translation>Configuration d'authentification QGIS utilisée pour ce pôle (Préférences &gt; Options &gt; Authentification). Seul son identifiant est mémorisé ; l'identifiant de connexion ou la clé d'API restent chiffrés dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="161"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="214"/>
        <source>Quicklooks of the selected records on the map</source>
        <translation>Aperçus des fiches sélectionnées sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="215"/>
        <source>Shows the thumbnail of each selected record (ten at most) stretched over its footprint&apos;s bounding box. Thumbnails are not orthorectified: use them to judge clouds and coverage, not for measurements.</source>
        <translation>Affiche la vignette de chaque fiche sélectionnée (dix au plus) étirée sur le rectangle englobant de son emprise. Les vignettes ne sont pas orthorectifiées : elles servent à juger des nuages et de la couverture, pas à mesurer.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="229"/>
        <source>Anywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="229"/>
        <source>Rectangle drawn on the map</source>
        <translation>Rectangle dessiné sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="229"/>
        <source>Polygon drawn on the map</source>
        <translation>Polygone dessiné sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="229"/>
        <source>Extent of a layer</source>
        <translation>Emprise d'une couche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="233"/>
        <source>Where to search. Draw a rectangle by dragging on the map; draw a polygon by clicking its vertices and close it with a right click or a double click. Catalogues are searched by the polygon itself where they accept a geometry (STAC API); the others (CSW, OpenSearch, OGC API Records, OpenDataSoft) are searched by its bounding box and the records whose footprint misses the polygon are then left out, so their total count may be higher than the records listed.</source>
        <translation>Où chercher. Dessinez un rectangle en faisant glisser la souris sur la carte ; dessinez un polygone en cliquant ses sommets et fermez-le d'un clic droit ou d'un double clic. Les catalogues qui acceptent une géométrie (API STAC) sont interrogés avec le polygone lui-même ; les autres (CSW, OpenSearch, OGC API Records, OpenDataSoft) le sont avec son rectangle englobant, puis les fiches dont l'emprise ne touche pas le polygone sont écartées : leur total peut donc dépasser le nombre de fiches listées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="242"/>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="243"/>
        <source>Draw the search area on the map</source>
        <translation>Dessiner la zone de recherche sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="292"/>
        <source>Click the polygon&apos;s vertices on the map; right click or double click to close it.</source>
        <translation>Cliquez les sommets du polygone sur la carte ; clic droit ou double clic pour le fermer.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="294"/>
        <source>Drag a rectangle on the map.</source>
        <translation>Faites glisser la souris sur la carte pour tracer un rectangle.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="302"/>
        <source>The drawn area cannot be expressed in longitude/latitude: draw it again.</source>
        <translation>La zone dessinée ne peut pas être exprimée en longitude/latitude : dessinez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="306"/>
        <source>Search area: {0:.4f}, {1:.4f} to {2:.4f}, {3:.4f} (degrees).</source>
        <translation>Zone de recherche : {0:.4f}, {1:.4f} à {2:.4f}, {3:.4f} (degrés).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="330"/>
        <source>Choose the layer whose extent is searched.</source>
        <translation>Choisissez la couche dont l'emprise est cherchée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="333"/>
        <source>Draw the search area on the map first (button Draw).</source>
        <translation>Dessinez d'abord la zone de recherche sur la carte (bouton Dessiner).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="339"/>
        <source>The search area cannot be expressed in longitude/latitude: zoom in or choose another area.</source>
        <translation>La zone de recherche ne peut pas être exprimée en longitude/latitude : zoomez ou choisissez une autre zone.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="525"/>
        <source>{0} records whose footprint misses the polygon were left out.</source>
        <translation>{0} fiches dont l'emprise ne touche pas le polygone ont été écartées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="594"/>
        <source>Quicklook {0}</source>
        <translation>Aperçu {0}</translation>
    </message>
</context>
<context>
    <name>CatalogSearchAlgorithm</name>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="48"/>
        <source>Search a Data Terra catalogue</source>
        <translation>Rechercher dans un catalogue Data Terra</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="51"/>
        <source>Searches the catalogue of a Data Terra hub (THEIA/GEODES, ODATIS, AERIS, FORM@TER, PNDB, DINAMIS) or of any catalogue given by its URL and protocol (STAC API, CSW 2.0.2, OpenSearch, OGC API Records, OpenDataSoft), and writes the footprints of the records found.

HUB: a hub id of the hub list (resources/hubs.json), e.g. geodes, odatis-sextant; leave empty and give URL and PROTOCOL for another catalogue. COLLECTION: collection or product type (e.g. PEPS_S2_L1C). EXTENT: search area (any CRS, converted to WGS 84). START, END: dates as YYYY-MM-DD or ISO 8601 date-times. TEXT: free-text search. MAX_RECORDS: the most records fetched, over as many pages as needed.

The output has one feature per record (footprint in WGS 84) with id, title, start and end dates, collection, cloud cover (%), platform, quicklook URL, links (JSON list) and source.</source>
        <translation>Recherche dans le catalogue d'un pôle Data Terra (THEIA/GEODES, ODATIS, AERIS, FORM@TER, PNDB, DINAMIS) ou de tout catalogue donné par son URL et son protocole (API STAC, CSW 2.0.2, OpenSearch, OGC API Records, OpenDataSoft), et écrit les emprises des fiches trouvées.

HUB : identifiant d'un pôle de la liste des pôles (resources/hubs.json), par exemple geodes, odatis-sextant ; laissez vide et indiquez URL et PROTOCOL pour un autre catalogue. COLLECTION : collection ou type de produit (par exemple PEPS_S2_L1C). EXTENT : zone de recherche (tout SCR, convertie en WGS 84). START, END : dates AAAA-MM-JJ ou dates-heures ISO 8601. TEXT : recherche en texte libre. MAX_RECORDS : nombre maximal de fiches récupérées, sur autant de pages que nécessaire.

La sortie a une entité par fiche (emprise en WGS 84) avec identifiant, titre, dates de début et de fin, collection, couverture nuageuse (%), plateforme, URL de l'aperçu, liens (liste JSON) et source.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="65"/>
        <source>Hub (id in the hub list)</source>
        <translation>Pôle (identifiant dans la liste des pôles)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="66"/>
        <source>Catalogue URL (instead of a hub)</source>
        <translation>URL du catalogue (au lieu d'un pôle)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="68"/>
        <source>Protocol of the catalogue URL</source>
        <translation>Protocole de l'URL du catalogue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="70"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="71"/>
        <source>Search extent</source>
        <translation>Emprise de recherche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="72"/>
        <source>Start date (YYYY-MM-DD)</source>
        <translation>Date de début (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="73"/>
        <source>End date (YYYY-MM-DD)</source>
        <translation>Date de fin (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="74"/>
        <source>Free text</source>
        <translation>Texte libre</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="75"/>
        <source>Maximum number of records</source>
        <translation>Nombre maximal de fiches</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="77"/>
        <source>Footprints</source>
        <translation>Emprises</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="84"/>
        <source>Give either a hub or a catalogue URL, not both.</source>
        <translation>Indiquez un pôle ou une URL de catalogue, pas les deux.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="89"/>
        <source>Give a hub id (e.g. geodes) or a catalogue URL and its protocol.</source>
        <translation>Indiquez un identifiant de pôle (par exemple geodes) ou une URL de catalogue et son protocole.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="99"/>
        <source>{0} must be a date as YYYY-MM-DD or an ISO 8601 date-time, not {1!r}.</source>
        <translation>{0} doit être une date AAAA-MM-JJ ou une date-heure ISO 8601, pas {1!r}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="104"/>
        <source>The start date is after the end date.</source>
        <translation>La date de début est postérieure à la date de fin.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="129"/>
        <source>Searching {0} ({1})</source>
        <translation>Recherche dans {0} ({1})</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="133"/>
        <source>{0} records written ({1} matched on the server).</source>
        <translation>{0} fiches écrites ({1} correspondantes sur le serveur).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/search_algorithm.py" line="133"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <location filename="../dataterra_plugin/catalog/core/backend.py" line="37"/>
        <source>The catalogue address {endpoint!r} is not an http(s) URL.</source>
        <translation>L'adresse du catalogue {endpoint!r} n'est pas une URL http(s).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/backend.py" line="57"/>
        <source>{protocol} search of {source}</source>
        <translation>Recherche {protocol} de {source}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="77"/>
        <source>Unknown CSW output schema {schema!r}: use &apos;iso&apos; or &apos;dc&apos;.</source>
        <translation>Schéma de sortie CSW inconnu {schema!r} : utilisez 'iso' ou 'dc'.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="86"/>
        <source>Unknown CSW version {version!r}: use &apos;2.0.2&apos; or &apos;3.0.0&apos;.</source>
        <translation>Version CSW inconnue {version!r} : utilisez '2.0.2' ou '3.0.0'.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="93"/>
        <source>Unknown CSW request method {method!r}: use &apos;post&apos; or &apos;get&apos;.</source>
        <translation>Méthode de requête CSW inconnue {method!r} : utilisez 'post' ou 'get'.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="217"/>
        <source>The catalogue {source} refused the search: {texts}</source>
        <translation>Le catalogue {source} a refusé la recherche : {texts}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="221"/>
        <source>The answer of {source} is not a CSW GetRecords response (root element {local!r}).</source>
        <translation>La réponse de {source} n'est pas une réponse CSW GetRecords (élément racine {local!r}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="227"/>
        <source>The CSW answer of {source} has no SearchResults.</source>
        <translation>La réponse CSW de {source} n'a pas de SearchResults.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="287"/>
        <source>A record of {source} could not be read ({name}: {exc}).</source>
        <translation>Une fiche de {source} n'a pas pu être lue ({name} : {exc}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/hubs.py" line="52"/>
        <source>Cannot read the hub list {path}: {exc}. Fix or remove that file.</source>
        <translation>Impossible de lire la liste des pôles {path} : {exc}. Corrigez ou supprimez ce fichier.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/hubs.py" line="56"/>
        <source>The hub list {path} has no &apos;hubs&apos; list.</source>
        <translation>La liste des pôles {path} n'a pas de liste 'hubs'.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/hubs.py" line="69"/>
        <source>A hub of {path} lacks id, title, protocol or endpoint: {entry!r}</source>
        <translation>Un pôle de {path} n'a pas d'id, de titre, de protocole ou d'adresse : {entry!r}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/hubs.py" line="72"/>
        <source>Hub {id} of {path}: unknown protocol {protocol!r} (use one of {protocols}).</source>
        <translation>Pôle {id} de {path} : protocole inconnu {protocol!r} (utilisez l'un de {protocols}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/hubs.py" line="94"/>
        <source>Unknown catalogue protocol {protocol!r}: use one of {protocols}.</source>
        <translation>Protocole de catalogue inconnu {protocol!r} : utilisez l'un de {protocols}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/ods.py" line="54"/>
        <source>The answer of {source} has no &apos;results&apos; list: is this an OpenDataSoft Explore v2.1 /catalog/datasets URL?</source>
        <translation>La réponse de {source} n'a pas de liste 'results' : est-ce bien une URL OpenDataSoft Explore v2.1 /catalog/datasets ?</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/opensearch.py" line="102"/>
        <source>OpenSearch answer of {source}</source>
        <translation>réponse OpenSearch de {source}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/opensearch.py" line="166"/>
        <source>The answer of {source} is not an Atom feed (root {local!r}). {texts}</source>
        <translation>La réponse de {source} n'est pas un flux Atom (racine {local!r}). {texts}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="60"/>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>La date de fin {end} est antérieure à la date de début {start}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="143"/>
        <source>The answer of {source} for {year_mode} has no &apos;features&apos; list: it is not an OpenSPOT collection.</source>
        <translation>La réponse de {source} pour {year_mode} n'a pas de liste 'features' : ce n'est pas une collection OpenSPOT.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="211"/>
        <source>Record {id!r} is not an OpenSPOT image.</source>
        <translation>La fiche {id!r} n'est pas une image OpenSPOT.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="262"/>
        <source>OpenSPOT download request (step 1)</source>
        <translation>Demande de téléchargement OpenSPOT (étape 1)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="265"/>
        <source>OpenSPOT download request: {host} did not open a session (no cookie in its answer to step 1). The portal may have changed: download from its web page.</source>
        <translation>Demande de téléchargement OpenSPOT : {host} n'a pas ouvert de session (aucun cookie dans sa réponse à l'étape 1). Le portail a peut-être changé : téléchargez depuis sa page web.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="273"/>
        <source>OpenSPOT download request (step 2)</source>
        <translation>Demande de téléchargement OpenSPOT (étape 2)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="280"/>
        <source>OpenSPOT download request: {host} gave no file link for image {fid}. The image may have been withdrawn: try again later or use the portal.</source>
        <translation>Demande de téléchargement OpenSPOT : {host} n'a donné aucun lien de fichier pour l'image {fid}. L'image a peut-être été retirée : réessayez plus tard ou utilisez le portail.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="54"/>
        <source>The {what} is not valid JSON ({exc}); the answer may be truncated.</source>
        <translation>La {what} n'est pas du JSON valide ({exc}) ; la réponse est peut-être tronquée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="78"/>
        <source>The {what} is JSON but not an object (got {name}).</source>
        <translation>La {what} est du JSON mais pas un objet (reçu {name}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="73"/>
        <source>The {what} declares a DTD or entities, which are refused for safety (XML external entity or expansion attack).</source>
        <translation>La {what} déclare une DTD ou des entités, refusées par sécurité (attaque par entité externe XML ou par expansion).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="76"/>
        <source>The {what} is not well-formed XML ({exc}); the answer may be truncated.</source>
        <translation>La {what} n'est pas du XML bien formé ({exc}) ; la réponse est peut-être tronquée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="108"/>
        <source>The {what} is not well-formed XML ({exc}).</source>
        <translation>La {what} n'est pas du XML bien formé ({exc}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/signing.py" line="26"/>
        <source>The signing service address {signing_url!r} is not an http(s) URL: fix the hub&apos;s signing_url option.</source>
        <translation>L'adresse du service de signature {signing_url!r} n'est pas une URL http(s) : corrigez l'option signing_url du pôle.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/signing.py" line="30"/>
        <source>This hub signs its download links with an API key: create an authentication configuration (method Basic: user name = access key, password = secret key) and choose it for the hub.</source>
        <translation>Ce pôle signe ses liens de téléchargement avec une clé d'API : créez une configuration d'authentification (méthode Basic : nom d'utilisateur = clé d'accès, mot de passe = clé secrète) et choisissez-la pour le pôle.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/signing.py" line="38"/>
        <source>The signing service {host} refused the API key (HTTP {http_status}): check the access key (user name) and secret key (password) of the hub&apos;s authentication configuration, or create a new key.</source>
        <translation>Le service de signature {host} a refusé la clé d'API (HTTP {http_status}) : vérifiez la clé d'accès (nom d'utilisateur) et la clé secrète (mot de passe) de la configuration d'authentification du pôle, ou créez une nouvelle clé.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/signing.py" line="43"/>
        <source>The signing service {host} could not sign {asset_name} (HTTP {http_status}). Try again later.</source>
        <translation>Le service de signature {host} n'a pas pu signer {asset_name} (HTTP {http_status}). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/signing.py" line="50"/>
        <source>The signing service {host} answered without a signed http(s) link for {asset_name}: check the hub&apos;s signing_url option.</source>
        <translation>Le service de signature {host} a répondu sans lien http(s) signé pour {asset_name} : vérifiez l'option signing_url du pôle.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="33"/>
        <source>check your credentials (auth configuration of this hub)</source>
        <translation>vérifiez vos identifiants (configuration d'authentification de ce pôle)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="33"/>
        <source>check the collection and search parameters</source>
        <translation>vérifiez la collection et les paramètres de recherche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="33"/>
        <source>the server has a problem: try again later</source>
        <translation>le serveur a un problème : réessayez plus tard</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="38"/>
        <source>{what}: {host} answered HTTP {http_status}: {hint}.{server_text}</source>
        <translation>{what} : {host} a répondu HTTP {http_status} : {hint}.{server_text}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="38"/>
        <source> Server said: {snippet}</source>
        <translation> Le serveur a dit : {snippet}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="47"/>
        <source>{what}: {host} redirected (HTTP {http_status}) without a usable location.</source>
        <translation>{what} : {host} a redirigé (HTTP {http_status}) sans adresse utilisable.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="54"/>
        <source>{what}: {host} sent an empty answer.</source>
        <translation>{what} : {host} a envoyé une réponse vide.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="59"/>
        <source>{what}: {host} sent a web page instead of {expected} (often a login, maintenance or proxy error page). Check the endpoint address.{page_text}</source>
        <translation>{what} : {host} a envoyé une page web au lieu de {expected} (souvent une page de connexion, de maintenance ou d'erreur du proxy). Vérifiez l'adresse du service.{page_text}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="59"/>
        <source> Page text: {snippet}</source>
        <translation> Texte de la page : {snippet}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="69"/>
        <source>{what}: {host} sent {ctype} where JSON was expected. Check the endpoint and protocol.</source>
        <translation>{what} : {host} a envoyé {ctype} là où du JSON était attendu. Vérifiez l'adresse et le protocole.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/transport.py" line="72"/>
        <source>{what}: {host} sent {ctype} where XML was expected. Check the endpoint and protocol.</source>
        <translation>{what} : {host} a envoyé {ctype} là où du XML était attendu. Vérifiez l'adresse et le protocole.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/hubs.py" line="85"/>
        <source>No hub {hub_id!r} in the hub list. Known: {known}.</source>
        <translation>Aucun pôle {hub_id!r} dans la liste des pôles. Pôles connus : {known}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="109"/>
        <source>{what}: {netloc} holds none of the collections asked (last: {last}). Check the address and the dates (the open SPOT archive starts in {first_year}).</source>
        <translation>{what} : {netloc} ne contient aucune des collections demandées (dernière : {last}). Vérifiez l'adresse et les dates (l'archive SPOT ouverte commence en {first_year}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/csw.py" line="202"/>
        <source>CSW answer of {source}</source>
        <translation>réponse CSW de {source}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/ods.py" line="50"/>
        <source>OpenDataSoft answer of {source}</source>
        <translation>réponse OpenDataSoft de {source}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/openspot.py" line="134"/>
        <source>answer of {source} for {year_mode}</source>
        <translation>réponse de {source} pour {year_mode}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/records_api.py" line="33"/>
        <source>OGC API Records answer of {source}</source>
        <translation>réponse OGC API Records de {source}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="93"/>
        <source>answer</source>
        <translation>réponse</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/stac.py" line="211"/>
        <source>answer of {source}</source>
        <translation>réponse de {source}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/auth.py" line="19"/>
        <source>The QGIS authentication configuration {auth_config!r} of hub {id} could not be read or has no password: store the API key as its password (Settings &gt; Options &gt; Authentication) and unlock the authentication database.</source>
        <translation>La configuration d'authentification QGIS {auth_config!r} du pôle {id} n'a pas pu être lue ou n'a pas de mot de passe : enregistrez la clé d'API comme mot de passe (Préférences &gt; Options &gt; Authentification) et déverrouillez la base d'authentification.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/signing.py" line="22"/>
        <source>Hub {id} signs its download links with an API key: create an authentication configuration (method Basic: user name = access key, password = secret key) in Settings &gt; Options &gt; Authentication and choose it for this hub.</source>
        <translation>Le pôle {id} signe ses liens de téléchargement avec une clé d'API : créez une configuration d'authentification (méthode Basic : nom d'utilisateur = clé d'accès, mot de passe = clé secrète) dans Préférences &gt; Options &gt; Authentification et choisissez-la pour ce pôle.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/signing.py" line="28"/>
        <source>The QGIS authentication configuration {auth_config!r} of hub {id} could not be read or lacks the access key (user name) or the secret key (password): fix it in Settings &gt; Options &gt; Authentication and unlock the authentication database.</source>
        <translation>La configuration d'authentification QGIS {auth_config!r} du pôle {id} n'a pas pu être lue ou n'a pas de clé d'accès (nom d'utilisateur) ou de clé secrète (mot de passe) : corrigez-la dans Préférences &gt; Options &gt; Authentification et déverrouillez la base d'authentification.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/backend.py" line="100"/>
        <source>{what}: the answer of {host} is larger than {size} MB, more than a catalogue page can be: refused. Ask fewer records per page or check the address.</source>
        <translation>{what} : la réponse de {host} dépasse {size} Mo, plus qu'une page de catalogue ne peut l'être : refusée. Demandez moins d'enregistrements par page ou vérifiez l'adresse.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="63"/>
        <source>The {what} is not valid JSON ({reason} at character {index}); the answer may be truncated.</source>
        <translation>La {what} n'est pas du JSON valide ({reason} au caractère {index}) ; la réponse est peut-être tronquée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="143"/>
        <source>The {what} holds a value of more than {budget} bytes at character {index}: refused (a catalogue record is far smaller).</source>
        <translation>La {what} contient une valeur de plus de {budget} octets au caractère {index} : refusée (un enregistrement de catalogue est bien plus petit).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="187"/>
        <source>The {what} nests values more than {depth} levels deep near character {index}: refused.</source>
        <translation>La {what} imbrique des valeurs sur plus de {depth} niveaux vers le caractère {index} : refusée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="144"/>
        <source>The {what} has no &apos;{key}&apos; list (found {found}).</source>
        <translation>La {what} n'a pas de liste '{key}' (trouvé : {found}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/stac.py" line="143"/>
        <source>The &apos;next&apos; link of {source} carries a body that cannot be sent back ({name}).</source>
        <translation>Le lien 'next' de {source} porte un corps de requête qui ne peut pas être renvoyé ({name}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/stac.py" line="203"/>
        <source>The answer of {source} has no &apos;features&apos; list (found {found}): it is not a STAC item search result.</source>
        <translation>La réponse de {source} n'a pas de liste 'features' (trouvé : {found}) : ce n'est pas un résultat de recherche d'items STAC.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="77"/>
        <source>no JSON value</source>
        <translation>aucune valeur JSON</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="86"/>
        <source>expected a member name</source>
        <translation>nom de membre attendu</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="90"/>
        <source>expected &apos;:&apos;</source>
        <translation>':' attendu</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="104"/>
        <source>extra data after the object</source>
        <translation>données en trop après l'objet</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="182"/>
        <source>unterminated list</source>
        <translation>liste non terminée</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="182"/>
        <source>unterminated value</source>
        <translation>valeur non terminée</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="195"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="196"/>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="197"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="198"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="199"/>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="200"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="102"/>
        <source>expected a comma or a closing brace</source>
        <translation>virgule ou accolade fermante attendue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/jsonpage.py" line="129"/>
        <source>expected a comma or a closing bracket</source>
        <translation>virgule ou crochet fermant attendu</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="54"/>
        <source>An entry of the {what} holds more than {count} elements: refused.</source>
        <translation>Une entrée de la {what} contient plus de {count} éléments : refusée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/core/safe.py" line="194"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
</context>
</TS>
