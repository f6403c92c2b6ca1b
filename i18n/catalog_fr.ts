<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CatalogDock</name>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="84"/>
        <source>Data Terra catalogue</source>
        <translation>Catalogue Data Terra</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="346"/>
        <source>Other catalogue (URL)</source>
        <translation>Autre catalogue (URL)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="123"/>
        <source>Hub</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="130"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="668"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="135"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="137"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="145"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="669"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="227"/>
        <source>Map canvas extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="153"/>
        <source>Cloud cover at most</source>
        <translation>Couverture nuageuse au plus</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="148"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="163"/>
        <source>Maximum records</source>
        <translation>Nombre maximal de fiches</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="167"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="169"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="192"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="193"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="203"/>
        <source>Add services</source>
        <translation>Ajouter les services</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="204"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="205"/>
        <source>Open page</source>
        <translation>Ouvrir la page</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="436"/>
        <source>Searching {0}…</source>
        <translation>Recherche dans {0}…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="510"/>
        <source>{0} records found.</source>
        <translation>{0} fiches trouvées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="516"/>
        <source>Search cancelled: {0} records kept.</source>
        <translation>Recherche annulée : {0} fiches conservées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="539"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="540"/>
        <source>Page {0}/{1}, {2} records loaded, {3} matched</source>
        <translation>Page {0}/{1}, {2} fiches chargées, {3} correspondantes</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="606"/>
        <source>Data Terra footprints</source>
        <translation>Emprises Data Terra</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="668"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="669"/>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="670"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="671"/>
        <source>Cloud cover</source>
        <translation>Couverture nuageuse</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="672"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="672"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="690"/>
        <source>{0} service layers added.</source>
        <translation>{0} couches de service ajoutées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="693"/>
        <source>Download to</source>
        <translation>Télécharger dans</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="454"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="343"/>
        <source>All hubs</source>
        <translation>Tous les pôles</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="155"/>
        <source>QGIS authentication configuration used for this hub (Settings &gt; Options &gt; Authentication). Only its id is remembered; the login or API key stays encrypted in the QGIS authentication database.</source>
        <translation>Configuration d'authentification QGIS utilisée pour ce pôle (Préférences &gt; Options &gt; Authentification). Seul son identifiant est mémorisé ; l'identifiant de connexion ou la clé d'API restent chiffrés dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="159"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="212"/>
        <source>Quicklooks of the selected records on the map</source>
        <translation>Aperçus des fiches sélectionnées sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="213"/>
        <source>Shows the thumbnail of each selected record (ten at most) stretched over its footprint&apos;s bounding box. Thumbnails are not orthorectified: use them to judge clouds and coverage, not for measurements.</source>
        <translation>Affiche la vignette de chaque fiche sélectionnée (dix au plus) étirée sur le rectangle englobant de son emprise. Les vignettes ne sont pas orthorectifiées : elles servent à juger des nuages et de la couverture, pas à mesurer.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="227"/>
        <source>Anywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="227"/>
        <source>Rectangle drawn on the map</source>
        <translation>Rectangle dessiné sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="227"/>
        <source>Polygon drawn on the map</source>
        <translation>Polygone dessiné sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="227"/>
        <source>Extent of a layer</source>
        <translation>Emprise d'une couche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="231"/>
        <source>Where to search. Draw a rectangle by dragging on the map; draw a polygon by clicking its vertices and close it with a right click or a double click. Catalogues are searched by the polygon itself where they accept a geometry (STAC API); the others (CSW, OpenSearch, OGC API Records, OpenDataSoft) are searched by its bounding box and the records whose footprint misses the polygon are then left out, so their total count may be higher than the records listed.</source>
        <translation>Où chercher. Dessinez un rectangle en faisant glisser la souris sur la carte ; dessinez un polygone en cliquant ses sommets et fermez-le d'un clic droit ou d'un double clic. Les catalogues qui acceptent une géométrie (API STAC) sont interrogés avec le polygone lui-même ; les autres (CSW, OpenSearch, OGC API Records, OpenDataSoft) le sont avec son rectangle englobant, puis les fiches dont l'emprise ne touche pas le polygone sont écartées : leur total peut donc dépasser le nombre de fiches listées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="240"/>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="241"/>
        <source>Draw the search area on the map</source>
        <translation>Dessiner la zone de recherche sur la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="290"/>
        <source>Click the polygon&apos;s vertices on the map; right click or double click to close it.</source>
        <translation>Cliquez les sommets du polygone sur la carte ; clic droit ou double clic pour le fermer.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="292"/>
        <source>Drag a rectangle on the map.</source>
        <translation>Faites glisser la souris sur la carte pour tracer un rectangle.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="300"/>
        <source>The drawn area cannot be expressed in longitude/latitude: draw it again.</source>
        <translation>La zone dessinée ne peut pas être exprimée en longitude/latitude : dessinez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="304"/>
        <source>Search area: {0:.4f}, {1:.4f} to {2:.4f}, {3:.4f} (degrees).</source>
        <translation>Zone de recherche : {0:.4f}, {1:.4f} à {2:.4f}, {3:.4f} (degrés).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="328"/>
        <source>Choose the layer whose extent is searched.</source>
        <translation>Choisissez la couche dont l'emprise est cherchée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="331"/>
        <source>Draw the search area on the map first (button Draw).</source>
        <translation>Dessinez d'abord la zone de recherche sur la carte (bouton Dessiner).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="337"/>
        <source>The search area cannot be expressed in longitude/latitude: zoom in or choose another area.</source>
        <translation>La zone de recherche ne peut pas être exprimée en longitude/latitude : zoomez ou choisissez une autre zone.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="512"/>
        <source>{0} records whose footprint misses the polygon were left out.</source>
        <translation>{0} fiches dont l'emprise ne touche pas le polygone ont été écartées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/catalog/dock.py" line="581"/>
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
</TS>
