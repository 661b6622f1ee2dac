// Reads which Node ABI a compiled Node addon was built for, without loading it (loading an addon of
// another ABI fails, or worse, loads into the wrong runtime). Addons built with NODE_MODULE, as
// better-sqlite3 is, export `node_register_module_v<NODE_MODULE_VERSION>`; the name is plain ASCII in
// ELF, Mach-O and PE export tables alike.
import { readFileSync } from 'node:fs';

const MARKER = Buffer.from('node_register_module_v', 'latin1');

/**
 * @param {string | Buffer} addon path of a .node file, or its bytes
 * @returns {number | null} its NODE_MODULE_VERSION, or null when the file names none (N-API addons)
 */
export function nodeModuleVersionOf(addon) {
  const bytes = typeof addon === 'string' ? readFileSync(addon) : addon;
  let at = bytes.indexOf(MARKER);
  while (at !== -1) {
    let end = at + MARKER.length;
    let digits = '';
    while (end < bytes.length && bytes[end] >= 0x30 && bytes[end] <= 0x39) {
      digits += String.fromCharCode(bytes[end]);
      end += 1;
    }
    if (digits !== '') return Number(digits);
    at = bytes.indexOf(MARKER, at + 1);
  }
  return null;
}
