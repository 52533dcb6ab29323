const nodeAppWebpackConfig = require('../../tools/webpack/node-app.cjs');

module.exports = nodeAppWebpackConfig('worker');
