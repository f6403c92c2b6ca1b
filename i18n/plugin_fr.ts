<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AlgorithmChain</name>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="69"/>
        <source>Cancelled: the remaining steps were not run.</source>
        <translation>Annulé : les étapes restantes n'ont pas été lancées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="78"/>
        <source>The algorithm {0} is not available: is the Data Terra provider enabled?</source>
        <translation>L'algorithme {0} n'est pas disponible : le fournisseur Data Terra est-il activé ?</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="83"/>
        <source>Could not prepare step {0}: {1}</source>
        <translation>Impossible de préparer l'étape {0} : {1}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="98"/>
        <source>Cancelled during step {0}: its outputs were not kept.</source>
        <translation>Annulé pendant l'étape {0} : ses sorties n'ont pas été conservées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="100"/>
        <source>Step {0} failed; see the Processing log for details.</source>
        <translation>L'étape {0} a échoué ; voir le journal des traitements pour les détails.</translation>
    </message>
</context>
<context>
    <name>ConnectivityWizard</name>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="36"/>
        <source>Connectivity study (ecological continuities)</source>
        <translation>Étude de connectivité (continuités écologiques)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="43"/>
        <source>1. Land cover, species group and habitat</source>
        <translation>1. Occupation du sol, groupe d'espèces et habitat</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="44"/>
        <source>The friction comes from the preset of the species group; the habitat classes give the source patches.</source>
        <translation>La friction vient du préréglage du groupe d'espèces ; les classes d'habitat donnent les taches sources.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="53"/>
        <source>Corine Land Cover</source>
        <translation>Corine Land Cover</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="53"/>
        <source>OSO (23 classes)</source>
        <translation>OSO (23 classes)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="54"/>
        <source>Forest species</source>
        <translation>Espèces forestières</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="54"/>
        <source>Open grassland species</source>
        <translation>Espèces des milieux ouverts herbacés</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="54"/>
        <source>Wetland species</source>
        <translation>Espèces des zones humides</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="59"/>
        <source>habitat classes, e.g. 311-313, 324 (empty = preset of the group)</source>
        <translation>classes d'habitat, par ex. 311-313, 324 (vide = préréglage du groupe)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="69"/>
        <source>Study name</source>
        <translation>Nom de l'étude</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="70"/>
        <source>Land cover</source>
        <translation>Occupation du sol</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="71"/>
        <source>Class field (vector)</source>
        <translation>Champ de classe (vecteur)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="72"/>
        <source>Nomenclature</source>
        <translation>Nomenclature</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="75"/>
        <source>Minimum patch area</source>
        <translation>Surface minimale des taches</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="76"/>
        <source>Resolution (vector land cover)</source>
        <translation>Résolution (occupation du sol vecteur)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="81"/>
        <source>2. Dispersal and graph</source>
        <translation>2. Dispersion et graphe</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="82"/>
        <source>Costs are metres x friction: with friction 1 in habitat, a maximum cost of 2500 means 2.5 km through habitat.</source>
        <translation>Les coûts sont en mètres x friction : avec une friction de 1 dans l'habitat, un coût maximal de 2500 signifie 2,5 km à travers l'habitat.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="87"/>
        <source>Knight&apos;s move (16 directions, more accurate, more memory)</source>
        <translation>Déplacement du cavalier (16 directions, plus précis, plus de mémoire)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="97"/>
        <source>Maximum dispersal cost</source>
        <translation>Coût de dispersion maximal</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="99"/>
        <source>Cost at which dispersal probability is 0.5</source>
        <translation>Coût auquel la probabilité de dispersion vaut 0,5</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="100"/>
        <source>Maximum link cost (0 = all)</source>
        <translation>Coût maximal des liens (0 = tous)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="101"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="139"/>
        <source>choose a land-cover layer (page 1).</source>
        <translation>choisissez une couche d'occupation du sol (page 1).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="141"/>
        <source>choose the class field of the land cover (page 1).</source>
        <translation>choisissez le champ de classe de l'occupation du sol (page 1).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="143"/>
        <source>tick at least one species group (page 1).</source>
        <translation>cochez au moins un groupe d'espèces (page 1).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="153"/>
        <source>Land-cover raster</source>
        <translation>Raster d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="172"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="174"/>
        <source>Friction</source>
        <translation>Friction</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="177"/>
        <source>Habitat patches</source>
        <translation>Taches d'habitat</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="181"/>
        <source>Dispersal</source>
        <translation>Dispersion</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="185"/>
        <source>Landscape graph</source>
        <translation>Graphe paysager</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="201"/>
        <source>Dispersal cost ({0})</source>
        <translation>Coût de dispersion ({0})</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="203"/>
        <source>Patches, dPC ({0})</source>
        <translation>Taches, dPC ({0})</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="204"/>
        <source>Links ({0})</source>
        <translation>Liens ({0})</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="207"/>
        <source>The result {0} could not be opened.</source>
        <translation>Le résultat {0} n'a pas pu être ouvert.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/connectivity_wizard.py" line="213"/>
        <source>{4}: IIC = {0:.4g}, PC = {1:.4g}, ECA = {2:.1f} ha, {3} component(s).</source>
        <translation>{4} : IIC = {0:.4g}, PC = {1:.4g}, ECA = {2:.1f} ha, {3} composante(s).</translation>
    </message>
