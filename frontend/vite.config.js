import { defineConfig } from 'vite';

// Build straight into the Quarkus static resources: pages link /assets/app.js and /assets/app.css.
// No CDN and no external fonts: government intranets are often offline.
export default defineConfig({
  build: {
    outDir: '../target/classes/META-INF/resources/assets',
    emptyOutDir: true,
    // charts.js (ECharts) is loaded on the staff dashboard only.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // app: every page; charts: the staff dashboard only (ECharts stays off the public pages' budget).
      input: { app: 'src/main.js', charts: 'src/charts.js' },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
