// Prints the gzipped size of the JavaScript a browser must download before the first page can
// render (the entry chunk and every chunk it imports statically) and fails above the budget.
// Chunks loaded with import() (other pages, the OIDC library) are listed but not counted.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1000;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifestPath = join(dist, '.vite', 'manifest.json');

if (!existsSync(manifestPath)) {
  console.error(`No build manifest at ${manifestPath}: run "vite build" first.`);
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('The build manifest has no entry chunk.');
  process.exit(2);
}

/** @param {string} file */
const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** @type {Set<string>} */
const initial = new Set();
/** @param {string} key */
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key] of entries) visit(key);

/** @type {Set<string>} */
const lazy = new Set(
  Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith('.js') && !initial.has(file)),
);

let total = 0;
console.log('Initial JavaScript (entry + static imports), gzip -9:');
for (const file of initial) {
  const size = gzipped(file);
  total += size;
  console.log(`  ${file.padEnd(48)} ${kb(size).padStart(10)}`);
}
console.log(`Loaded on demand (not counted): ${[...lazy].map((f) => `${f} ${kb(gzipped(f))}`).join(', ') || 'none'}`);
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`Initial JS gzipped: ${kb(total)} (${total} bytes) — ${verdict} the budget of ${kb(BUDGET_BYTES)}`);
if (total > BUDGET_BYTES) process.exit(1);
