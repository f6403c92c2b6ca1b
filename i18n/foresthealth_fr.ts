<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AllStepsAlgorithm</name>
    <message>
        <source>Forest dieback detection (all steps)</source>
        <translation>Détection des dépérissements forestiers (toutes les étapes)</translation>
    </message>
    <message>
        <source>Runs the dieback detection (a new run, or an update when the state folder already holds a state) then exports its maps and polygons, in one algorithm for models and qgis_process. Parameters as in 'Dieback detection (new run or update)' and 'Export dieback results'; the defaults are fordead's tutorial settings (CRSWIR, cloudiness ≤ 0.4, provider mask, 10 dates, training 2018-01-01 … 2018-06-01, threshold 0.16, weighted-mean stress index, monthly periods, classes below and above 0.265).</source>
        <translation>Lance la détection des dépérissements (nouveau calcul, ou mise à jour quand le dossier d'état contient déjà un état) puis exporte ses cartes et polygones, en un seul algorithme pour les modèles et qgis_process. Paramètres comme dans « Détection des dépérissements (nouveau calcul ou mise à jour) » et « Exporter les résultats de dépérissement » ; les valeurs par défaut sont celles du tutoriel de fordead (CRSWIR, nébulosité ≤ 0,4, masque du fournisseur, 10 dates, apprentissage 2018-01-01 … 2018-06-01, seuil 0,16, indice de stress en moyenne pondérée, périodes mensuelles, classes sous et au-dessus de 0,265).</translation>
    </message>
    <message>
        <source>Cancelled by the user: no output was written.</source>
        <translation>Annulé par l'utilisateur : aucune sortie n'a été écrite.</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <source>Unknown period frequency {frequency!r}: use ME (month ends), 3ME, 15D or sentinel.</source>
        <translation>Fréquence de périodes inconnue {frequency!r} : utilisez ME (fins de mois), 3ME, 15D ou sentinel.</translation>
    </message>
    <message>
        <source>Give one more class name than thresholds ({thresholds} thresholds, {names} names).</source>
        <translation>Donnez un nom de classe de plus que de seuils ({thresholds} seuils, {names} noms).</translation>
    </message>
    <message>
        <source>Cannot read the forest polygons {path}: {exc}</source>
        <translation>Impossible de lire les polygones de forêt {path} : {exc}</translation>
    </message>
    <message>
        <source>Cannot read the formula {formula!r} at character {position}.</source>
        <translation>Impossible de lire la formule {formula!r} au caractère {position}.</translation>
    </message>
    <message>
        <source>The formula {formula!r} is not well formed (check its operators and parentheses).</source>
        <translation>La formule {formula!r} est mal formée (vérifiez ses opérateurs et ses parenthèses).</translation>
    </message>
    <message>
        <source>Unknown function {name!r} in the formula; use one of {known}.</source>
        <translation>Fonction inconnue {name!r} dans la formule ; utilisez l'une de {known}.</translation>
    </message>
    <message>
        <source>Unknown name {name!r} in the formula; bands are named {known}.</source>
        <translation>Nom inconnu {name!r} dans la formule ; les bandes se nomment {known}.</translation>
    </message>
    <message>
        <source>A user formula needs the direction in which it changes with dieback: +1 (rises) or -1 (falls).</source>
        <translation>Une formule utilisateur doit indiquer son sens de variation avec le dépérissement : +1 (augmente) ou -1 (diminue).</translation>
    </message>
    <message>
        <source>Unknown vegetation index {name!r}; use one of {known} or give a formula.</source>
        <translation>Indice de végétation inconnu {name!r} ; utilisez l'un de {known} ou donnez une formule.</translation>
    </message>
    <message>
        <source>Band {band} is missing from the product {name} ({date}).</source>
        <translation>La bande {band} manque dans le produit {name} ({date}).</translation>
    </message>
    <message>
        <source>The products folder {folder} does not exist.</source>
        <translation>Le dossier de produits {folder} n'existe pas.</translation>
    </message>
    <message>
        <source>No Sentinel-2 L2A product (THEIA SENTINEL2X_… folders or Sen2Cor *.SAFE folders) found in {folder}.</source>
        <translation>Aucun produit Sentinel-2 L2A (dossiers THEIA SENTINEL2X_… ou dossiers Sen2Cor *.SAFE) trouvé dans {folder}.</translation>
    </message>
    <message>
        <source>The area of interest lies outside the Sentinel-2 products (no pixel of theirs falls in it).</source>
        <translation>La zone d'intérêt est en dehors des produits Sentinel-2 (aucun de leurs pixels n'y tombe).</translation>
    </message>
    <message>
        <source>The product {name} has no 10 m band (B2, B3, B4 or B8) to define the grid.</source>
        <translation>Le produit {name} n'a pas de bande à 10 m (B2, B3, B4 ou B8) pour définir la grille.</translation>
    </message>
    <message>
        <source>The product {name} ({date}) is on another grid than the first date: {path} differs in origin, pixel size, size or CRS. Use products of a single Sentinel-2 tile.</source>
        <translation>Le produit {name} ({date}) est sur une autre grille que la première date : {path} diffère par l'origine, la taille des pixels, la taille ou le SCR. Utilisez les produits d'une seule tuile Sentinel-2.</translation>
    </message>
    <message>
        <source>The product {name} ({date}) has no cloud mask (MASKS/*_CLM_R2.tif or SCL_20m).</source>
        <translation>Le produit {name} ({date}) n'a pas de masque de nuages (MASKS/*_CLM_R2.tif ou SCL_20m).</translation>
    </message>
    <message>
        <source>Too few dates for training: {count} dates kept (cloudiness ≤ {limit}) up to {last}, but the model needs more than {needed} valid dates per pixel. Add earlier products or lower the minimum number of dates.</source>
        <translation>Trop peu de dates pour l'apprentissage : {count} dates retenues (nébulosité ≤ {limit}) jusqu'au {last}, mais le modèle demande plus de {needed} dates valides par pixel. Ajoutez des produits plus anciens ou baissez le nombre minimal de dates.</translation>
    </message>
    <message>
        <source>Cannot read the detection state {path}: {exc}</source>
        <translation>Impossible de lire l'état de détection {path} : {exc}</translation>
    </message>
    <message>
        <source>{path} is not a forest-health detection state.</source>
        <translation>{path} n'est pas un état de détection de la santé des forêts.</translation>
    </message>
    <message>
        <source>No date passes the cloudiness limit {limit}.</source>
        <translation>Aucune date ne respecte la limite de nébulosité {limit}.</translation>
    </message>
    <message>
        <source>The folder {folder} holds other files than a detection state ({names}…): choose a new or empty folder for the state.</source>
        <translation>Le dossier {folder} contient d'autres fichiers qu'un état de détection ({names}…) : choisissez un dossier nouveau ou vide pour l'état.</translation>
    </message>
    <message>
        <source>Cannot read {url}: the server answered HTTP {status}.</source>
        <translation>Impossible de lire {url} : le serveur a répondu HTTP {status}.</translation>
    </message>
    <message>
        <source>{url} answered HTTP {status} to a byte-range request: the server must serve ranges (HTTP 206) for the catalogue items to be read by windows.</source>
        <translation>{url} a répondu HTTP {status} à une requête de plage d'octets : le serveur doit servir des plages (HTTP 206) pour que les éléments du catalogue soient lus par fenêtres.</translation>
    </message>
    <message>
        <source>The server sent more bytes than the range asked ({limit}).</source>
        <translation>Le serveur a envoyé plus d'octets que la plage demandée ({limit}).</translation>
    </message>
    <message>
        <source>{url} is not a GeoTIFF.</source>
        <translation>{url} n'est pas un GeoTIFF.</translation>
    </message>
    <message>
        <source>The catalogue item {name} has no date or no cloud mask asset (CLM or SCL).</source>
        <translation>L'élément de catalogue {name} n'a pas de date ou pas de fichier de masque de nuages (CLM ou SCL).</translation>
    </message>
    <message>
        <source>No catalogue item to read.</source>
        <translation>Aucun élément de catalogue à lire.</translation>
    </message>
    <message>
        <source>Cannot read the catalogue items file {path}: {exc}</source>
        <translation>Impossible de lire le fichier d'éléments du catalogue {path} : {exc}</translation>
    </message>
    <message>
        <source>{path} is not a GeoJSON collection of STAC items.</source>
        <translation>{path} n'est pas une collection GeoJSON d'éléments STAC.</translation>
    </message>
</context>
<context>
    <name>DetectionAlgorithm</name>
    <message>
        <source>Dieback detection (new run or update)</source>
        <translation>Détection des dépérissements (nouveau calcul ou mise à jour)</translation>
    </message>
    <message>
        <source>Detects forest dieback date by date (fordead). Per valid date after training: anomaly when the index differs from the model's prediction by more than the threshold in the direction of dieback (strictly); three successive anomalies confirm dieback, dated at the first; three successive normal dates bring the pixel back to healthy; masked dates change nothing. A stress period runs from the first anomaly to the return to health; its index is the mean (or the mean weighted 1, 2, 3 …) of the differences; the confidence index is the current period's index.

The state of every pixel is saved in the STATE folder (GeoTIFFs and state.json: open formats). If that folder already holds a state, only the new dates are processed, from the saved state, with the saved parameters, without retraining: the result is exactly that of one run over all dates. Processed block by block; memory does not grow with the number of dates. Use 'Export dieback results' for maps and polygons.</source>
        <translation>Détecte les dépérissements forestiers date par date (fordead). Pour chaque date valide après l'apprentissage : anomalie quand l'indice s'écarte de la prédiction du modèle de plus que le seuil dans le sens du dépérissement (strictement) ; trois anomalies successives confirment le dépérissement, daté à la première ; trois dates normales successives ramènent le pixel à l'état sain ; les dates masquées ne changent rien. Une période de stress va de la première anomalie au retour à l'état sain ; son indice est la moyenne (ou la moyenne pondérée 1, 2, 3 …) des écarts ; l'indice de confiance est celui de la période en cours.

L'état de chaque pixel est enregistré dans le dossier STATE (GeoTIFF et state.json : formats ouverts). Si ce dossier contient déjà un état, seules les nouvelles dates sont traitées, à partir de l'état enregistré, avec ses paramètres, sans réapprentissage : le résultat est exactement celui d'un seul calcul sur toutes les dates. Traitement par blocs ; la mémoire ne croît pas avec le nombre de dates. Utilisez « Exporter les résultats de dépérissement » pour les cartes et les polygones.</translation>
    </message>
    <message>
        <source>Detection state folder</source>
        <translation>Dossier de l'état de détection</translation>
    </message>
    <message>
        <source>Dates processed</source>
        <translation>Dates traitées</translation>
    </message>
    <message>
        <source>Continuing the saved state in {0} with its own parameters.</source>
        <translation>Reprise de l'état enregistré dans {0} avec ses propres paramètres.</translation>
    </message>
    <message>
        <source>{0} new dates processed ({1} in all, {2} dropped as too cloudy).</source>
        <translation>{0} nouvelles dates traitées ({1} au total, {2} écartées car trop nuageuses).</translation>
    </message>
</context>
<context>
    <name>ExportAlgorithm</name>
    <message>
        <source>Export dieback results (maps and polygons)</source>
        <translation>Exporter les résultats de dépérissement (cartes et polygones)</translation>
    </message>
    <message>
        <source>Maps and polygons of a detection state, as fordead exports them, within the forest mask and for pixels with a model.

Rasters: first dieback date (YYYYMMDD, styled with real dates), state (1 healthy, 2 dieback, 3 bare soil, 4 bare soil after dieback), confidence index (the current stress period's index) and confidence class (1 = below the first threshold …; a period of exactly 3 dates is put in the lowest class). GeoPackage: layer 'dieback' (polygons by period of the first anomaly and by confidence class; 'Bare ground' where soil was detected), 'stress_periods' (closed stress periods by start period and class) and 'soil'. The dieback layer carries the period's first and last days, so QGIS's temporal controller plays it date by date. Periods: month ends (ME), every n months (3ME), every n days (15D) or the Sentinel dates (sentinel).</source>
        <translation>Cartes et polygones d'un état de détection, comme fordead les exporte, dans le masque forestier et pour les pixels qui ont un modèle.

Rasters : date du premier dépérissement (AAAAMMJJ, stylée avec de vraies dates), état (1 sain, 2 dépérissant, 3 sol nu, 4 sol nu après dépérissement), indice de confiance (l'indice de la période de stress en cours) et classe de confiance (1 = sous le premier seuil … ; une période d'exactement 3 dates est mise dans la classe la plus basse). GeoPackage : couche « dieback » (polygones par période de la première anomalie et par classe de confiance ; « Bare ground » là où un sol nu a été détecté), « stress_periods » (périodes de stress closes par période de début et classe) et « soil ». La couche dieback porte le premier et le dernier jour de la période : le contrôleur temporel de QGIS la joue date par date. Périodes : fins de mois (ME), tous les n mois (3ME), tous les n jours (15D) ou les dates Sentinel (sentinel).</translation>
    </message>
    <message>
        <source>Detection state folder</source>
        <translation>Dossier de l'état de détection</translation>
    </message>
    <message>
        <source>Dieback polygons</source>
        <translation>Polygones de dépérissement</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>First dieback date</source>
        <translation>Date du premier dépérissement</translation>
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
        <source>{0} holds no detection state (state.json); run the dieback detection first.</source>
        <translation>{0} ne contient pas d'état de détection (state.json) ; lancez d'abord la détection des dépérissements.</translation>
    </message>
    <message>
        <source>{0} polygons written ({1}).</source>
        <translation>{0} polygones écrits ({1}).</translation>
    </message>
</context>
<context>
    <name>ForestHealth</name>
    <message>
        <source>Folder of Sentinel-2 L2A products (THEIA or Sen2Cor)</source>
        <translation>Dossier de produits Sentinel-2 L2A (THEIA ou Sen2Cor)</translation>
    </message>
    <message>
        <source>Area of interest</source>
        <translation>Zone d'intérêt</translation>
    </message>
    <message>
        <source>Vegetation index</source>
        <translation>Indice de végétation</translation>
    </message>
    <message>
        <source>User index formula (when the index is &apos;formula&apos;), e.g. (B8-B4)/(B8+B4)</source>
        <translation>Formule d'indice utilisateur (quand l'indice est « formula »), par ex. (B8-B4)/(B8+B4)</translation>
    </message>
    <message>
        <source>The user index falls with dieback (as NDVI does)</source>
        <translation>L'indice utilisateur diminue avec le dépérissement (comme le NDVI)</translation>
    </message>
    <message>
        <source>Mask formula (pixels where it is true are masked)</source>
        <translation>Formule de masque (les pixels où elle est vraie sont masqués)</translation>
    </message>
    <message>
        <source>Detect bare soil and clouds with fordead&apos;s rules (replaces the mask formula)</source>
        <translation>Détecter sols nus et nuages avec les règles de fordead (remplace la formule de masque)</translation>
    </message>
    <message>
        <source>Apply the provider&apos;s cloud mask (CLM / SCL)</source>
        <translation>Appliquer le masque de nuages du fournisseur (CLM / SCL)</translation>
    </message>
    <message>
        <source>Maximum cloudiness of a date (-1: keep every date)</source>
        <translation>Nébulosité maximale d'une date (-1 : garder toutes les dates)</translation>
    </message>
    <message>
        <source>Ignore dates before (YYYY-MM-DD)</source>
        <translation>Ignorer les dates avant le (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>Outside the swath when any band is negative (fordead tests one band)</source>
        <translation>Hors fauchée dès qu'une bande est négative (fordead teste une seule bande)</translation>
    </message>
    <message>
        <source>Cloudiness over the area of interest (fordead: over the whole product)</source>
        <translation>Nébulosité sur la zone d'intérêt (fordead : sur tout le produit)</translation>
    </message>
    <message>
        <source>Remove the Sen2Cor offset of products from 2022-01-25 (fordead ignores it)</source>
        <translation>Retirer le décalage Sen2Cor des produits depuis le 2022-01-25 (fordead l'ignore)</translation>
    </message>
    <message>
        <source>Give the user index formula, or choose a named index.</source>
        <translation>Donnez la formule d'indice utilisateur, ou choisissez un indice nommé.</translation>
    </message>
    <message>
        <source>Minimum number of valid dates to train a pixel&apos;s model</source>
        <translation>Nombre minimal de dates valides pour apprendre le modèle d'un pixel</translation>
    </message>
    <message>
        <source>Detection starts on (YYYY-MM-DD, earliest end of training)</source>
        <translation>La détection commence le (AAAA-MM-JJ, fin d'apprentissage au plus tôt)</translation>
    </message>
    <message>
        <source>Training ends at the latest on (YYYY-MM-DD)</source>
        <translation>L'apprentissage finit au plus tard le (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>Anomaly threshold (index minus prediction)</source>
        <translation>Seuil d'anomalie (indice moins prédiction)</translation>
    </message>
    <message>
        <source>Stress index</source>
        <translation>Indice de stress</translation>
    </message>
    <message>
        <source>Weighted mean</source>
        <translation>Moyenne pondérée</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Maximum number of stress periods</source>
        <translation>Nombre maximal de périodes de stress</translation>
    </message>
    <message>
        <source>Forest polygons</source>
        <translation>Polygones de forêt</translation>
    </message>
    <message>
        <source>Forest raster (non-zero, or the classes below, is forest)</source>
        <translation>Raster de forêt (non nul, ou les classes ci-dessous, est forêt)</translation>
    </message>
    <message>
        <source>Forest classes of the raster (e.g. OSO: 16,17)</source>
        <translation>Classes forestières du raster (par ex. OSO : 16,17)</translation>
    </message>
    <message>
        <source>Confidence class thresholds (comma-separated)</source>
        <translation>Seuils des classes de confiance (séparés par des virgules)</translation>
    </message>
    <message>
        <source>Confidence class names (one more than thresholds, comma-separated)</source>
        <translation>Noms des classes de confiance (un de plus que de seuils, séparés par des virgules)</translation>
    </message>
    <message>
        <source>Periods of the polygons (ME: months, 3ME, 15D, sentinel)</source>
        <translation>Périodes des polygones (ME : mois, 3ME, 15D, sentinel)</translation>
    </message>
    <message>
        <source>Periods start on</source>
        <translation>Les périodes commencent le</translation>
    </message>
    <message>
        <source>Periods end on</source>
        <translation>Les périodes finissent le</translation>
    </message>
    <message>
        <source>Forest classes must be integers separated by commas.</source>
        <translation>Les classes forestières doivent être des entiers séparés par des virgules.</translation>
    </message>
    <message>
        <source>No forest mask given: every pixel with a model is analysed.</source>
        <translation>Aucun masque forestier : tous les pixels qui ont un modèle sont analysés.</translation>
    </message>
    <message>
        <source>Thresholds must be numbers separated by commas.</source>
        <translation>Les seuils doivent être des nombres séparés par des virgules.</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Sain</translation>
    </message>
    <message>
        <source>Dieback</source>
        <translation>Dépérissant</translation>
    </message>
    <message>
        <source>Bare soil</source>
        <translation>Sol nu</translation>
    </message>
    <message>
        <source>Bare soil after dieback</source>
        <translation>Sol nu après dépérissement</translation>
    </message>
    <message>
        <source>Bare ground</source>
        <translation>Sol nu</translation>
    </message>
    <message>
        <source>Ignored period of each year, e.g. 11-01,05-01 (MM-DD,MM-DD: winter)</source>
        <translation>Période ignorée chaque année, par ex. 11-01,05-01 (MM-JJ,MM-JJ : l'hiver)</translation>
    </message>
    <message>
        <source>The ignored period is two month-days MM-DD and a comma, e.g. 11-01,05-01.</source>
        <translation>La période ignorée est faite de deux jours MM-JJ séparés par une virgule, par ex. 11-01,05-01.</translation>
    </message>
    <message>
        <source>Or Sentinel-2 items of the catalogue (GeoJSON of STAC items; read over the area of interest only)</source>
        <translation>Ou éléments Sentinel-2 du catalogue (GeoJSON d'éléments STAC ; lus sur la zone d'intérêt seulement)</translation>
    </message>
    <message>
        <source>Catalogue items are read over an area of interest only: give the area of interest.</source>
        <translation>Les éléments du catalogue ne sont lus que sur une zone d'intérêt : donnez la zone d'intérêt.</translation>
    </message>
    <message>
        <source>{0} catalogue items on another Sentinel-2 tile than the other items were left out: {1}</source>
        <translation>{0} éléments du catalogue sur une autre tuile Sentinel-2 que les autres éléments ont été écartés : {1}</translation>
    </message>
    <message>
        <source>{0} catalogue items read over the area: {1:.1f} MB received in {2} requests ({3:.1%} of their files).</source>
        <translation>{0} éléments du catalogue lus sur la zone : {1:.1f} Mo reçus en {2} requêtes ({3:.1%} de leurs fichiers).</translation>
    </message>
    <message>
        <source>Give a folder of Sentinel-2 products or a file of catalogue items.</source>
        <translation>Donnez un dossier de produits Sentinel-2 ou un fichier d'éléments du catalogue.</translation>
    </message>
    <message>
        <source>Low anomaly</source>
        <translation>Anomalie faible</translation>
    </message>
    <message>
        <source>Severe anomaly</source>
        <translation>Anomalie sévère</translation>
    </message>
</context>
<context>
    <name>HarmonicModelAlgorithm</name>
    <message>
        <source>Harmonic model of the vegetation index</source>
        <translation>Modèle harmonique de l'indice de végétation</translation>
    </message>
    <message>
        <source>The seasonal model of each pixel's vegetation index fitted on its training dates (fordead): VI(t) = c1 + c2 sin(2πt/T) + c3 cos(2πt/T) + c4 sin(4πt/T) + c5 cos(4πt/T), t in days since 2015-01-01, T = 365.25 days, least squares on the valid dates. A pixel is trained on the dates before the first date on or after 'Detection starts on' at which it has more than the minimum number of valid dates (that date included), at the latest 'Training ends at the latest on'; other pixels have no model (NaN).

Output: 5 bands c1 … c5 (float64) and, optionally, the first detection date of each pixel (YYYYMMDD). The normal equations are accumulated date by date: memory does not grow with the number of dates.</source>
        <translation>Le modèle saisonnier de l'indice de végétation de chaque pixel, ajusté sur ses dates d'apprentissage (fordead) : VI(t) = c1 + c2 sin(2πt/T) + c3 cos(2πt/T) + c4 sin(4πt/T) + c5 cos(4πt/T), t en jours depuis le 2015-01-01, T = 365,25 jours, moindres carrés sur les dates valides. Un pixel apprend sur les dates qui précèdent la première date, le jour de « La détection commence le » ou après, à laquelle il a plus que le nombre minimal de dates valides (cette date comprise), au plus tard « L'apprentissage finit au plus tard le » ; les autres pixels n'ont pas de modèle (NaN).

Sortie : 5 bandes c1 … c5 (float64) et, en option, la première date de détection de chaque pixel (AAAAMMJJ). Les équations normales sont cumulées date par date : la mémoire ne croît pas avec le nombre de dates.</translation>
    </message>
    <message>
        <source>Model coefficients</source>
        <translation>Coefficients du modèle</translation>
    </message>
    <message>
        <source>First detection date</source>
        <translation>Première date de détection</translation>
    </message>
</context>
<context>
    <name>IndexSeriesAlgorithm</name>
    <message>
        <source>Vegetation index series (Sentinel-2)</source>
        <translation>Série d'indice de végétation (Sentinel-2)</translation>
    </message>
    <message>
        <source>The masked vegetation index of every Sentinel-2 date kept, as one raster with one band per date (band names are the dates, YYYY-MM-DD; masked pixels are NaN), on the 10 m grid of the products (20 m bands repeated 2 × 2).

Products: a folder of THEIA/MAJA L2A folders (SENTINEL2A_…, FRE bands, MASKS/CLM) or Sen2Cor .SAFE folders (SCL). A date is dropped when its cloudiness (the provider's cloud mask among pixels in the swath) exceeds the limit. Index: CRSWIR = B11 / (B8A + (B12 − B8A) × (1610.4 − 864) / (2185.7 − 864)) by default (rises with dieback), NDVI, NBR, NDWI, BSI, or a formula over the bands B2 … B12, B8A. Masked: a band at 0, outside the swath, an index that is not finite, the mask formula, the provider's mask; with soil detection, fordead's bare-soil and cloud rules instead of the formula. As fordead computes it; the advanced options fix its known defects.</source>
        <translation>L'indice de végétation masqué de chaque date Sentinel-2 retenue, en un raster d'une bande par date (les bandes portent les dates, AAAA-MM-JJ ; pixels masqués à NaN), sur la grille à 10 m des produits (bandes à 20 m répétées 2 × 2).

Produits : un dossier de dossiers L2A THEIA/MAJA (SENTINEL2A_…, bandes FRE, MASKS/CLM) ou de dossiers Sen2Cor .SAFE (SCL). Une date est écartée quand sa nébulosité (le masque de nuages du fournisseur parmi les pixels de la fauchée) dépasse la limite. Indice : CRSWIR = B11 / (B8A + (B12 − B8A) × (1610,4 − 864) / (2185,7 − 864)) par défaut (augmente avec le dépérissement), NDVI, NBR, NDWI, BSI, ou une formule des bandes B2 … B12, B8A. Masqués : une bande à 0, hors fauchée, un indice non fini, la formule de masque, le masque du fournisseur ; avec la détection des sols nus, les règles de sol nu et de nuages de fordead au lieu de la formule. Calculé comme fordead ; les options avancées corrigent ses défauts connus.</translation>
    </message>
    <message>
        <source>Vegetation index series</source>
        <translation>Série d'indice de végétation</translation>
    </message>
    <message>
        <source>{0} dates kept, {1} dropped as too cloudy.</source>
        <translation>{0} dates retenues, {1} écartées car trop nuageuses.</translation>
    </message>
</context>
</TS>
