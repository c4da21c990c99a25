// Writes a Brotli (.br) and a gzip (.gz) copy next to every text asset of the production build, so the host
// serves them as they are instead of compressing on each request (see host/BizSuite.Host/SpaHosting.cs).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/bizsuite/browser';
const compressible = /\.(js|mjs|css|html|json|svg|webmanifest|txt|ico)$/;
let raw = 0, brotli = 0, gzip = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { walk(path); continue; }
    if (!compressible.test(name)) continue;
    const content = readFileSync(path);
    if (content.length < 1024) continue; // a header costs more than it saves
    const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
    const gz = gzipSync(content, { level: 9 });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    raw += content.length; brotli += br.length; gzip += gz.length;
  }
}

walk(root);
const kb = n => `${(n / 1024).toFixed(0)} kB`;
console.log(`Compressed ${kb(raw)} of assets: Brotli ${kb(brotli)}, gzip ${kb(gzip)}`);
