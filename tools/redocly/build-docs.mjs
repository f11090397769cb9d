// Renders openapi.yaml into one self-contained HTML page for the dev server's /docs: Redoc's
// scripts inlined (--inlineBundle), and the one thing the page would still fetch from outside,
// Redocly's footer logo on cdn.redoc.ly, replaced by an inline image. Fails if the page would
// still load a script, stylesheet or image from another origin.
// Usage (from the repository root): node tools/redocly/build-docs.mjs <output.html>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const output = process.argv[2];
if (!output) {
  throw new Error('usage: build-docs.mjs <output.html>');
}
const cli = fileURLToPath(new URL('./node_modules/@redocly/cli/bin/cli.js', import.meta.url));
execFileSync(
  process.execPath,
  [cli, 'build-docs', 'openapi.yaml', '--inlineBundle',
    '--title=Two-factor authentication service', `--output=${output}`],
  { stdio: 'inherit' });

const logo = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const inlineLogo = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='64' height='16'%3E"
  + "%3Ctext x='0' y='12' font-family='sans-serif' font-size='12'%3ERedocly%3C/text%3E%3C/svg%3E";
let html = readFileSync(output, 'utf8').replace(logo, inlineLogo);

const outside = [
  /<script[^>]*\ssrc\s*=/i,
  /<link[^>]*href\s*=\s*["']?(https?:)?\/\//i,
  /\bsrc\s*:\s*`https?:\/\//,
  /cdn\.redoc\.ly/,
];
for (const pattern of outside) {
  if (pattern.test(html)) {
    throw new Error(`${output} would load something from outside (${pattern})`);
  }
}
writeFileSync(output, html);
console.log(`${output}: self-contained (${html.length} bytes)`);