</context>
<context>
    <name>DataTerraAlgorithm</name>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="85"/>
        <source>This algorithm needs the Python package(s) {0}, which are not installed. Install them with the OSGeo4W shell or your system&apos;s package manager (for example: python3 -m pip install {1}) and restart QGIS.</source>
        <translation>Cet algorithme a besoin du ou des paquets Python {0}, qui ne sont pas installés. Installez-les avec le shell OSGeo4W ou le gestionnaire de paquets de votre système (par exemple : python3 -m pip install {1}) puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="112"/>
        <source>Cancelled by the user: no output was written.</source>
        <translation>Annulé par l'utilisateur : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="40"/>
        <source>{0} has no coordinate reference system. Assign a projected CRS in metres (e.g. EPSG:2154 Lambert-93) in the layer properties.</source>
        <translation>{0} n'a pas de système de coordonnées. Attribuez un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) dans les propriétés de la couche.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="44"/>
        <source>{0} is in a geographic CRS ({1}, degrees): areas and distances would be wrong. Reproject it to a projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Vector &gt; Data Management Tools &gt; Reproject Layer, or Raster &gt; Projections &gt; Warp.</source>
        <translation>{0} est dans un SCR géographique ({1}, degrés) : les surfaces et les distances seraient fausses. Reprojetez-la dans un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) avec Vecteur &gt; Outils de gestion des données &gt; Reprojeter une couche, ou Raster &gt; Projections &gt; Projection (warp).</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <location filename="../rasterblocks/io.py" line="97"/>
        <source>Raster file not found: {path}. Check the path or the layer&apos;s source.</source>
        <translation>Fichier raster introuvable : {path}. Vérifiez le chemin ou la source de la couche.</translation>
    </message>
    <message>
        <location filename="../rasterblocks/io.py" line="102"/>
        <source>Cannot read {path} as a raster ({exc}). Is it a GDAL-readable raster?</source>
        <translation>Impossible de lire {path} comme raster ({exc}). Est-ce un raster lisible par GDAL ?</translation>
    </message>
    <message>
        <location filename="../rasterblocks/io.py" line="105"/>
        <source>{path} has no raster band.</source>
        <translation>{path} n'a aucune bande raster.</translation>
    </message>
    <message>
        <location filename="../rasterblocks/io.py" line="123"/>
        <source>{what} ({path}) has no coordinate reference system. Assign a projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Raster &gt; Projections &gt; Assign Projection.</source>
        <translation>{what} ({path}) n'a pas de système de coordonnées de référence. Attribuez-lui un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) avec Raster &gt; Projections &gt; Définir la projection.</translation>
    </message>
    <message>
        <location filename="../rasterblocks/io.py" line="130"/>
        <source>{what} ({path}) is in a geographic CRS (degrees): areas and distances would be wrong. Reproject it to a projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Raster &gt; Projections &gt; Warp (Reproject).</source>
        <translation>{what} ({path}) est dans un SCR géographique (degrés) : les surfaces et les distances seraient fausses. Reprojetez-le dans un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) avec Raster &gt; Projections &gt; Projection (warp).</translation>
    </message>
    <message>
        <location filename="../rasterblocks/io.py" line="138"/>
        <source>{what} ({path}) is rotated; warp it to a north-up grid first.</source>
        <translation>{what} ({path}) est tourné ; projetez-le d'abord sur une grille orientée au nord.</translation>
    </message>
    <message>
        <location filename="../rasterblocks/io.py" line="195"/>
        <source>Unsupported output data type {dtype}.</source>
        <translation>Type de données de sortie non pris en charge : {dtype}.</translation>
    </message>
    <message>
        <location filename="../rasterblocks/io.py" line="120"/>
        <source>This raster</source>
        <translation>Ce raster</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="53"/>
        <source>Checksum {text!r} is not &apos;&lt;md5|sha1|sha256|sha512&gt;:&lt;hex digest&gt;&apos; nor a hex multihash (STAC file:checksum): correct or remove it.</source>
        <translation>La somme de contrôle {text!r} n'est ni de la forme '&lt;md5|sha1|sha256|sha512&gt;:&lt;empreinte hexadécimale&gt;' ni un multihash hexadécimal (STAC file:checksum) : corrigez-la ou supprimez-la.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="112"/>
        <source>The server answered a range that does not continue {basename}; delete the .part file and try again.</source>
        <translation>Le serveur a répondu par une plage qui ne prolonge pas {basename} ; supprimez le fichier .part et réessayez.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="185"/>
        <source>The download of {host} was interrupted ({exc}) after {size} bytes. Start it again: it resumes where it stopped.</source>
        <translation>Le téléchargement depuis {host} a été interrompu ({exc}) après {size} octets. Relancez-le : il reprend là où il s'est arrêté.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="217"/>
        <source>check your credentials or API key</source>
        <translation>vérifiez vos identifiants ou votre clé d'API</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="217"/>
        <source>the link may have expired: search again</source>
        <translation>le lien a peut-être expiré : relancez la recherche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="217"/>
        <source>try again later</source>
        <translation>réessayez plus tard</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="222"/>
        <source>Download of {url} failed: HTTP {http_status}: {hint}.</source>
        <translation>Le téléchargement de {url} a échoué : HTTP {http_status} : {hint}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="229"/>
        <source>the answer stopped after {written} of {total} bytes</source>
        <translation>la réponse s'est arrêtée après {written} octets sur {total}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="245"/>
        <source>The file downloaded from {host} has {actual_size} bytes, the server announced {size}. The damaged file was deleted: download it again.</source>
        <translation>Le fichier téléchargé depuis {host} fait {actual_size} octets, le serveur en annonçait {size}. Le fichier endommagé a été supprimé : téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/transport.py" line="53"/>
        <source>{host} answered HTTP {http_status} with a body that is not JSON.</source>
        <translation>{host} a répondu HTTP {http_status} avec un contenu qui n'est pas du JSON.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/transport.py" line="71"/>
        <source>Cannot open {url!r}: only http(s) addresses are supported.</source>
        <translation>Impossible d'ouvrir {url!r} : seules les adresses http(s) sont prises en charge.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/transport.py" line="111"/>
        <source>The TLS certificate of {host} could not be verified ({name}): the connection was refused. Install the server&apos;s CA certificate in QGIS&apos;s authentication manager; do not disable the check.</source>
        <translation>Le certificat TLS de {host} n'a pas pu être vérifié ({name}) : la connexion a été refusée. Installez le certificat de l'autorité du serveur dans le gestionnaire d'authentification de QGIS ; ne désactivez pas la vérification.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/transport.py" line="118"/>
        <source>Cannot reach {host}: {reason}. Check the URL, your network connection and the proxy settings.</source>
        <translation>Impossible de joindre {host} : {reason}. Vérifiez l'URL, votre connexion réseau et les paramètres du proxy.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/transport.py" line="123"/>
        <source>TLS failure with {host} ({name}).</source>
        <translation>Échec TLS avec {host} ({name}).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/transport.py" line="130"/>
        <source>The connection to {host} was lost before the answer ({name}). Try again.</source>
        <translation>La connexion à {host} a été perdue avant la réponse ({name}). Réessayez.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="119"/>
        <source>{host} did not answer within {timeout:g} s. The server may be down or slow: try again later or raise the time-out.</source>
        <translation>{host} n'a pas répondu en {timeout:g} s. Le serveur est peut-être arrêté ou lent : réessayez plus tard ou augmentez le délai d'attente.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/transport.py" line="176"/>
        <source>The answer of {host} is larger than {limit} MiB: ask for less (fewer records per page, a smaller area).</source>
        <translation>La réponse de {host} dépasse {limit} Mio : demandez moins (moins de fiches par page, une zone plus petite).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="142"/>
        <source> of {expected}</source>
        <translation> sur {expected}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="143"/>
        <source>The answer of {host} was cut short ({received}{of} bytes). Try again.</source>
        <translation>La réponse de {host} a été tronquée ({received}{of} octets). Réessayez.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="89"/>
        <source>The QGIS authentication configuration {auth_config!r} could not be applied: check that it exists and that the authentication database is unlocked (Settings &gt; Options &gt; Authentication).</source>
        <translation>La configuration d'authentification QGIS {auth_config!r} n'a pas pu être appliquée : vérifiez qu'elle existe et que la base d'authentification est déverrouillée (Préférences &gt; Options &gt; Authentification).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="125"/>
        <source>The answer of {host} is larger than {max_mib} MiB: ask for less (fewer records per page, a smaller area).</source>
        <translation>La réponse de {host} dépasse {max_mib} Mio : demandez moins (moins de fiches par page, une zone plus petite).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="153"/>
        <source>The TLS certificate of {host} could not be verified: the connection was refused. Add the server&apos;s CA certificate in Settings &gt; Options &gt; Authentication; do not disable the check.</source>
        <translation>Le certificat TLS de {host} n'a pas pu être vérifié : la connexion a été refusée. Ajoutez le certificat de l'autorité du serveur dans Préférences &gt; Options &gt; Authentification ; ne désactivez pas la vérification.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="159"/>
        <source>{host} did not answer within {timeout:g} s (or the network time-out of QGIS). The server may be down or slow: try again later.</source>
        <translation>{host} n'a pas répondu en {timeout:g} s (ou dans le délai réseau de QGIS). Le serveur est peut-être arrêté ou lent : réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="163"/>
        <source>The proxy refused or failed the request to {host}: {text}. Check the proxy settings of QGIS (Settings &gt; Options &gt; Network).</source>
        <translation>Le proxy a refusé ou fait échouer la requête vers {host} : {text}. Vérifiez les paramètres de proxy de QGIS (Préférences &gt; Options &gt; Réseau).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/qgis_transport.py" line="166"/>
        <source>Cannot reach {host}: {text}. Check the URL, your network connection and the proxy settings of QGIS (Settings &gt; Options &gt; Network).</source>
        <translation>Impossible de joindre {host} : {text}. Vérifiez l'URL, votre connexion réseau et les paramètres de proxy de QGIS (Préférences &gt; Options &gt; Réseau).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/net/core/download.py" line="256"/>
        <source>The file downloaded from {url} is corrupt: its {algorithm} is {digest}, the catalogue says {expected_digest}. It was deleted: download it again.</source>
        <translation>Le fichier téléchargé depuis {url} est corrompu : son {algorithm} vaut {digest}, le catalogue indique {expected_digest}. Il a été supprimé : téléchargez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>DataTerraPlugin</name>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="190"/>
        <source>Data Terra</source>
        <translation>Data Terra</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="55"/>
        <source>Search the catalogues</source>
        <translation>Rechercher dans les catalogues</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="55"/>
        <source>Search the Data Terra hubs&apos; catalogues by place, date and keywords</source>
        <translation>Rechercher dans les catalogues des pôles Data Terra par lieu, date et mots-clés</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="75"/>
        <source>Fragmentation tools</source>
        <translation>Outils de fragmentation</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="75"/>
        <source>Connectivity tools</source>
        <translation>Outils de connectivité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="75"/>
        <source>Biodiversity tools</source>
        <translation>Outils de biodiversité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="190"/>
        <source>Enable the Processing plugin to use the Data Terra algorithms.</source>
        <translation>Activez l'extension Traitements pour utiliser les algorithmes Data Terra.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="64"/>
        <source>Fragmentation study…</source>
        <translation>Étude de fragmentation…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="64"/>
        <source>Guided effective mesh size study: land cover, fragmenting elements, reporting</source>
        <translation>Étude guidée de la taille effective de maille : occupation du sol, éléments fragmentants, restitution</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="60"/>
        <source>OGC services…</source>
        <translation>Services OGC…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="60"/>
        <source>Browse WMS, WMTS, WFS and WCS services, add their layers, download coverages</source>
        <translation>Parcourir les services WMS, WMTS, WFS et WCS, ajouter leurs couches, télécharger des couvertures</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="57"/>
        <source>DINAMIS orders</source>
        <translation>Commandes DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="57"/>
        <source>Request and track Pléiades / SPOT 6-7 imagery from DINAMIS</source>
        <translation>Demander et suivre des images Pléiades / SPOT 6-7 auprès de DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="67"/>
        <source>Connectivity study…</source>
        <translation>Étude de connectivité…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="67"/>
        <source>Guided ecological connectivity study: habitat, friction, dispersal, graph indices</source>
        <translation>Étude guidée de la connectivité écologique : habitat, friction, dispersion, indices de graphe</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="70"/>
        <source>Forest health study…</source>
        <translation>Étude de la santé des forêts…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="70"/>
        <source>Guided forest dieback detection from Sentinel-2 series: area, dates, products or catalogue items, forest mask</source>
        <translation>Détection guidée des dépérissements forestiers à partir de séries Sentinel-2 : zone, dates, produits ou éléments du catalogue, masque forêt</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="75"/>
        <source>Forest health tools</source>
        <translation>Outils de santé des forêts</translation>
    </message>
