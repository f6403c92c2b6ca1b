<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>ConnectivityGraphAlgorithm</name>
    <message>
        <source>Connectivity graph and indices (IIC, PC, ECA)</source>
        <translation>Graphe de connectivité et indices (IIC, PC, ECA)</translation>
    </message>
    <message>
        <source>Habitat patches (raster or polygons)</source>
        <translation>Taches d'habitat (raster ou polygones)</translation>
    </message>
    <message>
        <source>Maximum link distance (0 = no limit)</source>
        <translation>Distance maximale des liens (0 = sans limite)</translation>
    </message>
    <message>
        <source>Distance at which dispersal probability is 0.5</source>
        <translation>Distance à laquelle la probabilité de dispersion vaut 0,5</translation>
    </message>
    <message>
        <source>Landscape area A_L in ha (0 = extent of the grid)</source>
        <translation>Surface du paysage A_L en ha (0 = emprise de la grille)</translation>
    </message>
    <message>
        <source>Resolution for polygon patches without friction (m)</source>
        <translation>Résolution pour des taches polygones sans friction (m)</translation>
    </message>
    <message>
        <source>Use the knight&apos;s move for least-cost distances</source>
        <translation>Utiliser le déplacement du cavalier pour les distances de moindre coût</translation>
    </message>
    <message>
        <source>Compute the importance of every patch (dIIC, dPC)</source>
        <translation>Calculer l'importance de chaque tache (dIIC, dPC)</translation>
    </message>
    <message>
        <source>Patches (graph nodes)</source>
        <translation>Taches (nœuds du graphe)</translation>
    </message>
    <message>
        <source>Links (graph edges)</source>
        <translation>Liens (arêtes du graphe)</translation>
    </message>
    <message>
        <source>Integral index of connectivity</source>
        <translation>Indice intégral de connectivité</translation>
    </message>
    <message>
        <source>Probability of connectivity</source>
        <translation>Probabilité de connectivité</translation>
    </message>
    <message>
        <source>Equivalent connected area (ha)</source>
        <translation>Surface connectée équivalente (ha)</translation>
    </message>
    <message>
        <source>Number of components</source>
        <translation>Nombre de composantes</translation>
    </message>
    <message>
        <source>The friction</source>
        <translation>La friction</translation>
    </message>
    <message>
        <source>The friction raster</source>
        <translation>Le raster de friction</translation>
    </message>
    <message>
        <source>The patches raster</source>
        <translation>Le raster des taches</translation>
    </message>
    <message>
        <source>{0} patches, {1} links, {2} components; IIC = {3:.6g}, PC = {4:.6g}, ECA = {5:.6g} ha (A_L = {6:.6g} ha).</source>
        <translation>{0} taches, {1} liens, {2} composantes ; IIC = {3:.6g}, PC = {4:.6g}, ECA = {5:.6g} ha (A_L = {6:.6g} ha).</translation>
    </message>
    <message>
        <source>The patches</source>
        <translation>Les taches</translation>
    </message>
    <message>
        <source>Builds the landscape graph of habitat patches and computes its connectivity indices.
PATCHES: a raster (valid non-zero cells, grouped in 8-connected patches) or polygons.
FRICTION (optional): link lengths are least-cost distances (metres x friction, GRASS r.cost model); without it, Euclidean distances between the closest patch cells (metres). Links join patches whose zones of nearest patch touch (planar graph, as Graphab); longer paths go through patches.
MAX_DISTANCE: longer links are dropped (0 = keep all). DISTANCE_50: distance at which the dispersal probability of a link is 0.5 (p = exp(-k d)). LANDSCAPE_AREA (ha): A_L, by default the area of the grid&apos;s extent.
Outputs: patches with area (ha), component, dIIC, dPC and its intra / flux / connector fractions (percent); links with distance and probability; IIC and PC (Pascual-Hortal &amp; Saura 2006, Saura &amp; Pascual-Hortal 2007), ECA in hectares, number of components. dPC fractions: Saura &amp; Rubio 2010.
The importance of every patch (dPC, dIIC) is exact: for each removed patch only the paths that went through it are searched again. Its time grows with the square of the number of patches of a connected component (about a minute for one component of 2,000 patches). Turn NODE_IMPORTANCE off to get the global indices only.</source>
        <translation>Construit le graphe paysager des taches d'habitat et calcule ses indices de connectivité.
PATCHES : un raster (cellules valides non nulles, regroupées en taches 8-connexes) ou des polygones.
FRICTION (facultatif) : la longueur des liens est la distance de moindre coût (mètres x friction, modèle de GRASS r.cost) ; sans friction, la distance euclidienne entre les cellules les plus proches des taches (mètres). Les liens relient les taches dont les zones de tache la plus proche se touchent (graphe planaire, comme Graphab) ; les chemins plus longs passent par les taches.
MAX_DISTANCE : les liens plus longs sont supprimés (0 = tous gardés). DISTANCE_50 : distance à laquelle la probabilité de dispersion d'un lien vaut 0,5 (p = exp(-k d)). LANDSCAPE_AREA (ha) : A_L, par défaut la surface de l'emprise de la grille.
Sorties : les taches avec surface (ha), composante, dIIC, dPC et ses fractions intra / flux / connecteur (pourcentages) ; les liens avec distance et probabilité ; IIC et PC (Pascual-Hortal &amp; Saura 2006, Saura &amp; Pascual-Hortal 2007), ECA en hectares, nombre de composantes. Fractions de dPC : Saura &amp; Rubio 2010.
L'importance de chaque tache (dPC, dIIC) est exacte : pour chaque tache retirée, seuls les chemins qui passaient par elle sont recherchés à nouveau. Son temps croît comme le carré du nombre de taches d'une composante connexe (environ une minute pour une composante de 2 000 taches). Désactivez NODE_IMPORTANCE pour n'obtenir que les indices globaux.</translation>
    </message>
    <message>
        <source>Friction</source>
        <translation>Friction</translation>
    </message>
