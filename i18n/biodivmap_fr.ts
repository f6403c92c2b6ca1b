<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AlphaDiversityAlgorithm</name>
    <message>
        <source>Alpha diversity (spectral species)</source>
        <translation>Diversité alpha (espèces spectrales)</translation>
    </message>
    <message>
        <source>Moving window</source>
        <translation>Fenêtre glissante</translation>
    </message>
    <message>
        <source>Order q of the Hill number</source>
        <translation>Ordre q du nombre de Hill</translation>
    </message>
    <message>
        <source>Alpha diversity</source>
        <translation>Diversité alpha</translation>
    </message>
    <message>
        <source>Alpha diversity of spectral species per window (biodivMapR): richness, Shannon H = -Σ p ln p, Simpson 1 - Σ p², Fisher's alpha (S = α ln(1 + N/α)) and the Hill number of order HILL_Q, where p are the shares of the species in the window.

Windows of WINDOW × WINDOW pixels do not overlap (output pixel = WINDOW input pixels) unless MOVING is checked (one value per pixel, window centred on it: slower). A window is computed when more than MIN_VALID of its pixels are valid; species below PCELIM of the window are ignored. Each index is the mean over the iterations (bands) of the spectral-species raster, followed by its standard deviation (n - 1): 10 bands named richness_mean, richness_sd, shannon_mean, ... Fisher's alpha is given only where every iteration has more than 2 species, as in biodivMapR. Nodata: -9999.</source>
        <translation>Diversité alpha des espèces spectrales par fenêtre (biodivMapR) : richesse, Shannon H = -Σ p ln p, Simpson 1 - Σ p², alpha de Fisher (S = α ln(1 + N/α)) et nombre de Hill d'ordre HILL_Q, où p sont les parts des espèces dans la fenêtre.

