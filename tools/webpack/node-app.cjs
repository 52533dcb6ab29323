const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * Webpack config for a Node app (api, worker): bundles the app and its libs into dist/apps/<name>;
 * npm packages stay external (installed by npm ci). Types are checked by the typecheck target, not here.
 */
module.exports = function nodeAppWebpackConfig(appName, additionalEntryPoints = []) {
  return {
    output: { path: join(__dirname, '../../dist/apps', appName), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        additionalEntryPoints,
        externalDependencies: 'all',
        optimization: false,
        outputHashing: 'none',
        sourceMap: true,
        generatePackageJson: false,
        skipTypeChecking: true,
      }),
    ],
  };
};
