# Runs biodivMapR 1.14.6 on one ENVI image with the parameters of the fidelity comparison
# (docs/fidelity-biodivmap.md): covariance PCA (TypePCA = "PCA"), no continuum removal, no
# mask, 3 components, 10 partitions (every pixel sampled), 50 clusters, window 10,
# MinSun 0.25, pcelim 0.02; spectral species and alpha maps once per seed, functional
# diversity once (it does not depend on the seed). Each seed's outputs are copied to
# OUT/seed_<s>/ before the next seed overwrites them.
#   Rscript run_biodivmapr.R IMAGE OUT SEEDS(comma separated)
suppressPackageStartupMessages(library(biodivMapR))
args <- commandArgs(trailingOnly = TRUE)
image <- args[1]; out <- args[2]; seeds <- as.integer(strsplit(args[3], ",")[[1]])
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(0)
timing <- system.time(pca <- perform_PCA(Input_Image_File = image, Input_Mask_File = FALSE, Output_Dir = out,
                                         TypePCA = "PCA", Continuum_Removal = FALSE, nb_partitions = 10,
                                         nbCPU = 1, MaxRAM = 0.5))
cat("perform_PCA", timing[["elapsed"]], "s\n")
for (seed in seeds) {
  set.seed(seed)
  timing <- system.time({
    map_spectral_species(Input_Image_File = image, Output_Dir = out, SpectralSpace_Output = pca,
                         Input_Mask_File = FALSE, nbclusters = 50, SelectedPCs = c(1, 2, 3), nbCPU = 1, MaxRAM = 0.5)
    map_alpha_div(Input_Image_File = image, Output_Dir = out, TypePCA = "PCA", window_size = 10, nbclusters = 50,
                  MinSun = 0.25, pcelim = 0.02, Index_Alpha = c("Shannon", "Simpson", "Fisher"),
                  FullRes = FALSE, LowRes = TRUE, MapSTD = TRUE, nbCPU = 1, MaxRAM = 0.5)
  })
  cat("seed", seed, "species + alpha", timing[["elapsed"]], "s\n")
  target <- file.path(out, sprintf("seed_%d", seed))
  dir.create(target, showWarnings = FALSE)
  results <- list.files(out, pattern = "^(SpectralSpecies|Shannon|Simpson|Fisher)", recursive = TRUE, full.names = TRUE)
  results <- results[!grepl("seed_", results)]
  file.copy(results, target, overwrite = TRUE)
}
timing <- system.time(map_functional_div(Original_Image_File = image, Functional_File = pca$PCA_Files,
                                         Selected_Features = c(1, 2, 3), Output_Dir = out, window_size = 10,
                                         TypePCA = "PCA", MinSun = 0.25, FullRes = FALSE, LowRes = TRUE,
                                         MapSTD = FALSE, nbCPU = 1, MaxRAM = 0.5))
cat("functional", timing[["elapsed"]], "s\n")
