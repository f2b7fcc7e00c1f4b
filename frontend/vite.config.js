import { defineConfig } from 'vite';

// Build straight into the Quarkus static resources: pages link /assets/app.js and /assets/app.css.
// No CDN and no external fonts: government intranets are often offline.
export default defineConfig({
  build: {
    outDir: '../target/classes/META-INF/resources/assets',
    emptyOutDir: true,
    rollupOptions: {
      input: 'src/main.js',
      output: {
        entryFileNames: 'app.js',
        assetFileNames: 'app[extname]',
      },
    },
  },
});