</context>
<context>
    <name>DataTerraProvider</name>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="27"/>
        <source>Fragmentation</source>
        <translation>Fragmentation</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="28"/>
        <source>Connectivity</source>
        <translation>Connectivité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="29"/>
        <source>Biodiversity</source>
        <translation>Biodiversité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="31"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/provider.py" line="58"/>
        <source>Data Terra: fragmentation, connectivity, biodiversity and catalogues</source>
        <translation>Data Terra : fragmentation, connectivité, biodiversité et catalogues</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="30"/>
        <source>Forest health</source>
        <translation>Santé des forêts</translation>
    </message>
</context>
<context>
    <name>ForestWizard</name>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="72"/>
        <source>Forest health study (dieback detection)</source>
        <translation>Étude de la santé des forêts (détection des dépérissements)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="81"/>
        <source>1. Area of interest and dates</source>
        <translation>1. Zone d'intérêt et dates</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="82"/>
        <source>The model of each pixel is trained on the dates before the detection starts (between the two training dates); dieback is then looked for date by date.</source>
        <translation>Le modèle de chaque pixel est appris sur les dates précédant le début de la détection (entre les deux dates d'apprentissage) ; le dépérissement est ensuite recherché date par date.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="97"/>
        <source>Area of interest</source>
        <translation>Zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="98"/>
        <source>First date used</source>
        <translation>Première date utilisée</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="99"/>
        <source>Detection starts from</source>
        <translation>La détection commence à partir du</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="100"/>
        <source>at the latest on</source>
        <translation>au plus tard le</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="101"/>
        <source>Vegetation index</source>
        <translation>Indice de végétation</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="102"/>
        <source>Anomaly threshold</source>
        <translation>Seuil d'anomalie</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="114"/>
        <source>2. Sentinel-2 products</source>
        <translation>2. Produits Sentinel-2</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="115"/>
        <source>A folder of L2A products (THEIA or Sen2Cor), or the Sentinel-2 items found by the catalogue dock: their files are read over the area of interest only, through QGIS&apos;s network settings.</source>
        <translation>Un dossier de produits L2A (THEIA ou Sen2Cor), ou les éléments Sentinel-2 trouvés par le panneau catalogue : leurs fichiers ne sont lus que sur la zone d'intérêt, avec les réglages réseau de QGIS.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="119"/>
        <source>Folder of products</source>
        <translation>Dossier de produits</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="119"/>
        <source>Items of the catalogue</source>
        <translation>Éléments du catalogue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="123"/>
        <source>STAC items (*.json *.geojson)</source>
        <translation>Éléments STAC (*.json *.geojson)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="124"/>
        <source>Take the items found by the catalogue dock</source>
        <translation>Prendre les éléments trouvés par le panneau catalogue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="129"/>
        <source>Products from</source>
        <translation>Produits depuis</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="130"/>
        <source>Products folder</source>
        <translation>Dossier des produits</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="131"/>
        <source>Catalogue items file</source>
        <translation>Fichier des éléments du catalogue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="138"/>
        <source>3. Forest mask and results</source>
        <translation>3. Masque forêt et résultats</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="139"/>
        <source>Only forest pixels are mapped. OSO: classes 16 (broad-leaved) and 17 (coniferous) of the land-cover raster.</source>
        <translation>Seuls les pixels de forêt sont cartographiés. OSO : classes 16 (feuillus) et 17 (conifères) du raster d'occupation du sol.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="142"/>
        <source>No mask (every pixel)</source>
        <translation>Pas de masque (tous les pixels)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="158"/>
        <source>Forest polygons</source>
        <translation>Polygones de forêt</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="142"/>
        <source>Forest raster (non-zero is forest)</source>
        <translation>Raster de forêt (non nul = forêt)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="142"/>
        <source>Forest classes of a land-cover raster</source>
        <translation>Classes forestières d'un raster d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="152"/>
        <source>e.g. 16,17 (OSO forests)</source>
        <translation>p. ex. 16,17 (forêts OSO)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="157"/>
        <source>Forest mask</source>
        <translation>Masque forêt</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="159"/>
        <source>Forest or land-cover raster</source>
        <translation>Raster de forêt ou d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="160"/>
        <source>Forest classes</source>
        <translation>Classes forestières</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="161"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="183"/>
        <source>The catalogue dock holds no Sentinel-2 item with band and cloud mask assets: search a Sentinel-2 L2A collection first.</source>
        <translation>Le panneau catalogue ne contient aucun élément Sentinel-2 avec des fichiers de bandes et de masque de nuages : cherchez d'abord dans une collection Sentinel-2 L2A.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="190"/>
        <source>{0} items of the catalogue written to {1}.</source>
        <translation>{0} éléments du catalogue écrits dans {1}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="231"/>
        <source>choose the folder of Sentinel-2 products (page 2).</source>
        <translation>choisissez le dossier des produits Sentinel-2 (page 2).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="234"/>
        <source>take the items of the catalogue or choose an items file (page 2).</source>
        <translation>prenez les éléments du catalogue ou choisissez un fichier d'éléments (page 2).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="236"/>
        <source>catalogue items are read over an area of interest: set it (page 1).</source>
        <translation>les éléments du catalogue sont lus sur une zone d'intérêt : définissez-la (page 1).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="238"/>
        <source>the detection cannot start after its latest start date (page 1).</source>
        <translation>la détection ne peut pas commencer après sa date de début au plus tard (page 1).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="240"/>
        <source>choose the forest polygons (page 3).</source>
        <translation>choisissez les polygones de forêt (page 3).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="242"/>
        <source>choose the forest or land-cover raster (page 3).</source>
        <translation>choisissez le raster de forêt ou d'occupation du sol (page 3).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="244"/>
        <source>list the forest classes of the land cover (page 3).</source>
        <translation>indiquez les classes forestières de l'occupation du sol (page 3).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="270"/>
        <source>Dieback detection and export</source>
        <translation>Détection des dépérissements et export</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="281"/>
        <source>Forest health</source>
        <translation>Santé des forêts</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="286"/>
        <source>Dieback by period</source>
        <translation>Dépérissements par période</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="286"/>
        <source>Stress periods</source>
        <translation>Périodes de stress</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="287"/>
        <source>Bare soil</source>
        <translation>Sol nu</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="291"/>
        <source>First dieback date</source>
        <translation>Première date de dépérissement</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="291"/>
        <source>Dieback state</source>
        <translation>État de dépérissement</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="292"/>
        <source>Confidence index</source>
        <translation>Indice de confiance</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="292"/>
        <source>Confidence class</source>
        <translation>Classe de confiance</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="295"/>
        <source>Results added to the group &apos;Forest health&apos;; the dieback polygons play in the temporal controller.</source>
        <translation>Résultats ajoutés au groupe « Santé des forêts » ; les polygones de dépérissement se déroulent dans le contrôleur temporel.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/forest_wizard.py" line="300"/>
        <source>The result {0} could not be opened.</source>
        <translation>Le résultat {0} n'a pas pu être ouvert.</translation>
    </message>
</context>
<context>
    <name>FragmentationWizard</name>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="38"/>
        <source>Fragmentation study (effective mesh size)</source>
        <translation>Étude de fragmentation (taille effective de maille)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="46"/>
        <source>1. Land cover and habitat</source>
        <translation>1. Occupation du sol et habitat</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="47"/>
        <source>Choose the land-cover layer and the classes that are habitat (the other classes fragment the landscape).</source>
        <translation>Choisissez la couche d'occupation du sol et les classes qui sont de l'habitat (les autres classes fragmentent le paysage).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="54"/>
        <source>Classes listed below</source>
        <translation>Classes listées ci-dessous</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="54"/>
        <source>OSO natural and semi-natural classes</source>
        <translation>Classes naturelles et semi-naturelles OSO</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="54"/>
        <source>Corine natural and semi-natural classes</source>
        <translation>Classes naturelles et semi-naturelles Corine</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="58"/>
        <source>e.g. 311,312,313</source>
        <translation>p. ex. 311,312,313</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="63"/>
        <source>Land cover</source>
        <translation>Occupation du sol</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="64"/>
        <source>Class field (vector)</source>
        <translation>Champ de classe (vecteur)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="65"/>
        <source>Habitat preset</source>
        <translation>Préréglage d'habitat</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="66"/>
        <source>Habitat classes</source>
        <translation>Classes d'habitat</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="67"/>
        <source>Study area (optional)</source>
        <translation>Zone d'étude (facultatif)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="76"/>
        <source>2. Fragmenting elements</source>
        <translation>2. Éléments fragmentants</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="77"/>
        <source>Roads, railways, rivers… each layer with an optional filter and a buffer width in metres (a number, a field or an expression).</source>
        <translation>Routes, voies ferrées, cours d'eau… chaque couche avec un filtre facultatif et une largeur de tampon en mètres (un nombre, un champ ou une expression).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="80"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="80"/>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="80"/>
        <source>Buffer (m)</source>
        <translation>Tampon (m)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="82"/>
        <source>Add a layer</source>
        <translation>Ajouter une couche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="82"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="107"/>
        <source>3. Reporting and method</source>
        <translation>3. Unités de restitution et méthode</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="108"/>
        <source>Effective mesh size per reporting unit (e.g. communes) or per grid cell.</source>
        <translation>Taille effective de maille par unité de restitution (p. ex. communes) ou par maille de grille.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="115"/>
        <source>no grid</source>
        <translation>pas de grille</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="117"/>
        <source>CUT: patches cut at unit boundaries</source>
        <translation>CUT : taches découpées aux limites des unités</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="117"/>
        <source>CBC: cross-boundary connections (Moser et al. 2007)</source>
        <translation>CBC : connexions au-delà des limites (Moser et al. 2007)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="120"/>
        <source>Vector</source>
        <translation>Vecteur</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="120"/>
        <source>Raster</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="128"/>
        <source>Reporting units</source>
        <translation>Unités de restitution</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="129"/>
        <source>Or a grid of</source>
        <translation>Ou une grille de</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="130"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="131"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="132"/>
        <source>Raster resolution</source>
        <translation>Résolution raster</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="133"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="179"/>
        <source>choose a land-cover layer (page 1).</source>
        <translation>choisissez une couche d'occupation du sol (page 1).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="181"/>
        <source>list the habitat classes or choose a preset (page 1).</source>
        <translation>listez les classes d'habitat ou choisissez un préréglage (page 1).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="183"/>
        <source>a fragmenting-element row has no layer (page 2).</source>
        <translation>une ligne d'éléments fragmentants n'a pas de couche (page 2).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="191"/>
        <source>Fragmenting elements {0}</source>
        <translation>Éléments fragmentants {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="211"/>
        <source>Habitat patches</source>
        <translation>Taches d'habitat</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="213"/>
        <source>Effective mesh size</source>
        <translation>Taille effective de maille</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="222"/>
        <source>Effective mesh size ({0})</source>
        <translation>Taille effective de maille ({0})</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="224"/>
        <source>The result {0} could not be opened.</source>
        <translation>Le résultat {0} n'a pas pu être ouvert.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/fragmentation_wizard.py" line="229"/>
        <source>Whole study area: effective mesh size {0:.2f} ha.</source>
        <translation>Toute la zone d'étude : taille effective de maille {0:.2f} ha.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../dataterra_plugin/ui/study_wizard.py" line="60"/>
        <source>Run the study</source>
        <translation>Lancer l'étude</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/study_wizard.py" line="61"/>
        <source>The algorithms run in the background: QGIS stays usable.</source>
        <translation>Les algorithmes tournent en arrière-plan : QGIS reste utilisable.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/study_wizard.py" line="62"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/study_wizard.py" line="63"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>StudyWizard</name>
    <message>
        <location filename="../dataterra_plugin/ui/study_wizard.py" line="144"/>
        <source>Cannot run: {0}</source>
        <translation>Impossible de lancer : {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/study_wizard.py" line="160"/>
        <source>Step {0} of {1}: {2}</source>
        <translation>Étape {0} sur {1} : {2}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/study_wizard.py" line="166"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
</context>
</TS>
