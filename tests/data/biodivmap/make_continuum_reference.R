# biodivMapR 1.14.6's continuumRemoval() on 30 seeded vegetation-like spectra at the
# Sentinel-2 20 m wavelengths; writes continuum_reference.csv (first 10 columns the
# reflectance, then biodivMapR's continuum-removed values).  Rscript make_continuum_reference.R
suppressPackageStartupMessages(library(biodivMapR))
set.seed(4)
wl <- c(490, 560, 665, 705, 740, 783, 842, 865, 1610, 2190)
n <- 30
plateau <- runif(n, 0.25, 0.55); red <- runif(n, 0.02, 0.06); swir <- runif(n, 0.08, 0.3)
spectra <- cbind(runif(n, 0.01, 0.05), runif(n, 0.04, 0.1), red, red + 0.35 * (plateau - red),
                 red + 0.75 * (plateau - red), 0.95 * plateau, plateau, 1.02 * plateau, swir, 0.6 * swir)
spectra <- spectra * matrix(runif(n * 10, 0.97, 1.03), n, 10)
removed <- biodivMapR::continuumRemoval(spectra, wl)
cat("continuum-removed columns:", ncol(removed), "\n")
colnames(spectra) <- paste0("r", seq_len(10)); colnames(removed) <- paste0("cr", seq_len(ncol(removed)))
write.csv(format(data.frame(spectra, removed), digits = 17), "continuum_reference.csv", row.names = FALSE, quote = FALSE)
