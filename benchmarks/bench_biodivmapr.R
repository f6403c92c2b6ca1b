# biodivMapR 1.14.6's whole chain for bench_biodivmap.py --biodivmapr: its defaults (SPCA,
# 3 components kept, every pixel sampled up to 5 million) with continuum removal off (as
# the plugin's default), no mask; spectral species, alpha, beta and functional diversity.
#   Rscript bench_biodivmapr.R IMAGE OUT N_CLUSTERS N_PARTITIONS N_SAMPLES
suppressPackageStartupMessages(library(biodivMapR))
args <- commandArgs(trailingOnly = TRUE)
image <- args[1]; out <- args[2]
clusters <- as.integer(args[3]); partitions <- as.integer(args[4]); samples <- as.integer(args[5])
set.seed(1)
pca <- perform_PCA(Input_Image_File = image, Input_Mask_File = FALSE, Output_Dir = out, TypePCA = "SPCA",
                   Continuum_Removal = FALSE, nb_partitions = partitions, nbCPU = 1, MaxRAM = 0.5)
map_spectral_species(Input_Image_File = image, Output_Dir = out, SpectralSpace_Output = pca,
                     Input_Mask_File = FALSE, nbclusters = clusters, SelectedPCs = c(1, 2, 3), nbCPU = 1, MaxRAM = 0.5)
map_alpha_div(Input_Image_File = image, Output_Dir = out, TypePCA = "SPCA", window_size = 10, nbclusters = clusters,
              MinSun = 0.25, pcelim = 0.02, Index_Alpha = c("Shannon", "Simpson", "Fisher"), nbCPU = 1, MaxRAM = 0.5)
map_beta_div(Input_Image_File = image, Output_Dir = out, TypePCA = "SPCA", window_size = 10, nbclusters = clusters,
             Nb_Units_Ordin = samples, MinSun = 0.25, pcelim = 0.02, nbCPU = 1, MaxRAM = 0.5)
map_functional_div(Original_Image_File = image, Functional_File = pca$PCA_Files, Selected_Features = c(1, 2, 3),
                   Output_Dir = out, window_size = 10, TypePCA = "SPCA", MinSun = 0.25, nbCPU = 1, MaxRAM = 0.5)
