# R's stats::kmeans (Hartigan-Wong, the default; iter.max = 50 as in biodivMapR) from fixed
# initial centres, on three seeded point sets; writes kmeans_reference_<case>.csv:
# one row per point: x1..xD, the start flag (1 for the rows used as initial centres, in
# the order given by start_order), R's cluster (1-based), and per-case R centres in
# kmeans_reference_<case>_centres.csv.
# Run: Rscript make_kmeans_reference.R   (R 4.2.2 here)
cases <- list(
  list(name = "separated", n = 600, d = 3, k = 8, spread = 4, seed = 1),
  list(name = "overlapping", n = 1500, d = 3, k = 50, spread = 1.5, seed = 2),
  list(name = "flat", n = 400, d = 2, k = 5, spread = 0.5, seed = 3)
)
for (case in cases) {
  set.seed(case$seed)
  groups <- matrix(rnorm(6 * case$d) * case$spread, ncol = case$d)
  x <- groups[sample.int(6, case$n, replace = TRUE), , drop = FALSE] + matrix(rnorm(case$n * case$d), ncol = case$d)
  starts <- sample.int(case$n, case$k)
  fit <- kmeans(x, centers = x[starts, , drop = FALSE], iter.max = 50, algorithm = "Hartigan-Wong")
  start_order <- integer(case$n)
  start_order[starts] <- seq_along(starts)
  out <- data.frame(x, start_order = start_order, cluster = fit$cluster)
  names(out)[seq_len(case$d)] <- paste0("x", seq_len(case$d))
  write.csv(format(out, digits = 17), sprintf("kmeans_reference_%s.csv", case$name), row.names = FALSE, quote = FALSE)
  centres <- data.frame(fit$centers, size = fit$size, withinss = fit$withinss, iter = fit$iter)
  write.csv(format(centres, digits = 17), sprintf("kmeans_reference_%s_centres.csv", case$name),
            row.names = FALSE, quote = FALSE)
}
