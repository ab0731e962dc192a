/// <reference types="vite/client" />

/** The app version from package.json, injected by vite.config.ts. */
declare const __APP_VERSION__: string;

/** Versions of mediabunny, @ffmpeg/core and onnxruntime-web, from node_modules. */
declare const __TOOL_VERSIONS__: Record<string, string>;

/** True in test and bench builds (`vite build --mode test`): `window.briTest` is installed. */
declare const __BRI_TEST_HOOKS__: boolean;
