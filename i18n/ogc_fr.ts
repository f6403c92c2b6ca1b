<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>DownloadCoverage</name>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="52"/>
        <source>Download a WCS coverage</source>
        <translation>Télécharger une couverture WCS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="72"/>
        <source>WCS service URL</source>
        <translation>URL du service WCS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="73"/>
        <source>Coverage name</source>
        <translation>Nom de la couverture</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="74"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="75"/>
        <source>Output CRS (empty: native CRS)</source>
        <translation>SCR de sortie (vide : SCR natif)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="77"/>
        <source>Resolution (output CRS units per pixel, 0: native)</source>
        <translation>Résolution (unités du SCR de sortie par pixel, 0 : native)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="80"/>
        <source>Format asked to the server</source>
        <translation>Format demandé au serveur</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="82"/>
        <source>WCS version</source>
        <translation>Version WCS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="84"/>
        <source>Tile size (pixels)</source>
        <translation>Taille des tuiles (pixels)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="91"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="93"/>
        <source>Downloaded coverage</source>
        <translation>Couverture téléchargée</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="100"/>
        <source>Describing coverage {0}…</source>
        <translation>Description de la couverture {0}…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="105"/>
        <source>The service does not say the coverage&apos;s CRS: choose one.</source>
        <translation>Le service n'indique pas le SCR de la couverture : choisissez-en un.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="117"/>
        <source>The native resolution is unknown in {0}: give a RESOLUTION in its units.</source>
        <translation>La résolution native est inconnue en {0} : indiquez une RÉSOLUTION dans ses unités.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="128"/>
        <source>{0} x {1} pixels, {2} band(s), {3} tile(s).</source>
        <translation>{0} x {1} pixels, {2} bande(s), {3} tuile(s).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="55"/>
        <source>Downloads the pixels of a Web Coverage Service (WCS 1.0.0, 1.1 or 2.0.1) coverage over an extent into a GeoTIFF with its CRS, nodata value and band descriptions, ready for the analysis algorithms.

URL: the service address. COVERAGE: the coverage name (identifier). EXTENT: the area, in any CRS (it is reprojected to the output CRS). CRS: the output CRS (left empty: the coverage&apos;s native CRS). When the service does not offer it, REPROJECT downloads the native CRS and warps it locally (nearest neighbour); without REPROJECT the error lists the CRSs the service offers. RESOLUTION: pixel size in output CRS units (0: the native resolution). At the native CRS and resolution the output grid is aligned on the coverage&apos;s grid, so pixels are the server&apos;s own.

Large requests are split into tiles fetched in parallel and mosaicked; a tile the server refuses as too large is split again. The file is written under a temporary name and renamed when complete: on error or cancel nothing is left.</source>
        <translation>Télécharge les pixels d'une couverture d'un service WCS (Web Coverage Service, versions 1.0.0, 1.1 ou 2.0.1) sur une emprise, dans un GeoTIFF avec son SCR, sa valeur nodata et la description de ses bandes, prêt pour les algorithmes d'analyse.

URL : l'adresse du service. COVERAGE : le nom (identifiant) de la couverture. EXTENT : la zone, dans n'importe quel SCR (elle est reprojetée dans le SCR de sortie). CRS : le SCR de sortie (vide : le SCR natif de la couverture). Si le service ne le propose pas, REPROJECT télécharge le SCR natif et le reprojette localement (plus proche voisin) ; sans REPROJECT, l'erreur liste les SCR proposés par le service. RESOLUTION : taille du pixel en unités du SCR de sortie (0 : la résolution native). Dans le SCR et à la résolution natifs, la grille de sortie est calée sur celle de la couverture : les pixels sont ceux du serveur.

Les grosses requêtes sont découpées en tuiles téléchargées en parallèle puis assemblées ; une tuile que le serveur refuse car trop grande est redécoupée. Le fichier est écrit sous un nom temporaire puis renommé une fois complet : en cas d'erreur ou d'annulation, rien n'est laissé.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="89"/>
        <source>Reproject locally when the service does not offer the CRS</source>
        <translation>Reprojeter localement si le service ne propose pas le SCR</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="131"/>
        <source>Downloaded in {0} (the service does not offer {1}) and reprojected.</source>
        <translation>Téléchargé en {0} (le service ne propose pas {1}) puis reprojeté.</translation>
    </message>
</context>
<context>
    <name>DownloadFeatures</name>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="153"/>
        <source>Download WFS features</source>
        <translation>Télécharger des entités WFS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="156"/>
        <source>Downloads every feature of a Web Feature Service (WFS 1.1 or 2.0) feature type into a GeoPackage, page by page (STARTINDEX with COUNT or MAXFEATURES), so services that cap the number of features per answer still give all of them.

