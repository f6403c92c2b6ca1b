<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>DataTerraError</name>
    <message>
        <source>The capabilities document</source>
        <translation>Le document de capacités</translation>
    </message>
    <message>
        <source>The service answered GetCapabilities with an error: {found}</source>
        <translation>Le service a répondu à GetCapabilities par une erreur : {found}</translation>
    </message>
    <message>
        <source>This is not a WMS, WMTS, WFS or WCS capabilities document (root element {local_name!r}). Check the URL and the service type.</source>
        <translation>Ce n'est pas un document de capacités WMS, WMTS, WFS ou WCS (élément racine {local_name!r}). Vérifiez l'URL et le type de service.</translation>
    </message>
    <message>
        <source>The {service} {version} capabilities could not be read ({exc}).</source>
        <translation>Les capacités {service} {version} n'ont pas pu être lues ({exc}).</translation>
    </message>
    <message>
        <source>The resolution must be positive (got {resolution}).</source>
        <translation>La résolution doit être positive (reçu {resolution}).</translation>
    </message>
    <message>
        <source>The extent is empty: give an extent with a positive width and height.</source>
        <translation>L'emprise est vide : donnez une emprise de largeur et de hauteur positives.</translation>
    </message>
    <message>
        <source>The request is {width} x {height} pixels, more than {max_pixels:,} pixels: use a coarser resolution or a smaller extent.</source>
        <translation>La requête fait {width} x {height} pixels, plus de {max_pixels:,} pixels : utilisez une résolution plus grossière ou une emprise plus petite.</translation>
    </message>
    <message>
        <source>The coverage {name!r} is not offered in {crs}; the service offers: {offered}. Choose one of these CRSs (the extent is reprojected for you).</source>
        <translation>La couverture {name!r} n'est pas proposée en {crs} ; le service propose : {offered}. Choisissez l'un de ces SCR (l'emprise est reprojetée pour vous).</translation>
    </message>
    <message>
        <source>The service</source>
        <translation>Le service</translation>
    </message>
    <message>
        <source>The server&apos;s multipart answer holds no coverage file ({kinds}): it may have stored the coverage on the server instead. Try another WCS version or FORMAT.</source>
        <translation>La réponse multipart du serveur ne contient aucun fichier de couverture ({kinds}) : il a peut-être stocké la couverture sur le serveur. Essayez une autre version WCS ou un autre FORMAT.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a raster GDAL can read ({exc}); it starts with {start!r}. Check FORMAT (GeoTIFF / image/tiff).</source>
        <translation>La réponse du serveur n'est pas un raster lisible par GDAL ({exc}) ; elle commence par {start!r}. Vérifiez FORMAT (GeoTIFF / image/tiff).</translation>
    </message>
    <message>
        <source>The server returned {got_width} x {got_height} pixels instead of {width} x {height}: it resampled the request; try its native resolution.</source>
        <translation>Le serveur a renvoyé {got_width} x {got_height} pixels au lieu de {width} x {height} : il a rééchantillonné la requête ; essayez sa résolution native.</translation>
    </message>
    <message>
        <source>The server returned tiles with different numbers of bands.</source>
        <translation>Le serveur a renvoyé des tuiles avec des nombres de bandes différents.</translation>
    </message>
    <message>
        <source>{exc} (even for a tile of {width} x {height} pixels: the server refuses small requests too; use a coarser resolution).</source>
        <translation>{exc} (même pour une tuile de {width} x {height} pixels : le serveur refuse aussi les petites requêtes ; utilisez une résolution plus grossière).</translation>
    </message>
    <message>
        <source>The server returned no data for this extent.</source>
        <translation>Le serveur n'a renvoyé aucune donnée pour cette emprise.</translation>
    </message>
    <message>
        <source>The DescribeFeatureType answer</source>
        <translation>La réponse DescribeFeatureType</translation>
    </message>
    <message>
        <source>The page size must be at least 1.</source>
        <translation>La taille de page doit valoir au moins 1.</translation>
    </message>
    <message>
        <source>The GetFeature answer</source>
        <translation>La réponse GetFeature</translation>
    </message>
    <message>
        <source>The features returned by the server cannot be read ({error}).</source>
        <translation>Les entités renvoyées par le serveur ne peuvent pas être lues ({error}).</translation>
    </message>
    <message>
        <source>The feature type {type_name!r} returned no feature for this request (check the extent and the filter); no file was written.</source>
        <translation>Le type d'entités {type_name!r} n'a renvoyé aucune entité pour cette requête (vérifiez l'emprise et le filtre) ; aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <source>The server&apos;s answer</source>
        <translation>La réponse du serveur</translation>
    </message>
    <message>
        <source>{what} is empty. Check the URL and that the service is running.</source>
        <translation>{what} : réponse vide. Vérifiez l'URL et que le service fonctionne.</translation>
    </message>
    <message>
        <source>{what} was refused because it contains XML entity declarations or external references ({name}), which can be used to attack the client. Check the URL: this is not a normal OGC document.</source>
        <translation>{what} : refusé car le document contient des déclarations d'entités XML ou des références externes ({name}), utilisables pour attaquer le client. Vérifiez l'URL : ce n'est pas un document OGC normal.</translation>
    </message>
    <message>
        <source>{what} is not valid XML ({exc}). It starts with: {start!r}</source>
        <translation>{what} : XML non valide ({exc}). Début : {start!r}</translation>
    </message>
    <message>
        <source>{what} reported an error{suffix}: {detail}</source>
        <translation>{what} a signalé une erreur{suffix} : {detail}</translation>
    </message>
    <message>
        <source>The service at {host}</source>
        <translation>Le service de {host}</translation>
    </message>
    <message>
        <source>the service needs credentials: set an authentication configuration</source>
        <translation>le service demande des identifiants : définissez une configuration d'authentification</translation>
    </message>
    <message>
        <source>access is refused: check your credentials or rights on this service</source>
        <translation>accès refusé : vérifiez vos identifiants ou vos droits sur ce service</translation>
    </message>
    <message>
        <source>the address does not exist: check the URL</source>
        <translation>l'adresse n'existe pas : vérifiez l'URL</translation>
    </message>
    <message>
        <source>the request is too large: request a smaller extent or a coarser resolution</source>
        <translation>la requête est trop grande : demandez une emprise plus petite ou une résolution plus grossière</translation>
    </message>
    <message>
        <source>the server failed: try again later or with a smaller request</source>
        <translation>le serveur a échoué : réessayez plus tard ou avec une requête plus petite</translation>
    </message>
    <message>
        <source>a gateway failed: try again later</source>
        <translation>une passerelle a échoué : réessayez plus tard</translation>
    </message>
    <message>
        <source>the service is unavailable: try again later</source>
        <translation>le service est indisponible : réessayez plus tard</translation>
    </message>
    <message>
        <source>the server took too long: request a smaller extent</source>
        <translation>le serveur a mis trop de temps : demandez une emprise plus petite</translation>
    </message>
    <message>
        <source>check the URL and the parameters</source>
        <translation>vérifiez l'URL et les paramètres</translation>
    </message>
    <message>
        <source>HTTP error {http_status} from {host}: {hint}.</source>
        <translation>Erreur HTTP {http_status} de {host} : {hint}.</translation>
    </message>
    <message>
        <source>The DescribeCoverage answer</source>
        <translation>La réponse DescribeCoverage</translation>
    </message>
    <message>
        <source>The service does not describe a coverage named {coverage!r}.</source>
        <translation>Le service ne décrit aucune couverture nommée {coverage!r}.</translation>
    </message>
    <message>
        <source>WCS version {version} is not supported; use one of {versions}.</source>
        <translation>La version WCS {version} n'est pas prise en charge ; utilisez l'une de {versions}.</translation>
    </message>
    <message>
        <source>The service list {path} cannot be read ({exc}). Fix or delete the file.</source>
        <translation>La liste des services {path} ne peut pas être lue ({exc}). Corrigez ou supprimez le fichier.</translation>
    </message>
    <message>
        <source>Entry {index} of {path} is malformed ({exc}).</source>
        <translation>L'entrée {index} de {path} est mal formée ({exc}).</translation>
    </message>
    <message>
        <source>Entry {index} of {path} needs a type among {service_types} and an http(s) URL.</source>
        <translation>L'entrée {index} de {path} doit avoir un type parmi {service_types} et une URL http(s).</translation>
    </message>
    <message>
        <source>Sextant (Ifremer): marine environment (Surval monitoring network)</source>
        <translation>Sextant (Ifremer) : milieu marin (réseau de surveillance Surval)</translation>
    </message>
    <message>
        <source>Sextant (Ifremer): Surval monitoring, nutrients, phytoplankton, microbiology</source>
        <translation>Sextant (Ifremer) : surveillance Surval, nutriments, phytoplancton, microbiologie</translation>
    </message>
    <message>
        <source>Sextant (Ifremer): benthic atlas</source>
        <translation>Sextant (Ifremer) : atlas benthique</translation>
    </message>
    <message>
        <source>EMODnet Chemistry (served by Sextant, Ifremer): marine litter</source>
        <translation>EMODnet Chemistry (servi par Sextant, Ifremer) : déchets marins</translation>
    </message>
    <message>
        <source>Sextant (Ifremer): POLMAR La Reunion coastal sensitivity</source>
        <translation>Sextant (Ifremer) : sensibilité du littoral POLMAR La Réunion</translation>
    </message>
    <message>
        <source>The WCS tile</source>
        <translation>La tuile WCS</translation>
    </message>
    <message>
        <source>The WFS page</source>
        <translation>La page WFS</translation>
    </message>
</context>
<context>
    <name>DownloadCoverage</name>
    <message>
        <source>Download a WCS coverage</source>
        <translation>Télécharger une couverture WCS</translation>
    </message>
    <message>
        <source>WCS service URL</source>
        <translation>URL du service WCS</translation>
    </message>
    <message>
        <source>Coverage name</source>
        <translation>Nom de la couverture</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <source>Output CRS (empty: native CRS)</source>
        <translation>SCR de sortie (vide : SCR natif)</translation>
    </message>
    <message>
        <source>Resolution (output CRS units per pixel, 0: native)</source>
        <translation>Résolution (unités du SCR de sortie par pixel, 0 : native)</translation>
    </message>
    <message>
        <source>Format asked to the server</source>
        <translation>Format demandé au serveur</translation>
    </message>
    <message>
        <source>WCS version</source>
        <translation>Version WCS</translation>
    </message>
    <message>
        <source>Tile size (pixels)</source>
        <translation>Taille des tuiles (pixels)</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Downloaded coverage</source>
        <translation>Couverture téléchargée</translation>
    </message>
    <message>
        <source>Describing coverage {0}…</source>
        <translation>Description de la couverture {0}…</translation>
    </message>
    <message>
        <source>The service does not say the coverage&apos;s CRS: choose one.</source>
        <translation>Le service n'indique pas le SCR de la couverture : choisissez-en un.</translation>
    </message>
    <message>
        <source>The native resolution is unknown in {0}: give a RESOLUTION in its units.</source>
        <translation>La résolution native est inconnue en {0} : indiquez une RÉSOLUTION dans ses unités.</translation>
    </message>
    <message>
        <source>{0} x {1} pixels, {2} band(s), {3} tile(s).</source>
        <translation>{0} x {1} pixels, {2} bande(s), {3} tuile(s).</translation>
    </message>
    <message>
        <source>Downloads the pixels of a Web Coverage Service (WCS 1.0.0, 1.1 or 2.0.1) coverage over an extent into a GeoTIFF with its CRS, nodata value and band descriptions, ready for the analysis algorithms.

URL: the service address. COVERAGE: the coverage name (identifier). EXTENT: the area, in any CRS (it is reprojected to the output CRS). CRS: the output CRS (left empty: the coverage&apos;s native CRS). When the service does not offer it, REPROJECT downloads the native CRS and warps it locally (nearest neighbour); without REPROJECT the error lists the CRSs the service offers. RESOLUTION: pixel size in output CRS units (0: the native resolution). At the native CRS and resolution the output grid is aligned on the coverage&apos;s grid, so pixels are the server&apos;s own.

Large requests are split into tiles fetched in parallel and mosaicked; a tile the server refuses as too large is split again. The file is written under a temporary name and renamed when complete: on error or cancel nothing is left.</source>
        <translation>Télécharge les pixels d'une couverture d'un service WCS (Web Coverage Service, versions 1.0.0, 1.1 ou 2.0.1) sur une emprise, dans un GeoTIFF avec son SCR, sa valeur nodata et la description de ses bandes, prêt pour les algorithmes d'analyse.

URL : l'adresse du service. COVERAGE : le nom (identifiant) de la couverture. EXTENT : la zone, dans n'importe quel SCR (elle est reprojetée dans le SCR de sortie). CRS : le SCR de sortie (vide : le SCR natif de la couverture). Si le service ne le propose pas, REPROJECT télécharge le SCR natif et le reprojette localement (plus proche voisin) ; sans REPROJECT, l'erreur liste les SCR proposés par le service. RESOLUTION : taille du pixel en unités du SCR de sortie (0 : la résolution native). Dans le SCR et à la résolution natifs, la grille de sortie est calée sur celle de la couverture : les pixels sont ceux du serveur.

Les grosses requêtes sont découpées en tuiles téléchargées en parallèle puis assemblées ; une tuile que le serveur refuse car trop grande est redécoupée. Le fichier est écrit sous un nom temporaire puis renommé une fois complet : en cas d'erreur ou d'annulation, rien n'est laissé.</translation>
    </message>
    <message>
        <source>Reproject locally when the service does not offer the CRS</source>
        <translation>Reprojeter localement si le service ne propose pas le SCR</translation>
    </message>
    <message>
        <source>Downloaded in {0} (the service does not offer {1}) and reprojected.</source>
        <translation>Téléchargé en {0} (le service ne propose pas {1}) puis reprojeté.</translation>
    </message>
</context>
<context>
    <name>DownloadFeatures</name>
    <message>
        <source>Download WFS features</source>
        <translation>Télécharger des entités WFS</translation>
    </message>
    <message>
        <source>WFS service URL</source>
        <translation>URL du service WFS</translation>
    </message>
    <message>
        <source>Feature type name</source>
        <translation>Nom du type d'entités</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <source>CRS asked to the server</source>
        <translation>SCR demandé au serveur</translation>
    </message>
    <message>
        <source>OGC filter (XML)</source>
        <translation>Filtre OGC (XML)</translation>
    </message>
    <message>
        <source>Features per request</source>
        <translation>Entités par requête</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Downloaded features</source>
        <translation>Entités téléchargées</translation>
    </message>
    <message>
        <source>The output must be a GeoPackage (.gpkg) file.</source>
        <translation>La sortie doit être un fichier GeoPackage (.gpkg).</translation>
    </message>
    <message>
        <source>{0} feature(s) in {1} page(s).</source>
        <translation>{0} entité(s) en {1} page(s).</translation>
    </message>
    <message>
        <source>WFS version (auto: the server&apos;s highest)</source>
        <translation>Version WFS (auto : la plus récente du serveur)</translation>
    </message>
    <message>
        <source>Using WFS {0}.</source>
        <translation>Utilisation de WFS {0}.</translation>
    </message>
    <message>
        <source>Downloads every feature of a Web Feature Service (WFS 1.1 or 2.0) feature type into a GeoPackage, page by page (STARTINDEX with COUNT or MAXFEATURES), so services that cap the number of features per answer still give all of them.

URL: the service address. TYPENAME: the feature type name. EXTENT (optional): only features intersecting it. CRS: the CRS asked to the server (EPSG code it offers; default EPSG:2154). FILTER (optional): an OGC Filter Encoding XML &lt;Filter&gt; element; it replaces the extent, so put any spatial condition inside it. PAGE_SIZE: features per request. Nothing is left under the output name on error or cancel.</source>
        <translation>Télécharge toutes les entités d'un type d'entités d'un service WFS (Web Feature Service, versions 1.1 ou 2.0) dans un GeoPackage, page par page (STARTINDEX avec COUNT ou MAXFEATURES) : les services qui limitent le nombre d'entités par réponse les donnent ainsi toutes.

URL : l'adresse du service. TYPENAME : le nom du type d'entités. EXTENT (facultatif) : seulement les entités qui l'intersectent. CRS : le SCR demandé au serveur (un code EPSG qu'il propose ; par défaut EPSG:2154). FILTER (facultatif) : un élément &lt;Filter&gt; OGC Filter Encoding en XML ; il remplace l'emprise, donc placez-y toute condition spatiale. PAGE_SIZE : entités par requête. Rien n'est laissé sous le nom de sortie en cas d'erreur ou d'annulation.</translation>
    </message>
</context>
<context>
    <name>OgcBrowserDialog</name>
    <message>
        <source>Data Terra: OGC services</source>
        <translation>Data Terra : services OGC</translation>
    </message>
    <message>
        <source>Type a service URL or pick one of the hubs&apos; services</source>
        <translation>Saisissez l'URL d'un service ou choisissez un des services des pôles</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Add as layer</source>
        <translation>Ajouter comme couche</translation>
    </message>
    <message>
        <source>Zoom to extent</source>
        <translation>Zoomer sur l'emprise</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>Enregistrer la connexion</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Télécharger…</translation>
    </message>
    <message>
        <source>Enter the service URL, starting with http:// or https://.</source>
        <translation>Saisissez l'URL du service, commençant par http:// ou https://.</translation>
    </message>
    <message>
        <source>Asking the service for its capabilities…</source>
        <translation>Interrogation du service (GetCapabilities)…</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>The service could not be reached: {0}. Check the URL and the network.</source>
        <translation>Le service est injoignable : {0}. Vérifiez l'URL et le réseau.</translation>
    </message>
    <message>
        <source>{0} {1}: {2} ({3} items)</source>
        <translation>{0} {1} : {2} ({3} éléments)</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>SCR</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>Styles</source>
        <translation>Styles</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Extent (WGS 84)</source>
        <translation>Emprise (WGS 84)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>QGIS could not open {0}: {1}</source>
        <translation>QGIS n'a pas pu ouvrir {0} : {1}</translation>
    </message>
    <message>
        <source>{0} added to the project.</source>
        <translation>{0} ajoutée au projet.</translation>
    </message>
    <message>
        <source>Saved as the {0} connection “{1}” (Browser panel and Data Source Manager).</source>
        <translation>Enregistré comme connexion {0} « {1} » (panneau Explorateur et Gestionnaire des sources de données).</translation>
    </message>
    <message>
        <source>{0} added; the temporal controller steps through its time dimension.</source>
        <translation>{0} ajoutée ; le contrôleur temporel parcourt sa dimension temporelle.</translation>
    </message>
    <message>
        <source>{0}
Source: {1}
Checked on {2}.</source>
        <translation>{0}
Source : {1}
Vérifié le {2}.</translation>
    </message>
    <message>
        <source>{0}
Source: {1}
Not checked yet: if the service does not answer, look for its current address on the hub&apos;s site.</source>
        <translation>{0}
Source : {1}
Pas encore vérifié : si le service ne répond pas, cherchez son adresse actuelle sur le site du pôle.</translation>
    </message>
</context>
</TS>
