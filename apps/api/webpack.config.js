const nodeAppWebpackConfig = require('../../tools/webpack/node-app.cjs');

// cli.js runs migrations and seeds (npm run migrate / seed).
module.exports = nodeAppWebpackConfig('api', [{ entryName: 'cli', entryPath: './src/cli.ts' }]);