</context>
<context>
    <name>ConnectivityInputs</name>
    <message>
        <source>{0} must be a file raster (GDAL); save it as a GeoTIFF first.</source>
        <translation>{0} doit être un raster fichier (GDAL) ; enregistrez-le d'abord en GeoTIFF.</translation>
    </message>
    <message>
        <source>The class field {0} must hold numeric codes; found {1!r}.</source>
        <translation>Le champ de classe {0} doit contenir des codes numériques ; trouvé {1!r}.</translation>
    </message>
</context>
<context>
    <name>CostDistanceAlgorithm</name>
    <message>
        <source>Cost distance (dispersal)</source>
        <translation>Distance de coût (dispersion)</translation>
    </message>
    <message>
        <source>Sources (raster, points or polygons)</source>
        <translation>Sources (raster, points ou polygones)</translation>
    </message>
    <message>
        <source>Friction raster</source>
        <translation>Raster de friction</translation>
    </message>
    <message>
        <source>Maximum accumulated cost (0 = unlimited)</source>
        <translation>Coût cumulé maximal (0 = illimité)</translation>
    </message>
    <message>
        <source>Use the knight&apos;s move (16 directions)</source>
        <translation>Utiliser le déplacement du cavalier (16 directions)</translation>
    </message>
    <message>
        <source>Distance units</source>
        <translation>Unités de distance</translation>
    </message>
    <message>
        <source>cells (as GRASS r.cost)</source>
        <translation>cellules (comme GRASS r.cost)</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>mètres</translation>
    </message>
    <message>
        <source>Accumulated cost</source>
        <translation>Coût cumulé</translation>
    </message>
    <message>
        <source>Nearest source id</source>
        <translation>Identifiant de la source la plus proche</translation>
    </message>
    <message>
        <source>Dispersal areas</source>
        <translation>Zones de dispersion</translation>
    </message>
    <message>
        <source>Both the sources and the friction layer are required.</source>
        <translation>Les sources et la couche de friction sont toutes deux requises.</translation>
    </message>
    <message>
        <source>The friction</source>
        <translation>La friction</translation>
    </message>
    <message>
        <source>Reading the sources...</source>
        <translation>Lecture des sources...</translation>
    </message>
    <message>
        <source>The source raster</source>
        <translation>Le raster des sources</translation>
    </message>
    <message>
        <source>{0} source(s), {1} cells reached, highest cost {2:g}.</source>
        <translation>{0} source(s), {1} cellules atteintes, coût maximal {2:g}.</translation>
    </message>
    <message>
        <source>Accumulated cost of moving from the nearest source through a friction raster, with the cost model of GRASS r.cost: a move between neighbouring cells costs the mean of their frictions times the step length (1, the diagonal or, with the knight&apos;s move, the mean of the four cells crossed times its length). Nodata friction cells are impassable; a friction of 0 is a free crossing (as in r.cost and BioDispersal), a negative friction is refused.
SOURCES: a raster (every valid non-zero cell; 8-connected patches get ids 1, 2, ...) or a point / polygon layer (feature number = id).
MAX_COST: the search stops beyond this accumulated cost (0 = unlimited); cells beyond it are nodata. UNITS: &apos;cells&apos; gives r.cost&apos;s numbers (step length in cell widths), &apos;metres&apos; multiplies them by the cell width (needs a projected CRS).
Outputs: the accumulated cost (float32, nodata where unreached), optionally the id of the nearest source and the dispersal areas as polygons (one per source).</source>
        <translation>Coût cumulé du déplacement depuis la source la plus proche à travers un raster de friction, avec le modèle de coût de GRASS r.cost : un pas entre cellules voisines coûte la moyenne de leurs frictions fois la longueur du pas (1, la diagonale ou, avec le déplacement du cavalier, la moyenne des quatre cellules traversées fois sa longueur). Les cellules de friction sans donnée sont infranchissables ; une friction de 0 est une traversée sans coût (comme dans r.cost et BioDispersal), une friction négative est refusée.
