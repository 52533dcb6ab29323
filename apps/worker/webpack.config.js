const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// Bundles the app and its libs into dist/apps/worker; npm packages stay external (installed by npm ci).
module.exports = {
  output: { path: join(__dirname, '../../dist/apps/worker'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      externalDependencies: 'all',
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
      generatePackageJson: false,
      // The typecheck target checks types; the build only transpiles.
      skipTypeChecking: true,
    }),
  ],
};
