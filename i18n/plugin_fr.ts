<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AlgorithmChain</name>
    <message>
        <source>Cancelled: the remaining steps were not run.</source>
        <translation>Annulé : les étapes restantes n'ont pas été lancées.</translation>
    </message>
    <message>
        <source>The algorithm {0} is not available: is the Data Terra provider enabled?</source>
        <translation>L'algorithme {0} n'est pas disponible : le fournisseur Data Terra est-il activé ?</translation>
    </message>
    <message>
        <source>Could not prepare step {0}: {1}</source>
        <translation>Impossible de préparer l'étape {0} : {1}</translation>
    </message>
    <message>
        <source>Cancelled during step {0}: its outputs were not kept.</source>
        <translation>Annulé pendant l'étape {0} : ses sorties n'ont pas été conservées.</translation>
    </message>
    <message>
        <source>Step {0} failed: {1}</source>
        <translation>L'étape {0} a échoué : {1}</translation>
    </message>
    <message>
        <source>see the Processing log for details.</source>
        <translation>voir le journal de Traitement pour les détails.</translation>
    </message>
</context>
<context>
    <name>BandNames</name>
    <message>
        <source>accumulated cost</source>
        <translation>coût cumulé</translation>
    </message>
    <message>
        <source>nearest source id</source>
        <translation>identifiant de la source la plus proche</translation>
    </message>
    <message>
        <source>selected habitat</source>
        <translation>habitat sélectionné</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <source>friction</source>
        <translation>friction</translation>
    </message>
    <message>
        <source>class code</source>
        <translation>code de classe</translation>
    </message>
    <message>
        <source>valid (1) / masked (0)</source>
        <translation>valide (1) / masqué (0)</translation>
    </message>
    <message>
        <source>c1 constant</source>
        <translation>c1 constante</translation>
    </message>
    <message>
        <source>richness</source>
        <translation>richesse</translation>
    </message>
    <message>
        <source>shannon</source>
        <translation>Shannon</translation>
    </message>
    <message>
        <source>simpson</source>
        <translation>Simpson</translation>
    </message>
    <message>
        <source>fisher</source>
        <translation>alpha de Fisher</translation>
    </message>
    <message>
        <source>iteration {0}</source>
        <translation>itération {0}</translation>
    </message>
    <message>
        <source>PC{0}</source>
        <translation>CP{0}</translation>
    </message>
    <message>
        <source>hill_q{0}</source>
        <translation>Hill q={0}</translation>
    </message>
    <message>
        <source>{0}_mean</source>
        <translation>{0} (moyenne)</translation>
    </message>
    <message>
        <source>{0}_sd</source>
        <translation>{0} (écart type)</translation>
    </message>
</context>
<context>
    <name>ConnectivityWizard</name>
    <message>
        <source>Connectivity study (ecological continuities)</source>
        <translation>Étude de connectivité (continuités écologiques)</translation>
    </message>
    <message>
        <source>1. Land cover, species group and habitat</source>
        <translation>1. Occupation du sol, groupe d'espèces et habitat</translation>
    </message>
    <message>
        <source>The friction comes from the preset of the species group; the habitat classes give the source patches.</source>
        <translation>La friction vient du préréglage du groupe d'espèces ; les classes d'habitat donnent les taches sources.</translation>
    </message>
    <message>
        <source>Corine Land Cover</source>
        <translation>Corine Land Cover</translation>
    </message>
    <message>
        <source>OSO (23 classes)</source>
        <translation>OSO (23 classes)</translation>
    </message>
    <message>
        <source>Forest species</source>
        <translation>Espèces forestières</translation>
    </message>
    <message>
        <source>Open grassland species</source>
        <translation>Espèces des milieux ouverts herbacés</translation>
    </message>
    <message>
        <source>Wetland species</source>
        <translation>Espèces des zones humides</translation>
    </message>
    <message>
        <source>habitat classes, e.g. 311-313, 324 (empty = preset of the group)</source>
        <translation>classes d'habitat, par ex. 311-313, 324 (vide = préréglage du groupe)</translation>
    </message>
    <message>
        <source>Study name</source>
        <translation>Nom de l'étude</translation>
    </message>
    <message>
        <source>Land cover</source>
        <translation>Occupation du sol</translation>
    </message>
    <message>
        <source>Class field (vector)</source>
        <translation>Champ de classe (vecteur)</translation>
    </message>
    <message>
        <source>Nomenclature</source>
        <translation>Nomenclature</translation>
    </message>
    <message>
        <source>Minimum patch area</source>
        <translation>Surface minimale des taches</translation>
    </message>
    <message>
        <source>Resolution (vector land cover)</source>
        <translation>Résolution (occupation du sol vecteur)</translation>
    </message>
    <message>
        <source>2. Dispersal and graph</source>
        <translation>2. Dispersion et graphe</translation>
    </message>
    <message>
        <source>Costs are metres x friction: with friction 1 in habitat, a maximum cost of 2500 means 2.5 km through habitat.</source>
        <translation>Les coûts sont en mètres x friction : avec une friction de 1 dans l'habitat, un coût maximal de 2500 signifie 2,5 km à travers l'habitat.</translation>
    </message>
    <message>
        <source>Knight&apos;s move (16 directions, more accurate, more memory)</source>
        <translation>Déplacement du cavalier (16 directions, plus précis, plus de mémoire)</translation>
    </message>
    <message>
        <source>Maximum dispersal cost</source>
        <translation>Coût de dispersion maximal</translation>
    </message>
    <message>
        <source>Cost at which dispersal probability is 0.5</source>
        <translation>Coût auquel la probabilité de dispersion vaut 0,5</translation>
    </message>
    <message>
        <source>Maximum link cost (0 = all)</source>
        <translation>Coût maximal des liens (0 = tous)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>choose a land-cover layer (page 1).</source>
        <translation>choisissez une couche d'occupation du sol (page 1).</translation>
    </message>
    <message>
        <source>choose the class field of the land cover (page 1).</source>
        <translation>choisissez le champ de classe de l'occupation du sol (page 1).</translation>
    </message>
    <message>
        <source>tick at least one species group (page 1).</source>
        <translation>cochez au moins un groupe d'espèces (page 1).</translation>
    </message>
    <message>
        <source>Land-cover raster</source>
        <translation>Raster d'occupation du sol</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Friction</source>
        <translation>Friction</translation>
    </message>
    <message>
        <source>Habitat patches</source>
        <translation>Taches d'habitat</translation>
    </message>
    <message>
        <source>Dispersal</source>
        <translation>Dispersion</translation>
    </message>
    <message>
        <source>Landscape graph</source>
        <translation>Graphe paysager</translation>
    </message>
    <message>
        <source>Dispersal cost ({0})</source>
        <translation>Coût de dispersion ({0})</translation>
    </message>
    <message>
        <source>Patches, dPC ({0})</source>
        <translation>Taches, dPC ({0})</translation>
    </message>
    <message>
        <source>Links ({0})</source>
        <translation>Liens ({0})</translation>
    </message>
    <message>
        <source>The result {0} could not be opened.</source>
        <translation>Le résultat {0} n'a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>{4}: IIC = {0:.4g}, PC = {1:.4g}, ECA = {2:.1f} ha, {3} component(s).</source>
        <translation>{4} : IIC = {0:.4g}, PC = {1:.4g}, ECA = {2:.1f} ha, {3} composante(s).</translation>
    </message>
    <message>
        <source>Open a BioDispersal project...</source>
        <translation>Ouvrir un projet BioDispersal...</translation>
    </message>
    <message>
        <source>Open a BioDispersal project</source>
        <translation>Ouvrir un projet BioDispersal</translation>
    </message>
    <message>
        <source>BioDispersal project (*.xml)</source>
        <translation>Projet BioDispersal (*.xml)</translation>
    </message>
    <message>
        <source>BioDispersal project {0}: {1} sub-network(s) ({2}), run as BioDispersal runs them (selection, fusion, friction, dispersal).</source>
        <translation>Projet BioDispersal {0} : {1} sous-trame(s) ({2}), exécutée(s) comme BioDispersal les exécute (sélection, fusion, friction, dispersion).</translation>
    </message>
    <message>
        <source>Input layer not found: {0}</source>
        <translation>Couche d'entrée introuvable : {0}</translation>
    </message>
    <message>
        <source>BioDispersal project</source>
        <translation>Projet BioDispersal</translation>
    </message>
    <message>
        <source>Save as a BioDispersal project...</source>
        <translation>Enregistrer comme projet BioDispersal...</translation>
    </message>
    <message>
        <source>Available for a study opened from a BioDispersal project: writes it with the resolution and maximum cost set here.</source>
        <translation>Disponible pour une étude ouverte depuis un projet BioDispersal : l'écrit avec la résolution et le coût maximal choisis ici.</translation>
    </message>
    <message>
        <source>Save as a BioDispersal project</source>
        <translation>Enregistrer comme projet BioDispersal</translation>
    </message>
    <message>
        <source>Study saved as the BioDispersal project {0}.</source>
        <translation>Étude enregistrée comme projet BioDispersal {0}.</translation>
    </message>
