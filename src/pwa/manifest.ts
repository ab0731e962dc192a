import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: what the browser shows when BRI is installed. */
export const PWA_MANIFEST: Partial<ManifestOptions> = {
  name: 'BRI — Ask. Understand. Remember.',
  short_name: 'BRI',
  description: 'A private video assistant that lives entirely in your browser.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#fff7fa',
  theme_color: '#f4b6c8',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    {
      src: 'icons/icon-maskable-512.png',
      sizes: '512x512',
      type: 'image/png',
      purpose: 'maskable',
    },
  ],
};
