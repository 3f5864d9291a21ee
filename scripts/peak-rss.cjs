// Preloaded by the bench (NODE_OPTIONS=--require): each node process appends its peak RSS (KB).
const { appendFileSync } = require("node:fs");
process.on("exit", () => {
  appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS} ${process.argv[1] ?? "-e"}\n`);
});