Les fenêtres de WINDOW × WINDOW pixels ne se chevauchent pas (pixel de sortie = WINDOW pixels d'entrée) sauf si MOVING est coché (une valeur par pixel, fenêtre centrée sur lui : plus lent). Une fenêtre est calculée quand plus de MIN_VALID de ses pixels sont valides ; les espèces sous PCELIM de la fenêtre sont ignorées. Chaque indice est la moyenne sur les itérations (bandes) du raster d'espèces spectrales, suivie de son écart-type (n - 1) : 10 bandes nommées richness_mean, richness_sd, shannon_mean, ... L'alpha de Fisher n'est donné que là où chaque itération a plus de 2 espèces, comme dans biodivMapR. Nodata : -9999.</translation>
    </message>
</context>
<context>
    <name>BetaDiversityAlgorithm</name>
    <message>
        <source>Beta diversity (spectral species)</source>
        <translation>Diversité bêta (espèces spectrales)</translation>
    </message>
    <message>
        <source>Number of sampled windows</source>
        <translation>Nombre de fenêtres échantillonnées</translation>
    </message>
    <message>
        <source>PCoA axes</source>
        <translation>Axes de la PCoA</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <source>Beta diversity (PCoA)</source>
        <translation>Diversité bêta (PCoA)</translation>
    </message>
    <message>
        <source>{0} windows sampled for the PCoA.</source>
        <translation>{0} fenêtres échantillonnées pour la PCoA.</translation>
    </message>
    <message>
        <source>Beta diversity map (biodivMapR): how different the spectral-species composition of each window is from the others.

N_SAMPLES windows with more than MIN_VALID valid pixels are drawn at random (SEED); their Bray-Curtis dissimilarities (on the species shares left after PCELIM, mean over iterations, as in biodivMapR) are ordinated by a principal coordinate analysis (PCoA) on DIMENSIONS axes; every other window is placed at the inverse-distance weighted mean of its 3 least dissimilar sampled windows. Windows of similar composition get similar colours when the 3 bands are shown as RGB. Output pixel = WINDOW input pixels. Nodata: -9999.</source>
        <translation>Carte de diversité bêta (biodivMapR) : à quel point la composition en espèces spectrales de chaque fenêtre diffère des autres.

N_SAMPLES fenêtres ayant plus de MIN_VALID pixels valides sont tirées au hasard (SEED) ; leurs dissimilarités de Bray-Curtis (sur les parts des espèces restant après PCELIM, moyenne sur les itérations, comme dans biodivMapR) sont ordonnées par une analyse en coordonnées principales (PCoA) sur DIMENSIONS axes ; chaque autre fenêtre est placée à la moyenne, pondérée par l'inverse de la distance, de ses 3 fenêtres échantillonnées les moins dissemblables. Les fenêtres de composition proche prennent des couleurs proches quand les 3 bandes sont affichées en RVB. Pixel de sortie = WINDOW pixels d'entrée. Nodata : -9999.</translation>
    </message>
</context>
<context>
    <name>DataTerraError</name>
    <message>
        <source>WINDOW must be at least 1 pixel.</source>
        <translation>WINDOW doit valoir au moins 1 pixel.</translation>
    </message>
    <message>
        <source>WINDOW ({window} pixels) is larger than the image ({width} × {height} pixels): choose a smaller window.</source>
        <translation>WINDOW ({window} pixels) est plus grand que l'image ({width} × {height} pixels) : choisissez une fenêtre plus petite.</translation>
    </message>
    <message>
        <source>The spectral-species raster holds no species (every pixel is masked).</source>
        <translation>Le raster d'espèces spectrales ne contient aucune espèce (tous les pixels sont masqués).</translation>
    </message>
    <message>
        <source>Fewer than 3 windows have enough valid pixels for beta diversity: lower MIN_VALID or WINDOW, or check the spectral-species raster&apos;s mask.</source>
        <translation>Moins de 3 fenêtres ont assez de pixels valides pour la diversité bêta : diminuez MIN_VALID ou WINDOW, ou vérifiez le masque du raster d'espèces spectrales.</translation>
    </message>
    <message>
        <source>DIMENSIONS must be between 1 and the number of PCA bands ({band_count}).</source>
        <translation>DIMENSIONS doit être compris entre 1 et le nombre de bandes de l'ACP ({band_count}).</translation>
    </message>
    <message>
        <source>WINDOW is too small: a convex hull needs more pixels than dimensions.</source>
        <translation>WINDOW est trop petit : une enveloppe convexe demande plus de pixels que de dimensions.</translation>
    </message>
    <message>
        <source>The mask {mask_path} does not share the PCA raster&apos;s grid ({problems}); resample it onto that grid first.</source>
        <translation>Le masque {mask_path} n'est pas sur la grille du raster d'ACP ({problems}) ; rééchantillonnez-le d'abord sur cette grille.</translation>
    </message>
    <message>
        <source>Plot {plot_id} has an empty or invalid geometry.</source>
        <translation>La placette {plot_id} a une géométrie vide ou invalide.</translation>
    </message>
    <message>
        <source>No plot was given.</source>
        <translation>Aucune placette n'a été donnée.</translation>
    </message>
    <message>
        <source>The image has a single band: spectral species need a multispectral image (at least red and near infrared, better 4 to 10 bands).</source>
        <translation>L'image n'a qu'une bande : les espèces spectrales demandent une image multispectrale (au moins rouge et proche infrarouge, mieux 4 à 10 bandes).</translation>
    </message>
    <message>
        <source>Unknown sensor preset {sensor!r}; choose one of {choices}.</source>
        <translation>Préréglage de capteur inconnu {sensor!r} ; choisissez l'un de {choices}.</translation>
    </message>
    <message>
        <source>The band wavelengths are unknown: the file's metadata does not give them. Choose a sensor preset (Sentinel-2, SPOT 6-7, Pléiades) or type the wavelengths in nm, one per band.</source>
        <translation>Les longueurs d'onde des bandes sont inconnues : les métadonnées du fichier ne les donnent pas. Choisissez un préréglage de capteur (Sentinel-2, SPOT 6-7, Pléiades) ou saisissez les longueurs d'onde en nm, une par bande.</translation>
    </message>
    <message>
        <source>The image has {band_count} bands but {source} gives {wavelengths_count} wavelengths ({wavelength_list} nm). Select the matching preset, or stack exactly those bands in that order, or give one wavelength per band.</source>
        <translation>L'image a {band_count} bandes mais {source} donne {wavelengths_count} longueurs d'onde ({wavelength_list} nm). Choisissez le préréglage correspondant, ou empilez exactement ces bandes dans cet ordre, ou donnez une longueur d'onde par bande.</translation>
    </message>
    <message>
        <source>{path} is not a spectral-species model written by Data Terra ({exc}).</source>
        <translation>{path} n'est pas un modèle d'espèces spectrales écrit par Data Terra ({exc}).</translation>
    </message>
    <message>
        <source>{path} is not a spectral-species model of format {model_format}.</source>
        <translation>{path} n'est pas un modèle d'espèces spectrales au format {model_format}.</translation>
    </message>
    <message>
        <source>Reflectance values go up to {high:.0f}: neither 0-1 nor ×10,000 reflectance. Use a surface reflectance product (e.g. Sentinel-2 L2A).</source>
        <translation>Les valeurs de réflectance montent jusqu'à {high:.0f} : ni une réflectance 0-1 ni ×10 000. Utilisez un produit de réflectance de surface (par exemple Sentinel-2 L2A).</translation>
    </message>
    <message>
        <source>The mask {mask_path} does not share the image&apos;s grid ({problems}); resample it onto the image first (Raster &gt; Projections &gt; Warp).</source>
        <translation>Le masque {mask_path} n'est pas sur la grille de l'image ({problems}) ; rééchantillonnez-le d'abord sur l'image (Raster &gt; Projections &gt; Projection (warp)).</translation>
    </message>
    <message>
        <source>No valid pixel left: the image is entirely masked (nodata, user mask, NDVI, shade, cloud thresholds). Check the nodata value, the reflectance scale and lower the NDVI or shade thresholds.</source>
        <translation>Plus aucun pixel valide : l'image est entièrement masquée (nodata, masque utilisateur, seuils NDVI, ombre, nuages). Vérifiez la valeur nodata et l'échelle de réflectance, et abaissez les seuils NDVI ou d'ombre.</translation>
    </message>
    <message>
        <source>Continuum removal needs at least 4 bands (the first and last are dropped).</source>
        <translation>Le retrait du continuum demande au moins 4 bandes (la première et la dernière sont écartées).</translation>
    </message>
    <message>
        <source>Only {sample_count} valid pixels were found, too few for {n_iter} k-means of {n_clusters} spectral species. Lower N_CLUSTERS or N_ITER, or relax the masks.</source>
        <translation>Seulement {sample_count} pixels valides trouvés, trop peu pour {n_iter} k-moyennes de {n_clusters} espèces spectrales. Diminuez N_CLUSTERS ou N_ITER, ou assouplissez les masques.</translation>
    </message>
    <message>
        <source>The model was fitted on {model_band_count} bands but {image_path} has {band_count}: classify an image of the same sensor and band order.</source>
        <translation>Le modèle a été ajusté sur {model_band_count} bandes mais {image_path} en a {band_count} : classez une image du même capteur avec le même ordre de bandes.</translation>
    </message>
    <message>
        <source>Every pixel of the image is masked: nothing to classify.</source>
        <translation>Tous les pixels de l'image sont masqués : rien à classer.</translation>
    </message>
    <message>
        <source>Reflectance stored as integers scaled ×10,000 detected (95th percentile {high:.0f}): values are divided by 10,000 before masking and PCA.</source>
        <translation>Réflectance stockée en entiers multipliés par 10 000 détectée (95e centile {high:.0f}) : les valeurs sont divisées par 10 000 avant les masques et l'ACP.</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rouge</translation>
    </message>
    <message>
        <source>near infrared</source>
        <translation>proche infrarouge</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>bleu</translation>
    </message>
    <message>
        <source>shade</source>
        <translation>ombre</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>nuages</translation>
    </message>
    <message>
        <source>The {mask} mask is not applied: no band near {band} (~{band_nm:g} nm) among the image&apos;s wavelengths ({wavelengths} nm). Check the sensor preset or the wavelengths, or mask those pixels with MASK.</source>
        <translation>Le masque « {mask} » n'est pas appliqué : aucune bande proche du {band} (~{band_nm:g} nm) parmi les longueurs d'onde de l'image ({wavelengths} nm). Vérifiez le préréglage de capteur ou les longueurs d'onde, ou masquez ces pixels avec MASK.</translation>
    </message>
    <message>
        <source>The {mask} mask is not applied: no band near {band} (~{band_nm:g} nm) or {other} (~{other_nm:g} nm) among the image&apos;s wavelengths ({wavelengths} nm). Check the sensor preset or the wavelengths, or mask those pixels with MASK.</source>
        <translation>Le masque « {mask} » n'est pas appliqué : aucune bande proche du {band} (~{band_nm:g} nm) ou du {other} (~{other_nm:g} nm) parmi les longueurs d'onde de l'image ({wavelengths} nm). Vérifiez le préréglage de capteur ou les longueurs d'onde, ou masquez ces pixels avec MASK.</translation>
    </message>
    <message>
        <source>The spectral-species raster {path} holds {value:g} in band {band}: species labels are whole numbers from 1 to {max_species} (0 or nodata: no species).</source>
        <translation>Le raster d’espèces spectrales {path} contient {value:g} dans la bande {band} : les étiquettes d’espèces sont des nombres entiers de 1 à {max_species} (0 ou nodata : pas d’espèce).</translation>
    </message>
    <message>
        <source>The spectral-species raster {path} holds {value:g}: species labels are whole numbers.</source>
        <translation>Le raster d’espèces spectrales {path} contient {value:g} : les étiquettes d’espèces sont des nombres entiers.</translation>
    </message>
    <message>
        <source>The largest spectral-species label of {path} is {n_species}: counting that many species per window needs {gigabytes:.1f} GB. Number the species 1..K without gaps, or use a larger WINDOW.</source>
        <translation>La plus grande étiquette d’espèce spectrale de {path} est {n_species} : compter autant d’espèces par fenêtre demande {gigabytes:.1f} Go. Numérotez les espèces de 1 à K sans trou, ou prenez une fenêtre (WINDOW) plus grande.</translation>
    </message>
    <message>
        <source>No window of the PCA raster {path} has enough valid pixels (every pixel is nodata or masked, or MIN_VALID is too high): nothing to compute.</source>
        <translation>Aucune fenêtre du raster d’ACP {path} n’a assez de pixels valides (tous les pixels sont nodata ou masqués, ou MIN_VALID est trop élevé) : rien à calculer.</translation>
    </message>
    <message>
        <source>The PCA raster {path}</source>
        <translation>Le raster d’ACP {path}</translation>
    </message>
    <message>
        <source>Only {distinct} distinct pixels for {n_clusters} spectral species: lower N_CLUSTERS or sample more pixels.</source>
        <translation>Seulement {distinct} pixels distincts pour {n_clusters} espèces spectrales : baissez N_CLUSTERS ou échantillonnez plus de pixels.</translation>
    </message>
    <message>
        <source>Only {n_features} band(s) left outside the excluded water-vapour ranges: check the wavelengths.</source>
        <translation>Seulement {n_features} bande(s) hors des domaines de vapeur d'eau exclus : vérifiez les longueurs d'onde.</translation>
    </message>
</context>
<context>
    <name>DiversityAtPlotsAlgorithm</name>
    <message>
        <source>Spectral diversity at field plots</source>
        <translation>Diversité spectrale aux placettes de terrain</translation>
    </message>
    <message>
        <source>Spectral species (one band per iteration)</source>
        <translation>Espèces spectrales (une bande par itération)</translation>
    </message>
    <message>
        <source>Field plots (polygons or points)</source>
        <translation>Placettes de terrain (polygones ou points)</translation>
    </message>
    <message>
        <source>Plot identifier field</source>
        <translation>Champ identifiant de la placette</translation>
    </message>
    <message>
        <source>Plot radius for points</source>
        <translation>Rayon des placettes ponctuelles</translation>
    </message>
    <message>
        <source>Ignore species below this share of a plot (PCELIM)</source>
        <translation>Ignorer les espèces sous cette part d'une placette (PCELIM)</translation>
    </message>
    <message>
        <source>Order q of the Hill number</source>
        <translation>Ordre q du nombre de Hill</translation>
    </message>
    <message>
        <source>Diversity at plots</source>
        <translation>Diversité aux placettes</translation>
    </message>
    <message>
        <source>Bray-Curtis between plots</source>
        <translation>Bray-Curtis entre placettes</translation>
    </message>
    <message>
        <source>The plots are points: give a RADIUS greater than 0.</source>
        <translation>Les placettes sont des points : donnez un rayon RADIUS supérieur à 0.</translation>
    </message>
    <message>
        <source>Plot {0} has no geometry.</source>
        <translation>La placette {0} n'a pas de géométrie.</translation>
    </message>
    <message>
        <source>Computes the spectral diversity indices inside field plots, to compare them with field inventories.

Plots are polygons, or points with a RADIUS (circular plots). The pixels whose centre falls inside a plot are counted per spectral species; the table gives, per plot, the number of valid pixels and the mean and standard deviation over iterations of richness, Shannon, Simpson, Fisher's alpha and the Hill number of order HILL_Q (species below PCELIM of the plot ignored). The second table gives the Bray-Curtis dissimilarity of every pair of plots (mean over iterations). Plots are reprojected to the raster's CRS.

With the optional PCA raster of Spectral species, the functional richness, evenness and divergence (FRic, FEve, FDiv, Villéger et al. 2008) of each plot's pixels on the first DIMENSIONS components are added.</source>
        <translation>Calcule les indices de diversité spectrale dans des placettes de terrain, pour les comparer aux inventaires de terrain.

Les placettes sont des polygones, ou des points avec un rayon RADIUS (placettes circulaires). Les pixels dont le centre tombe dans une placette sont comptés par espèce spectrale ; la table donne, par placette, le nombre de pixels valides et la moyenne et l'écart-type sur les itérations de la richesse, de Shannon, de Simpson, de l'alpha de Fisher et du nombre de Hill d'ordre HILL_Q (espèces sous PCELIM de la placette ignorées). La seconde table donne la dissimilarité de Bray-Curtis de chaque paire de placettes (moyenne sur les itérations). Les placettes sont reprojetées dans le SCR du raster.

Avec le raster ACP facultatif d'Espèces spectrales, la richesse, la régularité et la divergence fonctionnelles (FRic, FEve, FDiv, Villéger et al. 2008) des pixels de chaque placette sur les DIMENSIONS premières composantes sont ajoutées.</translation>
    </message>
    <message>
        <source>PCA components used</source>
        <translation>Composantes de l'ACP utilisées</translation>
    </message>
    <message>
        <source>PCA scores, for functional diversity</source>
        <translation>Composantes de l'ACP, pour la diversité fonctionnelle</translation>
    </message>
</context>
<context>
    <name>FunctionalDiversityAlgorithm</name>
    <message>
        <source>Functional diversity (FRic, FEve, FDiv)</source>
        <translation>Diversité fonctionnelle (FRic, FEve, FDiv)</translation>
    </message>
    <message>
        <source>PCA scores</source>
        <translation>Composantes de l'ACP</translation>
    </message>
    <message>
        <source>Mask (0 = excluded)</source>
        <translation>Masque (0 = exclu)</translation>
    </message>
    <message>
        <source>PCA components used</source>
        <translation>Composantes de l'ACP utilisées</translation>
    </message>
    <message>
        <source>Functional diversity</source>
        <translation>Diversité fonctionnelle</translation>
    </message>
    <message>
        <source>Functional diversity per window in the space of the first DIMENSIONS principal components (the PCA output of Spectral species), after Villéger, Mason &amp; Mouillot (2008), every valid pixel weighing the same: FRic, the volume of the convex hull of the pixels; FEve, the regularity of the minimum spanning tree (0 to 1); FDiv, the divergence from the hull's centre of gravity (0 to 1). With STANDARDISE (default, as biodivMapR) each component is first mapped to (x - (Q1 - 1.5·IQR)) / (4·IQR), quartiles of the whole raster; otherwise FRic is in PCA units to the power DIMENSIONS. Windows do not overlap (output pixel = WINDOW input pixels); partial windows at the right and bottom edges get no value (biodivMapR); a window is computed when more than MIN_VALID of its pixels are valid. Nodata: -9999.</source>
        <translation>Diversité fonctionnelle par fenêtre dans l'espace des DIMENSIONS premières composantes principales (la sortie ACP d'Espèces spectrales), d'après Villéger, Mason &amp; Mouillot (2008), chaque pixel valide ayant le même poids : FRic, le volume de l'enveloppe convexe des pixels ; FEve, la régularité de l'arbre couvrant minimal (0 à 1) ; FDiv, la divergence par rapport au centre de gravité de l'enveloppe (0 à 1). Avec STANDARDISE (par défaut, comme biodivMapR), chaque composante est d'abord ramenée à (x - (Q1 - 1,5·IQR)) / (4·IQR), quartiles de tout le raster ; sinon FRic est en unités ACP à la puissance DIMENSIONS. Les fenêtres ne se chevauchent pas (pixel de sortie = WINDOW pixels d'entrée) ; les fenêtres incomplètes des bords droit et bas n'ont pas de valeur (biodivMapR) ; une fenêtre est calculée quand plus de MIN_VALID de ses pixels sont valides. Nodata : -9999.</translation>
    </message>
    <message>
        <source>Standardise the components to their IQR range (biodivMapR)</source>
        <translation>Standardiser les composantes par leur écart interquartile (biodivMapR)</translation>
    </message>
