# data.table::fread peer of bench/cases/read-csv.ts (Debian r-cran-data.table): reads the same
# 68 MB panel CSV and prints one JSON line per thread count with the best wall and that run's CPU time.
# Run: Rscript bench/peers/fread.R "$(npx tsx bench/cases/read-csv.ts)" [repeats]
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
repeats <- if (length(args) > 1) as.integer(args[2]) else 1L
for (threads in c(1L, 2L)) {
  best <- Inf
  cpu <- NA
  for (r in seq_len(repeats)) {
    gc()
    t <- system.time(d <- fread(path, nThread = threads, showProgress = FALSE))
    if (t[["elapsed"]] < best) {
      best <- t[["elapsed"]]
      cpu <- t[["user.self"]] + t[["sys.self"]]
    }
  }
  cat(sprintf('{"case":"fread_nThread%d","n":%d,"k":%d,"seconds":%.4f,"cpu_seconds":%.4f}\n',
              threads, nrow(d), ncol(d), best, cpu))
}