</context>
<context>
    <name>DaskScheduler</name>
    <message>
        <source>Dask scheduler (empty: in this process; local:N: N worker processes; tcp://host:port: a cluster)</source>
        <translation>Ordonnanceur Dask (vide : dans ce processus ; local:N : N processus de calcul ; tcp://hôte:port : une grappe)</translation>
    </message>
    <message>
        <source>[Dask is not installed: sudo apt install python3-distributed, or python3 -m pip install &quot;dask[distributed]&quot;]</source>
        <translation>[Dask n'est pas installé : sudo apt install python3-distributed, ou python3 -m pip install &quot;dask[distributed]&quot;]</translation>
    </message>
    <message>
        <source>Dask scheduler (empty: in this process)</source>
        <translation>Ordonnanceur Dask (vide : dans ce processus)</translation>
    </message>
    <message>
        <source>Blocks computed on the Dask cluster {0}.</source>
        <translation>Blocs calculés sur la grappe Dask {0}.</translation>
    </message>
    <message>
        <source>Blocks computed by {0} Dask worker processes on this computer: the cluster is kept for the next runs and stopped after 10 minutes unused.</source>
        <translation>Blocs calculés par {0} processus de calcul Dask sur cet ordinateur : la grappe est gardée pour les calculs suivants et arrêtée après 10 minutes sans usage.</translation>
    </message>
    <message>
        <source>Blocks computed by {0} Dask worker processes on this computer, started for this run.</source>
        <translation>Blocs calculés par {0} processus de calcul Dask sur cet ordinateur, lancés pour ce calcul.</translation>
    </message>
    <message>
        <source>DASK_SCHEDULER (advanced): empty computes the blocks in this process, as usual. local:N computes them on N worker processes of this computer; QGIS keeps that cluster for 10 minutes after a run, so a chain of runs starts it once (a few seconds). On 2 cores the diversity maps and dieback detection then run 1.6 to 1.9 times faster; one short run gains little. tcp://host:port sends the blocks to a running Dask cluster, whose workers read the inputs by the same paths or URLs. The results are the same wherever the blocks run.</source>
        <translation>DASK_SCHEDULER (avancé) : vide, les blocs sont calculés dans ce processus, comme d'habitude. local:N les calcule sur N processus de travail de cet ordinateur ; QGIS garde ce cluster 10 minutes après un calcul, si bien qu'une suite de calculs ne le démarre qu'une fois (quelques secondes). Sur 2 cœurs, les cartes de diversité et la détection du dépérissement vont alors 1,6 à 1,9 fois plus vite ; un seul calcul court y gagne peu. tcp://hôte:port envoie les blocs à un cluster Dask en marche, dont les processus lisent les entrées par les mêmes chemins ou URL. Les résultats sont les mêmes où que les blocs soient calculés.</translation>
    </message>
</context>
<context>
    <name>DataTerraAlgorithm</name>
    <message>
        <source>This algorithm needs the Python package(s) {0}, which are not installed. Install them with the OSGeo4W shell or your system&apos;s package manager (for example: python3 -m pip install {1}) and restart QGIS.</source>
        <translation>Cet algorithme a besoin du ou des paquets Python {0}, qui ne sont pas installés. Installez-les avec le shell OSGeo4W ou le gestionnaire de paquets de votre système (par exemple : python3 -m pip install {1}) puis redémarrez QGIS.</translation>
    </message>
    <message>
        <source>Cancelled by the user: no output was written.</source>
        <translation>Annulé par l'utilisateur : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <source>{0} has no coordinate reference system. Assign a projected CRS in metres (e.g. EPSG:2154 Lambert-93) in the layer properties.</source>
        <translation>La couche « {0} » n'a pas de système de coordonnées. Attribuez un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) dans les propriétés de la couche.</translation>
    </message>
    <message>
        <source>{0} is in a geographic CRS ({1}, degrees): areas and distances would be wrong. Reproject it to a projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Vector &gt; Data Management Tools &gt; Reproject Layer, or Raster &gt; Projections &gt; Warp.</source>
        <translation>La couche « {0} » est dans un SCR géographique ({1}, degrés) : les surfaces et les distances seraient fausses. Reprojetez-la dans un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) avec Vecteur &gt; Outils de gestion des données &gt; Reprojeter une couche, ou Raster &gt; Projections &gt; Projection (warp).</translation>
    </message>
    <message>
        <source>The output &quot;{0}&quot; ({1}) is the input &quot;{2}&quot;: writing it would destroy the input. Choose another output file.</source>
        <translation>La sortie « {0} » ({1}) est l’entrée « {2} » : l’écrire détruirait l’entrée. Choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
        <source>The output &quot;{0}&quot; cannot be written in {1} ({2}). Choose a folder you can write to.</source>
        <translation>La sortie « {0} » ne peut pas être écrite dans {1} ({2}). Choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>A file could not be read or written ({0}: {1}). Check that the input files exist, that the output folder is writable and that the disk is not full.</source>
        <translation>Un fichier n’a pas pu être lu ou écrit ({0} : {1}). Vérifiez que les fichiers d’entrée existent, que le dossier de sortie est accessible en écriture et que le disque n’est pas plein.</translation>
    </message>
    <message>
        <source>Not enough memory for this input: use a smaller extent or a coarser resolution, or close other programs.</source>
        <translation>Mémoire insuffisante pour cette entrée : utilisez une emprise plus petite ou une résolution plus grossière, ou fermez d’autres programmes.</translation>
    </message>
    <message>
        <source>GDAL could not complete the operation: {0}</source>
        <translation>GDAL n’a pas pu terminer l’opération : {0}</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <source>Raster file not found: {path}. Check the path or the layer&apos;s source.</source>
        <translation>Fichier raster introuvable : {path}. Vérifiez le chemin ou la source de la couche.</translation>
    </message>
    <message>
        <source>Cannot read {path} as a raster ({exc}). Is it a GDAL-readable raster?</source>
        <translation>Impossible de lire {path} comme raster ({exc}). Est-ce un raster lisible par GDAL ?</translation>
    </message>
    <message>
        <source>{path} has no raster band.</source>
        <translation>{path} n'a aucune bande raster.</translation>
    </message>
    <message>
        <source>{what} ({path}) has no coordinate reference system. Assign a projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Raster &gt; Projections &gt; Assign Projection.</source>
        <translation>{what} ({path}) n'a pas de système de coordonnées de référence. Attribuez-lui un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) avec Raster &gt; Projections &gt; Définir la projection.</translation>
    </message>
    <message>
        <source>{what} ({path}) is in a geographic CRS (degrees): areas and distances would be wrong. Reproject it to a projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Raster &gt; Projections &gt; Warp (Reproject).</source>
        <translation>{what} ({path}) est dans un SCR géographique (degrés) : les surfaces et les distances seraient fausses. Reprojetez-le dans un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) avec Raster &gt; Projections &gt; Projection (warp).</translation>
    </message>
    <message>
        <source>{what} ({path}) is rotated; warp it to a north-up grid first.</source>
        <translation>{what} ({path}) est tourné ; projetez-le d'abord sur une grille orientée au nord.</translation>
    </message>
    <message>
        <source>Unsupported output data type {dtype}.</source>
        <translation>Type de données de sortie non pris en charge : {dtype}.</translation>
    </message>
    <message>
        <source>This raster</source>
        <translation>Ce raster</translation>
    </message>
    <message>
        <source>Checksum {text!r} is not &apos;&lt;md5|sha1|sha256|sha512&gt;:&lt;hex digest&gt;&apos; nor a hex multihash (STAC file:checksum): correct or remove it.</source>
        <translation>La somme de contrôle {text!r} n'est ni de la forme '&lt;md5|sha1|sha256|sha512&gt;:&lt;empreinte hexadécimale&gt;' ni un multihash hexadécimal (STAC file:checksum) : corrigez-la ou supprimez-la.</translation>
    </message>
    <message>
        <source>The download of {host} was interrupted ({exc}) after {size} bytes. Start it again: it resumes where it stopped.</source>
        <translation>Le téléchargement depuis {host} a été interrompu ({exc}) après {size} octets. Relancez-le : il reprend là où il s'est arrêté.</translation>
    </message>
    <message>
        <source>check your credentials or API key</source>
        <translation>vérifiez vos identifiants ou votre clé d'API</translation>
    </message>
    <message>
        <source>the link may have expired: search again</source>
        <translation>le lien a peut-être expiré : relancez la recherche</translation>
    </message>
    <message>
        <source>try again later</source>
        <translation>réessayez plus tard</translation>
    </message>
    <message>
        <source>Download of {url} failed: HTTP {http_status}: {hint}.</source>
        <translation>Le téléchargement de {url} a échoué : HTTP {http_status} : {hint}.</translation>
    </message>
    <message>
        <source>the answer stopped after {written} of {total} bytes</source>
        <translation>la réponse s'est arrêtée après {written} octets sur {total}</translation>
    </message>
    <message>
        <source>The file downloaded from {host} has {actual_size} bytes, the server announced {size}. The damaged file was deleted: download it again.</source>
        <translation>Le fichier téléchargé depuis {host} fait {actual_size} octets, le serveur en annonçait {size}. Le fichier endommagé a été supprimé : téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>{host} answered HTTP {http_status} with a body that is not JSON.</source>
        <translation>{host} a répondu HTTP {http_status} avec un contenu qui n'est pas du JSON.</translation>
    </message>
    <message>
        <source>Cannot open {url!r}: only http(s) addresses are supported.</source>
        <translation>Impossible d'ouvrir {url!r} : seules les adresses http(s) sont prises en charge.</translation>
    </message>
    <message>
        <source>The TLS certificate of {host} could not be verified ({name}): the connection was refused. Install the server&apos;s CA certificate in QGIS&apos;s authentication manager; do not disable the check.</source>
        <translation>Le certificat TLS de {host} n'a pas pu être vérifié ({name}) : la connexion a été refusée. Installez le certificat de l'autorité du serveur dans le gestionnaire d'authentification de QGIS ; ne désactivez pas la vérification.</translation>
    </message>
    <message>
        <source>Cannot reach {host}: {reason}. Check the URL, your network connection and the proxy settings.</source>
        <translation>Impossible de joindre {host} : {reason}. Vérifiez l'URL, votre connexion réseau et les paramètres du proxy.</translation>
    </message>
    <message>
        <source>TLS failure with {host} ({name}).</source>
        <translation>Échec TLS avec {host} ({name}).</translation>
    </message>
    <message>
        <source>The connection to {host} was lost before the answer ({name}). Try again.</source>
        <translation>La connexion à {host} a été perdue avant la réponse ({name}). Réessayez.</translation>
    </message>
    <message>
        <source>{host} did not answer within {timeout:g} s. The server may be down or slow: try again later or raise the time-out.</source>
        <translation>{host} n'a pas répondu en {timeout:g} s. Le serveur est peut-être arrêté ou lent : réessayez plus tard ou augmentez le délai d'attente.</translation>
    </message>
    <message>
        <source> of {expected}</source>
        <translation> sur {expected}</translation>
    </message>
    <message>
        <source>The answer of {host} was cut short ({received}{of} bytes). Try again.</source>
        <translation>La réponse de {host} a été tronquée ({received}{of} octets). Réessayez.</translation>
    </message>
    <message>
        <source>The QGIS authentication configuration {auth_config!r} could not be applied: check that it exists and that the authentication database is unlocked (Settings &gt; Options &gt; Authentication).</source>
        <translation>La configuration d'authentification QGIS {auth_config!r} n'a pas pu être appliquée : vérifiez qu'elle existe et que la base d'authentification est déverrouillée (Préférences &gt; Options &gt; Authentification).</translation>
    </message>
    <message>
        <source>The TLS certificate of {host} could not be verified: the connection was refused. Add the server&apos;s CA certificate in Settings &gt; Options &gt; Authentication; do not disable the check.</source>
        <translation>Le certificat TLS de {host} n'a pas pu être vérifié : la connexion a été refusée. Ajoutez le certificat de l'autorité du serveur dans Préférences &gt; Options &gt; Authentification ; ne désactivez pas la vérification.</translation>
    </message>
    <message>
        <source>{host} did not answer within {timeout:g} s (or the network time-out of QGIS). The server may be down or slow: try again later.</source>
        <translation>{host} n'a pas répondu en {timeout:g} s (ou dans le délai réseau de QGIS). Le serveur est peut-être arrêté ou lent : réessayez plus tard.</translation>
    </message>
    <message>
        <source>The proxy refused or failed the request to {host}: {text}. Check the proxy settings of QGIS (Settings &gt; Options &gt; Network).</source>
        <translation>Le proxy a refusé ou fait échouer la requête vers {host} : {text}. Vérifiez les paramètres de proxy de QGIS (Préférences &gt; Options &gt; Réseau).</translation>
    </message>
    <message>
        <source>Cannot reach {host}: {text}. Check the URL, your network connection and the proxy settings of QGIS (Settings &gt; Options &gt; Network).</source>
        <translation>Impossible de joindre {host} : {text}. Vérifiez l'URL, votre connexion réseau et les paramètres de proxy de QGIS (Préférences &gt; Options &gt; Réseau).</translation>
    </message>
    <message>
        <source>The file downloaded from {url} is corrupt: its {algorithm} is {digest}, the catalogue says {expected_digest}. It was deleted: download it again.</source>
        <translation>Le fichier téléchargé depuis {url} est corrompu : son {algorithm} vaut {digest}, le catalogue indique {expected_digest}. Il a été supprimé : téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>{host} sent more than {limit} bytes, the most the plugin reads for this request: the answer was refused. Ask for less (fewer records per page, a smaller area) or check the address.</source>
        <translation>{host} a envoyé plus de {limit} octets, le maximum que l'extension lit pour cette requête : la réponse a été refusée. Demandez moins (moins d'enregistrements par page, une zone plus petite) ou vérifiez l'adresse.</translation>
    </message>
    <message>
        <source>{host} sent its answer with the encoding {encoding!r}, which the plugin did not ask for and cannot read.</source>
        <translation>{host} a envoyé sa réponse avec l'encodage {encoding!r}, que l'extension n'a pas demandé et ne sait pas lire.</translation>
    </message>
    <message>
        <source>{host} sent an answer announced as {encoding} that cannot be decoded. Try again later.</source>
        <translation>{host} a envoyé une réponse annoncée en {encoding} qui ne peut pas être décodée. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The file {basename} changed on the server during the download (its size, date or version differ from the first answer): the partial file was discarded. Download it again.</source>
        <translation>Le fichier {basename} a changé sur le serveur pendant le téléchargement (sa taille, sa date ou sa version diffèrent de la première réponse) : le fichier partiel a été supprimé. Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>it is empty or not text</source>
        <translation>il est vide ou n’est pas un texte</translation>
    </message>
    <message>
        <source>it names a folder, not a file</source>
        <translation>il désigne un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>it holds a folder separator</source>
        <translation>il contient un séparateur de dossiers</translation>
    </message>
    <message>
        <source>it holds a control character or one of &lt; &gt; : &quot; | ? *</source>
        <translation>il contient un caractère de contrôle ou l’un de &lt; &gt; : &quot; | ? *</translation>
    </message>
    <message>
        <source>Windows reserves it (a device name, or a final dot or space)</source>
        <translation>Windows le réserve (nom de périphérique, ou point ou espace final)</translation>
    </message>
    <message>
        <source>it is longer than the file system allows</source>
        <translation>il est plus long que ce que permet le système de fichiers</translation>
    </message>
    <message>
        <source>{source} named a file {name!r}, which is refused: {problem}. A file name from a server must stay inside the chosen folder; nothing was written.</source>
        <translation>{source} a nommé un fichier {name!r}, ce qui est refusé : {problem}. Un nom de fichier venant d’un serveur doit rester dans le dossier choisi ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>{source} named a file {name!r} that is a link out of {folder}; it is refused and nothing was written.</source>
        <translation>{source} a nommé un fichier {name!r} qui est un lien hors de {folder} ; il est refusé et rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The server {host}</source>
        <translation>Le serveur {host}</translation>
    </message>
    <message>
        <source>the request was redirected from {origin_host} to {host}, and the plugin never sends the credentials of one address to another</source>
        <translation>la requête a été redirigée de {origin_host} vers {host}, et l'extension n'envoie jamais les identifiants d'une adresse à une autre</translation>
    </message>
    <message>
        <source>{host} redirected the request more than {count} times: the plugin stopped following it. Check the address.</source>
        <translation>{host} a redirigé la requête plus de {count} fois : l'extension a cessé de la suivre. Vérifiez l'adresse.</translation>
    </message>
    <message>
        <source>{host} redirected the request to a non-http(s) address: the plugin does not follow it.</source>
        <translation>{host} a redirigé la requête vers une adresse qui n'est pas http(s) : l'extension ne la suit pas.</translation>
    </message>
    <message>
        <source>{host} redirected an encrypted (https) request to the unencrypted address of {target_host}: the plugin does not follow it.</source>
        <translation>{host} a redirigé une requête chiffrée (https) vers l'adresse non chiffrée de {target_host} : l'extension ne la suit pas.</translation>
    </message>
    <message>
        <source>{what} ({path}) is a GDAL virtual path or driver prefix, which is refused for a file from a server.</source>
        <translation>{what} ({path}) est un chemin virtuel GDAL ou un préfixe de pilote, ce qui est refusé pour un fichier venant d’un serveur.</translation>
    </message>
    <message>
        <source>{what} is a {found} file, not one of the formats asked for ({allowed}): it is refused (a {found} file can make GDAL read other local files or URLs). Nothing was written.</source>
        <translation>{what} est un fichier {found}, pas l’un des formats demandés ({allowed}) : il est refusé (un fichier {found} peut faire lire à GDAL d’autres fichiers locaux ou des URL). Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>{what} cannot be read as {allowed} ({exc}).</source>
        <translation>{what} ne peut pas être lu comme {allowed} ({exc}).</translation>
    </message>
    <message>
        <source>{what} comes with {side}, which would make GDAL read other files: it is refused. Delete that file to load the product.</source>
        <translation>{what} est accompagné de {side}, qui ferait lire d’autres fichiers à GDAL : il est refusé. Supprimez ce fichier pour charger le produit.</translation>
    </message>
    <message>
        <source>{what} has {count} cell(s) holding {value:g}: infinite values are refused (use the nodata value for cells without data).</source>
        <translation>{what} a {count} cellule(s) valant {value:g} : les valeurs infinies sont refusées (utilisez la valeur nodata pour les cellules sans donnée).</translation>
    </message>
    <message>
        <source>{count} result cell(s) exceed the float32 range of the output (largest {largest:g}, the limit is {limit:g}): they cannot be written. Scale the input values down (e.g. a friction in thousands).</source>
        <translation>{count} cellule(s) du résultat dépassent la plage float32 de la sortie (la plus grande vaut {largest:g}, la limite est {limit:g}) : elles ne peuvent pas être écrites. Réduisez l’échelle des valeurs d’entrée (par exemple une friction en milliers).</translation>
    </message>
    <message>
        <source>Running on a Dask cluster needs the Python packages dask and distributed, which are not installed. Install them (Debian/Ubuntu: sudo apt install python3-distributed; elsewhere: python3 -m pip install &quot;dask[distributed]&quot;) and restart QGIS, or leave the Dask scheduler empty to run in this process.</source>
        <translation>Le calcul sur une grappe Dask demande les paquets Python dask et distributed, qui ne sont pas installés. Installez-les (Debian/Ubuntu : sudo apt install python3-distributed ; ailleurs : python3 -m pip install &quot;dask[distributed]&quot;) et redémarrez QGIS, ou laissez l'ordonnanceur Dask vide pour calculer dans ce processus.</translation>
    </message>
    <message>
        <source>Unknown Dask scheduler {scheduler!r}: leave it empty to run in this process, or give local:N (N worker processes on this computer) or the address of a scheduler, tcp://host:port.</source>
        <translation>Ordonnanceur Dask inconnu {scheduler!r} : laissez-le vide pour calculer dans ce processus, ou donnez local:N (N processus de calcul sur cet ordinateur) ou l'adresse d'un ordonnanceur, tcp://hôte:port.</translation>
    </message>
    <message>
        <source>Dask workers died repeatedly while computing block {block} ({exc}): nothing was written. Check the workers&apos; memory limit and logs, or use smaller blocks.</source>
        <translation>Des processus de calcul Dask se sont arrêtés à plusieurs reprises sur le bloc {block} ({exc}) : rien n'a été écrit. Vérifiez la limite de mémoire et les journaux des processus de calcul, ou utilisez des blocs plus petits.</translation>
    </message>
    <message>
        <source>Cannot reach the Dask scheduler {address} ({exc}). Check the address and that the scheduler runs.</source>
        <translation>Impossible de joindre l'ordonnanceur Dask {address} ({exc}). Vérifiez l'adresse et que l'ordonnanceur fonctionne.</translation>
    </message>
    <message>
        <source>The Dask workers {workers} cannot import the plugin&apos;s package {package!r}: add the folder that contains it to their PYTHONPATH (see docs/scale.md).</source>
        <translation>Les processus de calcul Dask {workers} ne peuvent pas importer le paquet {package!r} de l'extension : ajoutez le dossier qui le contient à leur PYTHONPATH (voir docs/scale.md).</translation>
    </message>
    <message>
        <source>The XML document is {size} bytes, more than the {limit} accepted: it is refused.</source>
        <translation>Le document XML fait {size} octets, plus que les {limit} acceptés : il est refusé.</translation>
    </message>
    <message>
        <source>{what} {path} is {size} bytes, more than the {limit} bytes accepted: it is refused.</source>
        <translation>{what} {path} fait {size} octets, plus que les {limit} octets acceptés : il est refusé.</translation>
    </message>
    <message>
        <source>{what} {path} holds more than the {limit} bytes accepted (it is not a regular file, or it grew while being read): it is refused.</source>
        <translation>{what} {path} contient plus que les {limit} octets acceptés (ce n'est pas un fichier ordinaire, ou il a grandi pendant sa lecture) : il est refusé.</translation>
    </message>
</context>
<context>
    <name>DataTerraPlugin</name>
    <message>
        <source>Data Terra</source>
        <translation>Data Terra</translation>
    </message>
    <message>
        <source>Search the catalogues</source>
        <translation>Rechercher dans les catalogues</translation>
    </message>
    <message>
        <source>Search the Data Terra hubs&apos; catalogues by place, date and keywords</source>
        <translation>Rechercher dans les catalogues des pôles Data Terra par lieu, date et mots-clés</translation>
    </message>
    <message>
        <source>Fragmentation tools</source>
        <translation>Outils de fragmentation</translation>
    </message>
    <message>
        <source>Connectivity tools</source>
        <translation>Outils de connectivité</translation>
    </message>
    <message>
        <source>Biodiversity tools</source>
        <translation>Outils de biodiversité</translation>
    </message>
    <message>
        <source>Enable the Processing plugin to use the Data Terra algorithms.</source>
        <translation>Activez l'extension Traitements pour utiliser les algorithmes Data Terra.</translation>
    </message>
    <message>
        <source>Fragmentation study…</source>
        <translation>Étude de fragmentation…</translation>
    </message>
    <message>
        <source>Guided effective mesh size study: land cover, fragmenting elements, reporting</source>
        <translation>Étude guidée de la taille effective de maille : occupation du sol, éléments fragmentants, restitution</translation>
    </message>
    <message>
        <source>OGC services…</source>
        <translation>Services OGC…</translation>
    </message>
    <message>
        <source>Browse WMS, WMTS, WFS and WCS services, add their layers, download coverages</source>
        <translation>Parcourir les services WMS, WMTS, WFS et WCS, ajouter leurs couches, télécharger des couvertures</translation>
    </message>
    <message>
        <source>DINAMIS orders</source>
        <translation>Commandes DINAMIS</translation>
    </message>
    <message>
        <source>Request and track Pléiades / SPOT 6-7 imagery from DINAMIS</source>
        <translation>Demander et suivre des images Pléiades / SPOT 6-7 auprès de DINAMIS</translation>
    </message>
    <message>
        <source>Connectivity study…</source>
        <translation>Étude de connectivité…</translation>
    </message>
    <message>
        <source>Guided ecological connectivity study: habitat, friction, dispersal, graph indices</source>
        <translation>Étude guidée de la connectivité écologique : habitat, friction, dispersion, indices de graphe</translation>
    </message>
    <message>
        <source>Forest health study…</source>
        <translation>Étude de la santé des forêts…</translation>
    </message>
    <message>
        <source>Guided forest dieback detection from Sentinel-2 series: area, dates, products or catalogue items, forest mask</source>
        <translation>Détection guidée des dépérissements forestiers à partir de séries Sentinel-2 : zone, dates, produits ou éléments du catalogue, masque forêt</translation>
    </message>
    <message>
        <source>Forest health tools</source>
        <translation>Outils de santé des forêts</translation>
    </message>
</context>
<context>
    <name>DataTerraProvider</name>
    <message>
        <source>Fragmentation</source>
        <translation>Fragmentation</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>Connectivité</translation>
    </message>
    <message>
        <source>Biodiversity</source>
        <translation>Biodiversité</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Data Terra: fragmentation, connectivity, biodiversity and catalogues</source>
        <translation>Data Terra : fragmentation, connectivité, biodiversité et catalogues</translation>
    </message>
    <message>
        <source>Forest health</source>
        <translation>Santé des forêts</translation>
    </message>
</context>
<context>
    <name>ForestWizard</name>
    <message>
        <source>Forest health study (dieback detection)</source>
        <translation>Étude de la santé des forêts (détection des dépérissements)</translation>
    </message>
    <message>
        <source>1. Area of interest and dates</source>
        <translation>1. Zone d'intérêt et dates</translation>
    </message>
    <message>
        <source>The model of each pixel is trained on the dates before the detection starts (between the two training dates); dieback is then looked for date by date.</source>
        <translation>Le modèle de chaque pixel est appris sur les dates précédant le début de la détection (entre les deux dates d'apprentissage) ; le dépérissement est ensuite recherché date par date.</translation>
    </message>
    <message>
        <source>Area of interest</source>
        <translation>Zone d'intérêt</translation>
    </message>
    <message>
        <source>First date used</source>
        <translation>Première date utilisée</translation>
    </message>
    <message>
        <source>Detection starts from</source>
        <translation>La détection commence à partir du</translation>
    </message>
    <message>
        <source>at the latest on</source>
        <translation>au plus tard le</translation>
    </message>
    <message>
        <source>Vegetation index</source>
        <translation>Indice de végétation</translation>
    </message>
    <message>
        <source>Anomaly threshold</source>
        <translation>Seuil d'anomalie</translation>
    </message>
    <message>
        <source>2. Sentinel-2 products</source>
        <translation>2. Produits Sentinel-2</translation>
    </message>
    <message>
        <source>A folder of L2A products (THEIA or Sen2Cor), or the Sentinel-2 items found by the catalogue dock: their files are read over the area of interest only, through QGIS&apos;s network settings.</source>
        <translation>Un dossier de produits L2A (THEIA ou Sen2Cor), ou les éléments Sentinel-2 trouvés par le panneau catalogue : leurs fichiers ne sont lus que sur la zone d'intérêt, avec les réglages réseau de QGIS.</translation>
    </message>
    <message>
        <source>Folder of products</source>
        <translation>Dossier de produits</translation>
    </message>
    <message>
        <source>Items of the catalogue</source>
        <translation>Éléments du catalogue</translation>
    </message>
    <message>
        <source>STAC items (*.json *.geojson)</source>
        <translation>Éléments STAC (*.json *.geojson)</translation>
    </message>
    <message>
        <source>Take the items found by the catalogue dock</source>
        <translation>Prendre les éléments trouvés par le panneau catalogue</translation>
    </message>
    <message>
        <source>Products from</source>
        <translation>Produits depuis</translation>
    </message>
    <message>
        <source>Products folder</source>
        <translation>Dossier des produits</translation>
    </message>
    <message>
        <source>Catalogue items file</source>
        <translation>Fichier des éléments du catalogue</translation>
    </message>
    <message>
        <source>3. Forest mask and results</source>
        <translation>3. Masque forêt et résultats</translation>
    </message>
    <message>
        <source>Only forest pixels are mapped. OSO: classes 16 (broad-leaved) and 17 (coniferous) of the land-cover raster.</source>
        <translation>Seuls les pixels de forêt sont cartographiés. OSO : classes 16 (feuillus) et 17 (conifères) du raster d'occupation du sol.</translation>
    </message>
    <message>
        <source>No mask (every pixel)</source>
        <translation>Pas de masque (tous les pixels)</translation>
    </message>
    <message>
        <source>Forest polygons</source>
        <translation>Polygones de forêt</translation>
    </message>
    <message>
        <source>Forest raster (non-zero is forest)</source>
        <translation>Raster de forêt (non nul = forêt)</translation>
    </message>
    <message>
        <source>Forest classes of a land-cover raster</source>
        <translation>Classes forestières d'un raster d'occupation du sol</translation>
    </message>
    <message>
        <source>e.g. 16,17 (OSO forests)</source>
        <translation>p. ex. 16,17 (forêts OSO)</translation>
    </message>
    <message>
        <source>Forest mask</source>
        <translation>Masque forêt</translation>
    </message>
    <message>
        <source>Forest or land-cover raster</source>
        <translation>Raster de forêt ou d'occupation du sol</translation>
    </message>
    <message>
        <source>Forest classes</source>
        <translation>Classes forestières</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>The catalogue dock holds no Sentinel-2 item with band and cloud mask assets: search a Sentinel-2 L2A collection first.</source>
        <translation>Le panneau catalogue ne contient aucun élément Sentinel-2 avec des fichiers de bandes et de masque de nuages : cherchez d'abord dans une collection Sentinel-2 L2A.</translation>
    </message>
    <message>
        <source>{0} items of the catalogue written to {1}.</source>
        <translation>{0} éléments du catalogue écrits dans {1}.</translation>
    </message>
    <message>
        <source>choose the folder of Sentinel-2 products (page 2).</source>
        <translation>choisissez le dossier des produits Sentinel-2 (page 2).</translation>
    </message>
    <message>
        <source>take the items of the catalogue or choose an items file (page 2).</source>
        <translation>prenez les éléments du catalogue ou choisissez un fichier d'éléments (page 2).</translation>
    </message>
    <message>
        <source>catalogue items are read over an area of interest: set it (page 1).</source>
        <translation>les éléments du catalogue sont lus sur une zone d'intérêt : définissez-la (page 1).</translation>
    </message>
    <message>
        <source>the detection cannot start after its latest start date (page 1).</source>
        <translation>la détection ne peut pas commencer après sa date de début au plus tard (page 1).</translation>
    </message>
    <message>
        <source>choose the forest polygons (page 3).</source>
        <translation>choisissez les polygones de forêt (page 3).</translation>
    </message>
    <message>
        <source>choose the forest or land-cover raster (page 3).</source>
        <translation>choisissez le raster de forêt ou d'occupation du sol (page 3).</translation>
    </message>
    <message>
        <source>list the forest classes of the land cover (page 3).</source>
        <translation>indiquez les classes forestières de l'occupation du sol (page 3).</translation>
    </message>
    <message>
        <source>Dieback detection and export</source>
        <translation>Détection des dépérissements et export</translation>
    </message>
    <message>
        <source>Forest health</source>
        <translation>Santé des forêts</translation>
    </message>
    <message>
        <source>Dieback by period</source>
        <translation>Dépérissements par période</translation>
    </message>
    <message>
        <source>Stress periods</source>
        <translation>Périodes de stress</translation>
    </message>
    <message>
        <source>Bare soil</source>
        <translation>Sol nu</translation>
    </message>
    <message>
        <source>First dieback date</source>
        <translation>Première date de dépérissement</translation>
    </message>
    <message>
        <source>Dieback state</source>
        <translation>État de dépérissement</translation>
    </message>
    <message>
        <source>Confidence index</source>
        <translation>Indice de confiance</translation>
    </message>
    <message>
        <source>Confidence class</source>
        <translation>Classe de confiance</translation>
    </message>
    <message>
        <source>Results added to the group &apos;Forest health&apos;; the dieback polygons play in the temporal controller.</source>
        <translation>Résultats ajoutés au groupe « Santé des forêts » ; les polygones de dépérissement se déroulent dans le contrôleur temporel.</translation>
    </message>
    <message>
        <source>The result {0} could not be opened.</source>
        <translation>Le résultat {0} n'a pas pu être ouvert.</translation>
    </message>
</context>
<context>
    <name>FragmentationWizard</name>
    <message>
        <source>Fragmentation study (effective mesh size)</source>
        <translation>Étude de fragmentation (taille effective de maille)</translation>
    </message>
    <message>
        <source>1. Land cover and habitat</source>
        <translation>1. Occupation du sol et habitat</translation>
    </message>
    <message>
        <source>Choose the land-cover layer and the classes that are habitat (the other classes fragment the landscape).</source>
        <translation>Choisissez la couche d'occupation du sol et les classes qui sont de l'habitat (les autres classes fragmentent le paysage).</translation>
    </message>
    <message>
        <source>Classes listed below</source>
        <translation>Classes listées ci-dessous</translation>
    </message>
    <message>
        <source>OSO natural and semi-natural classes</source>
        <translation>Classes naturelles et semi-naturelles OSO</translation>
    </message>
    <message>
        <source>Corine natural and semi-natural classes</source>
        <translation>Classes naturelles et semi-naturelles Corine</translation>
    </message>
    <message>
        <source>e.g. 311,312,313</source>
        <translation>p. ex. 311,312,313</translation>
    </message>
    <message>
        <source>Land cover</source>
        <translation>Occupation du sol</translation>
    </message>
    <message>
        <source>Class field (vector)</source>
        <translation>Champ de classe (vecteur)</translation>
    </message>
    <message>
        <source>Habitat preset</source>
        <translation>Préréglage d'habitat</translation>
    </message>
    <message>
        <source>Habitat classes</source>
        <translation>Classes d'habitat</translation>
    </message>
    <message>
        <source>Study area (optional)</source>
        <translation>Zone d'étude (facultatif)</translation>
    </message>
    <message>
        <source>2. Fragmenting elements</source>
        <translation>2. Éléments fragmentants</translation>
    </message>
    <message>
        <source>Roads, railways, rivers… each layer with an optional filter and a buffer width in metres (a number, a field or an expression).</source>
        <translation>Routes, voies ferrées, cours d'eau… chaque couche avec un filtre facultatif et une largeur de tampon en mètres (un nombre, un champ ou une expression).</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Buffer (m)</source>
        <translation>Tampon (m)</translation>
    </message>
    <message>
        <source>Add a layer</source>
        <translation>Ajouter une couche</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>3. Reporting and method</source>
        <translation>3. Unités de restitution et méthode</translation>
    </message>
    <message>
        <source>Effective mesh size per reporting unit (e.g. communes) or per grid cell.</source>
        <translation>Taille effective de maille par unité de restitution (p. ex. communes) ou par maille de grille.</translation>
    </message>
    <message>
        <source>no grid</source>
        <translation>pas de grille</translation>
    </message>
    <message>
        <source>CUT: patches cut at unit boundaries</source>
        <translation>CUT : taches découpées aux limites des unités</translation>
    </message>
    <message>
        <source>CBC: cross-boundary connections (Moser et al. 2007)</source>
        <translation>CBC : connexions au-delà des limites (Moser et al. 2007)</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>Vecteur</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Reporting units</source>
        <translation>Unités de restitution</translation>
    </message>
    <message>
        <source>Or a grid of</source>
        <translation>Ou une grille de</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Raster resolution</source>
        <translation>Résolution raster</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>choose a land-cover layer (page 1).</source>
        <translation>choisissez une couche d'occupation du sol (page 1).</translation>
    </message>
    <message>
        <source>list the habitat classes or choose a preset (page 1).</source>
        <translation>listez les classes d'habitat ou choisissez un préréglage (page 1).</translation>
    </message>
    <message>
        <source>a fragmenting-element row has no layer (page 2).</source>
        <translation>une ligne d'éléments fragmentants n'a pas de couche (page 2).</translation>
    </message>
    <message>
        <source>Fragmenting elements {0}</source>
        <translation>Éléments fragmentants {0}</translation>
    </message>
    <message>
        <source>Habitat patches</source>
        <translation>Taches d'habitat</translation>
    </message>
    <message>
        <source>Effective mesh size</source>
        <translation>Taille effective de maille</translation>
    </message>
    <message>
        <source>Effective mesh size ({0})</source>
        <translation>Taille effective de maille ({0})</translation>
    </message>
    <message>
        <source>The result {0} could not be opened.</source>
        <translation>Le résultat {0} n'a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>Whole study area: effective mesh size {0:.2f} ha.</source>
        <translation>Toute la zone d'étude : taille effective de maille {0:.2f} ha.</translation>
    </message>
    <message>
        <source>Open a FragScape project…</source>
        <translation>Ouvrir un projet FragScape…</translation>
    </message>
    <message>
        <source>Save as a FragScape project…</source>
        <translation>Enregistrer comme projet FragScape…</translation>
    </message>
    <message>
        <source>Open a FragScape project</source>
        <translation>Ouvrir un projet FragScape</translation>
    </message>
    <message>
        <source>FragScape project (*.xml)</source>
        <translation>Projet FragScape (*.xml)</translation>
    </message>
    <message>
        <source>Save as a FragScape project</source>
        <translation>Enregistrer comme projet FragScape</translation>
    </message>
    <message>
        <source>Not found: {0} ({1}); choose the layer here.</source>
        <translation>Introuvable : {0} ({1}) ; choisissez la couche ici.</translation>
    </message>
    <message>
        <source>Every element of the project was read.</source>
        <translation>Tous les éléments du projet ont été lus.</translation>
    </message>
    <message>
        <source>8 neighbours (pixels touching at a corner join)</source>
        <translation>8 voisins (les pixels qui se touchent par un coin se rejoignent)</translation>
    </message>
    <message>
        <source>Raster connectivity</source>
        <translation>Connexité raster</translation>
    </message>
    <message>
        <source>4 neighbours (as FragScape)</source>
        <translation>4 voisins (comme FragScape)</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Run the study</source>
        <translation>Lancer l'étude</translation>
    </message>
    <message>
        <source>The algorithms run in the background: QGIS stays usable.</source>
        <translation>Les algorithmes tournent en arrière-plan : QGIS reste utilisable.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>StudyWizard</name>
    <message>
        <source>Cannot run: {0}</source>
        <translation>Impossible de lancer : {0}</translation>
    </message>
    <message>
        <source>Step {0} of {1}: {2}</source>
        <translation>Étape {0} sur {1} : {2}</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
</context>
</TS>