SOURCES : un raster (toute cellule valide non nulle ; les taches 8-connexes reçoivent les identifiants 1, 2, ...) ou une couche de points / polygones (numéro d'entité = identifiant).
MAX_COST : la recherche s'arrête au-delà de ce coût cumulé (0 = illimité) ; les cellules au-delà sont sans donnée. UNITS : « cellules » donne les valeurs de r.cost (longueur du pas en largeurs de cellule), « mètres » les multiplie par la largeur de cellule (SCR projeté requis).
Sorties : le coût cumulé (float32, sans donnée où il n'est pas atteint), en option l'identifiant de la source la plus proche et les zones de dispersion en polygones (une par source).</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <source>No habitat patch: the patches input has no valid non-zero cell on the grid.</source>
        <translation>Aucune tache d'habitat : l'entrée des taches n'a aucune cellule valide non nulle sur la grille.</translation>
    </message>
    <message>
        <source>{part!r} is not a pair of patch ids; write pairs as 1-2, 2-5.</source>
        <translation>{part!r} n'est pas une paire d'identifiants de taches ; écrivez les paires sous la forme 1-2, 2-5.</translation>
    </message>
    <message>
        <source>No habitat patch: the patches input has no valid non-zero cell.</source>
        <translation>Aucune tache d'habitat : l'entrée des taches n'a aucune cellule valide non nulle.</translation>
    </message>
    <message>
        <source>Patch id(s) {ids} are not in the patches raster (ids 1 to {max_id}).</source>
        <translation>Identifiant(s) de tache {ids} absent(s) du raster des taches (identifiants de 1 à {max_id}).</translation>
    </message>
    <message>
        <source>The friction must be a single-band raster.</source>
        <translation>La friction doit être un raster à une seule bande.</translation>
    </message>
    <message>
        <source>Unknown units {units!r}: use one of {choices}.</source>
        <translation>Unités inconnues {units!r} : utilisez l'une de {choices}.</translation>
    </message>
    <message>
        <source>The maximum cost must be &gt;= 0 (0 = unlimited), not {max_cost:g}.</source>
        <translation>Le coût maximal doit être &gt;= 0 (0 = sans limite), et non {max_cost:g}.</translation>
    </message>
    <message>
        <source>The sources and the friction must have the same grid.</source>
        <translation>Les sources et la friction doivent avoir la même grille.</translation>
    </message>
    <message>
        <source>No source cell: the sources do not cover any passable cell of the friction raster. Check that the sources overlap the friction extent and are not all on nodata cells.</source>
        <translation>Aucune cellule source : les sources ne couvrent aucune cellule franchissable du raster de friction. Vérifiez que les sources recouvrent l'emprise de la friction et ne tombent pas toutes sur des cellules nodata.</translation>
    </message>
    <message>
        <source>Cell {cell} was not reached by the search: no least-cost path leads to it.</source>
        <translation>La cellule {cell} n'a pas été atteinte par la recherche : aucun chemin de moindre coût n'y mène.</translation>
    </message>
    <message>
        <source>The cost surface does not lead back to a source from cell {cell}: was it computed with the same friction, cell size and moves?</source>
        <translation>La surface de coût ne ramène pas à une source depuis la cellule {cell} : a-t-elle été calculée avec la même friction, la même taille de cellule et les mêmes déplacements ?</translation>
    </message>
    <message>
        <source>None of the {feature_count} source feature(s) overlaps the friction raster. Check that the sources and the friction cover the same area (and their CRS).</source>
        <translation>Aucune des {feature_count} entité(s) source ne recouvre le raster de friction. Vérifiez que les sources et la friction couvrent la même zone (et leur SCR).</translation>
    </message>
    <message>
        <source>Friction {text!r} ({where}) is not a number; leave it empty for impassable.</source>
        <translation>La friction {text!r} ({where}) n'est pas un nombre ; laissez-la vide pour infranchissable.</translation>
    </message>
    <message>
        <source>Friction table not found: {path}.</source>
        <translation>Table de friction introuvable : {path}.</translation>
    </message>
    <message>
        <source>The friction table {path} has no row.</source>
        <translation>La table de friction {path} n'a aucune ligne.</translation>
    </message>
    <message>
        <source>The friction table {path} has no column {friction_column!r} (columns: {headers}).</source>
        <translation>La table de friction {path} n'a pas de colonne {friction_column!r} (colonnes : {headers}).</translation>
    </message>
    <message>
        <source>Line {line} of {path}: class {code!r} is not a number.</source>
        <translation>Ligne {line} de {path} : la classe {code!r} n'est pas un nombre.</translation>
    </message>
    <message>
        <source>Unknown preset {nomenclature}/{species_group}.</source>
        <translation>Préréglage inconnu {nomenclature}/{species_group}.</translation>
    </message>
    <message>
        <source>Give one friction per overlay ({count} overlay(s), {parts_count} friction(s)), separated by commas; leave a value empty for impassable.</source>
        <translation>Donnez une friction par surcouche ({count} surcouche(s), {parts_count} friction(s)), séparées par des virgules ; laissez une valeur vide pour infranchissable.</translation>
    </message>
    <message>
        <source>{missing_count} land-cover class(es) have no friction in the table: {shown}. Add them to the table (empty friction = impassable).</source>
        <translation>{missing_count} classe(s) d'occupation du sol n'ont pas de friction dans la table : {shown}. Ajoutez-les à la table (friction vide = infranchissable).</translation>
    </message>
    <message>
        <source>The graph has no patch: check the habitat patches input.</source>
        <translation>Le graphe n'a aucune tache : vérifiez l'entrée des taches d'habitat.</translation>
    </message>
    <message>
        <source>The landscape area and the distance at p = 0.5 must both be &gt; 0.</source>
        <translation>La surface du paysage et la distance à p = 0,5 doivent toutes deux être &gt; 0.</translation>
    </message>
    <message>
        <source>{what} ({path}) has no CRS: it cannot be aligned on the friction grid.</source>
        <translation>{what} ({path}) n'a pas de SCR : impossible de l'aligner sur la grille de friction.</translation>
    </message>
    <message>
        <source>The resolution must be &gt; 0, not {resolution:g}.</source>
        <translation>La résolution doit être &gt; 0, et non {resolution:g}.</translation>
    </message>
    <message>
        <source>A {width} x {height} grid is too large: choose a coarser resolution.</source>
        <translation>Une grille de {width} x {height} est trop grande : choisissez une résolution plus grossière.</translation>
    </message>
    <message>
        <source>{part!r} is not a class code; write codes separated by commas, e.g. 311, 312, 313 or 311-313.</source>
        <translation>{part!r} n'est pas un code de classe ; écrivez des codes séparés par des virgules, par exemple 311, 312, 313 ou 311-313.</translation>
    </message>
    <message>
        <source>No class given: list the land-cover codes to select, e.g. 311, 312, 313.</source>
        <translation>Aucune classe donnée : listez les codes d'occupation du sol à sélectionner, par exemple 311, 312, 313.</translation>
    </message>
    <message>
        <source>No cell selected: none of the classes {classes} is in the land cover (classes present: {present}), or every patch is smaller than the minimum area.</source>
        <translation>Aucune cellule sélectionnée : aucune des classes {classes} n'est dans l'occupation du sol (classes présentes : {present}), ou chaque tache est plus petite que la surface minimale.</translation>
    </message>
    <message>
        <source>Give at least one raster to merge.</source>
        <translation>Donnez au moins un raster à fusionner.</translation>
    </message>
    <message>
        <source>No habitat patch: the patches raster has no valid non-zero cell.</source>
        <translation>Aucune tache d'habitat : le raster des taches n'a aucune cellule valide non nulle.</translation>
    </message>
    <message>
        <source>The friction raster</source>
        <translation>Le raster de friction</translation>
    </message>
    <message>
        <source>The source raster</source>
        <translation>Le raster des sources</translation>
    </message>
    <message>
        <source>The overlay</source>
        <translation>La surcouche</translation>
    </message>
    <message>
        <source>The raster</source>
        <translation>Le raster</translation>
    </message>
    <message>
        <source>The patches raster</source>
        <translation>Le raster des taches</translation>
    </message>
    <message>
        <source>The land cover</source>
        <translation>L'occupation du sol</translation>
    </message>
    <message>
        <source>{count} source cell(s) lie on impassable (nodata) friction cells and were ignored.</source>
        <translation>{count} cellule(s) source se trouvent sur des cellules de friction infranchissables (nodata) et ont été ignorées.</translation>
    </message>
    <message>
        <source>{outside} of {feature_count} source feature(s) fall outside the friction raster (or are too small to cover a cell centre) and were ignored.</source>
        <translation>{outside} des {feature_count} entité(s) source tombent hors du raster de friction (ou sont trop petites pour couvrir un centre de cellule) et ont été ignorées.</translation>
    </message>
    <message>
        <source>{what} ({path}) differs from the reference grid in {problems}: it was resampled ({resampling}) onto the reference grid.</source>
        <translation>{what} ({path}) diffère de la grille de référence par : {problems} ; il a été rééchantillonné ({resampling}) sur la grille de référence.</translation>
    </message>
    <message>
        <source>The friction raster has {bad_count} cell(s) with a negative friction (minimum {bad_min:g}). Frictions must be &gt;= 0 (0 = crossing costs nothing, as in GRASS r.cost); set impassable cells to nodata instead of a negative value.</source>
        <translation>Le raster de friction a {bad_count} cellule(s) de friction négative (minimum {bad_min:g}). Les frictions doivent être &gt;= 0 (0 = traversée sans coût, comme dans GRASS r.cost) ; mettez les cellules infranchissables à nodata plutôt qu'à une valeur négative.</translation>
    </message>
    <message>
        <source>Friction {value:g} ({where}) must be &gt;= 0; leave it empty for impassable.</source>
        <translation>La friction {value:g} ({where}) doit être &gt;= 0 ; laissez-la vide pour une cellule infranchissable.</translation>
    </message>
    <message>
        <source>The study extent {extent} or resolution {resolution} is empty.</source>
        <translation>L'emprise d'étude {extent} ou la résolution {resolution} est vide.</translation>
    </message>
    <message>
        <source>Sub-network {name} merges group(s) {groups} that no selection of the project fills.</source>
        <translation>La sous-trame {name} fusionne le(s) groupe(s) {groups} qu'aucune sélection du projet ne remplit.</translation>
    </message>
    <message>
        <source>The project has no sub-network {name!r} (it has {names}).</source>
        <translation>Le projet n'a pas de sous-trame {name!r} (il a {names}).</translation>
    </message>
    <message>
        <source>Layer override(s) {unknown} name no input layer of the project (its layers: {layers}).</source>
        <translation>Le(s) remplacement(s) de couche {unknown} ne désignent aucune couche d'entrée du projet (ses couches : {layers}).</translation>
    </message>
    <message>
        <source>Input layer(s) of the project not found: {missing} (looked for in {folder}). Point each to another file with a layer override (name=path).</source>
        <translation>Couche(s) d'entrée du projet introuvable(s) : {missing} (cherchées dans {folder}). Désignez pour chacune un autre fichier avec un remplacement de couche (nom=chemin).</translation>
    </message>
    <message>
        <source>Layer override {part!r} is not written as name=path.</source>
        <translation>Le remplacement de couche {part!r} n'est pas écrit sous la forme nom=chemin.</translation>
    </message>
    <message>
        <source>{path} declares a DTD or entities, which are refused for safety: a BioDispersal project has none.</source>
        <translation>{path} déclare une DTD ou des entités, refusées par sécurité : un projet BioDispersal n'en a pas.</translation>
    </message>
    <message>
        <source>{path} is not well-formed XML ({exc}).</source>
        <translation>{path} n'est pas du XML bien formé ({exc}).</translation>
    </message>
    <message>
        <source>{path} is not a BioDispersal project: its root element is &lt;{tag}&gt;, not &lt;BioDispersalModel&gt; (a FragScape project starts with &lt;FragScapeModel&gt;).</source>
        <translation>{path} n'est pas un projet BioDispersal : son élément racine est &lt;{tag}&gt;, pas &lt;BioDispersalModel&gt; (un projet FragScape commence par &lt;FragScapeModel&gt;).</translation>
    </message>
    <message>
        <source>The project file {path} cannot be read ({exc}).</source>
        <translation>Le fichier de projet {path} ne peut pas être lu ({exc}).</translation>
    </message>
    <message>
        <source>{path} has no &lt;ParamsModel&gt;: the study grid (resolution, extent layer) is unknown.</source>
        <translation>{path} n'a pas de &lt;ParamsModel&gt; : la grille d'étude (résolution, couche d'emprise) est inconnue.</translation>
    </message>
    <message>
        <source>The resolution of {path} must be &gt; 0, not {value}.</source>
        <translation>La résolution de {path} doit être &gt; 0, pas {value}.</translation>
    </message>
    <message>
        <source>{path} gives no extent layer: BioDispersal needs one to define the study area.</source>
        <translation>{path} ne donne pas de couche d'emprise : BioDispersal en a besoin pour définir la zone d'étude.</translation>
    </message>
    <message>
        <source>The project gives no CRS: {crs} is used, BioDispersal&apos;s default.</source>
        <translation>Le projet ne donne pas de SCR : {crs} est utilisé, celui de BioDispersal par défaut.</translation>
    </message>
    <message>
        <source>Weighting of {friction} by {weighting} (mode {mode}) is not run: dispersal uses the unweighted friction, as BioDispersal&apos;s cost items of this project do.</source>
        <translation>La pondération de {friction} par {weighting} (mode {mode}) n'est pas exécutée : la dispersion utilise la friction non pondérée, comme les éléments de coût BioDispersal de ce projet.</translation>
    </message>
    <message>
        <source>{path} defines no sub-network (&lt;STModel&gt;).</source>
        <translation>{path} ne définit aucune sous-trame (&lt;STModel&gt;).</translation>
    </message>
    <message>
        <source>The workspace {workspace} does not exist here: paths are read relative to the project file&apos;s folder {folder}.</source>
        <translation>L'espace de travail {workspace} n'existe pas ici : les chemins sont lus relativement au dossier du fichier de projet {folder}.</translation>
    </message>
    <message>
        <source>{what} {text!r} of {path} is not a number.</source>
        <translation>{what} {text!r} de {path} n'est pas un nombre.</translation>
    </message>
    <message>
        <source>Class code {text!r} of {path} is not an integer.</source>
        <translation>Le code de classe {text!r} de {path} n'est pas un entier.</translation>
    </message>
    <message>
        <source>Selection mode {mode!r} of group {group} in {path} is unknown (BioDispersal has VExpr, VField, RClasses, RResample).</source>
        <translation>Le mode de sélection {mode!r} du groupe {group} dans {path} est inconnu (BioDispersal a VExpr, VField, RClasses, RResample).</translation>
    </message>
    <message>
        <source>Group {group} of {path} has no class: its selection cannot be coded.</source>
        <translation>Le groupe {group} de {path} n'a pas de classe : sa sélection ne peut pas être codée.</translation>
    </message>
    <message>
        <source>Friction {text!r} of class {code} for {subnetwork} in {path} is not a number.</source>
        <translation>La friction {text!r} de la classe {code} pour {subnetwork} dans {path} n'est pas un nombre.</translation>
    </message>
    <message>
        <source>Sub-network {name} has no fusion order: the groups are merged in the order of &lt;GroupModel&gt;.</source>
        <translation>La sous-trame {name} n'a pas d'ordre de fusion : les groupes sont fusionnés dans l'ordre de &lt;GroupModel&gt;.</translation>
    </message>
    <message>
        <source>Dispersal over {friction} is not run: that friction is not a sub-network&apos;s own (a weighted friction, for instance).</source>
        <translation>La dispersion sur {friction} n'est pas exécutée : cette friction n'est pas celle d'une sous-trame (une friction pondérée, par exemple).</translation>
    </message>
    <message>
        <source>The friction table</source>
        <translation>La table de friction</translation>
    </message>
    <message>
        <source>The project file</source>
        <translation>Le fichier de projet</translation>
    </message>
</context>
<context>
    <name>FrictionFromLandcoverAlgorithm</name>
    <message>
        <source>Friction from land cover</source>
        <translation>Friction à partir de l'occupation du sol</translation>
    </message>
    <message>
        <source>Land cover raster</source>
        <translation>Raster d'occupation du sol</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>None (use the CSV table)</source>
        <translation>Aucun (utiliser la table CSV)</translation>
    </message>
    <message>
        <source>OSO, forest species</source>
        <translation>OSO, espèces forestières</translation>
    </message>
    <message>
        <source>OSO, open grassland species</source>
        <translation>OSO, espèces des milieux ouverts herbacés</translation>
    </message>
    <message>
        <source>OSO, wetland species</source>
        <translation>OSO, espèces des zones humides</translation>
    </message>
    <message>
        <source>Corine Land Cover, forest species</source>
        <translation>Corine Land Cover, espèces forestières</translation>
    </message>
    <message>
        <source>Corine Land Cover, open grassland species</source>
        <translation>Corine Land Cover, espèces des milieux ouverts herbacés</translation>
    </message>
    <message>
        <source>Corine Land Cover, wetland species</source>
        <translation>Corine Land Cover, espèces des zones humides</translation>
    </message>
    <message>
        <source>Friction table (CSV)</source>
        <translation>Table de friction (CSV)</translation>
    </message>
    <message>
        <source>Friction column of the table</source>
        <translation>Colonne de friction de la table</translation>
    </message>
    <message>
        <source>Friction</source>
        <translation>Friction</translation>
    </message>
    <message>
        <source>Choose a preset or give a friction table (CSV).</source>
        <translation>Choisissez un préréglage ou donnez une table de friction (CSV).</translation>
    </message>
    <message>
        <source>The land cover</source>
        <translation>L'occupation du sol</translation>
    </message>
    <message>
        <source>{0} classes, {1} impassable cells.</source>
        <translation>{0} classes, {1} cellules infranchissables.</translation>
    </message>
    <message>
        <source>Frictions of the overlays, in order (e.g. 1000, , 50)</source>
        <translation>Frictions des surcouches, dans l'ordre (par ex. 1000, , 50)</translation>
    </message>
    <message>
        <source>Each overlay</source>
        <translation>Chaque surcouche</translation>
    </message>
    <message>
        <source>Overlays with their own friction</source>
        <translation>Surcouches avec leur propre friction</translation>
    </message>
    <message>
        <source>Turns a land-cover raster into a friction raster with a class -&gt; friction table (BioDispersal&apos;s friction step). Use a preset (OSO 23 classes or Corine Land Cover, for forest, open grassland or wetland species) or a CSV table whose columns are the class code and the friction (TABLE_COLUMN names the friction column; by default the column &apos;friction&apos; or the second one). Frictions are numbers &gt;= 0 (0 or 1 = habitat; 0 is a free crossing, as in BioDispersal and GRASS r.cost); an empty value means impassable and becomes nodata, a barrier for cost distance. Classes of the raster missing from the table are listed in the error.
OVERLAYS (optional): rasters such as roads or rivers whose valid non-zero cells get their own friction, given in OVERLAY_FRICTIONS in the same order (e.g. 1000, , 50; empty = impassable); the first overlay wins where they overlap. Output: float32, nodata = impassable.</source>
        <translation>Transforme un raster d'occupation du sol en raster de friction avec une table classe -&gt; friction (étape friction de BioDispersal). Utilisez un préréglage (OSO 23 classes ou Corine Land Cover, pour les espèces forestières, des milieux ouverts herbacés ou des zones humides) ou une table CSV dont les colonnes sont le code de classe et la friction (TABLE_COLUMN nomme la colonne de friction ; par défaut la colonne « friction » ou la deuxième). Les frictions sont des nombres &gt;= 0 (0 ou 1 = habitat ; 0 est une traversée sans coût, comme dans BioDispersal et GRASS r.cost) ; une valeur vide signifie infranchissable et devient sans donnée, une barrière pour la distance de coût. Les classes du raster absentes de la table sont listées dans l'erreur.
OVERLAYS (facultatif) : rasters, comme des routes ou des cours d'eau, dont les cellules valides non nulles reçoivent leur propre friction, donnée dans OVERLAY_FRICTIONS dans le même ordre (par ex. 1000, , 50 ; vide = infranchissable) ; la première surcouche l'emporte là où elles se superposent. Sortie : float32, sans donnée = infranchissable.</translation>
    </message>
</context>
<context>
    <name>LeastCostCorridorsAlgorithm</name>
    <message>
        <source>Least-cost paths and corridors</source>
        <translation>Chemins de moindre coût et corridors</translation>
    </message>
    <message>
        <source>Habitat patches (raster or polygons)</source>
        <translation>Taches d'habitat (raster ou polygones)</translation>
    </message>
    <message>
        <source>Friction raster</source>
        <translation>Raster de friction</translation>
    </message>
    <message>
        <source>Maximum cost of a path (0 = unlimited)</source>
        <translation>Coût maximal d'un chemin (0 = illimité)</translation>
    </message>
    <message>
        <source>Patch pairs (e.g. 1-2, 2-5; empty = neighbouring patches)</source>
        <translation>Paires de taches (par ex. 1-2, 2-5 ; vide = taches voisines)</translation>
    </message>
    <message>
        <source>Corridor threshold (0 = 1.1 x least cost)</source>
        <translation>Seuil des corridors (0 = 1,1 x le moindre coût)</translation>
    </message>
    <message>
        <source>Least-cost paths</source>
        <translation>Chemins de moindre coût</translation>
    </message>
    <message>
        <source>Corridors</source>
        <translation>Corridors</translation>
    </message>
    <message>
        <source>The friction</source>
        <translation>La friction</translation>
    </message>
    <message>
        <source>The friction raster</source>
        <translation>Le raster de friction</translation>
    </message>
    <message>
        <source>The patches raster</source>
        <translation>Le raster des taches</translation>
    </message>
    <message>
        <source>{0} least-cost path(s).</source>
        <translation>{0} chemin(s) de moindre coût.</translation>
    </message>
    <message>
        <source>Least-cost paths and corridors between habitat patches, with the cost model of GRASS r.cost (8 neighbours, costs in metres x friction).
PATCHES: a raster (8-connected patches of valid non-zero cells get ids 1, 2, ...) or polygons (feature number = id). PAIRS: patch id pairs such as 1-2, 2-5; empty = neighbouring patches of the planar graph (as connectivity_graph). MAX_COST: pairs whose least cost exceeds it are skipped (0 = no limit).
Outputs: one line per pair with its cost and length (m); a corridor raster holding, in each cell, the cost of the cheapest path between a pair through that cell (sum of the two accumulated costs) where it is at most THRESHOLD (0 = 1.1 x the pair&apos;s least cost).
Each patch is searched once, up to the cost its pairs need (at most 1.1 x MAX_COST), and that search serves all its pairs: set MAX_COST to keep searches short on large rasters.</source>
        <translation>Chemins de moindre coût et corridors entre taches d'habitat, avec le modèle de coût de GRASS r.cost (8 voisins, coûts en mètres x friction).
PATCHES : un raster (les taches 8-connexes de cellules valides non nulles reçoivent les identifiants 1, 2, ...) ou des polygones (numéro d'entité = identifiant). PAIRS : paires d'identifiants de taches comme 1-2, 2-5 ; vide = taches voisines du graphe planaire (comme connectivity_graph). MAX_COST : les paires dont le moindre coût le dépasse sont ignorées (0 = sans limite).
Sorties : une ligne par paire avec son coût et sa longueur (m) ; un raster de corridors donnant, dans chaque cellule, le coût du chemin le moins cher entre une paire passant par cette cellule (somme des deux coûts cumulés) là où il vaut au plus THRESHOLD (0 = 1,1 x le moindre coût de la paire).
Chaque tache est parcourue une seule fois, jusqu'au coût dont ses paires ont besoin (au plus 1,1 x MAX_COST), et ce parcours sert à toutes ses paires : fixez MAX_COST pour garder des parcours courts sur les grands rasters.</translation>
    </message>
</context>
<context>
    <name>MergeByPriorityAlgorithm</name>
    <message>
        <source>Merge rasters by priority</source>
        <translation>Fusionner des rasters par priorité</translation>
    </message>
    <message>
        <source>Stacks several rasters in priority order: in each cell the first raster of the list with a valid (non-nodata) value gives the output value (BioDispersal&apos;s fusion step, e.g. roads over rivers over land cover). The output is on the grid of the first raster; the others are resampled onto it (nearest neighbour) with a warning.</source>
        <translation>Empile plusieurs rasters par ordre de priorité : dans chaque cellule, le premier raster de la liste ayant une valeur valide (pas sans donnée) donne la valeur de sortie (étape fusion de BioDispersal, par ex. routes au-dessus des cours d'eau au-dessus de l'occupation du sol). La sortie est sur la grille du premier raster ; les autres y sont rééchantillonnés (plus proche voisin) avec un avertissement.</translation>
    </message>
    <message>
        <source>Rasters, highest priority first</source>
        <translation>Rasters, du plus prioritaire au moins prioritaire</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Each input</source>
        <translation>Chaque entrée</translation>
    </message>
</context>
<context>
    <name>RunBioDispersalProjectAlgorithm</name>
    <message>
        <source>Run a BioDispersal project</source>
        <translation>Exécuter un projet BioDispersal</translation>
    </message>
    <message>
        <source>Runs a BioDispersal project file (.xml) as BioDispersal does: selection of each group (vector features by expression or by field value, burnt all-touched; raster values reclassified) at the project&apos;s resolution, clipped to its extent layer; fusion of the groups by priority for each sub-network; friction from the project&apos;s table (classes without friction are impassable); dispersal from each cost item&apos;s start layer up to its maximum cost (GRASS r.cost&apos;s cost model, 8 neighbours, friction 0 allowed).
Paths are relative to the project&apos;s workspace, or to the project file&apos;s folder when the workspace does not exist. Every input layer is checked first: a missing one is named and nothing is run.
SUBNETWORKS: names separated by commas (empty = all). LAYER_OVERRIDES: replace input layers, written as path-in-project=new path, separated by semicolons (e.g. Source/Routes/ROUTES.shp=/data/roads.gpkg).
Outputs in OUTPUT_FOLDER: Groups/&lt;group&gt;.tif and, per sub-network, &lt;name&gt;/&lt;name&gt;_classes.tif, &lt;name&gt;_friction.tif and &lt;name&gt;_disp_&lt;max cost&gt;.tif. Weighting items are listed in NOTES, not run.
SAVED_PROJECT (optional): the project, with its layer overrides, saved as a BioDispersal project file (paths relative to it) that BioDispersal opens.</source>
        <translation>Exécute un fichier de projet BioDispersal (.xml) comme BioDispersal : sélection de chaque groupe (entités vectorielles par expression ou par valeur de champ, rastérisées en « tous pixels touchés » ; valeurs raster reclassées) à la résolution du projet, découpée à sa couche d'emprise ; fusion des groupes par priorité pour chaque sous-trame ; friction d'après la table du projet (les classes sans friction sont infranchissables) ; dispersion depuis la couche de départ de chaque élément de coût jusqu'à son coût maximal (modèle de coût de GRASS r.cost, 8 voisins, friction 0 admise).
Les chemins sont relatifs à l'espace de travail du projet, ou au dossier du fichier de projet quand l'espace de travail n'existe pas. Chaque couche d'entrée est vérifiée d'abord : une couche manquante est nommée et rien n'est exécuté.
SUBNETWORKS : noms séparés par des virgules (vide = toutes). LAYER_OVERRIDES : remplace des couches d'entrée, écrit chemin-dans-le-projet=nouveau chemin, séparés par des points-virgules (par ex. Source/Routes/ROUTES.shp=/data/routes.gpkg).
Sorties dans OUTPUT_FOLDER : Groups/&lt;groupe&gt;.tif et, par sous-trame, &lt;nom&gt;/&lt;nom&gt;_classes.tif, &lt;nom&gt;_friction.tif et &lt;nom&gt;_disp_&lt;coût max&gt;.tif. Les pondérations sont listées dans NOTES, non exécutées.
SAVED_PROJECT (facultatif) : le projet, avec ses remplacements de couches, enregistré comme fichier de projet BioDispersal (chemins relatifs à ce fichier) que BioDispersal ouvre.</translation>
    </message>
    <message>
        <source>BioDispersal project file</source>
        <translation>Fichier de projet BioDispersal</translation>
    </message>
    <message>
        <source>Sub-networks (empty = all)</source>
        <translation>Sous-trames (vide = toutes)</translation>
    </message>
    <message>
        <source>Layer overrides (path-in-project=new path; ...)</source>
        <translation>Remplacements de couches (chemin-dans-le-projet=nouveau chemin ; ...)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>Save the project as a BioDispersal project file</source>
        <translation>Enregistrer le projet comme fichier de projet BioDispersal</translation>
    </message>
    <message>
        <source>BioDispersal project (*.xml)</source>
        <translation>Projet BioDispersal (*.xml)</translation>
    </message>
    <message>
        <source>Output files (JSON)</source>
        <translation>Fichiers produits (JSON)</translation>
    </message>
    <message>
        <source>What was not mapped, and why</source>
        <translation>Ce qui n'a pas été repris, et pourquoi</translation>
    </message>
    <message>
        <source>Selection of {0} group(s)...</source>
        <translation>Sélection de {0} groupe(s)...</translation>
    </message>
    <message>
        <source>Cancelled by the user: no output was written.</source>
        <translation>Annulé par l'utilisateur : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <source>No selection of the project fills the groups of the chosen sub-networks.</source>
        <translation>Aucune sélection du projet ne remplit les groupes des sous-trames choisies.</translation>
    </message>
    <message>
        <source>Sub-network {0}: fusion, friction, dispersal...</source>
        <translation>Sous-trame {0} : fusion, friction, dispersion...</translation>
    </message>
    <message>
        <source>The extent layer {0} cannot be opened.</source>
        <translation>La couche d'emprise {0} ne peut pas être ouverte.</translation>
    </message>
    <message>
        <source>Group {0} has a raster selection and other selections: BioDispersal allows one raster selection per group.</source>
        <translation>Le groupe {0} a une sélection raster et d'autres sélections : BioDispersal n'admet qu'une sélection raster par groupe.</translation>
    </message>
    <message>
        <source>The layer {0} of group {1} cannot be opened.</source>
        <translation>La couche {0} du groupe {1} ne peut pas être ouverte.</translation>
    </message>
    <message>
        <source>The layer {0} has no field {1} (group {2}).</source>
        <translation>La couche {0} n'a pas de champ {1} (groupe {2}).</translation>
    </message>
    <message>
        <source>The start layer {0} cannot be opened.</source>
        <translation>La couche de départ {0} ne peut pas être ouverte.</translation>
    </message>
</context>
<context>
    <name>SelectHabitatAlgorithm</name>
    <message>
        <source>Select habitat from land cover</source>
        <translation>Sélectionner l'habitat dans l'occupation du sol</translation>
    </message>
    <message>
        <source>Selects the cells of chosen land-cover classes (BioDispersal&apos;s selection step).
LANDCOVER: a raster of class codes, or a polygon layer with CLASS_FIELD holding numeric codes (rasterised on the grid of REFERENCE, or at RESOLUTION metres over the layer&apos;s extent).
CLASSES: codes separated by commas, ranges allowed (e.g. 311-313, 324).
MIN_AREA (hectares): 8-connected patches smaller than this are dropped.
OUTPUT: int32 raster holding the class (or 1 when &apos;keep the class&apos; is off), nodata elsewhere.</source>
        <translation>Sélectionne les cellules des classes d'occupation du sol choisies (étape sélection de BioDispersal).
LANDCOVER : un raster de codes de classe, ou une couche de polygones dont CLASS_FIELD contient des codes numériques (rastérisée sur la grille de REFERENCE, ou à RESOLUTION mètres sur l'emprise de la couche).
CLASSES : codes séparés par des virgules, intervalles permis (par ex. 311-313, 324).
MIN_AREA (hectares) : les taches 8-connexes plus petites sont supprimées.
OUTPUT : raster int32 contenant la classe (ou 1 si « garder la classe » est désactivé), sans donnée ailleurs.</translation>
    </message>
    <message>
        <source>Land cover (raster, or polygons with a class field)</source>
        <translation>Occupation du sol (raster, ou polygones avec un champ de classe)</translation>
    </message>
    <message>
        <source>Class field (polygon land cover)</source>
        <translation>Champ de classe (occupation du sol en polygones)</translation>
    </message>
    <message>
        <source>Classes to select (e.g. 311-313, 324)</source>
        <translation>Classes à sélectionner (par ex. 311-313, 324)</translation>
    </message>
    <message>
        <source>Minimum patch area (ha)</source>
        <translation>Surface minimale des taches (ha)</translation>
    </message>
    <message>
        <source>Keep the class as value</source>
        <translation>Garder la classe comme valeur</translation>
    </message>
    <message>
        <source>Resolution for polygon land cover (m)</source>
        <translation>Résolution pour une occupation du sol en polygones (m)</translation>
    </message>
    <message>
        <source>Reference grid (raster, optional)</source>
        <translation>Grille de référence (raster, facultatif)</translation>
    </message>
    <message>
        <source>Selected habitat</source>
        <translation>Habitat sélectionné</translation>
    </message>
    <message>
        <source>The land cover</source>
        <translation>L'occupation du sol</translation>
    </message>
    <message>
        <source>The reference</source>
        <translation>La référence</translation>
    </message>
    <message>
        <source>The land cover grid</source>
        <translation>La grille d'occupation du sol</translation>
    </message>
    <message>
        <source>{0} cells selected ({1:.1f} ha).</source>
        <translation>{0} cellules sélectionnées ({1:.1f} ha).</translation>
    </message>
    <message>
        <source>A polygon land cover needs its class field (CLASS_FIELD).</source>
        <translation>Une occupation du sol en polygones a besoin de son champ de classe (CLASS_FIELD).</translation>
    </message>
    <message>
        <source>The land cover (or give a reference raster)</source>
        <translation>L'occupation du sol (ou donnez un raster de référence)</translation>
    </message>
</context>
</TS>
