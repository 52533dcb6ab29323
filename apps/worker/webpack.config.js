const { join } = require('node:path');
const nodeAppWebpackConfig = require('../../tools/webpack/node-app.cjs');

// spreadsheet-parse-worker.js reads the DSPT status list the scheduled fetch downloads (libs/server/platform/src/spreadsheets,
// spreadsheet-parser.ts), as the api's reads uploads: a file of its own next to main.js at run time.
module.exports = nodeAppWebpackConfig('worker', [
  {
    entryName: 'spreadsheet-parse-worker',
    entryPath: join(__dirname, '../../libs/server/platform/src/spreadsheets/spreadsheet-parse.worker.ts'),
  },
]);
