const { join } = require('node:path');
const nodeAppWebpackConfig = require('../../tools/webpack/node-app.cjs');

// cli.js runs migrations and seeds (npm run migrate / seed). spreadsheet-parse-worker.js is the worker
// thread that reads uploaded spreadsheets (libs/server/platform/src/spreadsheets, spreadsheet-parser.ts): it has to be
// a file of its own next to main.js at run time. openapi.js writes the OpenAPI document (tools/openapi-lint.ts).
module.exports = nodeAppWebpackConfig('api', [
  { entryName: 'cli', entryPath: './src/cli.ts' },
  { entryName: 'openapi', entryPath: './src/openapi.ts' },
  {
    entryName: 'spreadsheet-parse-worker',
    entryPath: join(__dirname, '../../libs/server/platform/src/spreadsheets/spreadsheet-parse.worker.ts'),
  },
]);
