<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>CompareFragmentation</name>
    <message>
        <source>Compare fragmentation (two dates or scenarios)</source>
        <translation>Comparer la fragmentation (deux dates ou scénarios)</translation>
    </message>
    <message>
        <source>Differences per reporting unit between two outputs of Effective mesh size (two dates or two scenarios on the same units).

BEFORE and AFTER: outputs of Effective mesh size. KEY_FIELD: field of BEFORE that identifies a unit in both layers (e.g. INSEE_COM); empty: units are matched in feature order.
OUTPUT: the units of AFTER with, for meff_ha (hectares), coherence, splitting_index, s_eff, n_patches and habitat_ha (hectares): &lt;name&gt;_before, &lt;name&gt;_after, &lt;name&gt;_diff (after - before, same unit) and &lt;name&gt;_pct (difference in % of before; empty when before is 0).</source>
        <translation>Différences par unité de restitution entre deux sorties de Taille effective de maille (deux dates ou deux scénarios sur les mêmes unités).

BEFORE et AFTER : sorties de Taille effective de maille. KEY_FIELD : champ de BEFORE qui identifie une unité dans les deux couches (par exemple INSEE_COM) ; vide : les unités sont appariées dans l'ordre des entités.
OUTPUT : les unités de AFTER avec, pour meff_ha (hectares), coherence, splitting_index, s_eff, n_patches et habitat_ha (hectares) : &lt;nom&gt;_before, &lt;nom&gt;_after, &lt;nom&gt;_diff (après - avant, même unité) et &lt;nom&gt;_pct (différence en % de l'avant ; vide quand l'avant vaut 0).</translation>
    </message>
    <message>
        <source>Before (effective mesh size output)</source>
        <translation>Avant (sortie de la taille effective de maille)</translation>
    </message>
    <message>
        <source>After (effective mesh size output)</source>
        <translation>Après (sortie de la taille effective de maille)</translation>
    </message>
    <message>
        <source>Unit identifier field</source>
        <translation>Champ identifiant des unités</translation>
    </message>
    <message>
        <source>Fragmentation differences</source>
        <translation>Différences de fragmentation</translation>
    </message>
    <message>
        <source>{0} is not an output of Effective mesh size: fields {1} are missing.</source>
        <translation>{0} n'est pas une sortie de Taille effective de maille : les champs {1} manquent.</translation>
    </message>
    <message>
        <source>AFTER has no field {0}: choose a key present in both.</source>
        <translation>AFTER n'a pas de champ {0} : choisissez une clé présente dans les deux couches.</translation>
    </message>
    <message>
        <source>BEFORE has {0} units and AFTER {1}: choose a unit identifier field (KEY_FIELD).</source>
        <translation>BEFORE a {0} unités et AFTER {1} : choisissez un champ identifiant des unités (KEY_FIELD).</translation>
    </message>
    <message>
        <source>{0} units of AFTER have no match in BEFORE: skipped.</source>
        <translation>{0} unités de AFTER n'ont pas de correspondance dans BEFORE : ignorées.</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <source>The grid size ({grid_size} m) is smaller than a pixel ({pixel_width} m): choose a larger grid size.</source>
        <translation>La taille de grille ({grid_size} m) est plus petite qu'un pixel ({pixel_width} m) : choisissez une taille de grille plus grande.</translation>
    </message>
    <message>
        <source>Unknown method {method!r}: choose CUT or CBC.</source>
        <translation>Méthode inconnue {method!r} : choisissez CUT ou CBC.</translation>
    </message>
    <message>
        <source>{path} has no valid pixel (all nodata): nothing to measure.</source>
        <translation>{path} n'a aucun pixel valide (tout en nodata) : rien à mesurer.</translation>
    </message>
    <message>
        <source>Give either reporting units or a grid size, not both.</source>
        <translation>Donnez soit des unités de rapport, soit une taille de grille, pas les deux.</translation>
    </message>
    <message>
        <source>The reporting-unit raster is not on the habitat raster&apos;s grid ({problems}); rasterise the units on that grid.</source>
        <translation>Le raster des unités de rapport n'est pas sur la grille du raster d'habitat ({problems}) ; rastérisez les unités sur cette grille.</translation>
    </message>
    <message>
        <source>A grid raster needs a grid size.</source>
        <translation>Un raster de grille demande une taille de grille.</translation>
    </message>
    <message>
        <source>The habitat raster</source>
        <translation>Le raster d'habitat</translation>
    </message>
    <message>
        <source>Cannot write {output_path}: {exc}</source>
        <translation>Impossible d'écrire {output_path} : {exc}</translation>
    </message>
    <message>
        <source>land use</source>
        <translation>occupation du sol</translation>
    </message>
    <message>
        <source>study area</source>
        <translation>zone d'étude</translation>
    </message>
    <message>
        <source>reporting layer</source>
        <translation>couche de restitution</translation>
    </message>
    <message>
        <source>fragmenting layer {name}</source>
        <translation>couche fragmentante {name}</translation>
    </message>
    <message>
        <source>The project file declares a DTD or entities, which are refused for safety.</source>
        <translation>Le fichier de projet déclare une DTD ou des entités, refusées par sécurité.</translation>
    </message>
    <message>
        <source>The project file is not well-formed XML ({exc}).</source>
        <translation>Le fichier de projet n'est pas du XML bien formé ({exc}).</translation>
    </message>
    <message>
        <source>Cannot read the project file {path}: {exc}</source>
        <translation>Impossible de lire le fichier de projet {path} : {exc}</translation>
    </message>
    <message>
        <source>{path} is not a FragScape project (its root element is &lt;{tag}&gt;, not &lt;FragScapeModel&gt;).</source>
        <translation>{path} n'est pas un projet FragScape (son élément racine est &lt;{tag}&gt;, pas &lt;FragScapeModel&gt;).</translation>
    </message>
    <message>
        <source>The workspace {workspace} does not exist here: paths are read from the project file&apos;s folder.</source>
        <translation>Le dossier de travail {workspace} n'existe pas ici : les chemins sont lus depuis le dossier du fichier de projet.</translation>
    </message>
    <message>
        <source>The project has no &lt;Landuse&gt; element: there is no land use to select habitat from.</source>
        <translation>Le projet n'a pas d'élément &lt;Landuse&gt; : aucune occupation du sol où choisir l'habitat.</translation>
    </message>
    <message>
        <source>The land use is selected by the expression {expression!r}: choose the habitat classes instead.</source>
        <translation>L'occupation du sol est sélectionnée par l'expression {expression!r} : choisissez plutôt les classes d'habitat.</translation>
    </message>
    <message>
        <source>No land-use class is selected (toSelect) in the project: choose the habitat classes.</source>
        <translation>Aucune classe d'occupation du sol n'est sélectionnée (toSelect) dans le projet : choisissez les classes d'habitat.</translation>
    </message>
    <message>
        <source>{name}: CLIP_LAYER is not used (FragScape 2.0.7 does not use it either).</source>
        <translation>{name} : CLIP_LAYER n'est pas utilisé (FragScape 2.0.7 ne l'utilise pas non plus).</translation>
    </message>
    <message>
        <source>{name} adds habitat (FRAGM=False), which the plugin does not do: it is left out.</source>
        <translation>{name} ajoute de l'habitat (FRAGM=False), ce que l'extension ne fait pas : il est laissé de côté.</translation>
    </message>
    <message>
        <source>The reporting expression {expression!r} is not used (FragScape 2.0.7 does not use it either).</source>
        <translation>L'expression de restitution {expression!r} n'est pas utilisée (FragScape 2.0.7 ne l'utilise pas non plus).</translation>
    </message>
    <message>
        <source>The reporting input layer {path} is not used: the plugin measures the landscape it prepares from the project.</source>
        <translation>La couche d'entrée de restitution {path} n'est pas utilisée : l'extension mesure le paysage qu'elle prépare à partir du projet.</translation>
    </message>
    <message>
        <source>Cannot write the project file {path}: {exc}</source>
        <translation>Impossible d'écrire le fichier de projet {path} : {exc}</translation>
    </message>
    <message>
        <source>The project file</source>
        <translation>Le fichier de projet</translation>
    </message>
</context>
<context>
    <name>EffectiveMeshSize</name>
    <message>
        <source>Effective mesh size (fragmentation)</source>
        <translation>Taille effective de maille (fragmentation)</translation>
    </message>
    <message>
        <source>Habitat patches (polygons or raster)</source>
        <translation>Taches d'habitat (polygones ou raster)</translation>
    </message>
    <message>
        <source>Reporting units (polygons)</source>
        <translation>Unités de restitution (polygones)</translation>
    </message>
    <message>
        <source>Grid cell size (metres)</source>
        <translation>Taille des mailles de la grille (mètres)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Raster connectivity</source>
        <translation>Connexité raster</translation>
    </message>
    <message>
        <source>Minimum patch area (m²)</source>
        <translation>Surface minimale des taches (m²)</translation>
    </message>
    <message>
        <source>Habitat pixel values (raster, comma-separated)</source>
        <translation>Valeurs de pixel d'habitat (raster, séparées par des virgules)</translation>
    </message>
    <message>
        <source>Effective mesh size</source>
        <translation>Taille effective de maille</translation>
    </message>
    <message>
        <source>Effective mesh size per grid cell (ha)</source>
        <translation>Taille effective de maille par maille de grille (ha)</translation>
    </message>
    <message>
        <source>Effective mesh size (ha)</source>
        <translation>Taille effective de maille (ha)</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Cohérence</translation>
    </message>
    <message>
        <source>Splitting index</source>
        <translation>Indice de division</translation>
    </message>
    <message>
        <source>The input layer could not be loaded.</source>
        <translation>La couche d'entrée n'a pas pu être chargée.</translation>
    </message>
    <message>
        <source>The input layer</source>
        <translation>La couche d'entrée</translation>
    </message>
    <message>
        <source>The raster output needs a grid cell size (GRID_SIZE).</source>
        <translation>La sortie raster demande une taille de maille de grille (GRID_SIZE).</translation>
    </message>
    <message>
        <source>Habitat pixel values</source>
        <translation>Valeurs de pixel d'habitat</translation>
    </message>
    <message>
        <source>Give either reporting units or a grid cell size, not both.</source>
        <translation>Donnez soit des unités de restitution, soit une taille de maille de grille, pas les deux.</translation>
    </message>
    <message>
        <source>The reporting layer</source>
        <translation>La couche des unités de restitution</translation>
    </message>
    <message>
        <source>The reporting layer has no polygon: choose a layer with at least one reporting unit, or leave it empty.</source>
        <translation>La couche des unités de restitution n'a aucun polygone : choisissez une couche avec au moins une unité, ou laissez ce paramètre vide.</translation>
    </message>
    <message>
        <source>The raster has no habitat pixel: every effective mesh size is 0. Check HABITAT_VALUES against the raster&apos;s values.</source>
        <translation>Le raster n'a aucun pixel d'habitat : toutes les tailles effectives de maille valent 0. Vérifiez HABITAT_VALUES par rapport aux valeurs du raster.</translation>
    </message>
    <message>
        <source>Dissolving the habitat into patches…</source>
        <translation>Fusion de l'habitat en taches…</translation>
    </message>
    <message>
        <source>The input has no habitat polygon: every effective mesh size is 0.</source>
        <translation>L'entrée n'a aucun polygone d'habitat : toutes les tailles effectives de maille valent 0.</translation>
    </message>
    <message>
        <source>Measuring each unit…</source>
        <translation>Mesure de chaque unité…</translation>
    </message>
    <message>
        <source>Measures how much habitat is cut apart with Jaeger's effective mesh size (meff), the size of the area that two random points of the region have on average in common (Jaeger 2000), per reporting unit, per grid cell or over the whole input.

INPUT: habitat patches, either polygons (touching polygons form one patch) or a raster whose HABITAT_VALUES (default: every non-zero value) are habitat; nodata pixels are outside the landscape. A projected CRS in metres is required.
REPORTING: optional polygons (e.g. communes); GRID_SIZE: optional side of square cells in metres. Without either, the whole input extent is one unit.
METHOD: CUT (cutting-out: patches are cut at the unit boundary) or CBC (cross-boundary connections: each piece inside the unit is weighted by its whole patch area, also outside the unit; Moser et al. 2007).
CONNECTIVITY: which raster pixels join one patch. 4 neighbours (default) is FragScape's raster rule: pixels touching only at a corner are two patches, as polygons touching only at a corner are in vector mode. 8 neighbours joins them: choose it when rasterising has cut diagonal strips of habitat (hedges, rivers) into pixels that touch only at their corners. MIN_PATCH_AREA (m²): smaller patches are not counted as habitat.

Output fields: meff_ha (hectares), meff_km2 (km²), s_eff (effective mesh number = unit area / meff), coherence (meff / unit area, 0 to 1), splitting_index (1 / coherence), n_patches, habitat_ha and area_ha (hectares). MEFF_HA, COHERENCE and SPLITTING_INDEX are also returned for all units together (area-weighted). OUTPUT_RASTER: meff (ha) per grid cell as a GeoTIFF (needs GRID_SIZE).</source>
        <translation>Mesure à quel point l'habitat est découpé avec la taille effective de maille de Jaeger (meff), la surface que deux points tirés au hasard dans la région ont en moyenne en commun (Jaeger 2000), par unité de restitution, par maille de grille ou sur toute l'entrée.

INPUT : taches d'habitat, soit des polygones (des polygones qui se touchent forment une seule tache), soit un raster dont les HABITAT_VALUES (par défaut : toute valeur non nulle) sont de l'habitat ; les pixels nodata sont hors du paysage. Un SCR projeté en mètres est requis.
REPORTING : polygones facultatifs (par exemple les communes) ; GRID_SIZE : côté facultatif de mailles carrées en mètres. Sans l'un ni l'autre, toute l'emprise de l'entrée forme une seule unité.
METHOD : CUT (découpage : les taches sont coupées à la limite de l'unité) ou CBC (connexions transfrontalières : chaque morceau dans l'unité est pondéré par la surface de sa tache entière, y compris hors de l'unité ; Moser et al. 2007).
CONNECTIVITY : quels pixels raster forment une même tache. 4 voisins (par défaut) est la règle du mode raster de FragScape : des pixels qui ne se touchent que par un coin forment deux taches, comme des polygones qui ne se touchent que par un coin en mode vecteur. 8 voisins les réunit : choisissez-le quand la rastérisation a découpé des bandes d'habitat diagonales (haies, rivières) en pixels qui ne se touchent que par leurs coins. MIN_PATCH_AREA (m²) : les taches plus petites ne comptent pas comme habitat.

Champs de sortie : meff_ha (hectares), meff_km2 (km²), s_eff (nombre effectif de mailles = surface de l'unité / meff), coherence (meff / surface de l'unité, de 0 à 1), splitting_index (1 / cohérence), n_patches, habitat_ha et area_ha (hectares). MEFF_HA, COHERENCE et SPLITTING_INDEX sont aussi renvoyés pour l'ensemble des unités (pondérés par la surface). OUTPUT_RASTER : meff (ha) par maille de grille en GeoTIFF (demande GRID_SIZE).</translation>
    </message>
</context>
<context>
    <name>FragmentingElements</name>
    <message>
        <source>Fragmenting elements (barriers)</source>
        <translation>Éléments fragmentants (barrières)</translation>
    </message>
    <message>
        <source>Turns one kind of barrier (roads, railways, rivers, built-up areas…) into dissolved polygons that cut habitat patches apart, for Prepare landscape.

INPUT: line or polygon layer in a projected CRS (metres).
FILTER: optional expression keeping only some features, e.g. &quot;ETAT&quot; = 'Revêtu'.
BUFFER: buffer distance in metres on each side; a number, a field or an expression (data-defined), e.g. CASE WHEN &quot;VOCATION&quot; = 'Type autoroutier' THEN 30 ELSE 7.5 END. Lines need a distance above 0; polygons may keep 0.
OUTPUT: one dissolved (multi)polygon of every buffered feature.</source>
        <translation>Transforme un type de barrière (routes, voies ferrées, rivières, zones bâties…) en polygones fusionnés qui découpent les taches d'habitat, pour Préparer le paysage.

INPUT : couche de lignes ou de polygones dans un SCR projeté (mètres).
FILTER : expression facultative qui ne garde que certaines entités, par exemple &quot;ETAT&quot; = 'Revêtu'.
BUFFER : distance de tampon en mètres de chaque côté ; un nombre, un champ ou une expression (valeur définie par les données), par exemple CASE WHEN &quot;VOCATION&quot; = 'Type autoroutier' THEN 30 ELSE 7.5 END. Les lignes demandent une distance supérieure à 0 ; les polygones peuvent garder 0.
OUTPUT : un (multi)polygone fusionné de toutes les entités tamponnées.</translation>
    </message>
    <message>
        <source>Barriers (lines or polygons)</source>
        <translation>Barrières (lignes ou polygones)</translation>
    </message>
    <message>
        <source>Filter (expression)</source>
        <translation>Filtre (expression)</translation>
    </message>
    <message>
        <source>Buffer distance (metres)</source>
        <translation>Distance de tampon (mètres)</translation>
    </message>
    <message>
        <source>Fragmenting elements</source>
        <translation>Éléments fragmentants</translation>
    </message>
    <message>
        <source>The barrier layer could not be loaded.</source>
        <translation>La couche des barrières n'a pas pu être chargée.</translation>
    </message>
    <message>
        <source>The barrier layer</source>
        <translation>La couche des barrières</translation>
    </message>
    <message>
        <source>No feature matches the filter: the output is empty.</source>
        <translation>Aucune entité ne correspond au filtre : la sortie est vide.</translation>
    </message>
    <message>
        <source>The buffer expression is not valid: {0}</source>
        <translation>L'expression du tampon n'est pas valide : {0}</translation>
    </message>
    <message>
        <source>Lines have no area: give a buffer distance above 0 metres (e.g. half the road width).</source>
        <translation>Les lignes n'ont pas de surface : donnez une distance de tampon supérieure à 0 mètre (par exemple la demi-largeur de la route).</translation>
    </message>
</context>
<context>
    <name>FragscapeCommon</name>
    <message>
        <source>{0} is in {1}; it is reprojected to {2} for the computation.</source>
        <translation>{0} est en {1} ; elle est reprojetée en {2} pour le calcul.</translation>
    </message>
    <message>
        <source>{0} invalid geometries of {1} were repaired.</source>
        <translation>{0} géométries invalides de {1} ont été réparées.</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; is not a number. Give codes separated by commas, e.g. 311,312,313.</source>
        <translation>{0} : « {1} » n'est pas un nombre. Donnez des codes séparés par des virgules, par exemple 311,312,313.</translation>
    </message>
</context>
<context>
    <name>PrepareLandscape</name>
    <message>
        <source>Prepare landscape (habitat patches)</source>
        <translation>Préparer le paysage (taches d'habitat)</translation>
    </message>
    <message>
        <source>Land cover (polygons or raster)</source>
        <translation>Occupation du sol (polygones ou raster)</translation>
    </message>
    <message>
        <source>Class field (vector land cover)</source>
        <translation>Champ de classe (occupation du sol vecteur)</translation>
    </message>
    <message>
        <source>Habitat class codes (comma-separated)</source>
        <translation>Codes des classes d'habitat (séparés par des virgules)</translation>
    </message>
    <message>
        <source>Habitat preset</source>
        <translation>Préréglage d'habitat</translation>
    </message>
    <message>
        <source>None (use the habitat class codes)</source>
        <translation>Aucun (utiliser les codes des classes d'habitat)</translation>
    </message>
    <message>
        <source>OSO natural and semi-natural classes</source>
        <translation>Classes naturelles et semi-naturelles d'OSO</translation>
    </message>
    <message>
        <source>Corine Land Cover natural and semi-natural classes</source>
        <translation>Classes naturelles et semi-naturelles de Corine Land Cover</translation>
    </message>
    <message>
        <source>Fragmenting elements</source>
        <translation>Éléments fragmentants</translation>
    </message>
    <message>
        <source>Study area</source>
        <translation>Zone d'étude</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
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
        <source>Raster resolution (metres)</source>
        <translation>Résolution raster (mètres)</translation>
    </message>
    <message>
        <source>Habitat patches</source>
        <translation>Taches d'habitat</translation>
    </message>
    <message>
        <source>Habitat raster</source>
        <translation>Raster d'habitat</translation>
    </message>
    <message>
        <source>The land-cover layer could not be loaded.</source>
        <translation>La couche d'occupation du sol n'a pas pu être chargée.</translation>
    </message>
    <message>
        <source>The land-cover layer</source>
        <translation>La couche d'occupation du sol</translation>
    </message>
    <message>
        <source>A fragmenting layer</source>
        <translation>Une couche d'éléments fragmentants</translation>
    </message>
    <message>
        <source>The study area</source>
        <translation>La zone d'étude</translation>
    </message>
    <message>
        <source>The raster resolution must be above 0 metres.</source>
        <translation>La résolution raster doit être supérieure à 0 mètre.</translation>
    </message>
    <message>
        <source>Vector mode needs a polygon land cover: choose MODE = Raster for a land-cover raster.</source>
        <translation>Le mode vecteur demande une occupation du sol en polygones : choisissez MODE = Raster pour un raster d'occupation du sol.</translation>
    </message>
    <message>
        <source>Raster mode writes a GeoTIFF: give OUTPUT_RASTER (or OUTPUT) a .tif file name.</source>
        <translation>Le mode raster écrit un GeoTIFF : donnez à OUTPUT_RASTER (ou OUTPUT) un nom de fichier .tif.</translation>
    </message>
    <message>
        <source>Habitat class codes</source>
        <translation>Codes des classes d'habitat</translation>
    </message>
    <message>
        <source>No habitat class: give HABITAT_CLASSES (e.g. 311,312,313) or choose a PRESET.</source>
        <translation>Aucune classe d'habitat : donnez HABITAT_CLASSES (par exemple 311,312,313) ou choisissez un PRESET.</translation>
    </message>
    <message>
        <source>None of the habitat classes ({0}) occurs in the land cover: check the class field and the codes.</source>
        <translation>Aucune des classes d'habitat ({0}) n'apparaît dans l'occupation du sol : vérifiez le champ de classe et les codes.</translation>
    </message>
    <message>
        <source>Habitat classes absent from the land cover: {0}.</source>
        <translation>Classes d'habitat absentes de l'occupation du sol : {0}.</translation>
    </message>
    <message>
        <source>A polygon land cover needs its class field (CLASS_FIELD), e.g. CODE_12 for Corine Land Cover.</source>
        <translation>Une occupation du sol en polygones demande son champ de classe (CLASS_FIELD), par exemple CODE_12 pour Corine Land Cover.</translation>
    </message>
    <message>
        <source>Cancelled by the user: no output was written.</source>
        <translation>Annulé par l'utilisateur : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <source>{0} is neither lines nor polygons: ignored.</source>
        <translation>{0} n'est ni des lignes ni des polygones : ignorée.</translation>
    </message>
    <message>
        <source>The land cover or study area is empty: nothing to rasterise.</source>
        <translation>L'occupation du sol ou la zone d'étude est vide : rien à rastériser.</translation>
    </message>
    <message>
        <source>Builds the habitat patches measured by Effective mesh size: the land-cover classes kept as habitat, cut by the fragmenting elements, inside the study area.

LANDCOVER: polygons with a class field (CLASS_FIELD), or a land-cover raster, in a projected CRS (metres).
HABITAT_CLASSES: codes kept as habitat, separated by commas (e.g. 311,312,313); or PRESET: natural and semi-natural classes of OSO (THEIA, codes 1-23) or of Corine Land Cover (3-digit codes). Codes absent from the data are reported.
FRAGMENTING: optional barrier layers (polygons, e.g. from Fragmenting elements, or lines) that cut patches in both modes.
STUDY_AREA: optional polygons; outside them nothing is measured.
MODE: vector writes single-part habitat polygons (OUTPUT, field area_m2); raster writes a Byte GeoTIFF (OUTPUT_RASTER, or OUTPUT named .tif) at RESOLUTION metres with 1 = habitat, 0 = not habitat, 255 = nodata outside the study area.</source>
        <translation>Construit les taches d'habitat mesurées par Taille effective de maille : les classes d'occupation du sol gardées comme habitat, découpées par les éléments fragmentants, dans la zone d'étude.

LANDCOVER : polygones avec un champ de classe (CLASS_FIELD), ou raster d'occupation du sol, dans un SCR projeté (mètres).
HABITAT_CLASSES : codes gardés comme habitat, séparés par des virgules (par exemple 311,312,313) ; ou PRESET : classes naturelles et semi-naturelles d'OSO (THEIA, codes 1 à 23) ou de Corine Land Cover (codes à 3 chiffres). Les codes absents des données sont signalés.
FRAGMENTING : couches de barrières facultatives (polygones, par exemple issus d'Éléments fragmentants, ou lignes) qui découpent les taches dans les deux modes.
STUDY_AREA : polygones facultatifs ; rien n'est mesuré en dehors.
MODE : le mode vecteur écrit des polygones d'habitat en parties simples (OUTPUT, champ area_m2) ; le mode raster écrit un GeoTIFF Byte (OUTPUT_RASTER, ou OUTPUT nommé .tif) à RESOLUTION mètres avec 1 = habitat, 0 = non habitat, 255 = nodata hors de la zone d'étude.</translation>
    </message>
</context>
<context>
    <name>RunFragScapeProject</name>
    <message>
        <source>Run a FragScape project</source>
        <translation>Exécuter un projet FragScape</translation>
    </message>
    <message>
        <source>Runs a FragScape project file (.xml) with this plugin&apos;s algorithms: the land-use classes the project selects are habitat, its fragmenting layers (filtered and buffered as in the project) cut them, and the effective mesh size is measured per reporting unit with the project&apos;s method (CUT or CBC), in vector or raster mode.

PROJECT: the FragScape project file. Paths in it are relative to its workspace, or to the file&apos;s own folder when the workspace does not exist here.
OUTPUT_FOLDER: where the buffered layers, the habitat patches and the results go.
LANDUSE, STUDY_AREA, REPORTING: optional layers that replace the project&apos;s (e.g. when a file has moved).
What the project holds that the plugin does not use is listed in the log. Nothing runs when an input layer is missing: the message names it.</source>
        <translation>Exécute un fichier de projet FragScape (.xml) avec les algorithmes de cette extension : les classes d'occupation du sol que le projet sélectionne sont l'habitat, ses couches fragmentantes (filtrées et tamponnées comme dans le projet) le découpent, et la taille effective de maille est mesurée par unité de restitution avec la méthode du projet (CUT ou CBC), en mode vecteur ou raster.

PROJECT : le fichier de projet FragScape. Ses chemins sont relatifs à son dossier de travail, ou au dossier du fichier lui-même quand le dossier de travail n'existe pas ici.
OUTPUT_FOLDER : où vont les couches tamponnées, les taches d'habitat et les résultats.
LANDUSE, STUDY_AREA, REPORTING : couches facultatives qui remplacent celles du projet (par exemple quand un fichier a été déplacé).
Ce que le projet contient et que l'extension n'utilise pas est listé dans le journal. Rien n'est exécuté quand une couche d'entrée manque : le message la nomme.</translation>
    </message>
    <message>
        <source>FragScape project file</source>
        <translation>Fichier de projet FragScape</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>Land use (replaces the project&apos;s)</source>
        <translation>Occupation du sol (remplace celle du projet)</translation>
    </message>
    <message>
        <source>Study area (replaces the project&apos;s)</source>
        <translation>Zone d'étude (remplace celle du projet)</translation>
    </message>
    <message>
        <source>Reporting units (replace the project&apos;s)</source>
        <translation>Unités de restitution (remplacent celles du projet)</translation>
    </message>
    <message>
        <source>Effective mesh size per unit</source>
        <translation>Taille effective de maille par unité</translation>
    </message>
    <message>
        <source>Fragmenting layers</source>
        <translation>Couches fragmentantes</translation>
    </message>
    <message>
        <source>Input layers of the project are missing, nothing was run: {0}. Give the layer as a parameter (LANDUSE, STUDY_AREA, REPORTING) or put the file back.</source>
        <translation>Des couches d'entrée du projet manquent, rien n'a été exécuté : {0}. Donnez la couche en paramètre (LANDUSE, STUDY_AREA, REPORTING) ou remettez le fichier en place.</translation>
    </message>
    <message>
        <source>The project selects no habitat class: nothing to measure.</source>
        <translation>Le projet ne sélectionne aucune classe d'habitat : rien à mesurer.</translation>
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation>Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <source>The layer given as {0} could not be loaded.</source>
        <translation>La couche donnée pour {0} n'a pas pu être chargée.</translation>
    </message>
</context>
</TS>
