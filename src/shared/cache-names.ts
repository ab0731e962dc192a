/**
 * The Cache Storage caches that hold downloaded bytes, one owner per file:
 * - `MODEL_FILE_CACHE`: what BRI's workers download themselves — raw ONNX models (detector, OCR,
 *   voice activity), onnxruntime's and ffmpeg's wasm — stored on first use, whether or not a
 *   service worker controls the page.
 * - `TRANSFORMERS_CACHE`: transformers.js' own cache of the Hub (or self-hosted) model files.
 * The service worker's precache holds only the app shell (HTML, JS, CSS, icons).
 */
export const MODEL_FILE_CACHE = 'bri-models';
export const TRANSFORMERS_CACHE = 'transformers-cache';
export const APP_SHELL_CACHE_PREFIX = 'workbox-precache';