</context>
<context>
    <name>SpectralSpeciesAlgorithm</name>
    <message>
        <source>Spectral species (PCA + k-means)</source>
        <translation>Espèces spectrales (ACP + k-means)</translation>
    </message>
    <message>
        <source>Multispectral image</source>
        <translation>Image multispectrale</translation>
    </message>
    <message>
        <source>Sensor preset (band wavelengths)</source>
        <translation>Préréglage du capteur (longueurs d'onde des bandes)</translation>
    </message>
    <message>
        <source>From the file&apos;s metadata</source>
        <translation>D'après les métadonnées du fichier</translation>
    </message>
    <message>
        <source>Sentinel-2, 10 m bands (B2, B3, B4, B8)</source>
        <translation>Sentinel-2, bandes à 10 m (B2, B3, B4, B8)</translation>
    </message>
    <message>
        <source>Sentinel-2, 10 bands at 20 m (B2 to B12 without B1, B9, B10)</source>
        <translation>Sentinel-2, 10 bandes à 20 m (B2 à B12 sans B1, B9, B10)</translation>
    </message>
    <message>
        <source>SPOT 6-7 (blue, green, red, NIR)</source>
        <translation>SPOT 6-7 (bleu, vert, rouge, PIR)</translation>
    </message>
    <message>
        <source>Pléiades (blue, green, red, NIR)</source>
        <translation>Pléiades (bleu, vert, rouge, PIR)</translation>
    </message>
    <message>
        <source>Band wavelengths in nm, comma separated (overrides the preset)</source>
        <translation>Longueurs d'onde des bandes en nm, séparées par des virgules (remplacent le préréglage)</translation>
    </message>
    <message>
        <source>Mask (0 = excluded)</source>
        <translation>Masque (0 = exclu)</translation>
    </message>
    <message>
        <source>Minimum NDVI</source>
        <translation>NDVI minimal</translation>
    </message>
    <message>
        <source>Shade: minimum NIR reflectance (0-1)</source>
        <translation>Ombre : réflectance PIR minimale (0-1)</translation>
    </message>
    <message>
        <source>Clouds: maximum blue reflectance (0-1)</source>
        <translation>Nuages : réflectance bleue maximale (0-1)</translation>
    </message>
    <message>
        <source>Outlier filter: inter-quartile range weight</source>
        <translation>Filtre des valeurs aberrantes : poids de l'écart interquartile</translation>
    </message>
    <message>
        <source>Continuum removal</source>
        <translation>Retrait du continuum</translation>
    </message>
    <message>
        <source>Pixels sampled to fit PCA and k-means</source>
        <translation>Pixels échantillonnés pour ajuster l'ACP et les k-means</translation>
    </message>
    <message>
        <source>PCA components kept (0: by explained variance)</source>
        <translation>Composantes de l'ACP gardées (0 : selon la variance expliquée)</translation>
    </message>
    <message>
        <source>Explained variance to keep when components = 0</source>
        <translation>Variance expliquée à garder quand composantes = 0</translation>
    </message>
    <message>
        <source>Number of spectral species (clusters)</source>
        <translation>Nombre d'espèces spectrales (classes)</translation>
    </message>
    <message>
        <source>Number of k-means iterations (subsamples)</source>
        <translation>Nombre d'itérations de k-means (sous-échantillons)</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <source>Existing model to apply instead of fitting one (.npz)</source>
        <translation>Modèle existant à appliquer au lieu d'en ajuster un (.npz)</translation>
    </message>
    <message>
        <source>Spectral species model (*.npz)</source>
        <translation>Modèle d'espèces spectrales (*.npz)</translation>
    </message>
    <message>
        <source>Spectral species</source>
        <translation>Espèces spectrales</translation>
    </message>
    <message>
        <source>PCA scores</source>
        <translation>Composantes de l'ACP</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <source>Fitted model</source>
        <translation>Modèle ajusté</translation>
    </message>
    <message>
        <source>Band wavelengths must be numbers in nm separated by commas, e.g. 490, 560, 665, 842.</source>
        <translation>Les longueurs d'onde des bandes doivent être des nombres en nm séparés par des virgules, par exemple 490, 560, 665, 842.</translation>
    </message>
    <message>
        <source>Clusters the pixels of a multispectral image (Sentinel-2, SPOT 6-7, Pléiades) into 'spectral species' (Féret &amp; Asner 2014, biodivMapR).

Band wavelengths come from the wavelength list, else the sensor preset, else the file's metadata. Reflectance stored as integers ×10,000 is detected and rescaled. Pixels are masked where the input is nodata, the optional mask is 0, NDVI is below NDVI_MIN (not vegetation), NIR reflectance is below SHADE_NIR_MIN (shade), blue reflectance is above CLOUD_BLUE_MAX (clouds), or a value lies outside the inter-quartile fences [Q1 - w·IQR, Q3 + w·IQR] (w = IQR_WEIGHT). Optional continuum removal divides each spectrum by its convex hull. Bands in the water-vapour ranges (below 400, 895-1005, 1320-1480, 1780-2040 nm) are dropped, as biodivMapR does. biodivMapR's own mask thresholds are NDVI_MIN 0.8, SHADE_NIR_MIN 0.15 and CLOUD_BLUE_MAX 0.05.

A PCA (standardised bands by default, as biodivMapR's SPCA) is fitted on a seeded random sample of SAMPLE_SIZE valid pixels; COMPONENTS axes are kept (0: as many as needed to explain VARIANCE). N_ITER k-means with N_CLUSTERS centroids are fitted on disjoint parts of the sample, and every pixel gets the number of its nearest centroid, one band per iteration (0 = masked). The same SEED gives the same result.

Clustering: by default as biodivMapR 1.14: each component rescaled to its inter-quartile fences (Q1 - w·IQR, Q3 + w·IQR; w = CLUSTER_IQR_WEIGHT, 2; biodivMapR 2 uses 3), then Hartigan-Wong k-means (R's kmeans) from 10 random starts. The Lloyd option (k-means++ on the raw components) separates the true species better when N_CLUSTERS equals their number.

Outputs: spectral species, PCA scores, mask (1 valid, 0 masked) and the model file (.npz), which MODEL can reuse to classify another date or tile with the same species. The image is processed by blocks.</source>
        <translation>Regroupe les pixels d'une image multispectrale (Sentinel-2, SPOT 6-7, Pléiades) en « espèces spectrales » (Féret &amp; Asner 2014, biodivMapR).

Les longueurs d'onde des bandes viennent de la liste de longueurs d'onde, sinon du préréglage du capteur, sinon des métadonnées du fichier. Une réflectance stockée en entiers ×10 000 est détectée et remise à l'échelle. Les pixels sont masqués là où l'entrée vaut nodata, où le masque facultatif vaut 0, où le NDVI est sous NDVI_MIN (pas de végétation), où la réflectance PIR est sous SHADE_NIR_MIN (ombre), où la réflectance bleue dépasse CLOUD_BLUE_MAX (nuages), ou quand une valeur sort des bornes interquartiles [Q1 - w·IQR, Q3 + w·IQR] (w = IQR_WEIGHT). Le retrait du continuum, facultatif, divise chaque spectre par son enveloppe convexe. Les bandes des domaines d'absorption de la vapeur d'eau (sous 400, 895-1005, 1320-1480, 1780-2040 nm) sont retirées, comme dans biodivMapR. Les seuils de masque de biodivMapR sont NDVI_MIN 0,8, SHADE_NIR_MIN 0,15 et CLOUD_BLUE_MAX 0,05.

Une ACP (sur bandes standardisées par défaut, comme la SPCA de biodivMapR) est ajustée sur un échantillon aléatoire (graine fixée) de SAMPLE_SIZE pixels valides ; COMPONENTS axes sont gardés (0 : autant qu'il en faut pour expliquer VARIANCE). N_ITER k-means à N_CLUSTERS centroïdes sont ajustés sur des parties disjointes de l'échantillon, et chaque pixel reçoit le numéro de son centroïde le plus proche, une bande par itération (0 = masqué). La même graine SEED donne le même résultat.

Partitionnement : par défaut comme biodivMapR 1.14 : chaque composante est ramenée à ses bornes interquartiles (Q1 - w·IQR, Q3 + w·IQR ; w = CLUSTER_IQR_WEIGHT, 2 ; biodivMapR 2 utilise 3), puis k-means de Hartigan-Wong (kmeans de R) depuis 10 départs aléatoires. L'option Lloyd (k-means++ sur les composantes brutes) sépare mieux les vraies espèces quand N_CLUSTERS vaut leur nombre.

Sorties : espèces spectrales, composantes de l'ACP, masque (1 valide, 0 masqué) et le fichier de modèle (.npz), que MODEL peut réutiliser pour classer une autre date ou une tuile voisine avec les mêmes espèces. L'image est traitée par blocs.</translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation>Partitionnement</translation>
    </message>
    <message>
        <source>Hartigan-Wong on components rescaled to their IQR fences (biodivMapR)</source>
        <translation>Hartigan-Wong sur les composantes ramenées à leurs bornes interquartiles (biodivMapR)</translation>
    </message>
    <message>
        <source>Lloyd with k-means++ seeding on the raw components</source>
        <translation>Lloyd avec initialisation k-means++ sur les composantes brutes</translation>
    </message>
    <message>
        <source>Clustering: IQR weight of the rescaling fences (biodivMapR 1: 2, 2: 3)</source>
        <translation>Partitionnement : poids de l'IQR des bornes de mise à l'échelle (biodivMapR 1 : 2, 2 : 3)</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>ACP</translation>
    </message>
    <message>
        <source>Standardised bands (biodivMapR&apos;s SPCA)</source>
        <translation>Bandes standardisées (SPCA de biodivMapR)</translation>
    </message>
    <message>
        <source>Covariance of the bands</source>
        <translation>Covariance des bandes</translation>
    </message>
    <message>
        <source>Drop the bands in water-vapour absorption ranges</source>
        <translation>Retirer les bandes des domaines d'absorption de la vapeur d'eau</translation>
    </message>
</context>
<context>
    <name>WindowParameters</name>
    <message>
        <source>Spectral species (one band per iteration)</source>
        <translation>Espèces spectrales (une bande par itération)</translation>
    </message>
    <message>
        <source>Window size (pixels)</source>
        <translation>Taille de la fenêtre (pixels)</translation>
    </message>
    <message>
        <source>Minimum share of valid pixels in a window</source>
        <translation>Part minimale de pixels valides dans une fenêtre</translation>
    </message>
    <message>
        <source>Ignore species below this share of a window (PCELIM)</source>
        <translation>Ignorer les espèces sous cette part d'une fenêtre (PCELIM)</translation>
    </message>
</context>
</TS>