URL: the service address. TYPENAME: the feature type name. EXTENT (optional): only features intersecting it. CRS: the CRS asked to the server (EPSG code it offers). FILTER (optional): an OGC Filter Encoding XML &lt;Filter&gt; element; it replaces the extent, so put any spatial condition inside it. PAGE_SIZE: features per request. Nothing is left under the output name on error or cancel.</source>
        <translation>Télécharge toutes les entités d'un type d'entités d'un service WFS (Web Feature Service, versions 1.1 ou 2.0) dans un GeoPackage, page par page (STARTINDEX avec COUNT ou MAXFEATURES) : les services qui limitent le nombre d'entités par réponse les donnent ainsi toutes.

URL : l'adresse du service. TYPENAME : le nom du type d'entités. EXTENT (facultatif) : seulement les entités qui l'intersectent. CRS : le SCR demandé au serveur (un code EPSG qu'il propose). FILTER (facultatif) : un élément &lt;Filter&gt; OGC Filter Encoding en XML ; il remplace l'emprise, donc placez-y toute condition spatiale. PAGE_SIZE : entités par requête. Rien n'est laissé sous le nom de sortie en cas d'erreur ou d'annulation.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="167"/>
        <source>WFS service URL</source>
        <translation>URL du service WFS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="168"/>
        <source>Feature type name</source>
        <translation>Nom du type d'entités</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="169"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="170"/>
        <source>CRS asked to the server</source>
        <translation>SCR demandé au serveur</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="171"/>
        <source>OGC filter (XML)</source>
        <translation>Filtre OGC (XML)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="175"/>
        <source>Features per request</source>
        <translation>Entités par requête</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="178"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="179"/>
        <source>Downloaded features</source>
        <translation>Entités téléchargées</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="192"/>
        <source>The output must be a GeoPackage (.gpkg) file.</source>
        <translation>La sortie doit être un fichier GeoPackage (.gpkg).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="207"/>
        <source>{0} feature(s) in {1} page(s).</source>
        <translation>{0} entité(s) en {1} page(s).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="173"/>
        <source>WFS version (auto: the server&apos;s highest)</source>
        <translation>Version WFS (auto : la plus récente du serveur)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/algorithms.py" line="198"/>
        <source>Using WFS {0}.</source>
        <translation>Utilisation de WFS {0}.</translation>
    </message>
</context>
<context>
    <name>OgcBrowserDialog</name>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="46"/>
        <source>Data Terra: OGC services</source>
        <translation>Data Terra : services OGC</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="70"/>
        <source>Type a service URL or pick one of the hubs&apos; services</source>
        <translation>Saisissez l'URL d'un service ou choisissez un des services des pôles</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="83"/>
        <source>Connect</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="85"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="93"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="207"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="104"/>
        <source>Add as layer</source>
        <translation>Ajouter comme couche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="105"/>
        <source>Zoom to extent</source>
        <translation>Zoomer sur l'emprise</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="106"/>
        <source>Save connection</source>
        <translation>Enregistrer la connexion</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="107"/>
        <source>Download…</source>
        <translation>Télécharger…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="147"/>
        <source>Enter the service URL, starting with http:// or https://.</source>
        <translation>Saisissez l'URL du service, commençant par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="150"/>
        <source>Asking the service for its capabilities…</source>
        <translation>Interrogation du service (GetCapabilities)…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="159"/>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="160"/>
        <source>The service could not be reached: {0}. Check the URL and the network.</source>
        <translation>Le service est injoignable : {0}. Vérifiez l'URL et le réseau.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="178"/>
        <source>{0} {1}: {2} ({3} items)</source>
        <translation>{0} {1} : {2} ({3} éléments)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="207"/>
        <source>CRS</source>
        <translation>SCR</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="207"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="208"/>
        <source>Styles</source>
        <translation>Styles</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="208"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="209"/>
        <source>Extent (WGS 84)</source>
        <translation>Emprise (WGS 84)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="209"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="251"/>
        <source>QGIS could not open {0}: {1}</source>
        <translation>QGIS n'a pas pu ouvrir {0} : {1}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="255"/>
        <source>{0} added to the project.</source>
        <translation>{0} ajoutée au projet.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="278"/>
        <source>Saved as the {0} connection “{1}” (Browser panel and Data Source Manager).</source>
        <translation>Enregistré comme connexion {0} « {1} » (panneau Explorateur et Gestionnaire des sources de données).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="259"/>
        <source>{0} added; the temporal controller steps through its time dimension.</source>
        <translation>{0} ajoutée ; le contrôleur temporel parcourt sa dimension temporelle.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="119"/>
        <source>{0}
Source: {1}
Checked on {2}.</source>
        <translation>{0}
Source : {1}
Vérifié le {2}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ogc/browser.py" line="120"/>
        <source>{0}
Source: {1}
Not checked yet: if the service does not answer, look for its current address on the hub&apos;s site.</source>
        <translation>{0}
Source : {1}
Pas encore vérifié : si le service ne répond pas, cherchez son adresse actuelle sur le site du pôle.</translation>
    </message>
</context>
</TS>
